/// <reference types="office-js" />
import { InputError } from '../../core/errors';
import { countText } from '../../core/decimal';
import { CellValue, Grid, Workbook } from '../../core/grid';
import { clip, parseAddress, Rect, rectAddress } from '../../core/rect';
import { quotedName } from '../../core/findings';
import { guessHeaderMerges } from './merge-guess';
import { EMPTY_RECORD, ownership, RECORD_NAMESPACE, RESULT_PREFIX, recordFromXml, ResultRecord } from '../../core/result-sheets';
import { parseSettings, Settings } from '../../core/settings';

export const SETTINGS_KEY = 'hitungCapaian.pengaturan';

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** A sheet of the workbook as the adapter needs to know it to replace its own. */
export interface SheetInfo {
  name: string;
  visibility: Excel.SheetVisibility | `${Excel.SheetVisibility}`;
  /** How many charts it holds: a sheet of ours rewritten in place loses them. */
  charts: number;
  /** Protected (Review › Protect Sheet): nothing can be written into it. */
  protected: boolean;
}

export interface ExcelInput {
  /** The engine's input: every sheet but those the record says the tool wrote. */
  workbook: Workbook;
  /** Every sheet in order, the tool's own included, for replacing them. */
  sheets: SheetInfo[];
  /** The workbook's structure is protected: no sheet can be added, deleted, renamed, hidden or shown. */
  structureProtected: boolean;
  /** Which sheets the tool wrote, from its custom XML part. */
  record: ResultRecord;
  /**
   * The id of the custom XML part holding the record, null when the workbook has none; undefined
   * when Excel refused the workbook's custom XML parts (an unsaved workbook on iPad,
   * OfficeDev/office-js#3936): then no record can be read or saved.
   */
  recordPart: string | null | undefined;
  /** fingerprint() of each recorded sheet as it is now, by name. */
  fingerprints: ReadonlyMap<string, string>;
  /** What the user is told about the record (damaged, or naming a sheet that is not ours). */
  recordNotes: readonly string[];
  /** The settings saved in the workbook by an earlier run, as saved (readSaved checks them). */
  saved: Excel.Setting;
  /** What the user should know of this reading before any figure, each one Indonesian sentence. */
  catatan: string[];
}

export interface ReadOptions {
  /** ExcelApi 1.13: merged areas can be asked for; without it, merged headers are recognised by their layout. */
  withMerges: boolean;
  /**
   * Excel on the web refuses a response over 5 MB, and the add-in holds every platform to the same
   * limit: cells come in row blocks of about this many bytes of response each.
   */
  responseBudget: number;
}

/** Sheets walked per sync (getFirst, getNextOrNullObject), each with its used range's shape. */
const SHEETS_PER_SYNC = 16;
/** Each sheet's top-left corner is read with its shape, to measure what its cells weigh in a response. */
const PROBE = { rows: 30, cols: 26 };
/** What a cell weighs before any was measured: a long name beside a Rupiah accounting format. */
const ASSUMED_CELL_BYTES = 120;
/** Excel answers no values for a range of more than 5 million cells. */
const CELL_LIMIT = 5_000_000;

const utf8 = new TextEncoder();
/** What a value weighs in a request or a response: its JSON in UTF-8. */
export const jsonBytes = (v: unknown) => utf8.encode(JSON.stringify(v)).length;

interface Walked {
  ws: Excel.Worksheet;
  used: Excel.Range;
  probe: Excel.Range;
  /** How many merged areas the sheet has: the areas themselves come with the blocks of rows. */
  merges: Excel.RangeAreas | null;
  charts: Excel.ChartCollection;
  protection: Excel.WorksheetProtection;
}

/**
 * What the read needs of a sheet besides its name: its used range, merged areas, charts, protection
 * and a first measure of its cells. Nothing is called on what may be a null object (an empty sheet's
 * used range): the merged areas are asked of the whole sheet. Read in the sync that loads them:
 * untracked.
 */
function askSheet(ws: Excel.Worksheet, options: ReadOptions): Walked {
  const used = ws.getUsedRangeOrNullObject(true).untrack().load('rowIndex,columnIndex,rowCount,columnCount');
  const probe = ws.getRangeByIndexes(0, 0, PROBE.rows, PROBE.cols).untrack().load('values,numberFormat');
  const merges = options.withMerges ? ws.getRange().untrack().getMergedAreasOrNullObject().untrack().load('areaCount') : null;
  return { ws, used, probe, merges, charts: ws.charts.load('count'), protection: ws.protection.load('protected') };
}

/**
 * Every sheet in order with what askSheet asks, without a sync for the names first: the walk asks
 * for SHEETS_PER_SYNC sheets at a time and stops at the first null object.
 */
