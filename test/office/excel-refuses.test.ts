import * as path from 'path';
import { describeError } from '../../src/adapters/office/errors';
import { RECORD_UNAVAILABLE, SETTINGS_KEY } from '../../src/adapters/office/excel-read';
import { RECORD_NOT_SAVED, SETTINGS_NOT_SAVED } from '../../src/adapters/office/excel-write';
import { ExcelRun, forgetSettings, hitungInExcel, inspectWorkbook, RunOptions, SETTINGS_NOT_DELETED } from '../../src/adapters/office/hitung-excel';
import { excelRun as officeRun } from '../../src/adapters/office/office-env';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { InputError } from '../../src/core/errors';
import { RECORD_NAMESPACE, RESULT_SHEETS } from '../../src/core/result-sheets';
import { toJson } from '../../src/core/report/result-json';
import { buildReport } from '../../src/core/report/report';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES } from '../helpers';
import { excelRun, loadOfficeClient } from '../support/office-client';

const envOf = (host: FakeExcel) => ({ isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) });
const USER_SHEETS = ['DPA 2024', 'Realisasi 2024', 'Kinerja 2024'];
const semboro = async () => FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx')));

async function run(host: FakeExcel, options: Partial<RunOptions> = {}): Promise<ExcelRun> {
  const outcome = await excelRun(host, (context) => hitungInExcel(context, { settings: null, ...options }, envOf(host)));
  if ('edited' in outcome) throw new Error(`asked about ${outcome.edited.join(', ')}`);
  return outcome;
}

/** What the workbook holds, to show that nothing changed. */
const stateOf = (host: FakeExcel) => JSON.stringify({ sheets: host.sheets, settings: [...host.settings], parts: host.customXmlParts });
const ours = (host: FakeExcel) => host.customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);

describe('while the user edits a cell', () => {
  it('the add-in’s Excel.run waits for the editing to end (delayForCellEdit) and then runs', async () => {
    const host = await semboro();
    const client = loadOfficeClient();
    Object.assign(globalThis, { Excel: { run: (options: Excel.RunOptions, batch: (c: Excel.RequestContext) => Promise<unknown>) => host.run(client, batch, options) } });
    host.cellEditing = true;
    let done = false;
    const running = officeRun((context) => hitungInExcel(context, { settings: null }, envOf(host))).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toBe(false);
    expect(host.sheets.map((s) => s.name)).toEqual(USER_SHEETS);
    host.cellEditing = false;
    await running;
    expect(host.sheet(RESULT_SHEETS.efisiensi)).toBeDefined();
  });

  it('a request sent without it is refused, which the user reads as one sentence saying to press Enter or Esc', async () => {
    const host = await semboro();
    host.cellEditing = true;
    const error = await run(host).catch((e: unknown) => e);
    expect(describeError(error)).toEqual({
      pesan: 'Excel sedang menunggu Anda selesai menyunting sebuah sel, jadi tekan Enter atau Esc di sel itu lalu coba lagi.',
      rincian: expect.stringMatching(/^InvalidOperationInCellEditMode: /),
    });
  });
});

describe('a protected workbook', () => {
  it('with a result sheet protected: says which before writing anything', async () => {
    const host = await semboro();
    await run(host);
    host.sheet(RESULT_SHEETS.efisiensi)!.protected = true;
    const before = stateOf(host);
    await expect(run(host)).rejects.toThrow(
      new InputError(
        `Lembar hasil “${RESULT_SHEETS.efisiensi}” diproteksi, jadi Hitung Capaian tidak dapat menulis hasil baru ke dalamnya: buka proteksinya (Tinjau → Buka Proteksi Lembar), lalu hitung lagi.`,
      ),
    );
    expect(stateOf(host)).toEqual(before);
  });

  it('with its structure protected: says so before the first run writes anything, and rewrites its sheets in place on a later run', async () => {
    const host = await semboro();
    host.structureProtected = true;
    const before = stateOf(host);
    await expect(run(host)).rejects.toThrow(/^Struktur buku kerja ini diproteksi, jadi Hitung Capaian tidak dapat menambah, menghapus atau mengganti nama lembar hasil/);
    expect(stateOf(host)).toEqual(before);
    host.structureProtected = false;
    await run(host);
    const names = host.sheets.map((s) => s.name);
    host.structureProtected = true;
    await run(host);
    expect(host.sheets.map((s) => s.name)).toEqual(names);
  });

  it('a user’s protected sheet is only read', async () => {
    const host = await semboro();
    host.sheet('DPA 2024')!.protected = true;
    const { result } = (await run(host)).report;
    expect(result.anggaran).not.toBeNull();
  });
});

