import { MergeIndex, Rect } from '../../core/rect';
import { displayCell, Table, TableCell } from '../../core/report/table';

/**
 * How wide each column of a table is on a Word page, from what it holds (twips: 1/20 pt). Figures
 * never wrap; no word is ever broken; a column of check marks stands narrow under a header turned
 * on its side; what room is left goes to the columns of names, most to those that need most, so
 * that a name keeps to a few lines.
 */

/**
 * Widths at 9 pt in twips, by kind of character: those of DejaVu Sans, which stands in for Arial
 * where it is missing (LibreOffice on Linux) and is the wider of the two, so that no word breaks in either.
 */
function charTwips(ch: string): number {
  if (/[.,:;'|!ijlI\s]/.test(ch)) return 55;
  if (/[mwMW%]/.test(ch)) return 170;
  if (/[A-Z]/.test(ch)) return 135;
  return 115;
}

/** A text's width on one line, 9 pt, bold ones wider. */
export function textTwips(text: string, bold = false): number {
  let w = 0;
  for (const ch of text) w += charTwips(ch);
  return Math.ceil(bold ? w * 1.12 : w);
}

const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((w) => textTwips(w, bold)));

/** Word's own cell margins (108 twips each side) and a little air. */
export const CELL_PADDING = 280;
/** Header text is 8 pt where the body is 9: a column's header words set its least width. */
export const HEADER_SCALE = 8 / 9;
/** A check mark's column: the mark and the margins. */
const CHECK_COLUMN = 200 + CELL_PADDING;

const isFigure = (c: TableCell) => c.kind === 'money' || c.kind === 'percent' || c.kind === 'number';

export interface ColumnLayout {
  widths: number[];
  /** Header cells whose text is turned to read upwards (a column of check marks under a wide header). */
  rotated: Set<number>;
  /** Every column as wide as its longest word or figure: false where the page is too narrow for that. */
  fits: boolean;
}

export function columnLayout(table: Table, textWidth: number): ColumnLayout {
  const headerMerges = new MergeIndex(table.headerMerges);
  const bodyMerges = new MergeIndex(table.merges);
  const alone = (m: Rect | 'covered' | null) => m === null || (m !== 'covered' && m.cols === 1);
  const n = table.columns.length;
  const min = new Array<number>(n).fill(3 * 100 + CELL_PADDING);
  const pref = [...min];
  const rotated = new Set<number>();
  for (let c = 0; c < n; c++) {
    let figures = true;
    let checks = true;
    let any = false;
    let bodyMin = 0;
    let bodyPref = 0;
    table.rows.forEach((row, r) => {
      if (!alone(bodyMerges.anchorAt(r, c))) return;
      const cell = row.cells[c];
      if (cell.kind === 'empty') return;
      any = true;
      const text = displayCell(cell);
      const bold = row.emphasis === 'bold';
      if (isFigure(cell)) {
        checks = false;
        bodyMin = Math.max(bodyMin, textTwips(text, bold));
        bodyPref = Math.max(bodyPref, textTwips(text, bold));
        return;
      }
      if (cell.kind !== 'check') checks = false;
      if (cell.kind !== 'check' && text !== '-') figures = false;
      // A total's note of several phrases (the average's formula; the uncapped average) breaks only
      // between them: each stands on a line of its own, never cut. A label of one phrase wraps freely.
      const parts = row.total ? text.split(/;\s+/) : [];
      const phrases = parts.length > 1 ? parts.map((p, i) => (i < parts.length - 1 ? `${p};` : p)) : [];
      bodyMin = Math.max(bodyMin, longestWord(text, bold), ...phrases.map((p) => textTwips(p, bold)));
      // Nor does the whole of it ask room of the column.
      if (!row.total) bodyPref = Math.max(bodyPref, textTwips(text, bold));
    });
    const header = table.header.map((h, r) => (alone(headerMerges.anchorAt(r, c)) ? h[c] : '')).filter((t) => t !== '');
    const headerMin = HEADER_SCALE * Math.max(0, ...header.map((t) => longestWord(t, true)));
    // Check marks, or nothing yet (a predikat no indikator earned).
    if (checks && headerMin + CELL_PADDING > CHECK_COLUMN) {
      rotated.add(c);
      min[c] = pref[c] = CHECK_COLUMN;
      continue;
    }
    // A figure is never wrapped; a header may be, between words: its longest word sets the least width, never more.
    const figureColumn = any && figures;
    min[c] = Math.max(min[c], bodyMin + CELL_PADDING, headerMin + CELL_PADDING);
    pref[c] = figureColumn ? min[c] : Math.max(min[c], bodyPref + CELL_PADDING);
  }
  return { widths: distribute(table, min, pref, textWidth), rotated, fits: min.reduce((a, b) => a + b, 0) <= textWidth };
}

/**
 * Every column its least width; what is left goes to the columns that would use more, in
 * proportion to how much more (HTML's automatic table layout), and what is left after every
 * column has all it would use, to the columns of names by the model's proportions. Where even the
 * least widths do not fit, the model's proportions decide alone.
 */
function distribute(table: Table, min: number[], pref: number[], textWidth: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const least = sum(min);
  if (least > textWidth) {
    const total = sum(table.columns.map((c) => c.width));
    return table.columns.map((c) => Math.floor((c.width / total) * textWidth));
  }
  const wanted = sum(pref);
  if (wanted <= textWidth) {
    const spare = textWidth - wanted;
    const names = table.columns.map((c, i) => (c.align === 'left' && pref[i] > min[i] ? c.width : 0));
    const weight = sum(names);
    return pref.map((p, i) => Math.floor(p + (weight > 0 ? (spare * names[i]) / weight : (spare * p) / wanted)));
  }
  const room = textWidth - least;
  const slack = wanted - least;
  return min.map((m, i) => Math.floor(m + ((pref[i] - m) * room) / slack));
}