async function walkSheets(context: Excel.RequestContext, options: ReadOptions): Promise<Walked[]> {
  const walked: Walked[] = [];
  let ws = context.workbook.worksheets.getFirst();
  for (;;) {
    const step: Walked[] = [];
    for (let i = 0; i < SHEETS_PER_SYNC; i++) {
      step.push(askSheet(ws.load('name,visibility'), options));
      ws = ws.getNextOrNullObject();
    }
    ws.load('name');
    // A workbook of more than SHEETS_PER_SYNC sheets needs a sync per that many: the count is unknown before.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    walked.push(...step.filter((w) => !w.ws.isNullObject));
    if (ws.isNullObject) return walked;
  }
}

/** The same as walkSheets with one sync more: the sheets' names first, then what askSheet asks. */
async function listSheets(context: Excel.RequestContext, options: ReadOptions): Promise<Walked[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();
  const walked = sheets.items.map((ws) => askSheet(ws, options));
  await context.sync();
  return walked;
}

/** What the workbook keeps besides its sheets: the saved settings, the record's part, the structure's protection. */
function askStored(context: Excel.RequestContext, withRecord: boolean) {
  return {
    setting: context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value'),
    parts: withRecord ? context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE).load('items/id') : null,
    structure: context.workbook.protection.load('protected'),
  };
}

/**
 * The sheets walked and what the workbook keeps, in the walk's first sync. Should Excel refuse that
 * request, the walk calls methods on the null object past the last sheet, which no document says
 * Excel answers with null objects as the fake host does: the names come first then. Should Excel
 * refuse that too, it refuses the workbook's custom XML parts (OfficeDev/office-js#3936, an unsaved
 * workbook on iPad): the sheets are read without the record.
 */
async function walkWithStored(context: Excel.RequestContext, options: ReadOptions) {
  let stored = askStored(context, true);
  try {
    return { walked: await walkSheets(context, options), stored };
  } catch {
    try {
      stored = askStored(context, true);
      return { walked: await listSheets(context, options), stored };
    } catch {
      stored = askStored(context, false);
      return { walked: await listSheets(context, options), stored };
    }
  }
}

/** Rows `row` … `end − 1` of a used range still to read. */
interface Piece {
  sheet: number;
  row: number;
  end: number;
}

/** What one merged area weighs in a response: its address, which names the sheet, as an item. */
const areaBytes = (address: string) => jsonBytes({ Address: address }) + 1;

/**
 * What the merged areas of a row weigh in a response: the sheet's count spread over its rows, each
 * address as long as the longest in the used range (the sheet's name quoted).
 */
function mergeEstimate(w: Walked, shape: Rect): number {
  if (!w.merges || w.merges.isNullObject) return 0;
  const corner = rectAddress({ row: shape.row + shape.rows - 1, col: shape.col + shape.cols - 1, rows: 1, cols: 1 });
  return (w.merges.areaCount / shape.rows) * areaBytes(`'${w.ws.name.replace(/'/g, "''")}'!${corner}:${corner}`);
}

/** What a row of each sheet weighs in a response, from the probe: the part of it inside the used range. */
function firstEstimate(w: Walked, shape: Rect): number {
  const probe = w.probe;
  const inside = clip(shape, { row: 0, col: 0, rows: PROBE.rows, cols: PROBE.cols });
  if (!inside || !probe.values) return ASSUMED_CELL_BYTES * shape.cols;
  const part = (grid: unknown[][]) => grid.slice(inside.row, inside.row + inside.rows).map((r) => r.slice(inside.col, inside.col + inside.cols));
  const bytes = jsonBytes(part(probe.values)) + jsonBytes(part(probe.numberFormat));
  return (bytes / inside.rows) * (shape.cols / inside.cols);
}

/** Why the record cannot be kept in this workbook, where Excel refused its custom XML parts. */
export const RECORD_UNAVAILABLE =
  'Excel tidak mengizinkan Hitung Capaian membaca atau menyimpan catatan lembar hasilnya di buku kerja ini (di iPad hal ini terjadi selama buku kerja belum pernah disimpan), jadi lembar “HC …” yang sudah ada tidak dibaca dan tidak diganti, dan hasil baru ditulis di sampingnya; simpan buku kerja, lalu hitung lagi.';

