import { CellValue, cellText } from '../../core/grid';
import { Rect } from '../../core/rect';

const blank = (v: CellValue | undefined) => cellText(v ?? null) === '';

/** A header's words: text, or a year ("2023 │ 2024" under "Target"); no figure, code or long name. */
function headerWord(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2100;
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return /^(19|20)\d{2}$/.test(t) || (t.length <= 60 && !/^\d+(\.\d+)+\b/.test(t) && /\p{L}/u.test(t));
}

/** A row that can be a header: at least two cells, each a header's words. */
function headerRow(row: CellValue[] | undefined): boolean {
  const filled = (row ?? []).filter((v) => !blank(v));
  return filled.length >= 2 && filled.every(headerWord);
}

/**
 * The merged header cells of a sheet recognised by their layout, for an Excel that cannot say which
 * cells are merged (ExcelApi before 1.13), so that a two-row header reads as it does where Excel
 * says so: a header with blank cells to its right, over a row with a header's words under it and
 * under each of those cells ("Anggaran │ ·" over "Murni │ Perubahan"), is taken as merged across
 * them; in such a pair of rows, a header with a blank cell below is taken as merged down over both
 * ("No", "Uraian"). Rows with a figure, a code or a long name are no header. In sheet coordinates.
 */
export function guessHeaderMerges(values: CellValue[][], origin: { row: number; col: number }): Rect[] {
  const merges: Rect[] = [];
  for (let r = 0; r + 1 < values.length; r++) {
    const top = values[r];
    const below = values[r + 1];
    if (!headerRow(top) || !headerRow(below)) continue;
    const across: Rect[] = [];
    for (let c = 0; c < top.length; c++) {
      if (!headerWord(top[c]) || blank(below[c])) continue;
      let end = c + 1;
      while (end < Math.max(top.length, below.length) && blank(top[end]) && headerWord(below[end])) end++;
      if (end > c + 1) across.push({ row: r, col: c, rows: 1, cols: end - c });
      c = end - 1;
    }
    if (across.length === 0) continue;
    const spanned = (c: number) => across.some((m) => c >= m.col && c < m.col + m.cols);
    const down = top.flatMap((v, c): Rect[] => (headerWord(v) && blank(below[c]) && !spanned(c) ? [{ row: r, col: c, rows: 2, cols: 1 }] : []));
    merges.push(...[...across, ...down].sort((a, b) => a.col - b.col).map((m) => ({ ...m, row: m.row + origin.row, col: m.col + origin.col })));
    r += 1;
  }
  return merges;
}
