import * as path from 'path';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { RESULT_SHEETS } from '../../src/core/result-sheets';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES } from '../helpers';
import { excelRun } from '../support/office-client';

/** The ribbon function, with Office's globals standing in for Excel's: Excel.run goes to `host`. */
async function ribbonOn(host: FakeExcel) {
  const dialogs: { url: string; handlers: Map<string, (arg?: unknown) => void>; closed: boolean }[] = [];
  let associated: ((event: { completed: () => void }) => Promise<void>) | undefined;
  Object.assign(globalThis, {
    window: { location: { href: 'https://localhost:3000/commands.html' } },
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => excelRun(host, batch) },
    Office: {
      onReady: (f: () => void) => f(),
      actions: { associate: (_name: string, f: typeof associated) => (associated = f) },
      context: {
        platform: 'OfficeOnline',
        requirements: { isSetSupported: (n: string, v: string) => host.isSetSupported(n, v) },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
            const dialog = { url, handlers: new Map<string, (arg?: unknown) => void>(), closed: false };
            dialogs.push(dialog);
            const api = { addEventHandler: (type: string, f: () => void) => dialog.handlers.set(type, f), close: () => (dialog.closed = true) };
            setTimeout(() => callback({ status: 'succeeded', value: api }), 0);
          },
        },
      },
      PlatformType: { OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
      AsyncResultStatus: { Succeeded: 'succeeded' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    },
  });
  jest.isolateModules(() => require('../../src/commands/commands'));
  const completed = jest.fn();
  const done = associated!({ completed });
  return { dialogs, completed, done };
}

const settle = () => new Promise((r) => setTimeout(r, 50));
/** Waits until the command has opened its `n`th dialog. */
async function shown(dialogs: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 100 && dialogs.length < n; i++) await settle();
  await settle();
}
const text = (dialog: { url: string }) => new URL(dialog.url).searchParams.get('teks');
/** The dialog's button: what pesan.html sends with messageParent. */
const answer = (dialog: { handlers: Map<string, (arg?: unknown) => void> }, message: 'lanjut' | 'tutup') =>
  dialog.handlers.get('dialogMessageReceived')!({ message, origin: 'https://localhost:3000' });

const semboro = async () => FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx')));

describe('the ribbon command', () => {
  it('says once, before the first run, that Ctrl+Z cannot undo it; Batal writes nothing', async () => {
    const host = await semboro();
    const { dialogs, completed, done } = await ribbonOn(host);
    await settle();
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0].url).searchParams.get('tanya')).toBe('1');
    expect(text(dialogs[0])).toMatch(/tidak dapat dibatalkan dengan Ctrl\+Z .*lembar Anda sendiri tidak pernah diubah/);
    answer(dialogs[0], 'tutup');
    await done;
    expect(host.sheets.map((s) => s.name)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('calls event.completed() only after its dialog was shown and closed', async () => {
    const host = new FakeExcel();
    host.sheets = FakeExcel.fromWorkbook({ sheets: [{ name: 'Catatan', values: [['hanya teks']], origin: { row: 0, col: 0 } }] }).sheets;
    const { dialogs, completed, done } = await ribbonOn(host);
    await settle();
    answer(dialogs[0], 'lanjut');
    await shown(dialogs, 2);
    expect(dialogs).toHaveLength(2);
    expect(text(dialogs[1])).toMatch(/DPA/);
    expect(completed).not.toHaveBeenCalled();
    answer(dialogs[1], 'tutup');
    await done;
    expect(dialogs[1].closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('also when the user closes the dialog with its ×', async () => {
    const host = new FakeExcel();
    host.apiVersion = '1.8';
    const { dialogs, completed, done } = await ribbonOn(host);
    await settle();
    expect(text(dialogs[0])).toMatch(/ExcelApi 1\.9/);
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].handlers.get('dialogEventReceived')!({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('computes, opens HC Pemeriksaan when there are galat, and asks nothing on the next run', async () => {
    const host = await semboro();
    const first = await ribbonOn(host);
    await settle();
    answer(first.dialogs[0], 'lanjut');
    await first.done;
    expect(first.dialogs).toHaveLength(1);
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(host.activeSheet).toBe(RESULT_SHEETS.pemeriksaan);
    const again = await ribbonOn(host);
    await again.done;
    expect(again.dialogs).toEqual([]);
  });

  it('keeps a result sheet the user changed, writes the new one beside it, and says so', async () => {
    const host = await semboro();
    const first = await ribbonOn(host);
    await settle();
    answer(first.dialogs[0], 'lanjut');
    await first.done;
    host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value = 'Tabel saya';
    const again = await ribbonOn(host);
    await shown(again.dialogs, 1);
    expect(text(again.dialogs[0])).toBe(
      `Lembar “HC Efisiensi” telah Anda ubah sejak perhitungan terakhir, jadi lembar itu dibiarkan dan hasil baru ditulis ke lembar bernama lain.`,
    );
    answer(again.dialogs[0], 'tutup');
    await again.done;
    expect(host.sheet(RESULT_SHEETS.efisiensi)!.cells[0][0]!.value).toBe('Tabel saya');
    expect(host.sheet('HC Efisiensi (2)')).toBeDefined();
  });

  it('shows an Office.js error as one Indonesian sentence, its own text behind Rincian', async () => {
    const host = await semboro();
    host.customXmlParts.push({
      id: '{X}',
      namespaceUri: 'urn:hitung-capaian:lembar-hasil:1',
      xml: '<lembarHasil xmlns="urn:hitung-capaian:lembar-hasil:1">{"versi":1,"lembar":[]}</lembarHasil>',
    });
    const execute = host.execute.bind(host);
    // Excel refuses the last request, which saves the record: a protected workbook.
    host.execute = (body) =>
      body.Actions.some((a) => a.Name === 'SetXml')
        ? { ErrorCode: null, Headers: {}, Body: { Results: [], Error: { Code: 'AccessDenied', Message: 'Access denied.', HttpStatusCode: 403, Location: '' } } }
        : execute(body);
    const { dialogs, done } = await ribbonOn(host);
    await shown(dialogs, 1);
    expect(text(dialogs[0])).toBe(
      'Excel tidak mengizinkan perubahan ini: buku kerja atau lembarnya diproteksi atau hanya-baca, jadi buka proteksinya (Tinjau → Buka Proteksi) lalu coba lagi.',
    );
    expect(new URL(dialogs[0].url).searchParams.get('rincian')).toMatch(/^AccessDenied: /);
    // The sheets begun before Excel refused are removed again: the workbook is as it was.
    expect(host.sheets.map((s) => s.name)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    answer(dialogs[0], 'tutup');
    await done;
  });
});