/**
 * Reads every sheet's used range (values, number formats, merged areas), the tool's record and the
 * saved settings: the sheets and what the workbook keeps in one sync, then the cells in row blocks of
 * about the response budget each, sized from what the cells (and their merged areas) measured
 * weigh; a block Excel refuses is halved and asked again. The same on every platform: Excel on the
 * web refuses a response over 5 MB, and the add-in keeps every Excel to that. Where ExcelApi 1.13 is
 * missing, merged headers are recognised by their layout (guessHeaderMerges) and said so. The sheets
 * the record names are fingerprinted and kept from the engine; every other sheet, one named `HC …`
 * too, is the user's. Nothing is written.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ExcelInput> {
  const { walked, stored } = await walkWithStored(context, options);
  const catatan: string[] = [];
  if (!stored.parts) catatan.push(RECORD_UNAVAILABLE);
  // The record's text comes with the first block of cells (or alone, in a workbook without cells).
  const recordPart = stored.parts ? (stored.parts.items[0] ?? null) : undefined;
  let pendingXml: OfficeExtension.ClientResult<string> | null = recordPart?.getXml() ?? null;
  let recordXml: string | null = null;
  const shapes = walked.map((w): Rect | null => (w.used.isNullObject ? null : { row: w.used.rowIndex, col: w.used.columnIndex, rows: w.used.rowCount, cols: w.used.columnCount }));

  // A sheet's merged areas come with each block of its rows: asked of the whole sheet at once,
  // 100.000 of them already pass 5 MB. Excel answers those whose top-left cell is in the block.
  const blockMerges = walked.map((w) => w.merges !== null && !w.merges.isNullObject && w.merges.areaCount > 0);
  const rowBytes = walked.map((w, s) => (shapes[s] ? firstEstimate(w, shapes[s]) + (blockMerges[s] ? mergeEstimate(w, shapes[s]) : 0) : 0));
  const queue: Piece[] = [];
  walked.forEach((_, sheet) => {
    const shape = shapes[sheet];
    if (shape) queue.push({ sheet, row: 0, end: shape.rows });
  });

  if (pendingXml && queue.length === 0) {
    await context.sync();
    recordXml = pendingXml.value;
  }
  const values: unknown[][][] = walked.map(() => []);
  const formats: string[][][] = walked.map(() => []);
  const merges: Rect[][] = walked.map(() => []);
  const read = walked.map(() => ({ bytes: 0, rows: 0 }));
  while (queue.length > 0) {
    const group = takeGroup(queue, options.responseBudget, (p) => rowBytes[p.sheet], shapes);
    // Blocks (and probes) are read in the sync that loads them and never used again: untracked,
    // so Excel is not asked to keep them nor the client to release them when the run ends.
    const loaded = group.map((piece) => {
      const shape = shapes[piece.sheet]!;
      const block = { row: shape.row + piece.row, col: shape.col, rows: piece.end - piece.row, cols: shape.cols };
      const range = walked[piece.sheet].ws.getRangeByIndexes(block.row, block.col, block.rows, block.cols).untrack().load('values,numberFormat');
      const merged = blockMerges[piece.sheet] ? range.getMergedAreasOrNullObject().untrack().load('areas/items/address') : null;
      return { piece, block, range, merged };
    });
    try {
      // One sync per response budget is what Excel on the web allows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // Excel refused the answer as too large: the rows weigh more than measured, so the same
      // budget takes half as many of them; what was read since tells their weight again.
      const refused = ['ResponsePayloadSizeLimitExceeded', 'GeneralException'].includes((e as { code?: string }).code ?? '');
      if (!refused || group.every((p) => p.end - p.row <= 1)) throw e;
      for (const p of group) rowBytes[p.sheet] *= 2;
      queue.unshift(...group);
      // The refused request took the record's text with it: ask again with the next.
      if (pendingXml) pendingXml = recordPart!.getXml();
      continue;
    }
    if (pendingXml) recordXml = pendingXml.value;
    pendingXml = null;
    for (const { piece, block, range, merged } of loaded) {
      const v = range.values as unknown[][] | null;
      const f = range.numberFormat as string[][] | null;
      if (!v || !f) {
        throw new InputError(
          `Excel tidak mengirim isi lembar “${walked[piece.sheet].ws.name}” (${countText(block.rows * block.cols)} sel sekaligus). Hapus isi atau format di luar tabel pada lembar itu agar lebih kecil, lalu coba lagi.`,
        );
      }
      values[piece.sheet].push(...v);
      formats[piece.sheet].push(...f);
      merges[piece.sheet].push(...mergesOf(merged, shapes[piece.sheet], block));
      const areas = merged && !merged.isNullObject ? merged.areas.items.reduce((n, a) => n + areaBytes(a.address), 0) : 0;
      read[piece.sheet].bytes += jsonBytes(v) + jsonBytes(f) + areas;
      read[piece.sheet].rows += v.length;
      rowBytes[piece.sheet] = read[piece.sheet].bytes / read[piece.sheet].rows;
    }
  }

  const guessed: string[] = [];
  const grids = walked.map((w, i): Grid => {
    const hidden = w.ws.visibility !== 'Visible';
    const shape = shapes[i];
    if (!shape) return { name: w.ws.name, values: [], origin: { row: 0, col: 0 }, hidden };
    const cells = values[i].map((row) => row.map(cellValue));
    const origin = { row: shape.row, col: shape.col };
    let sheetMerges = merges[i];
    if (!options.withMerges) {
      sheetMerges = guessHeaderMerges(cells, origin);
      const horizontal = sheetMerges.filter((m) => m.cols > 1);
      if (horizontal.length > 0) guessed.push(`${quotedName(w.ws.name)} ${horizontal.map(rectAddress).join(', ')}`);
    }
    return { name: w.ws.name, values: cells, numberFormats: formats[i], origin, merges: sheetMerges, hidden };
  });
  if (guessed.length > 0) catatan.push(guessedMergesNote(guessed));
  const found = recordXml === null ? EMPTY_RECORD : (recordFromXml(recordXml) ?? EMPTY_RECORD);
  const own = ownership(
    grids,
    walked.map((w) => w.ws.name),
    found,
  );
  // Without the record, a sheet named as ours may hold an earlier run's results: never read as input.
  const inputs = stored.parts ? own.userGrids : own.userGrids.filter((g) => !g.name.startsWith(RESULT_PREFIX));
  return {
    workbook: { sheets: inputs },
    sheets: walked.map((w) => ({ name: w.ws.name, visibility: w.ws.visibility, charts: w.charts.count, protected: w.protection.protected })),
    structureProtected: stored.structure.protected,
    record: own.record,
    recordPart: recordPart === undefined ? undefined : (recordPart?.id ?? null),
    fingerprints: own.fingerprints,
    recordNotes: own.catatan,
    saved: stored.setting,
    catatan,
  };
}

/** What is said where merged headers were recognised by their layout: which, and how to be sure. */
function guessedMergesNote(places: string[]): string {
  const shown = places.slice(0, 3).join('; ');
  const more = places.length > 3 ? ` dan ${countText(places.length - 3)} lembar lain` : '';
  return `Versi Excel ini belum dapat memberi tahu sel gabungan (perlu ExcelApi 1.13), jadi judul kolom yang tampak digabung dibaca sebagai sel gabungan menurut tata letaknya: ${shown}${more}. Periksa kolom yang dikenali di “Lembar dan kolom” sebelum memakai angkanya, atau perbarui Excel.`;
}

