import { EMPTY_RECORD, planReplacement, ReplacementPlan } from '../result-sheets';
import { PreparedSheet, prepareSheets } from '../report/sheet-layout';
import { Table } from '../report/table';
import { Settings } from '../settings';
import { BukuRekap } from './book';
import { rekap, Rekap, rekapJson, RekapJson } from './rekap';
import { rekapSheets, rekapTables, rekapWarning } from './tables';

/** Every output of a recap from the books' summaries, made once for every host (the command line, the page). */
export interface RekapReport {
  rekap: Rekap;
  json: RekapJson;
  /** The sheets of the recap's workbook, laid out, and their names in a workbook of their own. */
  prepared: PreparedSheet[];
  plan: ReplacementPlan;
  /** The tables of the Word document: without the files' column, the galat list cut to GALAT_IN_DOCX per book. */
  docxTables: Table[];
  /** What opens the Word document while the figures cannot all be used as they are. */
  warning: string | null;
}

/** A book's galat in the Word document: the workbook lists every one. */
export const GALAT_IN_DOCX = 100;

export function rekapReport(books: BukuRekap[], settings: Partial<Settings> = {}): RekapReport {
  const r = rekap(books, settings);
  const prepared = prepareSheets(rekapSheets(r));
  const plan = planReplacement({
    sheetNames: [],
    record: EMPTY_RECORD,
    fingerprints: new Map(),
    tables: prepared.map(({ tabel, sidik }) => ({ tabel, sidik })),
    edited: [],
  });
  return { rekap: r, json: rekapJson(r), prepared, plan, docxTables: rekapTables(r, { dokumen: { galatPerBuku: GALAT_IN_DOCX } }), warning: rekapWarning(r) };
}
