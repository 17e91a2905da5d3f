/// <reference types="office-js" />
import { CellValue, Grid, Workbook } from '../../core/grid';
import { parseAddress, Rect } from '../../core/rect';
import { isResultSheet } from '../../core/result-sheets';
import { Settings } from '../../core/settings';

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

export interface ExcelInput {
  workbook: Workbook;
  /** The user's sheet names in order, the tool's own result sheets excluded. */
  sheetNames: string[];
  /** Every sheet name, result sheets included, for replacing them. */
  allNames: string[];
  /** Settings saved in the workbook by an earlier run, if any. */
  saved: Partial<Settings> | null;
}

export interface ReadOptions {
  /** ExcelApi 1.13: merged areas can be asked for. */
  withMerges: boolean;
  /**
   * Excel on the web answers at most 5 MB per sync: there, cells are fetched in row blocks of
   * about this many bytes. Null on the desktop, where the whole used ranges come in one sync.
   */
  responseBudget: number | null;
}

/** A conservative size of one cell's value and number format in a response, in bytes. */
const BYTES_PER_CELL = 64;

/** Rows `row` … `row + rows − 1` of one sheet's used range. */
interface RowBlock {
  sheet: number;
  row: number;
  rows: number;
}

/** Row blocks of every used range, grouped so that each group's response stays within the budget. */
function planBlocks(shapes: ({ rows: number; cols: number } | null)[], budget: number | null): RowBlock[][] {
  const groups: RowBlock[][] = [[]];
  let size = 0;
  shapes.forEach((shape, sheet) => {
    if (!shape) return;
    const rowsPerBlock = budget === null ? shape.rows : Math.max(1, Math.floor(budget / (shape.cols * BYTES_PER_CELL)));
    for (let row = 0; row < shape.rows; row += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, shape.rows - row);
      const bytes = rows * shape.cols * BYTES_PER_CELL;
      if (budget !== null && size > 0 && size + bytes > budget) {
        groups.push([]);
        size = 0;
      }
      groups[groups.length - 1].push({ sheet, row, rows });
      size += bytes;
    }
  });
  return groups;
}

/**
 * Reads every sheet's used range (values, number formats, merged areas). On the desktop that is
 * three syncs whatever the workbook's size; on the web, one more per response budget of cells.
 * Result sheets of earlier runs are skipped; nothing is written.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ExcelInput> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await context.sync();

  const own = sheets.items.filter((ws) => !isResultSheet(ws.name));
  const used = own.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();

  const shapes = used.map((r) => (r.isNullObject ? null : { rows: r.rowCount, cols: r.columnCount }));
  const merged = options.withMerges
    ? used.map((range) => {
        if (range.isNullObject) return null;
        const areas = range.getMergedAreasOrNullObject();
        areas.load('areas/items/address');
        return areas;
      })
    : [];
  const values: unknown[][][] = own.map(() => []);
  const formats: string[][][] = own.map(() => []);
  for (const group of planBlocks(shapes, options.responseBudget)) {
    const loaded = group.map((b) => {
      const range = own[b.sheet].getRangeByIndexes(used[b.sheet].rowIndex + b.row, used[b.sheet].columnIndex, b.rows, shapes[b.sheet]!.cols);
      range.load('values,numberFormat');
      return { block: b, range };
    });
    // One sync per response budget is what Excel on the web allows; the desktop has one group only.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { block, range } of loaded) {
      values[block.sheet].push(...(range.values as unknown[][]));
      formats[block.sheet].push(...(range.numberFormat as string[][]));
    }
  }

  const grids: Grid[] = own.map((ws, i): Grid => {
    const range = used[i];
    if (range.isNullObject) return { name: ws.name, values: [], origin: { row: 0, col: 0 }, hidden: ws.visibility !== 'Visible' };
    const areas = merged[i];
    const merges = areas && !areas.isNullObject ? areas.areas.items.map((a) => parseAddress(a.address)).filter((m): m is Rect => m !== null) : [];
    return {
      name: ws.name,
      values: values[i].map((row) => row.map(cellValue)),
      numberFormats: formats[i],
      origin: { row: range.rowIndex, col: range.columnIndex },
      merges,
      hidden: ws.visibility !== 'Visible',
    };
  });

  const saved = parseSaved(setting);
  return { workbook: { sheets: grids }, sheetNames: own.map((ws) => ws.name), allNames: sheets.items.map((ws) => ws.name), saved };
}

/** Settings saved by an earlier run; a damaged value counts as none. */
export function parseSaved(setting: Excel.Setting): Partial<Settings> | null {
  if (setting.isNullObject) return null;
  try {
    const v = JSON.parse(setting.value) as unknown;
    return v && typeof v === 'object' ? (v as Partial<Settings>) : null;
  } catch {
    return null;
  }
}
