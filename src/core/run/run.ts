/**
 * One run, written once for every host (the add-in, the command line, the browser page's worker):
 * read the workbook through the host, ask nothing or stop for the user's answer about our sheets
 * they changed, compute and plan, write through the host. A host only reads and writes.
 */
import { Progress } from '../compute/engine';
import { InputError } from '../errors';
import { Workbook } from '../grid';
import { editedSheets, ExistingSheets } from '../result-sheets';
import { Settings } from '../settings';
import { Table } from '../report/table';
import { EditedSheets, Inspection, inspect, PlannedRun, planRun, WrittenSheet } from './plan';
import { Report } from '../report/report';
import { EngineResult } from '../compute/engine';

/** What a host read of a workbook. */
export interface ReadBook {
  /** The user's sheets: every sheet but ours. */
  workbook: Workbook;
  /** Our sheets: their names, the record, their fingerprints and what the record says. */
  existing: ExistingSheets;
  /** The settings the last run saved in the workbook (Excel keeps them; a file none). */
  saved: Partial<Settings> | null;
  /** Why the saved settings cannot be used, as the start of a sentence (“Pengaturan yang tersimpan … (…)”), or null. */
  savedProblem: string | null;
  /** What the reading itself must tell the user (merges guessed on an older Excel, a record Excel would not give …). */
  catatan: string[];
}

/** The host's side: reading the workbook, and writing what the run planned. */
export interface RunHost<W extends { catatan: string[] }> {
  read(progress: Progress): Promise<ReadBook>;
  /** Writes the planned sheets (and whatever else the host writes of the report); its notes are told with the run's. */
  write(planned: PlannedRun, settings: Partial<Settings>, progress: Progress): Promise<W>;
}

export interface RunRequest {
  /** The settings to use; null: those saved in the workbook by the last run (or detection). */
  settings: Partial<Settings> | null;
  /** Replace sheets of ours the user changed (true), or keep them and write under other names (false); undefined: ask first. */
  replaceEdited?: boolean;
  /** False where the host writes none of our sheets (the command line without `-o`, a recap's book): nothing is laid out. */
  sheets?: boolean;
}

/** A run as every host gives it back. */
export interface RunOutcome<W> {
  report: Report;
  written: WrittenSheet[];
  /** Sheets of ours the user changed and kept: they are the user's now. */
  kept: string[];
  /** The settings used, as saved in the workbook. */
  settings: Partial<Settings>;
  /** What the reading and the writing must tell the user, each one sentence. */
  catatan: string[];
  /** When the results were written. */
  time: Date;
  /** What the host's write gave back. */
  host: W;
}

/** The settings a run uses: those given, else those saved (when they can be used), else none. */
function settingsOf(book: ReadBook, given: Partial<Settings> | null): Partial<Settings> {
  if (given !== null) return given;
  if (book.savedProblem !== null) throw new InputError(`${book.savedProblem}; perbaiki atau hapus lewat Tinjau Hasil.`);
  return book.saved ?? {};
}

export async function runHitung<W extends { catatan: string[] }>(host: RunHost<W>, request: RunRequest, progress: Progress = () => {}): Promise<RunOutcome<W> | EditedSheets> {
  progress('Membaca lembar kerja…');
  const book = await host.read(progress);
  const settings = settingsOf(book, request.settings);
  const edited = editedSheets(book.existing);
  if (edited.length > 0 && request.replaceEdited === undefined) return { edited };
  const planned = planRun(book.workbook, settings, book.existing, edited, request.replaceEdited ?? false, progress, request.sheets ?? true);
  progress('Menulis hasil…');
  const written = await host.write(planned, settings, progress);
  return {
    report: planned.report,
    written: planned.written,
    kept: planned.plan.edited,
    settings,
    catatan: [...book.catatan, ...written.catatan],
    time: new Date(),
    host: written,
  };
}

/** Which sheet serves as what with these settings (null: the saved ones), writing nothing. */
export async function inspectBook(host: Pick<RunHost<never>, 'read'>, settings: Partial<Settings> | null, progress: Progress = () => {}): Promise<Inspection> {
  const book = await host.read(progress);
  const savedProblem = book.savedProblem === null ? null : `${book.savedProblem}; pengaturan itu diabaikan sampai Anda menghitung lagi atau mengembalikan deteksi otomatis.`;
  const found = inspect(book.workbook, settings, book.existing, editedSheets(book.existing), { saved: book.saved, savedProblem });
  return { ...found, catatan: [...found.catatan, ...book.catatan] };
}

/**
 * A run as the pane shows it, for every host: the engine's result without its row trees (the browser
 * page's worker sends it across), the tables, the draft warning.
 */
export interface RunView {
  result: Omit<EngineResult, 'anggaran' | 'kinerja'> & {
    anggaran: Pick<NonNullable<EngineResult['anggaran']>, 'anggaran' | 'realisasi' | 'serapan'> | null;
    kinerja: Pick<NonNullable<EngineResult['kinerja']>, 'rataRataCapaian'> | null;
  };
  tables: Table[];
  draftWarning: string | null;
  written: WrittenSheet[];
  kept: string[];
  settings: Partial<Settings>;
  catatan: string[];
  time: Date;
}

export function viewOf({ report, written, kept, settings, catatan, time }: RunOutcome<unknown>): RunView {
  const { anggaran, kinerja, ...rest } = report.result;
  return {
    result: {
      ...rest,
      anggaran: anggaran && { anggaran: anggaran.anggaran, realisasi: anggaran.realisasi, serapan: anggaran.serapan },
      kinerja: kinerja && { rataRataCapaian: kinerja.rataRataCapaian },
    },
    tables: report.tables,
    draftWarning: report.draftWarning,
    written,
    kept,
    settings,
    catatan,
    time,
  };
}
