import { readFileSync } from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Replacement } from '../../src/adapters/office/excel-write';
import { EMPTY_RECORD } from '../../src/core/result-sheets';
import { SheetLayout } from '../../src/core/report/sheet-layout';
import { FakeExcel, OfficeClient } from '../../src/demo/fake-excel';

/**
 * Microsoft's Office.js client for Excel on the web, from the `@microsoft/office-js` package, loaded
 * into a context of its own whose global object stands in for the browser's `window`. Its
 * `Excel.RequestContext` builds and serializes requests exactly as in Excel; they go to a host given
 * as its session (see FakeExcel.context).
 */
export function loadOfficeClient(): OfficeClient {
  const file = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.js');
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    TextEncoder,
    navigator: { userAgent: 'node' },
    document: { cookie: '', createElement: () => ({}), getElementsByTagName: () => [] },
    location: { href: 'https://localhost/', protocol: 'https:', hostname: 'localhost' },
  };
  sandbox.window = sandbox.self = sandbox;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  return sandbox as unknown as OfficeClient;
}

let shared: OfficeClient | null = null;

/** `Excel.run` on a fake host, through the real client (loaded once per process). */
export function excelRun<T>(host: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  shared ??= loadOfficeClient();
  return host.run(shared, batch);
}

/** The same, counting the batch's own `context.sync()` calls (not Excel.run's last one). */
export async function excelRunCounted<T>(host: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ value: T; syncs: number }> {
  let syncs = 0;
  let counting = true;
  const value = await excelRun(host, (context) => {
    const sync = context.sync.bind(context);
    context.sync = <V>(passThrough?: V) => {
      if (counting) syncs += 1;
      return sync(passThrough);
    };
    return batch(context).finally(() => (counting = false));
  });
  return { value, syncs };
}

/** What writeLayouts replaces in a workbook without sheets of ours: nothing; each layout under its usual name. */
export const fresh = (layouts: SheetLayout[]): Replacement => ({
  existing: [],
  previous: EMPTY_RECORD,
  plan: { remove: [], edited: [], names: layouts.map((l) => l.name), record: EMPTY_RECORD },
  recordPart: null,
  settings: null,
});
