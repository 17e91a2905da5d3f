/// <reference types="office-js" />
import { EngineResult, hitung, Progress } from '../../core/compute/engine';
import { isResultSheet, RESULT_SHEETS, TableId } from '../../core/result-sheets';
import { Settings } from '../../core/settings';
import { rectAddress } from '../../core/rect';
import { layoutSheets, SheetLayout } from '../../core/report/sheet-layout';
import { Table } from '../../core/report/table';
import { buildResultSheets } from '../../core/report/tables';
import { parseSaved, readWorkbook, SETTINGS_KEY } from './excel-read';
import { writeLayouts } from './excel-write';

export const REQUIRED_API = '1.9';
export const MERGES_API = '1.13';

export type IsSetSupported = (name: string, version: string) => boolean;

/** What the add-in needs to know of the Excel it runs in. */
export interface ExcelEnv {
  isSetSupported: IsSetSupported;
  /** Excel on the web: requests and responses are limited to 5 MB each. */
  onTheWeb: boolean;
}

/**
 * Excel on the web refuses a request or a response over 5 MB: there, each is kept to about this
 * many bytes as estimated, which the real client's bytes keep under 4.000.000.
 */
export const PAYLOAD_BUDGET = 3_500_000;

/** Why this Excel cannot run the add-in, in Indonesian, or null when it can. */
export function requirementProblem(isSetSupported: IsSetSupported): string | null {
  if (isSetSupported('ExcelApi', REQUIRED_API)) return null;
  return `Versi Excel ini belum mendukung ExcelApi ${REQUIRED_API} yang diperlukan Hitung Capaian (tata letak halaman dan pengaturan buku kerja). Gunakan Microsoft 365, Excel 2021 atau yang lebih baru, atau Excel di web.`;
}

export interface ExcelRun {
  result: EngineResult;
  tables: Table[];
  layouts: SheetLayout[];
  /** The user's sheet names, for the overrides in the task pane. */
  sheetNames: string[];
  /** The settings used, as saved in the workbook. */
  settings: Partial<Settings>;
}

/**
 * One whole run inside Excel: read the sheets, compute, replace the result sheets, save the
 * settings in the workbook. `settings` null means: those saved by the last run, or detection.
 * The ribbon button and the task pane both call this, and only this.
 */
export async function hitungInExcel(context: Excel.RequestContext, settings: Partial<Settings> | null, env: ExcelEnv, progress: Progress = () => {}): Promise<ExcelRun> {
  progress('Membaca lembar kerja…');
  const budget = env.onTheWeb ? PAYLOAD_BUDGET : null;
  const input = await readWorkbook(context, { withMerges: env.isSetSupported('ExcelApi', MERGES_API), responseBudget: budget });
  const used = settings ?? input.saved ?? {};
  const result = hitung(input.workbook, used, progress);
  progress('Menyusun tabel laporan…');
  const sheets = buildResultSheets(result);
  const layouts = layoutSheets(sheets);
  progress('Menulis lembar hasil…');
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(used));
  await writeLayouts(context, input.sheets, layouts, budget);
  return { result, tables: sheets.map((s) => s.table), layouts, sheetNames: input.sheetNames, settings: used };
}

/**
 * Shows a cell of the user's workbook: activates its sheet and selects the cell. Excel shows no
 * hidden sheet, and the sheet is the user's to unhide: then, or when the sheet is gone, this says
 * so (one Indonesian sentence) instead.
 */
export async function selectCell(context: Excel.RequestContext, lembar: string, sel: string): Promise<string | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(lembar);
  ws.load('visibility');
  await context.sync();
  if (ws.isNullObject) return `Lembar “${lembar}” tidak ada lagi di buku kerja ini; jalankan Hitung Capaian sekali lagi.`;
  if (ws.visibility === 'VeryHidden')
    return `Lembar “${lembar}” disembunyikan sepenuhnya (very hidden), jadi sel ${sel} tidak dapat ditampilkan; minta pembuat buku kerja menampilkannya.`;
  if (ws.visibility !== 'Visible')
    return `Lembar “${lembar}” disembunyikan, jadi sel ${sel} tidak dapat ditampilkan: klik kanan salah satu tab lembar, pilih Tampilkan (Unhide) dan lembar itu, lalu klik temuannya lagi.`;
  ws.activate();
  ws.getRange(sel).select();
  await context.sync();
  return null;
}

/** Selects a result table (header and body), ready for Ctrl+C. */
export async function selectTable(context: Excel.RequestContext, id: TableId, layouts: SheetLayout[]): Promise<void> {
  const layout = layouts.find((l) => l.name === RESULT_SHEETS[id]);
  if (!layout) return;
  const ws = context.workbook.worksheets.getItem(layout.name);
  ws.activate();
  ws.getRange(rectAddress(layout.table)).select();
  await context.sync();
}

/** What the task pane needs before a run: the user's sheet names and the saved settings. */
export async function readStart(context: Excel.RequestContext): Promise<{ sheetNames: string[]; saved: Partial<Settings> | null }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await context.sync();
  return { sheetNames: sheets.items.map((s) => s.name).filter((n) => !isResultSheet(n)), saved: parseSaved(setting) };
}

/** Shows a result sheet from its top. */
export async function showSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(name);
  ws.activate();
  ws.getRange('A1').select();
  await context.sync();
}
