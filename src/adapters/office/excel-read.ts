/// <reference types="office-js" />
import { InputError } from '../../core/errors';
import { CellValue, Grid, Workbook } from '../../core/grid';
import { clip, parseAddress, Rect } from '../../core/rect';
import { EMPTY_RECORD, fingerprintsOf, userSheets, RECORD_NAMESPACE, recordFromXml, ResultRecord } from '../../core/result-sheets';
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
}

export interface ExcelInput {
  /** The engine's input: every sheet but those the record says the tool wrote. */
  workbook: Workbook;
  /** Every sheet in order, the tool's own included, for replacing them. */
  sheets: SheetInfo[];
  /** Which sheets the tool wrote, from its custom XML part. */
  record: ResultRecord;
  /** The id of the custom XML part holding the record, null when the workbook has none. */
  recordPart: string | null;
  /** fingerprint() of each recorded sheet as it is now, by name. */
  fingerprints: Map<string, string>;
  /** The settings saved in the workbook by an earlier run, as saved (readSaved checks them). */
  saved: Excel.Setting;
}

export interface ReadOptions {
  /** ExcelApi 1.13: merged areas can be asked for. */
  withMerges: boolean;
  /**
   * Excel on the web refuses a response over 5 MB: there, cells come in row blocks of about this
   * many bytes of response each. Null on the desktop, where every used range comes in one sync.
   */
  responseBudget: number | null;
}

/** Sheets walked per sync (getFirst, getNextOrNullObject), each with its used range's shape. */
const SHEETS_PER_SYNC = 16;
/** On the web, each sheet's top-left corner is read with its shape, to measure what its cells weigh in a response. */
const PROBE = { rows: 30, cols: 26 };
/** What a cell weighs before any was measured: a long name beside a Rupiah accounting format. */
const ASSUMED_CELL_BYTES = 120;
/** What one merged area's address weighs in a response. */
const MERGE_BYTES = 48;
/** Excel answers no values for a range of more than 5 million cells. */
const CELL_LIMIT = 5_000_000;

const utf8 = new TextEncoder();
/** What a value weighs in a request or a response: its JSON in UTF-8. */
export const jsonBytes = (v: unknown) => utf8.encode(JSON.stringify(v)).length;

interface Walked {
  ws: Excel.Worksheet;
  used: Excel.Range;
  probe: Excel.Range | null;
  merges: Excel.RangeAreas | null;
}

/**
 * Every sheet in order with its used range, merged areas and (on the web) a first measure of its
 * cells, without a sync for the names first: the walk asks for SHEETS_PER_SYNC sheets at a time and
 * stops at the first null object.
 */
