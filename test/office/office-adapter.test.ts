import { buildReport } from '../../src/core/report/report';
import * as path from 'path';
import { readWorkbook, SETTINGS_KEY } from '../../src/adapters/office/excel-read';
import { writeLayouts } from '../../src/adapters/office/excel-write';
import { ExcelRun, hitungInExcel, PAYLOAD_BUDGET, requirementProblem, RunOptions, selectRange } from '../../src/adapters/office/hitung-excel';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { hitung } from '../../src/core/compute/engine';
import { Workbook } from '../../src/core/grid';
import { RESULT_SHEETS } from '../../src/core/result-sheets';
import { toJson } from '../../src/core/report/result-json';
import { layoutSheets, SheetLayout } from '../../src/core/report/sheet-layout';
import { resultSheets } from '../../src/core/report/tables';
import { FakeExcel, FakeSheet, RequestBody, ResponseMessage } from '../../src/demo/fake-excel';
import { FIXTURES, runWithJson } from '../helpers';
import { bigWorkbook } from '../support/big-workbook';
import { withFindings } from '../support/many-findings';
import { excelRun, excelRunCounted, fresh } from '../support/office-client';

/** The target for every request and every response, well under Excel on the web's 5 MB. */
const LIMIT = 4_000_000;

const envOf = (host: FakeExcel) => ({ isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) });

async function hostFromFixture(name: string): Promise<FakeExcel> {
  return FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, name)));
}

/** A whole run, with the settings saved in the workbook unless others are given: its outcome, or the sheets it asks about. */
const attempt = (host: FakeExcel, options: Partial<RunOptions> = {}) => excelRun(host, (context) => hitungInExcel(context, { settings: null, ...options }, envOf(host)));

/** A whole run that asks nothing. */
async function run(host: FakeExcel, options: Partial<RunOptions> = {}): Promise<ExcelRun> {
  const outcome = await attempt(host, options);
  if ('edited' in outcome) throw new Error(`asked about ${outcome.edited.join(', ')}`);
  return outcome;
}

const isOurs = (name: string) => (Object.values(RESULT_SHEETS) as string[]).includes(name);

/** Every request the real client sends to `host`, and every answer. */
function recorded(host: FakeExcel): { requests: RequestBody[]; responses: ResponseMessage[] } {
  const log = { requests: [] as RequestBody[], responses: [] as ResponseMessage[] };
  const execute = host.execute.bind(host);
  host.execute = (body) => {
    log.requests.push(JSON.parse(JSON.stringify(body)) as RequestBody);
    const response = execute(body);
    log.responses.push(response);
    return response;
  };
  return log;
}

const moved = (host: FakeExcel) => [...host.requestBytes, ...host.responseBytes].reduce((a, b) => a + b, 0);

/** Every request and response at most LIMIT bytes, and at most one sync more than one per 3 MB moved. */
function expectWebTargets(host: FakeExcel, syncs: number): void {
  expect(host.largestRequest()).toBeLessThanOrEqual(LIMIT);
  expect(host.largestResponse()).toBeLessThanOrEqual(LIMIT);
  expect(syncs).toBeLessThanOrEqual(1 + moved(host) / 3_000_000);
}

function pemeriksaanOnly(book: Workbook, findings: number): SheetLayout[] {
  return layoutSheets(resultSheets(buildReport(withFindings(hitung(book), findings)).tables)).filter((l) => l.name === RESULT_SHEETS.pemeriksaan);
}

/** A sheet of the user's whose A1 holds `formula`. */
function formulaSheet(name: string, formula: string): FakeSheet {
  const sheet = FakeExcel.fromWorkbook({ sheets: [{ name, values: [['Ringkasan saya']], origin: { row: 0, col: 0 } }] }).sheets[0];
  sheet.cells[1] = [{ value: null, format: 'General', formula }];
  return sheet;
}

/** What a sheet holds and shows: everything but its name and its worksheet Id. */
const stateOf = (host: FakeExcel, name: string) => {
  const { cells, merges, formatting, charts, frozenRows, visibility } = host.sheet(name)!;
  return { cells, merges, formatting, charts, frozenRows, visibility };
};

/** The values on a sheet, without its empty cells. */
const valuesOn = (sheet: FakeSheet) => sheet.cells.flatMap((row) => (row ?? []).map((c) => c?.value ?? null)).filter((v) => v !== null);

