import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { ExcelRun, forgetSettings, hitungInExcel, inspectWorkbook, RunOptions } from '../../src/adapters/office/hitung-excel';
import { EditedSheets } from '../../src/core/run/plan';
import { SETTINGS_KEY } from '../../src/adapters/office/excel-read';
import { readXlsxFile, workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { InputError } from '../../src/core/errors';
import { fingerprint, RECORD_NAMESPACE, recordFromXml, RESULT_SHEETS } from '../../src/core/result-sheets';
import { layoutSheets } from '../../src/core/report/sheet-layout';
import { resultSheets } from '../../src/core/report/tables';
import { buildReport } from '../../src/core/report/report';
import { hitung } from '../../src/core/compute/engine';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES, makeXlsx, runQuiet, tempDir } from '../helpers';
import { excelRun } from '../support/office-client';

const envOf = (host: FakeExcel) => ({ isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) });
const SEMBORO = path.join(FIXTURES, 'semboro-tercetak.xlsx');
const USER_SHEETS = ['DPA 2024', 'Realisasi 2024', 'Kinerja 2024'];

const attempt = (host: FakeExcel, options: Partial<RunOptions> = {}): Promise<ExcelRun | EditedSheets> =>
  excelRun(host, (context) => hitungInExcel(context, { settings: null, ...options }, envOf(host)));

async function run(host: FakeExcel, options: Partial<RunOptions> = {}): Promise<ExcelRun> {
  const outcome = await attempt(host, options);
  if ('edited' in outcome) throw new Error(`asked about ${outcome.edited.join(', ')}`);
  return outcome;
}

/** A fake Excel holding a workbook as Excel would open it: every sheet, and its custom XML parts. */
async function hostFromXlsx(file: string): Promise<FakeExcel> {
  const book = await readXlsxFile(file);
  return FakeExcel.fromWorkbook({ sheets: book.grids }, book.recordPart ? [await book.pkg.text(book.recordPart)] : []);
}

const ourParts = (host: FakeExcel) => host.customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
const recordOf = (host: FakeExcel) => recordFromXml(ourParts(host)[0].xml)!;
const names = (host: FakeExcel) => host.sheets.map((s) => s.name);

