import { dialogProblem } from '../../src/adapters/office/errors';
import { PANE_NOT_SHOWN, registerRibbon, USE_PANE } from '../../src/commands/commands';
import { RibbonChannel, RibbonRequest, takeLeft } from '../../src/taskpane/ribbon';

interface Dialog {
  url: string;
  handlers: Map<string, (arg?: unknown) => void>;
  closed: boolean;
}

/**
 * Office as the ribbon's function sees it: `shared` SharedRuntime 1.1 or not, a pane that shows or
 * not, a dialog that opens or fails with `dialogError`. Returns the ribbon's function and what it did.
 */
function officeWith({ shared, paneShows = true, dialogError }: { shared: boolean; paneShows?: boolean; dialogError?: number }) {
  const dialogs: Dialog[] = [];
  const stored = new Map<string, string>();
  let command: ((event: { completed: () => void }) => void) | undefined;
  Object.assign(globalThis, {
    window: { location: { href: 'https://localhost:3000/taskpane.html' } },
    localStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v), removeItem: (k: string) => stored.delete(k) },
    Office: {
      actions: { associate: (name: string, f: typeof command) => name === 'hitungCapaian' && (command = f) },
      addin: { showAsTaskpane: jest.fn(() => (paneShows ? Promise.resolve() : Promise.reject(new Error('no pane')))) },
      context: {
        platform: 'PC',
        requirements: { isSetSupported: (name: string, version: string) => name === 'SharedRuntime' && version === '1.1' && shared },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
            if (dialogError !== undefined) {
              setTimeout(() => callback({ status: 'failed', error: { code: dialogError } }), 0);
              return;
            }
            const dialog: Dialog = { url, handlers: new Map(), closed: false };
            dialogs.push(dialog);
            const api = { addEventHandler: (type: string, f: () => void) => dialog.handlers.set(type, f), close: () => (dialog.closed = true) };
            setTimeout(() => callback({ status: 'succeeded', value: api }), 0);
          },
        },
      },
      PlatformType: { OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', PC: 'PC' },
      AsyncResultStatus: { Succeeded: 'succeeded' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    },
  });
  const channel = new RibbonChannel();
  const heard: RibbonRequest[] = [];
  channel.listen((r) => heard.push(r));
  registerRibbon(channel);
  const completed = jest.fn();
  const click = () => command!({ completed });
  return { dialogs, heard, completed, click, showAsTaskpane: (globalThis as unknown as { Office: { addin: { showAsTaskpane: jest.Mock } } }).Office.addin.showAsTaskpane };
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const text = (dialog: Dialog) => new URL(dialog.url).searchParams.get('teks');

describe('the ribbon’s Hitung Capaian', () => {
  it('with a shared runtime shows the pane, asks the pane to run and is completed at once, with no dialog', async () => {
    const office = officeWith({ shared: true });
    office.click();
    await settle();
    expect(office.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(office.heard).toEqual([{ hitung: true }]);
    expect(office.completed).toHaveBeenCalledTimes(1);
    expect(office.dialogs).toEqual([]);
  });

  it('where Excel would not show the pane, says how to open it in a dialog, and is completed once the dialog is closed', async () => {
    const office = officeWith({ shared: true, paneShows: false });
    office.click();
    await settle();
    expect(office.heard).toEqual([]);
    expect(office.dialogs.map(text)).toEqual([PANE_NOT_SHOWN]);
    expect(office.completed).not.toHaveBeenCalled();
    office.dialogs[0].handlers.get('dialogEventReceived')!({ error: 12006 });
    await settle();
    expect(office.completed).toHaveBeenCalledTimes(1);
  });

  it('without a shared runtime runs nothing in its five minutes: a dialog says to run from the pane', async () => {
    const office = officeWith({ shared: false });
    office.click();
    await settle();
    expect(office.showAsTaskpane).not.toHaveBeenCalled();
    expect(office.heard).toEqual([]);
    expect(office.dialogs.map(text)).toEqual([USE_PANE]);
    office.dialogs[0].handlers.get('dialogMessageReceived')!({ message: 'tutup', origin: 'https://localhost:3000' });
    await settle();
    expect(office.dialogs[0].closed).toBe(true);
    expect(office.completed).toHaveBeenCalledTimes(1);
  });

  it('when the dialog cannot be opened (12007), leaves why with its sentence for the pane, and is completed', async () => {
    const office = officeWith({ shared: false, dialogError: 12007 });
    office.click();
    await settle();
    expect(office.completed).toHaveBeenCalledTimes(1);
    expect(takeLeft()).toEqual({ pesan: `${dialogProblem(12007).pesan} ${USE_PANE}`, rincian: 'displayDialogAsync: 12007' });
    expect(takeLeft()).toBeNull();
  });

  it('in a shared runtime, says in the pane what a dialog that cannot be opened would have said', async () => {
    const office = officeWith({ shared: true, paneShows: false, dialogError: 12011 });
    office.click();
    await settle();
    expect(office.heard).toEqual([{ pesan: { pesan: `${dialogProblem(12011).pesan} ${PANE_NOT_SHOWN}`, rincian: 'displayDialogAsync: 12011' } }]);
    expect(office.completed).toHaveBeenCalledTimes(1);
  });

  it.each([12004, 12005, 12007, 12009, 12011, 12002])('says why the dialog did not open for code %d, in one Indonesian sentence', (code) => {
    const problem = dialogProblem(code);
    expect(problem.pesan).toMatch(/^[A-Z][^.]*\.$/);
    expect(problem.pesan).toMatch(/dialog/i);
    expect(problem.pesan).not.toMatch(/\d{5}/);
    expect(problem.rincian).toBe(`displayDialogAsync: ${code}`);
  });
});

describe('the channel between the ribbon and the pane', () => {
  it('keeps what the ribbon sent before the pane listened, and hands it over once', () => {
    const channel = new RibbonChannel();
    channel.send({ hitung: true });
    const heard: RibbonRequest[] = [];
    const stop = channel.listen((r) => heard.push(r));
    channel.send({ pesan: { pesan: 'Satu.', rincian: null } });
    stop();
    channel.send({ hitung: true });
    expect(heard).toEqual([{ hitung: true }, { pesan: { pesan: 'Satu.', rincian: null } }]);
  });
});