const refusal = (code: string): ResponseMessage => ({
  ErrorCode: null,
  Headers: {},
  Body: { Results: [], Error: { Code: code, Message: code, HttpStatusCode: 403, Location: '' } },
});

describe('the Office.js adapter', () => {
  it.each(['semboro-bersih.xlsx', 'semboro-tercetak.xlsx'])('gives the same result as the command line for %s', async (fixture) => {
    const host = await hostFromFixture(fixture);
    const { report } = await run(host);
    const cli = await runWithJson(path.join(FIXTURES, fixture));
    expect(toJson(report)).toEqual(cli.json);
  });

  it('never changes the user sheets, writes no formula, and replaces its sheets on a second run', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    const user = host.sheets.map((s) => s.name);
    const before = user.map((n) => host.snapshot(n));
    await run(host);
    const first = host.sheets.map((s) => s.name);
    await run(host);
    expect(host.sheets.map((s) => s.name)).toEqual(first);
    expect(first.filter((n) => !isOurs(n))).toEqual(user);
    expect(first.filter(isOurs)).toEqual(Object.values(RESULT_SHEETS).filter((n) => first.includes(n)));
    expect(user.map((n) => host.snapshot(n))).toEqual(before);
    for (const s of host.sheets) for (const row of s.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
  });

  it('writes text as it is into cells formatted @ first, so formula-like text stays text as written', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(10));
    const texts = ['=HYPERLINK("http://contoh.invalid","klik")', '+62 812 3456', '-', '@pengguna', "'kutip", 'Biasa'];
    const layout: SheetLayout = {
      ...pemeriksaanOnly(bigWorkbook(10), 1)[0],
      values: [texts],
      numberFormats: [texts.map(() => '@')],
      merges: [],
      styles: [],
      links: [],
      columnWidths: texts.map(() => 10),
      rowHeights: [15],
      table: { row: 0, col: 0, rows: 1, cols: texts.length },
      headerRows: { first: 0, last: 0 },
      printArea: { row: 0, col: 0, rows: 1, cols: texts.length },
    };
    const log = recorded(host);
    await excelRun(host, (context) => writeLayouts(context, [layout], fresh([layout]), PAYLOAD_BUDGET));
    const actions = log.requests.flatMap((r) => r.Actions);
    const sent = actions.filter((a) => a.Name === 'Values').flatMap((a) => (a.ArgumentInfo!.Arguments![0] as unknown[][]).flat());
    expect(sent).toEqual(texts);
    expect(actions.findIndex((a) => a.Name === 'NumberFormat')).toBeLessThan(actions.findIndex((a) => a.Name === 'Values'));
    expect(host.sheet(layout.name)!.cells[0]).toEqual(texts.map((value) => ({ value, format: '@' })));
  });

  it('writes formula-like text (its dashes, a user’s =HYPERLINK name) as text, and the next run finds its sheets as it wrote them', async () => {
    const book = bigWorkbook(10);
    for (const sheet of book.sheets) sheet.values[2][1] = '=HYPERLINK("http://contoh.invalid","klik")';
    const host = FakeExcel.fromWorkbook(book);
    await run(host);
    const written = host.sheets.filter((s) => isOurs(s.name)).flatMap(valuesOn);
    expect(written).toContain('-');
    expect(written).toContainEqual(expect.stringContaining('=HYPERLINK('));
    for (const s of host.sheets) for (const row of s.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
    await expect(attempt(host)).resolves.not.toHaveProperty('edited');
  });

  it('rewrites its sheets in place: a user’s formula into HC Efisiensi points at the same sheet after two runs, which hold what a fresh write holds', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await run(host);
    const efisiensi = host.sheet(RESULT_SHEETS.efisiensi)!.id;
    const formula = `='${RESULT_SHEETS.efisiensi}'!C5`;
    host.sheets.push(formulaSheet('Ringkasan Saya', formula));
    await run(host);
    await run(host);
    expect(host.sheet(RESULT_SHEETS.efisiensi)!.id).toBe(efisiensi);
    expect(host.sheet('Ringkasan Saya')!.cells[1][0]!.formula).toBe(formula);

    const fresh = await hostFromFixture('semboro-tercetak.xlsx');
    fresh.sheets.push(formulaSheet('Ringkasan Saya', formula));
    await run(fresh);
    const ours = fresh.sheets.filter((s) => isOurs(s.name)).map((s) => s.name);
    expect(host.sheets.filter((s) => isOurs(s.name)).map((s) => s.name)).toEqual(ours);
    for (const name of ours) expect(stateOf(host, name)).toEqual(stateOf(fresh, name));
  });

  it('leaves a sheet Excel stopped rewriting for the next run to ask about, and the user’s sheets as they were', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    const user = host.sheets.map((s) => s.name);
    const before = user.map((n) => host.snapshot(n));
    await run(host);
    const execute = host.execute.bind(host);
    // Excel stops at the first value written after a sheet was cleared: a call this host does not
    // model stands in for whatever it refused there.
    host.execute = (body) => {
      const cleared = body.Actions.findIndex((a) => a.Name === 'Clear');
      const stop = body.Actions.findIndex((a, i) => cleared >= 0 && i > cleared && a.Name === 'Values');
      if (stop >= 0) body.Actions[stop] = { ...body.Actions[stop], Name: 'Refused' };
      return execute(body);
    };
    await expect(run(host)).rejects.toMatchObject({ code: 'NotImplemented' });
    host.execute = execute;
    const emptied = host.sheets.filter((s) => isOurs(s.name) && valuesOn(s).length === 0).map((s) => s.name);
    expect(emptied).toHaveLength(1);
    await expect(attempt(host)).resolves.toEqual({ edited: emptied });
    expect(user.map((n) => host.snapshot(n))).toEqual(before);
  });

  it('reads without the sheet walk, one sync more, where Excel refuses calls on the null object past the last sheet', async () => {
    const book = await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx'));
    book.sheets.push({ name: 'Kosong', values: [], origin: { row: 0, col: 0 } });
    const plain = FakeExcel.fromWorkbook(book);
    const refusing = FakeExcel.fromWorkbook(book);
    refusing.refusesCallsOnNullObjects = true;
    const log = recorded(refusing);
    const options = { withMerges: true, responseBudget: PAYLOAD_BUDGET };
    const walked = await excelRunCounted(plain, (context) => readWorkbook(context, options));
    const listed = await excelRunCounted(refusing, (context) => readWorkbook(context, options));
    expect(log.responses.map((r) => r.Body.Error?.Code ?? null).filter((c) => c !== null)).toEqual(['GeneralException']);
    // The refused walk, the names, then what the walk asks of each sheet.
    expect(listed.syncs).toBe(walked.syncs + 2);
    expect(listed.value.workbook).toEqual(walked.value.workbook);
    expect(listed.value.sheets).toEqual(walked.value.sheets);
    for (const host of [plain, refusing]) for (let i = 0; i < 2; i++) await run(host);
    for (const s of plain.sheets) expect(stateOf(refusing, s.name)).toEqual(stateOf(plain, s.name));
  });

  it('on the desktop too, keeps every request and response of a whole run within 4.000.000 bytes, a sync per 3 MB moved besides the sheets’ walk, a first block and the write', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    // The desktop refuses no size: the host only records what the web would have refused.
    host.webLimits = false;
    const { syncs } = await excelRunCounted(host, (context) => hitungInExcel(context, { settings: null }, envOf(host)));
    expect(host.largestRequest()).toBeLessThanOrEqual(LIMIT);
    expect(host.largestResponse()).toBeLessThanOrEqual(LIMIT);
    expect(syncs).toBeLessThanOrEqual(3 + moved(host) / 3_000_000);
  });

  it('on the web, reads and writes 50.000 rekening rows in requests and responses of at most 4.000.000 bytes, a sync per 3 MB moved', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    const read = await excelRunCounted(host, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
    expectWebTargets(host, read.syncs);
    expect(read.syncs).toBeGreaterThan(2);
    const { result } = (await run(host)).report;
    expect(result.anggaran!.items).toHaveLength(10);
    expect(result.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
  });

  it('on the web, a workbook read in one piece would have been refused', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(50_000));
    await expect(
      excelRun(host, async (context) => {
        for (const name of ['DPA', 'Realisasi']) context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('values,numberFormat');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('sizes read blocks from what the first rows weigh: long Rupiah formats and names', async () => {
    const rupiah = '_-[$Rp-421]* #,##0.00_-;\\-[$Rp-421]* #,##0.00_-;_-[$Rp-421]* "-"??_-;_-@_-';
    const book = bigWorkbook(40_000);
    for (const sheet of book.sheets) {
      sheet.values = sheet.values.map((row, r) =>
        r === 0 ? row : row.map((v, c) => (c === 1 ? `${String(v)} untuk penyelenggaraan pelayanan dasar urusan pemerintahan wajib di tingkat kecamatan` : v)),
      );
      sheet.numberFormats = sheet.values.map((row, r) => row.map((_, c) => (r > 0 && c >= 2 ? rupiah : 'General')));
    }
    const host = FakeExcel.fromWorkbook(book);
    const log = recorded(host);
    const { value: input, syncs } = await excelRunCounted(host, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
    expect(input.workbook.sheets[1].values).toHaveLength(book.sheets[1].values.length);
    expect(input.workbook.sheets[1].numberFormats![5][3]).toBe(rupiah);
    expect(log.responses.filter((r) => r.ErrorCode)).toEqual([]);
    expectWebTargets(host, syncs);
  });

  it('asks again for half as many rows when Excel refuses an answer as too large', async () => {
    const book = bigWorkbook(20_000);
    // The first rows are short, the rest long: the first measure is wrong by far.
    for (const sheet of book.sheets)
      sheet.values = sheet.values.map((row, r) => (r < 40 ? row : row.map((v, c) => (c === 1 ? `${String(v)} ${'uraian panjang '.repeat(30)}` : v))));
    const host = FakeExcel.fromWorkbook(book);
    const log = recorded(host);
    const input = await excelRun(host, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
    expect(log.responses.some((r) => r.ErrorCode === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(input.workbook.sheets.map((s) => s.values.length)).toEqual(book.sheets.map((s) => s.values.length));
    expect(input.workbook.sheets[0].values.at(-1)).toEqual(book.sheets[0].values.at(-1));
  });

  it('says in Indonesian which sheet Excel sent no values for, instead of failing on null', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(100));
    host.webLimits = false;
    host.cellLimit = 50;
    await expect(run(host)).rejects.toThrow(/^Excel tidak mengirim isi lembar “DPA” \(.* sel sekaligus\)\. Hapus isi atau format di luar tabel/);
  });

  it('on the web, reads 100.000 merged areas with their blocks of rows, in responses of at most 4.000.000 bytes', async () => {
    const name = 'Realisasi Anggaran 2024';
    const values = Array.from({ length: 100_000 }, (_, r) => [`5.1.02.01.01.${r}`, null, r]);
    const merges = values.map((_, row) => ({ row, col: 0, rows: 1, cols: 2 }));
    const host = FakeExcel.fromWorkbook({ sheets: [{ name, values, origin: { row: 0, col: 0 }, merges }] });
    // Asked of the whole sheet at once, their addresses alone are more than Excel on the web answers.
    await expect(
      excelRun(host, async (context) => {
        context.workbook.worksheets.getItem(name).getRange().getMergedAreasOrNullObject().load('areas/items/address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    host.requestBytes = [];
    host.responseBytes = [];
    const log = recorded(host);
    const input = await excelRun(host, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
    expect(input.workbook.sheets[0].merges).toEqual(merges);
    expect(log.responses.filter((r) => r.ErrorCode)).toEqual([]);
    expect(host.largestRequest()).toBeLessThanOrEqual(LIMIT);
    expect(host.largestResponse()).toBeLessThanOrEqual(LIMIT);
  });

  it('clips merged areas that reach beyond the used range, as Excel answers them whole', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(10));
    const dpa = host.sheets[0];
    dpa.merges = [
      { row: 0, col: 1, rows: 2, cols: 6 },
      { row: 3, col: 0, rows: 1, cols: 2 },
    ];
    for (const webLimits of [true, false]) {
      host.webLimits = webLimits;
      const input = await excelRun(host, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
      expect(input.workbook.sheets[0].merges).toEqual([
        { row: 0, col: 1, rows: 2, cols: 2 },
        { row: 3, col: 0, rows: 1, cols: 2 },
      ]);
    }
  });

  it('tells a date in an amount column by its number format: Excel sends the serial number', async () => {
    const host = FakeExcel.fromWorkbook(bigWorkbook(10));
    const cell = host.sheets[0].cells[4][2]!;
    Object.assign(cell, { value: 45292, format: 'dd/mm/yyyy' });
    const { result } = (await run(host)).report;
    const nilai = result.temuan.filter((t) => t.jenis === 'nilai');
    expect(nilai).toEqual([expect.objectContaining({ lembar: 'DPA', sel: 'C5', tertulis: '01/01/2024' })]);
  });

  it('replaces its sheets when they are the only visible ones', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await run(host);
    for (const s of host.sheets) if (!isOurs(s.name)) s.visibility = 'Hidden';
    const names = host.sheets.map((s) => s.name);
    await run(host);
    expect(host.sheets.map((s) => s.name)).toEqual(names);
  });

  it('replaces a result sheet the user made very hidden', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await run(host);
    host.sheet(RESULT_SHEETS.pemeriksaan)!.visibility = 'VeryHidden';
    await run(host);
    expect(host.sheets.filter((s) => s.name === RESULT_SHEETS.pemeriksaan)).toEqual([expect.objectContaining({ visibility: 'Visible' })]);
  });

  it('splits a 40.000-row write into requests of at most 4.000.000 real bytes, well filled', async () => {
    const host = new FakeExcel();
    host.sheets = FakeExcel.fromWorkbook(bigWorkbook(10)).sheets;
    const values = Array.from({ length: 40_000 }, (_, r) => [`Temuan nomor ${r} dengan pesan yang cukup panjang untuk mengisi permintaan`.repeat(3), null]);
    const layout: SheetLayout = {
      name: RESULT_SHEETS.pemeriksaan,
      values,
      numberFormats: values.map(() => ['@', 'General']),
      merges: [],
      styles: [],
      links: [],
      columnWidths: [80, 10],
      rowHeights: values.map((_, r) => (r % 3 === 0 ? 30 : 15)),
      table: { row: 0, col: 0, rows: values.length, cols: 2 },
      headerRows: { first: 0, last: 0 },
      printArea: { row: 0, col: 0, rows: values.length, cols: 2 },
      orientation: 'portrait',
      chart: null,
    };
    const { syncs } = await excelRunCounted(host, (context) => writeLayouts(context, [layout], fresh([layout]), PAYLOAD_BUDGET));
    expectWebTargets(host, syncs);
    expect(host.requestBytes.slice(0, -1).every((b) => b > 2_500_000)).toBe(true);
    expect(host.sheet(RESULT_SHEETS.pemeriksaan)!.cells[39_999][0]?.value).toBe(values[39_999][0]);
  });

  it('writes a Pemeriksaan sheet of 20.000 findings, each linked, in requests of at most 4.000.000 bytes', async () => {
    const book = bigWorkbook(1_000);
    const host = FakeExcel.fromWorkbook(book);
    const layouts = pemeriksaanOnly(book, 20_000);
    const { syncs } = await excelRunCounted(host, (context) => writeLayouts(context, layouts, fresh(layouts), PAYLOAD_BUDGET));
    expectWebTargets(host, syncs);
    const sheet = host.sheet(RESULT_SHEETS.pemeriksaan)!;
    expect(sheet.formatting.filter((f) => f.path === 'hyperlink')).toHaveLength(20_000);
    expect(sheet.cells).toHaveLength(20_000 + 4);
  });

  it('sets row heights once per run of rows of equal height', async () => {
    const book = bigWorkbook(1_000);
    const host = FakeExcel.fromWorkbook(book);
    const [layout] = pemeriksaanOnly(book, 300);
    await excelRun(host, (context) => writeLayouts(context, [layout], fresh([layout]), PAYLOAD_BUDGET));
    const heights = host.sheet(RESULT_SHEETS.pemeriksaan)!.formatting.filter((f) => f.path === 'format.rowHeight');
    const runs = layout.rowHeights.filter((h, r) => r === 0 || h !== layout.rowHeights[r - 1]).length;
    expect(heights).toHaveLength(runs);
    expect(runs).toBeLessThan(layout.rowHeights.length / 10);
    const rows = heights.flatMap((h) => {
      const m = /^A(\d+)(?::A(\d+))?$/.exec(h.address)!;
      return Array.from({ length: Number(m[2] ?? m[1]) - Number(m[1]) + 1 }, () => h.value);
    });
    expect(rows).toEqual(layout.rowHeights);
  });

  it('saves the settings with the record, in the last request: a write Excel refuses half-way saves none', async () => {
    const book = bigWorkbook(1_000);
    const host = FakeExcel.fromWorkbook(book);
    const layouts = pemeriksaanOnly(book, 20_000);
    const replacement = { ...fresh(layouts), settings: JSON.stringify({ batasCapaian: null }) };
    const execute = host.execute.bind(host);
    let requests = 0;
    host.execute = (body) => (++requests === 3 ? refusal('AccessDenied') : execute(body));
    await expect(excelRun(host, (context) => writeLayouts(context, layouts, replacement, PAYLOAD_BUDGET))).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(host.settings.has(SETTINGS_KEY)).toBe(false);
    expect(host.sheets.map((s) => s.name)).toEqual(['DPA', 'Realisasi']);
    host.execute = execute;
    await excelRun(host, (context) => writeLayouts(context, layouts, replacement, PAYLOAD_BUDGET));
    expect(host.settings.get(SETTINGS_KEY)).toBe(replacement.settings);
  });

  it('saves the settings in the workbook and the next run without settings reuses them', async () => {
    const host = await hostFromFixture('semboro-bersih.xlsx');
    const first = await run(host, { settings: { batasCapaian: null } });
    expect(first.report.result.kinerja!.rataRataCapaian!.toFixed(2)).toBe('100.30');
    const again = await run(host);
    expect(again.settings).toEqual({ batasCapaian: null });
    expect(again.report.result.kinerja!.rataRataCapaian!.toFixed(2)).toBe('100.30');
  });

  it('writes the report formatting, print setup fitted one page wide, links and a chart', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await run(host);
    const pemeriksaan = host.sheet(RESULT_SHEETS.pemeriksaan)!;
    expect(pemeriksaan.formatting.filter((f) => f.path === 'hyperlink').map((f) => f.value)).toContain("'DPA 2024'!C23");
    const anggaran = host.sheet(RESULT_SHEETS['realisasi-anggaran'])!;
    expect(anggaran.formatting).toEqual(
      expect.arrayContaining([
        { address: '', path: 'pageLayout.paperSize', value: 'A4' },
        { address: '', path: 'pageLayout.zoom', value: { horizontalFitToPages: 1, verticalFitToPages: 0 } },
      ]),
    );
    // The table's figures as Indonesian text; beside it, after column F, the same as numbers.
    expect(anggaran.cells[4][2]).toMatchObject({ value: '2.700.414.981', format: '@' });
    expect(anggaran.cells[4][6]).toMatchObject({ value: 2700414981, format: '#,##0' });
    const efisiensi = host.sheet(RESULT_SHEETS.efisiensi)!;
    // Drawn from the block beside the table: the names, then the two percentages as numbers.
    expect(efisiensi.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: 'F4:H8', title: expect.stringMatching(/^Capaian Kinerja dan Serapan/) })]);
    expect(efisiensi.cells[4].slice(5, 8).map((c) => c?.value)).toEqual([expect.stringMatching(/^2\. /), 92.85555555555555, expect.any(Number)]);
  });

  it('selects a finding’s cell in the user’s sheet', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    await expect(excelRun(host, (context) => selectRange(context, 'DPA 2024', 'C23', 'sel C23'))).resolves.toBeNull();
    expect(host.selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    expect(host.activeSheet).toBe('DPA 2024');
  });

  it('says so instead of activating a hidden sheet for a finding', async () => {
    const host = await hostFromFixture('semboro-tercetak.xlsx');
    host.sheet('DPA 2024')!.visibility = 'Hidden';
    await expect(excelRun(host, (context) => selectRange(context, 'DPA 2024', 'C23', 'sel C23'))).resolves.toMatch(
      /^Lembar “DPA 2024” disembunyikan, jadi sel C23 tidak dapat ditampilkan/,
    );
    host.sheet('DPA 2024')!.visibility = 'VeryHidden';
    await expect(excelRun(host, (context) => selectRange(context, 'DPA 2024', 'C23', 'sel C23'))).resolves.toMatch(/very hidden/);
    await expect(excelRun(host, (context) => selectRange(context, 'Lembar Lain', 'A1', 'sel A1'))).resolves.toMatch(/tidak ada lagi/);
    expect(host.selection).toBeNull();
    expect(host.activeSheet).toBeNull();
  });

  it('says in Indonesian what an old Excel lacks', () => {
    const old = new FakeExcel();
    old.apiVersion = '1.8';
    expect(requirementProblem((n, v) => old.isSetSupported(n, v))).toMatch(/ExcelApi 1\.9/);
    expect(requirementProblem((n, v) => new FakeExcel().isSetSupported(n, v))).toBeNull();
  });
});
