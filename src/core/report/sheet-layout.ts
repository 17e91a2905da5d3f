import { MAX_CELL_TEXT } from '../grid';
import { MergeIndex, Rect } from '../rect';
import { CHECK_MARK, displayCell, HEADER_FILL, ResultSheet, Table, TableCell, TOTAL_FILL } from './table';
import { ChartSpec, fingerprint, RESULT_TABLES, TableId } from '../result-sheets';

/**
 * A result sheet laid out cell by cell: what the xlsx and Office.js adapters both write, so that
 * positions, formats and styles are decided once, here.
 */

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font colour, hex RRGGBB. */
  color?: string;
  size?: number;
  /** Fill colour, hex RRGGBB. */
  fill?: string;
  border?: boolean;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle';
  indent?: number;
}

export interface SheetLayout {
  name: string;
  /** Rectangular: rows × columns of the whole sheet. Text is always text, never a formula. */
  values: (string | number | null)[][];
  /** Same shape as values. `@` marks text, so a host never reads it as a formula. */
  numberFormats: string[][];
  merges: Rect[];
  /** Applied in order; later blocks add to earlier ones. */
  styles: { block: Rect; style: CellStyle }[];
  links: { row: number; col: number; lembar: string; sel: string }[];
  /** Excel character units, one per column. */
  columnWidths: number[];
  /** Points, one per row, estimated from the wrapped text (hosts do not fit merged cells). */
  rowHeights: number[];
  /** Header and body, without caption and source: what the user selects to copy. */
  table: Rect;
  /** The header rows, repeated on every printed page. */
  headerRows: { first: number; last: number };
  printArea: Rect;
  orientation: 'portrait' | 'landscape';
  /** A clustered column chart below the table, as the registry gives its table one; null otherwise. */
  chart: SheetChart | null;
}

/** A chart every spreadsheet host draws the same: its data and where it stands. */
export interface SheetChart {
  title: string;
  /** The categories: the body rows of the table's naming column. */
  categories: Rect;
  /** Each series: its name (a header cell) and its values (the body rows of its column). */
  series: { name: Rect; values: Rect }[];
  /** The cells it covers, below the print area. */
  anchor: Rect;
}

const CHART_ROWS = 18;

const chartSpec = (table: Table): ChartSpec | undefined => (RESULT_TABLES[table.id] as { chart?: ChartSpec }).chart;

/**
 * The chart the registry gives a table, laid out on its sheet: drawn from the block beside the
 * table (`besideAt`), where the figures are numbers and the names stand before them, so that its
 * categories, series names and values are one block.
 */
function chartOf(table: Table, headerLast: number, bodyFirst: number, printRows: number, besideAt: (col: number) => number): SheetChart | null {
  const spec = chartSpec(table);
  if (!spec || table.rows.length === 0 || spec.series.some((col) => besideAt(col) < 0)) return null;
  const body = (col: number): Rect => ({ row: bodyFirst, col, rows: table.rows.length, cols: 1 });
  return {
    title: spec.title,
    categories: body(besideAt(spec.categories)),
    series: spec.series.map((col) => ({ name: { row: headerLast, col: besideAt(col), rows: 1, cols: 1 }, values: body(besideAt(col)) })),
    anchor: { row: printRows + 1, col: 0, rows: CHART_ROWS, cols: Math.min(table.columns.length, 4) },
  };
}

const LINK_COLOR = '0563C1';

export const MONEY_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00';
export const TEXT_FORMAT = '@';

/**
 * A spreadsheet number holds 15 significant digits, up to 9,99…E+307. An amount beyond that is
 * written as text, as the report shows it; a percentage only needs to be in range, as it is shown
 * rounded anyway.
 */
function fitsNumber(cell: TableCell): boolean {
  const d = cell.kind === 'money' || cell.kind === 'percent' ? cell.value : cell.kind === 'number' ? (cell.persen ? cell.value.div(100) : cell.value) : null;
  if (d === null) return true;
  if (!d.isFinite() || (cell.kind === 'money' && d.sd() > 15)) return false;
  const abs = d.abs();
  return abs.isZero() || (abs.gte('1e-307') && abs.lte('9.99999999999999e307'));
}