describe('settings and the record Excel would not save', () => {
  it('where Excel refuses the settings: the sheets and the record are written, and the run says the settings were not saved', async () => {
    const host = await semboro();
    host.refusals.set('SettingCollection.add', 'AccessDenied');
    const outcome = await run(host, { settings: { batasCapaian: null } });
    expect(outcome.catatan).toEqual([SETTINGS_NOT_SAVED]);
    expect(host.settings.has(SETTINGS_KEY)).toBe(false);
    expect(ours(host)).toHaveLength(1);
    expect(host.sheet(RESULT_SHEETS.efisiensi)).toBeDefined();
  });

  it('where Excel refuses the record: the sheets and the settings are saved, and the run says the record was not', async () => {
    const host = await semboro();
    host.refusals.set('CustomXmlPartCollection.add', 'GeneralException');
    const outcome = await run(host, { settings: { batasCapaian: null } });
    expect(outcome.catatan).toEqual([RECORD_NOT_SAVED]);
    expect(host.settings.get(SETTINGS_KEY)).toBe(JSON.stringify({ batasCapaian: null }));
    expect(ours(host)).toEqual([]);
    expect(host.sheet(RESULT_SHEETS.efisiensi)).toBeDefined();
  });

  it('where Excel refuses both: the sheets are written and the run says each', async () => {
    const host = await semboro();
    host.refusals.set('CustomXmlPartCollection.add', 'GeneralException');
    host.refusals.set('SettingCollection.add', 'AccessDenied');
    const outcome = await run(host);
    expect(outcome.catatan).toEqual([RECORD_NOT_SAVED, SETTINGS_NOT_SAVED]);
    expect(host.sheet(RESULT_SHEETS.efisiensi)).toBeDefined();
  });

  it('on an unsaved workbook on iPad (OfficeDev/office-js#3936): detects and computes, saves the settings, and says once why no record is kept', async () => {
    const host = await semboro();
    host.unsavedOnIpad = true;
    const found = await excelRun(host, (context) => inspectWorkbook(context, null, envOf(host)));
    expect(found.catatan).toEqual([RECORD_UNAVAILABLE]);
    const first = await run(host, { settings: { batasCapaian: null } });
    expect(first.catatan).toEqual([RECORD_UNAVAILABLE]);
    expect(host.settings.get(SETTINGS_KEY)).toBe(JSON.stringify({ batasCapaian: null }));
    expect(host.customXmlParts).toEqual([]);
    // Without a record the sheets written may be the user's: the next run reads none of them and writes beside them.
    const again = await run(host);
    expect(again.written.map((w) => w.nama)).toEqual(first.written.map((w) => `${w.nama} (2)`));
    expect(again.report.result.deteksi.filter((d) => d.peran.length > 0).map((d) => d.lembar)).toEqual(USER_SHEETS);
    expect(toJson(buildReport(again.report.result))).toEqual(toJson(buildReport(first.report.result)));
    expect(again.settings).toEqual({ batasCapaian: null });
  });

  it('where Excel refuses to delete the saved settings: one sentence, the settings kept', async () => {
    const host = await semboro();
    await run(host, { settings: { batasCapaian: null } });
    host.refusals.set('Setting.delete', 'AccessDenied');
    await expect(excelRun(host, forgetSettings)).rejects.toThrow(new InputError(SETTINGS_NOT_DELETED));
    expect(host.settings.has(SETTINGS_KEY)).toBe(true);
  });
});

describe('the ribbon’s run in the pane', () => {
  it('with the saved settings shows HC Pemeriksaan when there are galat, and keeps a result sheet the user changed', async () => {
    const host = await semboro();
    const first = await run(host, { replaceEdited: false, show: true });
    expect(first.report.result.temuan.some((t) => t.tingkat === 'galat')).toBe(true);
    expect(host.activeSheet).toBe(RESULT_SHEETS.pemeriksaan);
    host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value = 'Tabel saya';
    host.activeSheet = 'DPA 2024';
    const again = await run(host, { replaceEdited: false, show: true });
    expect(again.kept).toEqual([RESULT_SHEETS.efisiensi]);
    expect(host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value).toBe('Tabel saya');
    expect(host.sheet(`${RESULT_SHEETS.efisiensi} (2)`)).toBeDefined();
    expect(host.activeSheet).toBe(RESULT_SHEETS.pemeriksaan);
  });
});