/**
 * The next pieces whose answer fits in `budget` bytes, cutting a sheet's rows where the budget ends
 * and never asking more than Excel's cell limit of one range.
 */
function takeGroup(queue: Piece[], budget: number, weight: (p: Piece) => number, shapes: (Rect | null)[]): Piece[] {
  const group: Piece[] = [];
  let size = 0;
  while (queue.length > 0) {
    const piece = queue[0];
    const perRow = weight(piece);
    const byCells = Math.floor(CELL_LIMIT / shapes[piece.sheet]!.cols);
    const fits = Math.min(byCells, Math.floor((budget - size) / perRow));
    if (fits < 1 && group.length > 0) break;
    const rows = Math.max(1, Math.min(fits, piece.end - piece.row));
    group.push({ sheet: piece.sheet, row: piece.row, end: piece.row + rows });
    size += rows * perRow;
    if (piece.row + rows === piece.end) queue.shift();
    else queue[0] = { ...piece, row: piece.row + rows };
  }
  return group;
}

/**
 * The merged areas whose top-left cell is in `block` (so each is taken from one block only), clipped
 * to the used range: Excel answers every merge whose top-left cell is in the range asked, whole,
 * even where it reaches beyond it (OfficeDev/office-js#3611).
 */
function mergesOf(areas: Excel.RangeAreas | null, shape: Rect | null, block: Rect | null): Rect[] {
  if (!areas || areas.isNullObject || !shape || !block) return [];
  const inBlock = (m: Rect) => clip({ ...m, rows: 1, cols: 1 }, block) !== null;
  return areas.areas.items.flatMap((a) => {
    const m = parseAddress(a.address);
    return m && inBlock(m) ? (clip(m, shape) ?? []) : [];
  });
}

/** Settings saved by an earlier run, checked as any settings are; null when none were saved. */
export function readSaved(setting: Excel.Setting): Partial<Settings> | null {
  if (setting.isNullObject) return null;
  let value: unknown;
  try {
    value = JSON.parse(String(setting.value));
  } catch {
    throw new InputError('Pengaturan yang tersimpan di buku kerja ini rusak.');
  }
  return parseSettings(value);
}