function numberFormatOf(cell: TableCell): string {
  if (!fitsNumber(cell)) return TEXT_FORMAT;
  switch (cell.kind) {
    case 'money':
      return MONEY_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'number': {
      const decimals = cell.decimals > 0 ? '.' + '0'.repeat(cell.decimals) : '';
      return cell.persen ? `0${decimals}%` : `#,##0${decimals}`;
    }
    case 'empty':
      return 'General';
    default:
      return TEXT_FORMAT;
  }
}

/** A longer text than a cell holds (a name pasted many times over) is cut, with an ellipsis. */
function fitted(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const end = MAX_CELL_TEXT - 1;
  // Not between the two halves of a character outside the BMP.
  const code = text.charCodeAt(end - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end)}…`;
}

/** A figure as a spreadsheet number can hold it: what stands beside the table for arithmetic. */
const isFigure = (cell: TableCell) => (cell.kind === 'money' || cell.kind === 'percent' || cell.kind === 'number') && fitsNumber(cell);

function valueOf(cell: TableCell): string | number | null {
  if (!fitsNumber(cell)) return displayCell(cell);
  switch (cell.kind) {
    case 'text':
    case 'link':
      return fitted(cell.value);
    case 'money':
    case 'percent':
      return cell.value.toNumber();
    case 'number':
      return cell.persen ? cell.value.div(100).toNumber() : cell.value.toNumber();
    case 'check':
      return CHECK_MARK;
    case 'empty':
      return null;
  }
}

/** Consecutive rows for which `key` gives the same non-null value, as [first, count, key]. */
function runs<K>(count: number, key: (i: number) => K | null): [number, number, K][] {
  const out: [number, number, K][] = [];
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === null) continue;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] === k) last[1] += 1;
    else out.push([i, 1, k]);
  }
  return out;
}

/** Width of the empty column between the table and its figures beside it, and of each figure's column. */
const GAP_WIDTH = 3;
const FIGURE_WIDTH = 16;

/** What the figures beside a table are, said above them. */
export const FIGURES_TITLE = 'Angka untuk perhitungan (tidak dicetak; tampil menurut pengaturan wilayah komputer)';

/** The header row that numbers the columns (`1`, `2`, … `6 (5/4×100)`), if any: its words name no column. */
function numberingRow(table: Table): number {
  return table.header.findIndex((h, r) => r > 0 && h.every((t) => /^\d+(\s*\(.*\))?$/.test(t)));
}

/** A header's words over one column: every header row's text that covers it, the numbering row left out. */
function headerOver(table: Table, col: number): string {
  const merges = new MergeIndex(table.headerMerges);
  const numbering = numberingRow(table);
  const words: string[] = [];
  table.header.forEach((h, r) => {
    if (r === numbering) return;
    const m = merges.at(r, col);
    const text = m ? table.header[m.row][m.col] : h[col];
    if (text && !words.includes(text)) words.push(text);
  });
  return words.join(' ');
}

/**
 * A table laid out on a sheet. Every figure in the table is text in Indonesian notation
 * (`2.700.414.981`, `91,04`), so that what a clerk selects and copies reads the same whatever
 * Excel's regional settings: a number format cannot do that, as Excel takes the separators from
 * the computer. The same figures stand as numbers beside the table (after an empty column, outside
 * the print area and what “Pilih tabel” selects), for arithmetic and for the chart.
 */
export function layoutTable(name: string, table: Table): SheetLayout {
  const width = table.columns.length;
  const figures = table.columns.map((_, c) => c).filter((c) => table.rows.some((r) => isFigure(r.cells[c])));
  // A chart's names stand before its figures there too: its data is one block.
  const categories = chartSpec(table)?.categories;
  const figureCols = categories === undefined || figures.length === 0 ? figures : [categories, ...figures.filter((c) => c !== categories)];
  const twinFirst = width + 1;
  const fullWidth = figureCols.length === 0 ? width : twinFirst + figureCols.length;
  const values: (string | number | null)[][] = [];
  const numberFormats: string[][] = [];
  const merges: Rect[] = [];
  const styles: { block: Rect; style: CellStyle }[] = [];
  const textRow = (s: string) => {
    values.push([fitted(s), ...Array<null>(fullWidth - 1).fill(null)]);
    numberFormats.push([TEXT_FORMAT, ...Array<string>(fullWidth - 1).fill('General')]);
  };
  const wholeRow = (row: number): Rect => ({ row, col: 0, rows: 1, cols: width });
  /** A row of the table, with the figures beside it: `twin` gives each figure column's value and format there. */
  const pushRow = (cells: (string | number | null)[], formats: string[], twin: { value: string | number | null; format: string }[]) => {
    const gap = figureCols.length === 0 ? [] : [null];
    values.push([...cells, ...gap, ...twin.map((t) => t.value)]);
    numberFormats.push([...formats, ...gap.map(() => 'General'), ...twin.map((t) => t.format)]);
  };

  for (const title of [table.nomor, table.caption]) {
    if (title === null) continue;
    const r = values.length;
    textRow(title);
    merges.push(wholeRow(r));
    styles.push({ block: wholeRow(r), style: { bold: true, hAlign: 'center', size: 12 } });
  }
  textRow('');
  numberFormats[numberFormats.length - 1][0] = 'General';
  values[values.length - 1][0] = null;
  if (figureCols.length > 0) {
    const r = values.length - 1;
    values[r][twinFirst] = FIGURES_TITLE;
    numberFormats[r][twinFirst] = TEXT_FORMAT;
    styles.push({ block: { row: r, col: twinFirst, rows: 1, cols: 1 }, style: { italic: true, size: 9 } });
  }

  const headerFirst = values.length;
  table.header.forEach((h, i) => {
    const last = i === table.header.length - 1;
    pushRow(
      h.map((t) => (t === '' ? null : fitted(t))),
      h.map(() => TEXT_FORMAT),
      figureCols.map((c) => ({ value: last ? fitted(headerOver(table, c)) : null, format: TEXT_FORMAT })),
    );
  });
  for (const m of table.headerMerges) merges.push({ ...m, row: headerFirst + m.row });
  const headerBlock: Rect = { row: headerFirst, col: 0, rows: table.header.length, cols: width };
  const headerStyle: CellStyle = { bold: true, fill: HEADER_FILL, border: true, wrap: true, hAlign: 'center', vAlign: 'middle' };
  styles.push({ block: headerBlock, style: headerStyle });
  const headerLast = headerFirst + table.header.length - 1;
  if (figureCols.length > 0) styles.push({ block: { row: headerLast, col: twinFirst, rows: 1, cols: figureCols.length }, style: headerStyle });

  const bodyFirst = values.length;
  for (const r of table.rows) {
    pushRow(
      r.cells.map((c) => (isFigure(c) ? displayCell(c) : valueOf(c))),
      r.cells.map((c) => (isFigure(c) ? TEXT_FORMAT : numberFormatOf(c))),
      figureCols.map((c) => (isFigure(r.cells[c]) || c === categories ? { value: valueOf(r.cells[c]), format: numberFormatOf(r.cells[c]) } : { value: null, format: 'General' })),
    );
  }
  for (const m of table.merges) merges.push({ ...m, row: bodyFirst + m.row });
  const n = table.rows.length;
  if (n > 0) {
    styles.push({ block: { row: bodyFirst, col: 0, rows: n, cols: width }, style: { border: true, wrap: true, vAlign: 'top' } });
    table.columns.forEach((c, col) => styles.push({ block: { row: bodyFirst, col, rows: n, cols: 1 }, style: { hAlign: c.align } }));
    for (const [first, count, emphasis] of runs(n, (i) => (table.rows[i].emphasis === 'none' ? null : table.rows[i].emphasis))) {
      styles.push({ block: { row: bodyFirst + first, col: 0, rows: count, cols: width }, style: emphasis === 'bold' ? { bold: true } : { italic: true } });
    }
    for (const [first, count] of runs(n, (i) => (table.rows[i].total ? true : null))) {
      styles.push({ block: { row: bodyFirst + first, col: 0, rows: count, cols: width }, style: { fill: TOTAL_FILL } });
    }
    for (const [first, count, level] of runs(n, (i) => (table.rows[i].level > 0 ? table.rows[i].level : null))) {
      styles.push({ block: { row: bodyFirst + first, col: table.nameColumn, rows: count, cols: 1 }, style: { indent: level } });
    }
    if (figureCols.length > 0)
      styles.push({ block: { row: bodyFirst, col: twinFirst, rows: n, cols: figureCols.length }, style: { border: true, vAlign: 'top', hAlign: 'right' } });
  }
  const links: SheetLayout['links'] = [];
  table.rows.forEach((r, i) =>
    r.cells.forEach((c, col) => {
      if (c.kind === 'link') links.push({ row: bodyFirst + i, col, lembar: c.lembar, sel: c.sel });
    }),
  );
  for (const l of links) styles.push({ block: { row: l.row, col: l.col, rows: 1, cols: 1 }, style: { color: LINK_COLOR, underline: true } });

  const tableBlock: Rect = { row: headerFirst, col: 0, rows: table.header.length + n, cols: width };
  if (table.source !== null) {
    const r = values.length;
    textRow(table.source);
    merges.push(wholeRow(r));
    styles.push({ block: wholeRow(r), style: { italic: true, size: 9, wrap: true, vAlign: 'top' } });
  }
  const columnWidths = [...table.columns.map((c) => c.width), ...(figureCols.length === 0 ? [] : [GAP_WIDTH, ...figureCols.map(() => FIGURE_WIDTH)])];
  return {
    name,
    values,
    numberFormats,
    merges,
    styles,
    links,
    columnWidths,
    // The table's cells alone: the figures beside it are not wrapped, and its names there are for the chart.
    rowHeights: estimateRowHeights(
      values.map((v) => v.slice(0, width)),
      merges,
      styles,
      columnWidths,
    ),
    table: tableBlock,
    headerRows: { first: headerFirst, last: headerLast },
    printArea: { row: 0, col: 0, rows: values.length, cols: width },
    orientation: table.orientation,
    chart: chartOf(table, headerLast, bodyFirst, values.length, (col) => (figureCols.includes(col) ? twinFirst + figureCols.indexOf(col) : -1)),
  };
}

const LINE_HEIGHT = 12.75;
/** Excel's tallest row, in points: a host refuses more. */
export const MAX_ROW_HEIGHT = 409;

/** Lines a text needs at `width` characters, wrapping at spaces like Excel does. */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * 1.1) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length <= capacity) used += 1 + word.length;
      else if (used === 0 && word.length <= capacity) used = word.length;
      else {
        const pieces = Math.max(1, Math.ceil(word.length / capacity));
        lines += (used > 0 ? 1 : 0) + pieces - 1;
        used = word.length - (pieces - 1) * capacity;
      }
    }
  }
  return lines;
}

function estimateRowHeights(values: (string | number | null)[][], merges: Rect[], styles: { block: Rect; style: CellStyle }[], widths: number[]): number[] {
  const wraps = new Set<number>();
  for (const { block, style } of styles) if (style.wrap) for (let r = block.row; r < block.row + block.rows; r++) wraps.add(r);
  const index = new MergeIndex(merges);
  const spanWidth = (b: Rect) => widths.slice(b.col, b.col + b.cols).reduce((a, w) => a + w, 0);
  const lines = values.map((row, r) =>
    row.reduce<number>((most, v, c) => {
      const m = index.anchorAt(r, c);
      if (typeof v !== 'string' || !wraps.has(r) || m === 'covered' || (m && m.rows > 1)) return most;
      return Math.max(most, wrappedLines(v, m ? spanWidth(m) : widths[c]));
    }, 1),
  );
  const heights = lines.map((n) => n * LINE_HEIGHT + 2);
  for (const m of merges) {
    const v = values[m.row][m.col];
    if (m.rows < 2 || typeof v !== 'string') continue;
    const need = wrappedLines(v, spanWidth(m)) * LINE_HEIGHT + 2;
    const have = heights.slice(m.row, m.row + m.rows).reduce((a, h) => a + h, 0);
    if (need > have) heights[m.row + m.rows - 1] += need - have;
  }
  return heights.map((h) => Math.min(h, MAX_ROW_HEIGHT));
}

export function layoutSheets(sheets: ResultSheet[]): SheetLayout[] {
  return sheets.map((s) => layoutTable(s.name, s.table));
}

/** A result sheet ready to write, with the fingerprint the record keeps of it. */
export interface PreparedSheet {
  tabel: TableId;
  layout: SheetLayout;
  sidik: string;
}

/** Lays out each table, with the fingerprint the record keeps of it. */
export function prepareSheets(sheets: ResultSheet[]): PreparedSheet[] {
  return layoutSheets(sheets).map((layout, i) => ({ tabel: sheets[i].table.id, layout, sidik: fingerprint(layout.values) }));
}
