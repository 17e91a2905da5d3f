/** A rectangle of cells, 0-based: the one shape for merges, ranges, blocks and print areas. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Excel's grid: 1.048.576 rows × 16.384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

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

/** `C` → 2; -1 when the text is not a column. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** `B2`, `B2:D9`: the A1 address of a rectangle, without sheet name. */
export function rectAddress(r: Rect): string {
  const start = `${columnLetter(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${columnLetter(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** `B2:D9`, `$B$2`, or `'Sheet'!B2:D9` → rectangle; null when it is not an address inside Excel's grid. */
export function parseAddress(address: string): Rect | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(local);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  const row = Math.min(top, bottom);
  const col = Math.min(left, right);
  const rect = { row, col, rows: Math.abs(bottom - top) + 1, cols: Math.abs(right - left) + 1 };
  return row < 0 || col < 0 || row + rect.rows > MAX_ROWS || col + rect.cols > MAX_COLS ? null : rect;
}

/** The part of `r` inside `bounds`, or null when they do not overlap. */
export function clip(r: Rect, bounds: Rect): Rect | null {
  const row = Math.max(r.row, bounds.row);
  const col = Math.max(r.col, bounds.col);
  const bottom = Math.min(r.row + r.rows, bounds.row + bounds.rows);
  const right = Math.min(r.col + r.cols, bounds.col + bounds.cols);
  return bottom > row && right > col ? { row, col, rows: bottom - row, cols: right - col } : null;
}

/**
 * Which merge covers a cell, for every reader and renderer of merged areas. Indexed per covered
 * cell: callers clip merges to the area they draw or read, so the index is never larger than it.
 */
export class MergeIndex {
  private readonly byCell = new Map<number, Rect>();

  constructor(merges: readonly Rect[]) {
    for (const m of merges) for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) this.byCell.set(r * MAX_COLS + c, m);
  }

  /** The merge covering (row, col), if any. */
  at(row: number, col: number): Rect | undefined {
    return this.byCell.get(row * MAX_COLS + col);
  }

  /** The merge starting at (row, col), 'covered' inside one, or null for a cell of its own. */
  anchorAt(row: number, col: number): Rect | 'covered' | null {
    const m = this.at(row, col);
    if (!m) return null;
    return m.row === row && m.col === col ? m : 'covered';
  }

  get size(): number {
    return this.byCell.size;
  }
}
