import * as path from 'path';
import { readWorkbook } from '../../src/adapters/office/excel-read';
import { hitungInExcel, requirementProblem, selectCell } from '../../src/adapters/office/hitung-excel';
import { workbookFromXlsx } from '../../src/adapters/xlsx/read';
import { isResultSheet, RESULT_SHEETS } from '../../src/core/result-sheets';
import { toJson } from '../../src/core/report/result-json';
import { FIXTURES, runWithJson } from '../helpers';
import { bigWorkbook } from '../support/big-workbook';
import { FakeExcel, REQUEST_LIMIT, RequestContext } from '../../src/demo/fake-excel';

const asExcel = (context: RequestContext) => context as unknown as Excel.RequestContext;

/** The fake host plays Excel on the web (5 MB limits) unless told otherwise. */
const envOf = (host: FakeExcel) => ({ isSetSupported: (n: string, v: string) => host.isSetSupported(n, v), onTheWeb: host.webLimits });

async function hostFromFixture(name: string): Promise<FakeExcel> {
  return FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, name)));
}

async function run(host: FakeExcel, settings: Parameters<typeof hitungInExcel>[1] = null) {
  return host.run((context) => hitungInExcel(asExcel(context), settings, envOf(host)));
}

describe('the fake Excel host', () => {
  it('throws like Excel when a property is read before load and sync', async () => {
    const host = await hostFromFixture('semboro-bersih.xlsx');
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('DPA 2024').getRange('A1:C3');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toHaveLength(3);
      expect(() => range.numberFormat).toThrow(/not available/);
      expect(() => (range as unknown as Record<string, unknown>).formulasR1C1).toThrow(/fake Excel host has no "formulasR1C1"/);
    });
  });

  it('applies writes only at sync and turns =… into a formula unless the cell is text', async () => {
    const host = new FakeExcel();
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add('Uji');
      ws.getRange('A1:B1').values = [['=1+1', 'x']];
      expect(host.sheets).toHaveLength(0);
      await context.sync();
      const r = ws.getRange('A2');
      r.numberFormat = [['@']];
      r.values = [['=1+1']];
      await context.sync();
    });
    expect(host.sheets[0].cells[0][0]?.formula).toBe('=1+1');
    expect(host.sheets[0].cells[1][0]).toMatchObject({ value: '=1+1' });
  });
});

