import * as path from 'path';
import { workbookFromXlsx } from '../../src/adapters/xlsx/read';
import { RESULT_SHEETS } from '../../src/core/result-sheets';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES } from '../helpers';
import { excelRun } from '../support/office-client';

/** The ribbon function, with Office's globals standing in for Excel's: Excel.run goes to `host`. */
async function ribbonOn(host: FakeExcel) {
  const dialogs: { url: string; handlers: Map<string, () => void>; closed: boolean }[] = [];
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
            const dialog = { url, handlers: new Map<string, () => void>(), closed: false };
            dialogs.push(dialog);
            const api = { addEventHandler: (type: string, f: () => void) => dialog.handlers.set(type, f), close: () => (dialog.closed = true) };
            setTimeout(() => callback({ status: 'succeeded', value: api }), 0);
          },
        },
      },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
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

describe('the ribbon command', () => {
  it('calls event.completed() only after its dialog was shown and closed', async () => {
    const host = new FakeExcel();
    host.sheets = FakeExcel.fromWorkbook({ sheets: [{ name: 'Catatan', values: [['hanya teks']], origin: { row: 0, col: 0 } }] }).sheets;
    const { dialogs, completed, done } = await ribbonOn(host);
    await settle();
    expect(dialogs).toHaveLength(1);
    expect(new URL(dialogs[0].url).searchParams.get('teks')).toMatch(/DPA/);
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].handlers.get('dialogMessageReceived')!();
    await done;
    expect(dialogs[0].closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('also when the user closes the dialog with its ×', async () => {
    const host = new FakeExcel();
    host.apiVersion = '1.8';
    const { dialogs, completed, done } = await ribbonOn(host);
    await settle();
    expect(new URL(dialogs[0].url).searchParams.get('teks')).toMatch(/ExcelApi 1\.9/);
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].handlers.get('dialogEventReceived')!();
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('computes, opens HC Pemeriksaan when there are galat, and completes without a dialog', async () => {
    const host = FakeExcel.fromWorkbook(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx')));
    const { dialogs, completed, done } = await ribbonOn(host);
    await done;
    expect(dialogs).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.activeSheet).toBe(RESULT_SHEETS.pemeriksaan);
  });
});
