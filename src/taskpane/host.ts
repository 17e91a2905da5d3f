import { forgetSettings, hitungInExcel, inspectWorkbook, requirementProblem, RunOptions, selectRange } from '../adapters/office/hitung-excel';
import { EditedSheets, Inspection } from '../core/run/plan';
import { RunView, viewOf } from '../core/run/run';
import { excelRun, ExcelRunner, OfficeEnv, officeEnv } from '../adapters/office/office-env';
import { Settings } from '../core/settings';
import { RibbonChannel } from './ribbon';

/**
 * What the task pane asks of the workbook it serves. The pane's components know only this, never
 * Office.js: Excel (or the demo's fake Excel) is one host; a workbook file opened in the browser
 * page (src/peramban) is another, which writes its results into a copy of the file to download.
 */
export interface WorkbookHost {
  /** Why this host cannot run the add-in (one sentence), or null. */
  problem: string | null;
  /** Which sheet serves as what with these settings (null: the saved ones), writing nothing. */
  inspect(settings: Partial<Settings> | null): Promise<Inspection>;
  hitung(options: RunOptions): Promise<PaneRun | EditedSheets>;
  /** Forgets the settings saved in the workbook; null where the host saves none. */
  forgetSettings: (() => Promise<void>) | null;
  /**
   * Shows a range of a sheet; says why not (one sentence naming `what`), or null. Null where there
   * is no workbook to show it in (a file opened in the browser page): the pane then names the place,
   * with the text of its row, for the user to find in their own program.
   */
  show: ((lembar: string, address: string, what: string) => Promise<string | null>) | null;
  /** Saves a file for the user (the .docx); where that cannot work, says what to do instead. */
  download(name: string, data: Blob): string | null;
  /** The ribbon's Hitung Capaian, where the pane runs it (Excel's shared runtime, the demo). */
  ribbon?: RibbonChannel;
  /** The last run's tables as .docx, made by the host away from the page (the browser page's worker); null: the pane makes it. */
  docx: ((progress: (step: string) => void) => Promise<Blob>) | null;
}

/**
 * A run as the pane shows it (the core's RunView: Excel's run, or the browser page's from its
 * worker), with the copy of the file where the results went into one rather than into the open workbook.
 */
export type PaneRun = RunView & { copy?: ResultCopy };

export interface ResultCopy {
  /** The workbook with the result sheets, and the result as JSON. */
  files: { label: string; name: string; data: Blob }[];
  /** The text of each finding's row (kode, uraian, amounts), by `lembar!sel`. */
  rows: Record<string, string>;
}

/**
 * Office on Mac and on iPad does nothing with a link to a blob (OfficeDev/office-js#2700, #3385,
 * #4681), and the tables must not leave the workbook for a server to hand them back: there, the user
 * is told the way that does work.
 */
export const NO_DOWNLOAD =
  'Excel untuk Mac dan iPad tidak dapat menyimpan berkas dari panel ini. Salin tiap tabel dengan “Salin berformat” lalu tempel di Word, atau buka buku kerja ini di Excel untuk web dan unduh .docx dari sana.';

export function downloadBlob(name: string, data: Blob): null {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

/** The pane's host on an Excel reached through `run` (Excel.run, or the demo's fake Excel). */
export function excelHost(run: ExcelRunner, env: OfficeEnv): WorkbookHost {
  return {
    problem: requirementProblem(env.isSetSupported),
    inspect: (settings) => run((context) => inspectWorkbook(context, settings, env)),
    hitung: async (options) => {
      const outcome = await run((context) => hitungInExcel(context, options, env));
      return 'edited' in outcome ? outcome : viewOf(outcome);
    },
    forgetSettings: () => run(forgetSettings),
    show: (lembar, address, what) => run((context) => selectRange(context, lembar, address, what)),
    download: (name, data) => (env.noDownloads ? NO_DOWNLOAD : downloadBlob(name, data)),
    docx: null,
  };
}

/** The host in Excel, once Office is ready. */
export const officeHost = (env: OfficeEnv = officeEnv()): WorkbookHost => excelHost(excelRun, env);
