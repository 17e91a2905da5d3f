/** Host-neutral view of one worksheet: what both adapters (Office.js and .xlsx) hand to the core. */
import { InputError } from './errors';
import { countText } from './decimal';
import { quotedName } from './findings';
import { clip, columnLetter, MergeIndex, Rect } from './rect';

export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface Grid {
  name: string;
  /**
   * Cell values, row by row, starting at `origin` on the sheet. A row may end at its last value and
   * an empty row may be missing (a hole), so a stray far-away cell costs one long row, not a rectangle.
   */
  values: CellValue[][];
  /** Number formats at the same positions as `values`, where the host provides them (rows may be shorter or missing). */
  numberFormats?: (string | null)[][];
  /** 0-based sheet coordinates of values[0][0] (a used range need not start at A1). */
  origin: { row: number; col: number };
  /** Merged areas, in 0-based sheet coordinates. */
  merges?: Rect[];
  hidden?: boolean;
  /** 0-based sheet row indexes of hidden rows. */
  hiddenRows?: number[];
}

export interface Workbook {
  sheets: Grid[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** A1 address on the user's sheet of the grid cell (r, c). */
export function cellAddress(grid: Grid, r: number, c: number): string {
  return `${columnLetter(grid.origin.col + c)}${grid.origin.row + r + 1}`;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.error;
}

/**
 * Values with merged areas filled from their top-left cell (Office.js leaves the others empty).
 * Rows may be of any length, or missing: a merge is filled up to the widest row, as a host's
 * rectangular used range would have it.
 */
export function valuesWithMergesFilled(grid: Grid): CellValue[][] {
  if (!grid.merges || grid.merges.length === 0) return grid.values;
  const out = grid.values.map((row) => row.slice());
  const width = out.reduce((w, row) => Math.max(w, row.length), 0);
  for (const m of grid.merges) {
    const top = m.row - grid.origin.row;
    const left = m.col - grid.origin.col;
    const master = out[top]?.[left];
    if (master === undefined || master === null || master === '') continue;
    for (let r = Math.max(top, 0); r < top + m.rows && r < out.length; r++) {
      const row = (out[r] ??= []);
      for (let c = Math.max(left, 0); c < left + m.cols && c < width; c++) {
        const v = row[c];
        if (v === undefined || v === null || v === '') row[c] = master;
      }
    }
  }
  return out;
}

/** Merged cells a sheet may cover inside its populated area: far beyond any real table. */
const MAX_MERGED_CELLS = 4_000_000;

/** Excel's most characters in a cell: a file's longer text is read cut to it, as Excel repairs it; a result cell longer is cut too. */
export const MAX_CELL_TEXT = 32_767;

/** Excel's most characters in a sheet's name. */
export const MAX_SHEET_NAME = 31;

/**
 * Merges clipped to `bounds`, for every host: a sheet whose merges would cover more cells than any
 * table could is refused, so that indexing them stays bounded.
 */
export function mergesInside(merges: readonly Rect[], bounds: Rect, sheetName: string): Rect[] {
  const inside: Rect[] = [];
  let covered = 0;
  for (const m of merges) {
    const c = clip(m, bounds);
    if (!c) continue;
    covered += c.rows * c.cols;
    if (covered > MAX_MERGED_CELLS) {
      throw new InputError(`Lembar ${quotedName(sheetName)} memiliki sel gabungan yang terlalu luas (lebih dari ${countText(MAX_MERGED_CELLS)} sel); lembar ini tidak dibaca.`);
    }
    inside.push(c);
  }
  return inside;
}

/** The grid's merges in grid coordinates, clipped to its cells and indexed. */
export function gridMerges(grid: Grid): MergeIndex {
  // Rows may be holes (a reader leaves empty rows out): reduce passes over them.
  const bounds: Rect = { row: 0, col: 0, rows: grid.values.length, cols: grid.values.reduce((w, row) => Math.max(w, row.length), 0) };
  const shifted = (grid.merges ?? []).map((m) => ({ ...m, row: m.row - grid.origin.row, col: m.col - grid.origin.col }));
  return new MergeIndex(mergesInside(shifted, bounds, grid.name));
}

/**
 * A cell that only continues a merge from the row above: after valuesWithMergesFilled it repeats
 * the value above, so a budget row made only of such cells is the row above again, not a new item.
 */
export function isMergedDown(merges: MergeIndex, r: number, c: number): boolean {
  const m = merges.at(r, c);
  return m !== undefined && r > m.row;
}
