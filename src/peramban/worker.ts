import { Inspection } from '../core/run/plan';
import { inspectBook, runHitung, viewOf } from '../core/run/run';
import { checkFileSize } from '../adapters/xlsx/package';
import { readBookOf, readXlsx, XlsxBook } from '../adapters/xlsx/read';
import { addResultSheets, copyNotes } from '../adapters/xlsx/write';
import { buildDocx } from '../adapters/docx/build-docx';
import { joinPieces } from '../adapters/zip/zip';
import { Report } from '../core/report/report';
import { Progress } from '../core/compute/engine';
import { InputError } from '../core/errors';
import { Grid } from '../core/grid';
import { toJson } from '../core/report/result-json';
import { Settings } from '../core/settings';
import { resultCopyName } from '../taskpane/file-name';
import { Answers, Message, Request, toWire, toWireError, WorkerRekap, WorkerRun } from './protocol';
import { BukuRekap, failedBook, rekapBook } from '../core/rekap/book';
import { rekapReport } from '../core/rekap/report';
import { newWorkbook } from '../adapters/xlsx/new-book';
import { rowText } from './row-text';

/**
 * The browser page's worker: the file is read, computed and its copy written here, with the same
 * adapter and core as the command line, so the page stays responsive. Nothing leaves the computer.
 */

interface Opened {
  name: string;
  book: XlsxBook;
}

let opened: Opened | null = null;
/** The last run's report, for its .docx. */
let report: Report | null = null;

function current(): Opened {
  if (!opened) throw new InputError('Belum ada buku kerja yang dibuka.');
  return opened;
}

async function open(file: File, progress: Progress): Promise<Answers['open']> {
  opened = null;
  report = null;
  checkFileSize(file.size, file.name);
  progress(`Membaca “${file.name}”…`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const book = await readXlsx(bytes, file.name, progress);
  opened = { name: file.name, book };
  return { sheets: book.grids.length };
}

/** Which sheet serves as what with these settings, as in Excel; a file keeps no saved settings. */
function inspect(settings: Partial<Settings> | null): Promise<Inspection> {
  const { book } = current();
  return inspectBook({ read: async () => readBookOf(book) }, settings);
}

/** The text of the row of each finding's cell and of the cell it is paired with, by `lembar!sel`. */
function findingRows(grids: Grid[], temuan: WorkerRun['result']['temuan']): Record<string, string> {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const rows: Record<string, string> = {};
  for (const at of temuan.flatMap((f) => [f.lembar && f.sel ? { lembar: f.lembar, sel: f.sel } : null, f.terkait ?? null])) {
    const grid = at && byName.get(at.lembar);
    const key = at && `${at.lembar}!${at.sel}`;
    if (grid && key && !(key in rows)) rows[key] = rowText(grid, at.sel);
  }
  return rows;
}

async function run(settings: Partial<Settings> | null, replaceEdited: boolean | undefined, progress: Progress): Promise<Answers['hitung']> {
  const { name, book } = current();
  const outcome = await runHitung(
    {
      read: async () => readBookOf(book),
      // The copy's notes (a signature that no longer holds …) are told among the run's.
      write: async ({ prepared, plan }) => ({ catatan: copyNotes(book), workbook: joinPieces(await addResultSheets(book, prepared, plan)) }),
    },
    { settings, replaceEdited },
    progress,
  );
  if ('edited' in outcome) return outcome;
  report = outcome.report;
  return {
    ...viewOf(outcome),
    copy: {
      // The workbook's own kind: a .xlsm stays a .xlsm, or Excel would not open it.
      workbook: { name: resultCopyName(name, book.extension), bytes: outcome.host.workbook },
      json: { name: resultCopyName(name, '.json'), text: JSON.stringify(toJson(outcome.report), null, 2) + '\n' },
      rows: findingRows(book.grids, outcome.report.result.temuan),
    },
  };
}

/** One book of a recap from its file: never throws, a book that fails says why in the sentence opening it alone gives. */
async function rekapBuku(file: File, berkas: string, settings: Partial<Settings>): Promise<BukuRekap> {
  try {
    checkFileSize(file.size, file.name);
    return await rekapBook(berkas, async () => readBookOf(await readXlsx(new Uint8Array(await file.arrayBuffer()), file.name)), settings);
  } catch (e) {
    return failedBook(berkas, e);
  }
}

async function rekapTulis(books: BukuRekap[], settings: Partial<Settings>): Promise<WorkerRekap> {
  const report = rekapReport(books, settings);
  const pieces = await newWorkbook(report.prepared, report.plan, 'rekap.xlsx');
  return {
    rekap: report.rekap,
    docxTables: report.docxTables,
    warning: report.warning,
    workbook: joinPieces(pieces),
    json: JSON.stringify(report.json, null, 2) + '\n',
  };
}

function answer(request: Request, progress: Progress): Promise<Answers[Request['type']]> | Answers[Request['type']] {
  switch (request.type) {
    case 'open':
      return open(request.file, progress);
    case 'inspect':
      return inspect(request.settings);
    case 'hitung':
      return run(request.settings, request.replaceEdited, progress);
    case 'rekap-buku':
      return rekapBuku(request.file, request.berkas, request.settings);
    case 'rekap-tulis':
      return rekapTulis(request.books, request.settings);
    case 'docx':
      if (!report) throw new InputError('Belum ada hasil perhitungan untuk dijadikan .docx.');
      return buildDocx(report.tables, report.draftWarning, { progress }).then((bytes) => ({ bytes }));
  }
}

/** The bytes an answer hands over rather than copies. */
function transferred(value: Answers[Request['type']]): Transferable[] {
  if ('copy' in value) return [value.copy.workbook.bytes.buffer];
  if ('workbook' in value) return [value.workbook.buffer];
  if ('bytes' in value) return [value.bytes.buffer];
  return [];
}

addEventListener('message', (event: MessageEvent<{ id: number } & Request>) => {
  const { id } = event.data;
  const send = (message: Message, transfer: Transferable[] = []) => postMessage(message, { transfer });
  Promise.resolve()
    .then(() => answer(event.data, (progress) => send({ id, progress })))
    .then(
      (value) => send({ id, value: toWire(value) }, transferred(value)),
      (error: unknown) => send({ id, error: toWireError(error) }),
    );
});
