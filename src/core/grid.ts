/** Host-neutral view of one worksheet: what both adapters (Office.js and .xlsx) hand to the core. */

export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  name: string;
  /** Cell values, row by row, starting at `origin` on the sheet. */
  values: CellValue[][];
  /** Number formats in the same shape as `values`, where the host provides them. */
  numberFormats?: (string | null)[][];
  /** 0-based sheet coordinates of values[0][0] (a used range need not start at A1). */
  origin: { row: number; col: number };
  /** Merged areas, in 0-based sheet coordinates. */
  merges?: CellRange[];
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

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** `B2:D9`, `$B$2`, or `'Sheet'!B2:D9` → 0-based rectangle; null when it is not an address. */
export function parseRange(address: string): CellRange | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(local);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
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

/** Values with merged areas filled from their top-left cell (Office.js leaves the others empty). */
export function valuesWithMergesFilled(grid: Grid): CellValue[][] {
  if (!grid.merges || grid.merges.length === 0) return grid.values;
  const out = grid.values.map((row) => row.slice());
  for (const m of grid.merges) {
    const top = m.top - grid.origin.row;
    const left = m.left - grid.origin.col;
    const master = out[top]?.[left];
    if (master === undefined || master === null || master === '') continue;
    for (let r = Math.max(top, 0); r <= m.bottom - grid.origin.row && r < out.length; r++) {
      for (let c = Math.max(left, 0); c <= m.right - grid.origin.col; c++) {
        const v = out[r][c];
        if (v === undefined || v === null || v === '') out[r][c] = master;
      }
    }
  }
  return out;
}

/**
 * Cells that only continue a merge from the row above (grid coordinates, `row,col`): after
 * valuesWithMergesFilled they repeat the value above, so a budget row made only of them is the
 * row above again, not a second item.
 */
export function mergedDownCells(grid: Grid): Set<string> {
  const out = new Set<string>();
  for (const m of grid.merges ?? []) {
    for (let r = m.top + 1; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) out.add(`${r - grid.origin.row},${c - grid.origin.col}`);
  }
  return out;
}