async function walkSheets(context: Excel.RequestContext, options: ReadOptions): Promise<Walked[]> {
  const walked: Walked[] = [];
  let ws = context.workbook.worksheets.getFirst();
  for (;;) {
    const step: Walked[] = [];
    for (let i = 0; i < SHEETS_PER_SYNC; i++) {
      ws.load('name,visibility');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const probe = options.responseBudget === null ? null : ws.getRangeByIndexes(0, 0, PROBE.rows, PROBE.cols).untrack().load('values,numberFormat');
      const merges = options.withMerges ? used.getMergedAreasOrNullObject().load(options.responseBudget === null ? 'areas/items/address' : 'areaCount') : null;
      step.push({ ws, used, probe, merges });
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

/** Rows `row` … `end − 1` of a used range still to read, or a sheet's merged areas. */
type Piece = { sheet: number; row: number; end: number } | { sheet: number; merges: true };

/** What a row of each sheet weighs in a response, from the probe: the part of it inside the used range. */
function firstEstimate(w: Walked, shape: Rect): number {
  const probe = w.probe;
  const inside = probe && clip(shape, { row: 0, col: 0, rows: PROBE.rows, cols: PROBE.cols });
  if (!probe || !inside || !probe.values) return ASSUMED_CELL_BYTES * shape.cols;
  const part = (grid: unknown[][]) => grid.slice(inside.row, inside.row + inside.rows).map((r) => r.slice(inside.col, inside.col + inside.cols));
  const bytes = jsonBytes(part(probe.values)) + jsonBytes(part(probe.numberFormat));
  return (bytes / inside.rows) * (shape.cols / inside.cols);
}

/**
 * Reads every sheet's used range (values, number formats, merged areas), the tool's record and the
 * saved settings. On the desktop that is two syncs whatever the workbook's size; on the web, one
 * more per response budget of cells, the blocks sized from what the cells measured weigh. A block
 * Excel refuses is halved and asked again. The sheets the record names are fingerprinted and kept
 * from the engine; every other sheet, one named `HC …` too, is the user's. Nothing is written.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ExcelInput> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  const parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE).load('items/id');
  const walked = await walkSheets(context, options);
  // The record's text comes with the first block of cells (or alone, in a workbook without cells).
  const recordPart = parts.items[0] ?? null;
  let pendingXml: OfficeExtension.ClientResult<string> | null = recordPart?.getXml() ?? null;
  let recordXml: string | null = null;
  const shapes = walked.map((w): Rect | null => (w.used.isNullObject ? null : { row: w.used.rowIndex, col: w.used.columnIndex, rows: w.used.rowCount, cols: w.used.columnCount }));

  const rowBytes = walked.map((w, s) => (shapes[s] ? firstEstimate(w, shapes[s]) : 0));
  const queue: Piece[] = [];
  walked.forEach((w, sheet) => {
    const shape = shapes[sheet];
    if (!shape) return;
    if (options.responseBudget !== null && w.merges && !w.merges.isNullObject) queue.push({ sheet, merges: true });
    queue.push({ sheet, row: 0, end: shape.rows });
  });

  if (pendingXml && queue.length === 0) {
    await context.sync();
    recordXml = pendingXml.value;
  }
  const values: unknown[][][] = walked.map(() => []);
  const formats: string[][][] = walked.map(() => []);
  const merges: Rect[][] = walked.map((w, s) => (options.responseBudget === null ? mergesOf(w.merges, shapes[s]) : []));
  const read = walked.map(() => ({ bytes: 0, rows: 0 }));
  const budget = options.responseBudget ?? Infinity;
  while (queue.length > 0) {
    const group = takeGroup(queue, budget, (p) => ('merges' in p ? walked[p.sheet].merges!.areaCount * MERGE_BYTES : rowBytes[p.sheet]), shapes);
    // Blocks (and probes) are read in the sync that loads them and never used again: untracked,
    // so Excel is not asked to keep them nor the client to release them when the run ends.
    const loaded = group.map((piece) => {
      const shape = shapes[piece.sheet]!;
      const ws = walked[piece.sheet].ws;
      if ('merges' in piece) return { piece, merged: walked[piece.sheet].used.getMergedAreasOrNullObject().load('areas/items/address') };
      return {
        piece,
        range: ws
          .getRangeByIndexes(shape.row + piece.row, shape.col, piece.end - piece.row, shape.cols)
          .untrack()
          .load('values,numberFormat'),
      };
    });
    try {
      // One sync per response budget is what Excel on the web allows; the desktop has one group only.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // Excel on the web refused the answer as too large: the rows weigh more than measured, so
      // the same budget takes half as many of them; what was read since tells their weight again.
      const refused = ['ResponsePayloadSizeLimitExceeded', 'GeneralException'].includes((e as { code?: string }).code ?? '');
      if (!refused || options.responseBudget === null || group.every((p) => !('end' in p) || p.end - p.row <= 1)) throw e;
      for (const p of group) rowBytes[p.sheet] *= 2;
      queue.unshift(...group);
      // The refused request took the record's text with it: ask again with the next.
      if (pendingXml) pendingXml = recordPart!.getXml();
      continue;
    }
    if (pendingXml) recordXml = pendingXml.value;
    pendingXml = null;
    for (const item of loaded) {
      const piece = item.piece;
      if ('merged' in item && item.merged) merges[piece.sheet] = mergesOf(item.merged, shapes[piece.sheet]);
      if (!('range' in item) || !item.range || !('end' in piece)) continue;
      const v = item.range.values as unknown[][] | null;
      const f = item.range.numberFormat as string[][] | null;
      if (!v || !f) {
        const cells = (piece.end - piece.row) * shapes[piece.sheet]!.cols;
        throw new InputError(
          `Excel tidak mengirim isi lembar “${walked[piece.sheet].ws.name}” (${cells.toLocaleString('id-ID')} sel sekaligus). Hapus isi atau format di luar tabel pada lembar itu agar lebih kecil, lalu coba lagi.`,
        );
      }
      values[piece.sheet].push(...v);
      formats[piece.sheet].push(...f);
      if (options.responseBudget !== null) {
        read[piece.sheet].bytes += jsonBytes(v) + jsonBytes(f);
        read[piece.sheet].rows += v.length;
        rowBytes[piece.sheet] = read[piece.sheet].bytes / read[piece.sheet].rows;
      }
    }
  }

  const grids = walked.map((w, i): Grid => {
    const hidden = w.ws.visibility !== 'Visible';
    const shape = shapes[i];
    if (!shape) return { name: w.ws.name, values: [], origin: { row: 0, col: 0 }, hidden };
    return {
      name: w.ws.name,
      values: values[i].map((row) => row.map(cellValue)),
      numberFormats: formats[i],
      origin: { row: shape.row, col: shape.col },
      merges: merges[i],
      hidden,
    };
  });
  const record = recordXml === null ? EMPTY_RECORD : (recordFromXml(recordXml) ?? EMPTY_RECORD);
  return {
    workbook: { sheets: userSheets(grids, record) },
    sheets: walked.map((w) => ({ name: w.ws.name, visibility: w.ws.visibility })),
    record,
    recordPart: recordPart?.id ?? null,
    fingerprints: fingerprintsOf(grids, record),
    saved: setting,
  };
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
    if (!('end' in piece)) {
      const bytes = weight(piece);
      if (group.length > 0 && size + bytes > budget) break;
      group.push(queue.shift()!);
      size += bytes;
      continue;
    }
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
 * Merged areas inside the used range. Excel answers every merge whose top-left cell is in the
 * range, even where it reaches beyond it (OfficeDev/office-js#3611): those are clipped.
 */
function mergesOf(areas: Excel.RangeAreas | null, shape: Rect | null): Rect[] {
  if (!areas || areas.isNullObject || !shape) return [];
  return areas.areas.items.map((a) => parseAddress(a.address)).flatMap((m) => (m ? (clip(m, shape) ?? []) : []));
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
