/**
 * What a run computes and plans, for every host: the report, the sheets laid out, and which of our
 * earlier sheets they replace. The hosts only read and write (run.ts strings it together).
 */
import { hitung, Progress } from '../compute/engine';
import { Workbook } from '../grid';
import { detectSheets, SheetDetection } from '../read/detect';
import { Rect } from '../rect';
import { ExistingSheets, planReplacement, ReplacementPlan, TableId } from '../result-sheets';
import { SettingError, Settings, withDefaults } from '../settings';
import { PreparedSheet, prepareSheets } from '../report/sheet-layout';
import { resultSheets } from '../report/tables';
import { buildReport, Report } from '../report/report';

/** A result sheet as a run wrote it. */
export interface WrittenSheet {
  tabel: TableId;
  /** Its name: the table's usual one, or another when the user's edited sheet kept that. */
  nama: string;
  /** Header and body on the sheet, what "Pilih tabel" selects. */
  table: Rect;
}

export interface PlannedRun {
  report: Report;
  prepared: PreparedSheet[];
  plan: ReplacementPlan;
  written: WrittenSheet[];
}

/** Before a run replaces sheets of ours that the user changed since the last run, the user is asked. */
export interface EditedSheets {
  edited: string[];
}

/**
 * Computes, lays the tables out and plans their sheets: our unchanged sheets are replaced, those the
 * user changed (`edited`) are replaced only when `replaceEdited` (otherwise they stay and the new
 * sheets get other names). With `sheets` false the host writes none of our sheets (a command line
 * run without `-o`, a book of a recap): nothing is laid out, and nothing is planned as written.
 */
export function planRun(
  workbook: Workbook,
  settings: Partial<Settings>,
  existing: ExistingSheets,
  edited: readonly string[],
  replaceEdited: boolean,
  progress: Progress = () => {},
  sheets = true,
): PlannedRun {
  const computed = hitung(workbook, settings, progress);
  const result = { ...computed, catatan: [...(existing.catatan ?? []), ...computed.catatan] };
  progress('Menyusun tabel laporan…');
  const report = buildReport(result);
  const prepared = sheets ? prepareSheets(resultSheets(report.tables)) : [];
  const plan = planReplacement({ ...existing, tables: prepared.map(({ tabel, sidik }) => ({ tabel, sidik })), edited: replaceEdited ? [] : edited });
  const written = prepared.map((p, i) => ({ tabel: p.tabel, nama: plan.names[i], table: p.layout.table }));
  return { report, prepared, plan, written };
}

/** What the task pane shows before anything is written: which sheet serves as what, found by the settings given. */
export interface Inspection {
  /** The sheets the engine reads (every one but ours), for choosing them by hand. */
  sheetNames: string[];
  deteksi: SheetDetection[];
  /** Settings that could not be followed, each naming its field. */
  masalah: SettingError[];
  /** The settings saved in the workbook, null when none (or none usable) were saved, or the host keeps none. */
  saved: Partial<Settings> | null;
  /** Why the saved settings are not used, or null. */
  savedProblem: string | null;
  /** Sheets of ours the user changed since the last run. */
  edited: string[];
  /** No sheet of ours exists yet: the first run is still to come. */
  firstRun: boolean;
  /** What the user is told about the record of our sheets (damaged, or naming a sheet that is not ours). */
  catatan: readonly string[];
  /** The year reported on as detected (or set), null when no sheet says it. */
  tahun: number | null;
}

/** Detection with the settings given (null: the saved ones), writing nothing. */
export function inspect(
  workbook: Workbook,
  settings: Partial<Settings> | null,
  existing: ExistingSheets,
  edited: string[],
  saved: Pick<Inspection, 'saved' | 'savedProblem'>,
): Inspection {
  const detected = detectSheets(workbook, withDefaults(settings ?? saved.saved ?? {}));
  return {
    sheetNames: workbook.sheets.map((g) => g.name),
    deteksi: detected.deteksi,
    masalah: detected.masalah,
    ...saved,
    edited,
    firstRun: existing.record.lembar.length === 0,
    catatan: existing.catatan ?? [],
    tahun: detected.tahun.tahun,
  };
}
