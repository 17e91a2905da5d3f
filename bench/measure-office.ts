/**
 * npm run measure:office: what the Office adapter asks of Excel, measured on the real Office.js
 * client (its serialized requests) answered by the fake host. One line per scenario:
 *   SCENARIO requests=N largest=BYTES syncs=N
 * requests: round trips to Excel (Excel.run's own clean-up included); largest: the largest request
 * or response in bytes; syncs: the adapter's context.sync() calls. Targets, on every platform (the
 * desktop has no size limit, but the add-in holds it to the web's): every request and response at
 * most 4.000.000 bytes, and at most 1 + (bytes moved ÷ 3 MB) syncs for a read or a write, 3 + that
 * for a whole run (the sheets' walk, a first block of cells, the write). Exits 1 when one is missed.
 */
import * as path from 'path';
import { readWorkbook } from '../src/adapters/office/excel-read';
import { writeLayouts } from '../src/adapters/office/excel-write';
import { hitungInExcel, PAYLOAD_BUDGET } from '../src/adapters/office/hitung-excel';
import { workbookFromXlsx } from '../src/adapters/fs/xlsx-file';
import { hitung } from '../src/core/compute/engine';
import { Workbook } from '../src/core/grid';
import { layoutSheets, SheetLayout } from '../src/core/report/sheet-layout';
import { resultSheets } from '../src/core/report/tables';
import { buildReport } from '../src/core/report/report';
import { RESULT_SHEETS } from '../src/core/result-sheets';
import { FakeExcel } from '../src/demo/fake-excel';
import { bigWorkbook } from '../test/support/big-workbook';
import { withFindings } from '../test/support/many-findings';
import { excelRunCounted, fresh } from '../test/support/office-client';

const LIMIT = 4_000_000;
const BLOCK = 3_000_000;
const missed: string[] = [];

async function measure(name: string, book: Workbook | FakeExcel, onTheWeb: boolean, batch: (context: Excel.RequestContext) => Promise<unknown>, fixed = 1): Promise<number> {
  const host = book instanceof FakeExcel ? book : FakeExcel.fromWorkbook(book);
  host.requestBytes = [];
  host.responseBytes = [];
  host.webLimits = onTheWeb;
  let syncs = 0;
  let failure = '';
  await excelRunCounted(host, batch).then(
    (r) => (syncs = r.syncs),
    (e: { code?: string }) => (failure = ` failed=${e.code}`),
  );
  const largest = Math.max(host.largestRequest(), host.largestResponse());
  const moved = [...host.requestBytes, ...host.responseBytes].reduce((a, b) => a + b, 0);
  console.log(`${name} requests=${host.requestBytes.length} largest=${largest} syncs=${syncs}${failure}`);
  if (failure) missed.push(`${name}:${failure}`);
  if (largest > LIMIT) missed.push(`${name}: ${largest} bytes in one request or response (target ≤ ${LIMIT})`);
  if (syncs > fixed + moved / BLOCK) missed.push(`${name}: ${syncs} syncs for ${moved} bytes moved (target ≤ ${fixed} + bytes ÷ ${BLOCK})`);
  return syncs;
}

const env = { isSetSupported: () => true };
const layoutsOf = (book: Workbook): SheetLayout[] => layoutSheets(resultSheets(buildReport(hitung(book)).tables));
const run = (context: Excel.RequestContext) => hitungInExcel(context, { settings: null, replaceEdited: false }, env);

async function main(): Promise<void> {
  const big = bigWorkbook(50_000);
  await measure('read-web-50000', big, true, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
  const bigLayouts = layoutsOf(big);
  await measure('write-50000', big, true, (context) => writeLayouts(context, bigLayouts, fresh(bigLayouts), PAYLOAD_BUDGET));
  const pemeriksaan = layoutSheets(resultSheets(buildReport(withFindings(hitung(big), 20_000)).tables)).filter((l) => l.name === RESULT_SHEETS.pemeriksaan);
  await measure('write-pemeriksaan-20000', big, true, (context) => writeLayouts(context, pemeriksaan, fresh(pemeriksaan), PAYLOAD_BUDGET));
  const semboro = await workbookFromXlsx(path.join(__dirname, '..', '..', 'examples', 'semboro-tercetak.xlsx'));
  const semboroLayouts = layoutsOf(semboro);
  await measure('write-semboro', semboro, true, (context) => writeLayouts(context, semboroLayouts, fresh(semboroLayouts), PAYLOAD_BUDGET));
  await measure('run-desktop-1000', bigWorkbook(1_000), false, run, 3);
  await measure('run-desktop-50000', big, false, run, 3);
  await measure('run-web-50000', big, true, run, 3);
  // A second run: the workbook now holds our sheets and their record, read and replaced too.
  const again = FakeExcel.fromWorkbook(big);
  again.webLimits = false;
  await excelRunCounted(again, run);
  await measure('rerun-desktop-50000', again, false, run, 3);
  await measure('reread-web-50000', again, true, (context) => readWorkbook(context, { withMerges: true, responseBudget: PAYLOAD_BUDGET }));
  for (const m of missed) console.error(`TARGET MISSED ${m}`);
  process.exitCode = missed.length > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
