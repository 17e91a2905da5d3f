/// <reference types="office-js" />
import { Progress } from '../../core/compute/engine';
import { InputError } from '../../core/errors';
import { countByTingkat } from '../../core/findings';
import { ExistingSheets } from '../../core/result-sheets';
import { pathText, SettingError, Settings } from '../../core/settings';
import { EditedSheets, Inspection } from '../../core/run/plan';
import { inspectBook, RunHost, runHitung, RunOutcome } from '../../core/run/run';
import { ExcelInput, readSaved, readWorkbook, SETTINGS_KEY } from './excel-read';
import { writeLayouts } from './excel-write';

export const REQUIRED_API = '1.9';
export const MERGES_API = '1.13';

export type IsSetSupported = (name: string, version: string) => boolean;

/** What the add-in needs to know of the Excel it runs in. */
export interface ExcelEnv {
  isSetSupported: IsSetSupported;
}

/**
 * Excel on the web refuses a request or a response over 5 MB: on every platform, each is kept to
 * about this many bytes as estimated, which the real client's bytes keep under 4.000.000.
 */
export const PAYLOAD_BUDGET = 3_500_000;

/** Why this Excel cannot run the add-in, in Indonesian, or null when it can. */
export function requirementProblem(isSetSupported: IsSetSupported): string | null {
  if (isSetSupported('ExcelApi', REQUIRED_API)) return null;
  return `Versi Excel ini belum mendukung ExcelApi ${REQUIRED_API} yang diperlukan Hitung Capaian (tata letak halaman dan pengaturan buku kerja). Gunakan Microsoft 365, Excel 2021 atau yang lebih baru, atau Excel di web.`;
}

export interface RunOptions {
  /** The settings to use; null: those saved in the workbook by the last run (or detection). */
  settings: Partial<Settings> | null;
  /** Replace sheets of ours the user changed (true), or keep them and write under other names (false); undefined: ask first. */
  replaceEdited?: boolean;
  progress?: Progress;
  /** Then show HC Pemeriksaan when there are galat, else the first sheet written (the ribbon's run). */
  show?: boolean;
}

const readOptions = (env: ExcelEnv) => ({ withMerges: env.isSetSupported('ExcelApi', MERGES_API), responseBudget: PAYLOAD_BUDGET });

/** What the workbook holds already, for replacing our sheets. */
const existingOf = (input: ExcelInput): ExistingSheets => ({
  sheetNames: input.sheets.map((s) => s.name),
  record: input.record,
  fingerprints: input.fingerprints,
  catatan: input.recordNotes,
});

/** Why the saved settings cannot be used, as the start of one sentence. */
function savedUnusable(e: InputError): string {
  const why = e instanceof SettingError ? `“${pathText(e.field)}” ${e.alasan}` : 'isinya rusak';
  return `Pengaturan yang tersimpan di buku kerja ini tidak dapat dipakai (${why})`;
}

/** A run in Excel: what Excel would not save is among its notes. */
export type ExcelRun = RunOutcome<{ catatan: string[] }>;

/** Excel as the run's host: the workbook read through Office.js, the planned sheets, the settings and the record written back into it. */
function excelRunHost(context: Excel.RequestContext, env: ExcelEnv): RunHost<{ catatan: string[] }> {
  let input: ExcelInput | null = null;
  return {
    read: async () => {
      input = await readWorkbook(context, readOptions(env));
      let saved: Partial<Settings> | null = null;
      let savedProblem: string | null = null;
      try {
        saved = readSaved(input.saved);
      } catch (e) {
        savedProblem = savedUnusable(e as InputError);
      }
      return { workbook: input.workbook, existing: existingOf(input), saved, savedProblem, catatan: input.catatan };
    },
    write: async ({ prepared, plan }, settings) => {
      const { sheets, record, recordPart, structureProtected } = input!;
      const options = { existing: sheets, previous: record, plan, recordPart, settings: JSON.stringify(settings), structureProtected };
      return {
        catatan: await writeLayouts(
          context,
          prepared.map((p) => p.layout),
          options,
          PAYLOAD_BUDGET,
        ),
      };
    },
  };
}

/**
 * Reads the workbook and says which sheet serves as what and which columns were found, with the
 * settings given (null: the saved ones), writing nothing.
 */
export function inspectWorkbook(context: Excel.RequestContext, settings: Partial<Settings> | null, env: ExcelEnv): Promise<Inspection> {
  return inspectBook(excelRunHost(context, env), settings);
}

/**
 * One whole run inside Excel (runHitung, with Excel as its host): read the sheets, compute, replace
 * our result sheets (asking first when the user changed one of them), save the settings and the
 * record in the workbook. The task pane calls this, and only this, for its own Hitung and for the
 * ribbon's (with the saved settings, and showing the result).
 */
export async function hitungInExcel(context: Excel.RequestContext, options: RunOptions, env: ExcelEnv): Promise<ExcelRun | EditedSheets> {
  const outcome = await runHitung(excelRunHost(context, env), options, options.progress);
  if ('edited' in outcome) return outcome;
  if (options.show) {
    const galat = countByTingkat(outcome.report.result.temuan).galat;
    const shown = (galat > 0 ? outcome.written.find((w) => w.tabel === 'pemeriksaan') : outcome.written[0])?.nama;
    if (shown) await selectRange(context, shown, 'A1', `lembar ${shown}`);
  }
  return outcome;
}

/** Said when Excel refuses to delete the saved settings. */
export const SETTINGS_NOT_DELETED =
  'Excel menolak menghapus pengaturan yang tersimpan di buku kerja ini (buku kerja mungkin dibuka hanya-baca atau diproteksi), jadi deteksi otomatis belum dikembalikan; buka buku kerja dengan izin menyunting, lalu coba lagi.';

/** Forgets the settings saved in the workbook: the next run detects everything again. */
export async function forgetSettings(context: Excel.RequestContext): Promise<void> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('key');
  await context.sync();
  if (setting.isNullObject) return;
  setting.delete();
  try {
    await context.sync();
  } catch {
    throw new InputError(SETTINGS_NOT_DELETED);
  }
}

/**
 * Shows a range of a sheet (a finding's cell, a result table, a sheet's top): activates the sheet
 * and selects the range. Excel shows no hidden sheet, and the sheet is the user's to unhide: then,
 * or when the sheet is gone, this says so instead, in one Indonesian sentence naming `what`.
 */
export async function selectRange(context: Excel.RequestContext, lembar: string, address: string, what: string): Promise<string | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(lembar);
  ws.load('visibility');
  await context.sync();
  if (ws.isNullObject) return `Lembar “${lembar}” tidak ada lagi di buku kerja ini; jalankan Hitung Capaian sekali lagi.`;
  if (ws.visibility === 'VeryHidden')
    return `Lembar “${lembar}” disembunyikan sepenuhnya (very hidden), jadi ${what} tidak dapat ditampilkan; minta pembuat buku kerja menampilkannya.`;
  if (ws.visibility !== 'Visible')
    return `Lembar “${lembar}” disembunyikan, jadi ${what} tidak dapat ditampilkan: klik kanan salah satu tab lembar, pilih Tampilkan (Unhide) dan lembar itu, lalu coba lagi.`;
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
  return null;
}