describe('the Office.js adapter', () => {
  it.each(['semboro-bersih.xlsx', 'semboro-tercetak.xlsx'])('gives the same result as the command line for %s', async (fixture) => {
    const host = await hostFromFixture(fixture);
    const { result } = await run(host);
    const cli = await runWithJson(path.join(FIXTURES, fixture));
    expect(toJson(result)).toEqual(cli.json);
  });

  it('never changes the user sheets, writes text as text, and replaces its sheets on a second run', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    const user = host.sheets.map((s) => s.name);
    const before = user.map((n) => host.snapshot(n));
    await run(host);
    const first = host.sheets.map((s) => s.name);
    await run(host);
    expect(host.sheets.map((s) => s.name)).toEqual(first);
    expect(first.filter((n) => !isResultSheet(n))).toEqual(user);
    expect(first.filter(isResultSheet)).toEqual(Object.values(RESULT_SHEETS).filter((n) => first.includes(n)));
    expect(user.map((n) => host.snapshot(n))).toEqual(before);
    for (const s of host.sheets) for (const row of s.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
  });

  it('keeps formula-like names as text in the result sheets', async () => {
    const host = new FakeExcel();
    const wb = bigWorkbook(10);
    wb.sheets[0].values[1][1] = '=HYPERLINK("http://contoh.invalid","klik")';
    wb.sheets[1].values[1][1] = '=HYPERLINK("http://contoh.invalid","klik")';
    const filled = FakeExcel.fromWorkbook(wb);
    host.sheets = filled.sheets;
    await run(host);
    const sheet = host.sheets.find((s) => s.name === RESULT_SHEETS['realisasi-anggaran'])!;
    const texts = sheet.cells.flatMap((row) => (row ?? []).map((c) => c?.value));
    expect(texts).toContain('Program =HYPERLINK("http://contoh.invalid","klik")');
    for (const s of host.sheets) for (const row of s.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
  });

  it('on the desktop, uses the same number of syncs for 1.000 and 50.000 rekening rows', async () => {
    const small = FakeExcel.fromWorkbook(bigWorkbook(1_000));
    const large = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    small.webLimits = large.webLimits = false;
    await run(small);
    await run(large);
    expect(large.syncs).toBe(small.syncs);
    expect(small.syncs).toBe(4);
  });

  it('on the web, keeps every request and every response under 5 MB, reading a large workbook in blocks', async () => {
    const small = FakeExcel.fromWorkbook(bigWorkbook(1_000));
    const large = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    await run(small);
    const { result } = await run(large);
    expect(small.syncs).toBe(4);
    expect(large.syncs).toBeGreaterThan(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(16);
    expect(large.largestRequest()).toBeLessThan(REQUEST_LIMIT);
    expect(large.largestResponse()).toBeLessThan(REQUEST_LIMIT);
    expect(result.anggaran!.items).toHaveLength(10);
    expect(result.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
  });

  it('on the web, a workbook read in one piece would have been refused', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    await expect(host.run((context) => readWorkbook(asExcel(context), { withMerges: true, responseBudget: null }))).rejects.toThrow(/response payload size/);
  });

  it('splits a large write into requests under 5 MB', async () => {
    const host = new FakeExcel();
    const big = { name: 'HC Pemeriksaan', values: [] as (string | null)[][] };
    for (let r = 0; r < 40_000; r++) big.values.push([`Temuan nomor ${r} dengan pesan yang cukup panjang untuk mengisi permintaan`.repeat(3), null]);
    const { writeLayouts } = await import('../../src/adapters/office/excel-write');
    const layout = {
      name: big.name,
      values: big.values,
      numberFormats: big.values.map(() => ['@', 'General']),
      merges: [],
      styles: [],
      links: [],
      columnWidths: [80, 10],
      rowHeights: big.values.map(() => 15),
      table: { row: 0, col: 0, rows: big.values.length, cols: 2 },
      headerRows: { first: 0, last: 0 },
      printArea: { row: 0, col: 0, rows: big.values.length, cols: 2 },
      orientation: 'portrait' as const,
    };
    await host.run((context) => writeLayouts(asExcel(context), [], [layout]));
    expect(host.requestBytes.length).toBeGreaterThan(1);
    expect(host.largestRequest()).toBeLessThan(REQUEST_LIMIT);
    expect(host.sheets[0].cells[39_999][0]?.value).toBe(big.values[39_999][0]);
  });

  it('saves the settings in the workbook and the next run without settings reuses them', async () => {
    const host = await hostFromFixture('semboro-bersih.xlsx');
    const first = await run(host, { batasCapaian: null });
    expect(first.result.kinerja!.rataRataCapaian!.toFixed(2)).toBe('100.30');
    const again = await run(host, null);
    expect(again.settings).toEqual({ batasCapaian: null });
    expect(again.result.kinerja!.rataRataCapaian!.toFixed(2)).toBe('100.30');
  });

  it('writes the report formatting, print setup, links and a chart', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await run(host);
    const pemeriksaan = host.sheets.find((s) => s.name === RESULT_SHEETS.pemeriksaan)!;
    expect(pemeriksaan.formatting.filter((f) => f.path === 'hyperlink').map((f) => f.value)).toContain("'DPA 2024'!C23");
    const anggaran = host.sheets.find((s) => s.name === RESULT_SHEETS['realisasi-anggaran'])!;
    expect(anggaran.formatting).toEqual(expect.arrayContaining([{ address: '', path: 'pageLayout.paperSize', value: 'A4' }]));
    expect(anggaran.cells[4][2]).toMatchObject({ value: 2700414981, format: '#,##0' });
    const efisiensi = host.sheets.find((s) => s.name === RESULT_SHEETS.efisiensi)!;
    expect(efisiensi.charts).toEqual([{ type: 'ColumnClustered', source: "'HC Efisiensi'!A4:C8" }]);
  });

  it('selects a finding’s cell in the user’s sheet', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await host.run((context) => selectCell(asExcel(context), 'DPA 2024', 'C23'));
    expect(host.selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    expect(host.activeSheet).toBe('DPA 2024');
  });

  it('says in Indonesian what an old Excel lacks', () => {
    const old = new FakeExcel();
    old.apiVersion = '1.8';
    expect(requirementProblem((n, v) => old.isSetSupported(n, v))).toMatch(/ExcelApi 1\.9/);
    expect(requirementProblem((n, v) => new FakeExcel().isSetSupported(n, v))).toBeNull();
  });
});