describe('the add-in replaces only the sheets its record lists', () => {
  it('records the sheets it wrote, with what they hold, in one custom XML part of its namespace', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    const r = await run(host);
    expect(ourParts(host)).toHaveLength(1);
    const record = recordOf(host);
    expect(record.lembar.map((s) => s.nama)).toEqual(r.written.map((w) => w.nama));
    const layouts = layoutSheets(resultSheets(buildReport(hitung(await workbookFromXlsx(SEMBORO))).tables));
    expect(record.lembar.map((s) => s.sidik)).toEqual(layouts.map((l) => fingerprint(l.values)));
    await run(host);
    expect(ourParts(host)).toHaveLength(1);
  });

  it('never touches a user’s own sheet named HC …, and reads it like any other', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    host.sheets.push(FakeExcel.fromWorkbook({ sheets: [{ name: 'HC Catatan Saya', values: [['catatan saya']], origin: { row: 0, col: 0 } }] }).sheets[0]);
    const before = host.snapshot('HC Catatan Saya');
    const first = await run(host);
    await run(host);
    expect(host.snapshot('HC Catatan Saya')).toBe(before);
    expect(first.report.result.deteksi.map((d) => d.lembar)).toContain('HC Catatan Saya');
    expect(names(host).filter((n) => n.startsWith('HC '))).toEqual(['HC Catatan Saya', ...first.written.map((w) => w.nama)]);
  });

  it('gives a new sheet another name where the user’s own sheet has the usual one', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    host.sheets.push(FakeExcel.fromWorkbook({ sheets: [{ name: 'HC Predikat', values: [['punya saya']], origin: { row: 0, col: 0 } }] }).sheets[0]);
    const r = await run(host);
    expect(r.written.find((w) => w.tabel === 'predikat')!.nama).toBe('HC Predikat (2)');
    expect(host.sheet('HC Predikat')!.cells[0][0]!.value).toBe('punya saya');
  });

  it('asks before replacing a result sheet the user changed, writing nothing until told', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    await run(host);
    host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value = 'Tabel 3.7 (sudah diperiksa)';
    const state = () => JSON.stringify({ sheets: host.sheets, settings: [...host.settings], parts: host.customXmlParts });
    const before = state();
    await expect(attempt(host)).resolves.toEqual({ edited: [RESULT_SHEETS.efisiensi] });
    expect(state()).toBe(before);
    const inspection = await excelRun(host, (context) => inspectWorkbook(context, null, envOf(host)));
    expect(inspection).toMatchObject({ edited: [RESULT_SHEETS.efisiensi], firstRun: false });

    const kept = await run(host, { replaceEdited: false });
    expect(kept.kept).toEqual([RESULT_SHEETS.efisiensi]);
    expect(kept.written.find((w) => w.tabel === 'efisiensi')!.nama).toBe('HC Efisiensi (2)');
    expect(host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value).toBe('Tabel 3.7 (sudah diperiksa)');
    // The kept sheet is the user's now: the next run reads it and asks nothing.
    expect(recordOf(host).lembar.map((s) => s.nama)).not.toContain(RESULT_SHEETS.efisiensi);
    await expect(attempt(host)).resolves.toHaveProperty('written');

    host.sheet('HC Efisiensi (2)')!.cells[0][0]!.value = 'lagi';
    const replaced = await run(host, { replaceEdited: true });
    expect(replaced.written.find((w) => w.tabel === 'efisiensi')!.nama).toBe('HC Efisiensi (2)');
    expect(host.sheet('HC Efisiensi (2)')!.cells[0][0]!.value).toBe('Tabel 3.7');
  });

  it('detects before writing: which sheet serves as what, nothing written', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    const before = JSON.stringify({ sheets: host.sheets, settings: [...host.settings], parts: host.customXmlParts });
    const inspection = await excelRun(host, (context) => inspectWorkbook(context, { kolom: { 'DPA 2024': { barisJudul: 99 } } }, envOf(host)));
    expect(JSON.stringify({ sheets: host.sheets, settings: [...host.settings], parts: host.customXmlParts })).toBe(before);
    expect(inspection.sheetNames).toEqual(USER_SHEETS);
    // The sheet whose header row cannot be followed keeps its role, and so does every other.
    expect(inspection.deteksi.map((d) => [d.lembar, d.peran])).toEqual([
      ['DPA 2024', ['dpa']],
      ['Realisasi 2024', ['realisasi']],
      ['Kinerja 2024', ['kinerja']],
    ]);
    expect(inspection.masalah.map((m) => m.field)).toEqual([['kolom', 'DPA 2024', 'barisJudul']]);
    expect(inspection.firstRun).toBe(true);
  });

  it('says when the saved settings cannot be used, and forgets them on request', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    host.settings.set(SETTINGS_KEY, JSON.stringify({ efisiensi: 'Berjenjang' }));
    const inspection = await excelRun(host, (context) => inspectWorkbook(context, null, envOf(host)));
    expect(inspection.saved).toBeNull();
    expect(inspection.savedProblem).toMatch(
      /^Pengaturan yang tersimpan di buku kerja ini tidak dapat dipakai \(“efisiensi” harus “sederhana” atau “berjenjang”, bukan “Berjenjang”\)/,
    );
    await expect(attempt(host)).rejects.toThrow(InputError);
    await expect(attempt(host)).rejects.toThrow(/; perbaiki atau hapus lewat Tinjau Hasil\.$/);
    await excelRun(host, forgetSettings);
    expect(host.settings.has(SETTINGS_KEY)).toBe(false);
    await expect(attempt(host)).resolves.toHaveProperty('written');
  });

  it('writes an amount a spreadsheet number cannot hold as text, as the .xlsx copy does', async () => {
    const dir = await tempDir();
    const file = await makeXlsx(dir, 'besar.xlsx', [
      {
        name: 'DPA',
        rows: [
          ['Kode', 'Uraian', 'Anggaran'],
          ['7.01.01', 'PROGRAM A', '999.999.999.999.999.999.998,01'],
          ['7.01.01.2.01', 'Kegiatan A1', '999.999.999.999.999.999.998,01'],
        ],
      },
    ]);
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(file));
    await run(host);
    const cells = host.sheet(RESULT_SHEETS['realisasi-anggaran'])!.cells.flat();
    expect(cells.filter((c) => c?.value === '999.999.999.999.999.999.998,01')).not.toHaveLength(0);
    expect(cells.every((c) => c?.value !== 1e24)).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('one record for the command line and the add-in', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a workbook written by the CLI is opened by the add-in with the same record: its sheets replaced in place, none edited', async () => {
    const copy = path.join(dir, 'cli.xlsx');
    expect((await runQuiet([SEMBORO, '-o', copy])).code).toBe(0);
    const cli = await readXlsxFile(copy);
    const host = await hostFromXlsx(copy);
    const partId = ourParts(host)[0].id;
    const inspection = await excelRun(host, (context) => inspectWorkbook(context, null, envOf(host)));
    expect(inspection).toMatchObject({ sheetNames: USER_SHEETS, edited: [], firstRun: false });
    const sheetsBefore = names(host);
    const r = await run(host);
    expect(names(host)).toEqual(sheetsBefore);
    expect(r.written.map((w) => w.nama)).toEqual(cli.record.lembar.map((s) => s.nama));
    expect(recordOf(host)).toEqual(cli.record);
    expect(ourParts(host).map((p) => p.id)).toEqual([partId]);
  });

  it('sees a sheet the user changed in the CLI’s copy as changed, and only that one', async () => {
    const copy = path.join(dir, 'cli-diubah.xlsx');
    expect((await runQuiet([SEMBORO, '-o', copy])).code).toBe(0);
    const host = await hostFromXlsx(copy);
    host.sheet(RESULT_SHEETS.predikat)!.cells[3][1]!.value = 'diubah';
    await expect(attempt(host)).resolves.toEqual({ edited: [RESULT_SHEETS.predikat] });
  });

  it('the record the add-in writes is the CLI’s, and the CLI follows it: no sheet seen as changed, none renamed', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(SEMBORO));
    await run(host);
    const copy = path.join(dir, 'cli-dulu.xlsx');
    expect((await runQuiet([SEMBORO, '-o', copy])).code).toBe(0);
    const cli = await readXlsxFile(copy);
    expect(recordOf(host)).toEqual(cli.record);

    // The CLI's copy with its record part replaced by the add-in's, as Excel would have saved it.
    const zip = await JSZip.loadAsync(await fs.readFile(copy));
    zip.file(cli.recordPart!, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${ourParts(host)[0].xml}`);
    const fromAddIn = path.join(dir, 'dari-add-in.xlsx');
    await fs.writeFile(fromAddIn, await zip.generateAsync({ type: 'nodebuffer' }));
    const again = path.join(dir, 'lagi.xlsx');
    const r = await runQuiet([fromAddIn, '-o', again]);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).not.toMatch(/telah diubah/);
    expect((await readXlsxFile(again)).sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
  });
});
