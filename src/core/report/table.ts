import { Decimal, formatIndonesian, formatPersen, formatRupiah } from '../decimal';
import { Rect } from '../rect';
import { TableId } from '../result-sheets';

/** The host-neutral report table that every renderer (xlsx, Office.js, Word, HTML) draws. */

export type { Rect };

export const HEADER_FILL = 'D9E2F3';
export const TOTAL_FILL = 'F2F2F2';
export const CHECK_MARK = '✓';

/** One cell of a report table, typed so that each renderer formats it its own way. */
export type TableCell =
  | { kind: 'text'; value: string }
  | { kind: 'money'; value: Decimal }
  | { kind: 'percent'; value: Decimal }
  /** A kinerja figure written as a plain number (`90`, `83,57`, `100%`). */
  | { kind: 'number'; value: Decimal; decimals: number; persen: boolean }
  | { kind: 'check' }
  | { kind: 'link'; value: string; lembar: string; sel: string }
  | { kind: 'empty' };

export type Emphasis = 'none' | 'bold' | 'italic';

export interface TableRow {
  /** Exactly one cell per column; cells covered by a merge are `empty`. */
  cells: TableCell[];
  /** Indentation of the row's name column. */
  level: number;
  emphasis: Emphasis;
  /** Totals are shaded lightly, like the seed's JUMLAH and TOTAL lines. */
  total: boolean;
  /** Printed on the same page as the next row: the rows of one sasaran in Tabel 3.8 are not parted. */
  keepWithNext?: boolean;
}

export interface TableColumn {
  /** Width in Excel character units; other renderers scale it. */
  width: number;
  align: 'left' | 'center' | 'right';
}

/** A paragraph of the report's own text. */
export interface Paragraph {
  text: string;
  style: 'heading' | 'bullet' | 'body';
}

/** A host-neutral report table: every renderer (xlsx, Office.js, Word, HTML) draws this. */
export interface Table {
  id: TableId;
  /** Where the table sits in an LKjIP built like the seed report, e.g. `Tabel 3.2`. */
  nomor: string | null;
  caption: string;
  /** Header rows, full grid; cells covered by a merge are ''. */
  header: string[][];
  /** Merged blocks, rows relative to the first header row. */
  headerMerges: Rect[];
  columns: TableColumn[];
  rows: TableRow[];
  /** Merged blocks, rows relative to the first body row. */
  merges: Rect[];
  /** Column whose text is indented by row level. */
  nameColumn: number;
  source: string | null;
  orientation: 'portrait' | 'landscape';
  /** The narrative that stands before and after the table in chapter III (the Word document shows it there). */
  text: { before: Paragraph[]; after: Paragraph[] };
}

/** A table with what most report tables share: no number, no merges, no source line, portrait, no text around it. */
export function table(t: Pick<Table, 'id' | 'caption' | 'header' | 'columns' | 'rows' | 'nameColumn'> & Partial<Table>): Table {
  return { nomor: null, headerMerges: [], merges: [], source: null, orientation: 'portrait', text: { before: [], after: [] }, ...t };
}

export interface ResultSheet {
  name: string;
  table: Table;
}

export const text = (value: string): TableCell => ({ kind: 'text', value });
export const empty: TableCell = { kind: 'empty' };
export const money = (value: Decimal | null): TableCell => (value === null ? text('-') : { kind: 'money', value });
export const pct = (value: Decimal | null): TableCell => (value === null ? text('-') : { kind: 'percent', value });
export const row = (cells: TableCell[], options: Partial<Omit<TableRow, 'cells'>> = {}): TableRow => ({
  cells,
  level: options.level ?? 0,
  emphasis: options.emphasis ?? 'none',
  total: options.total ?? false,
  ...(options.keepWithNext && { keepWithNext: true }),
});
export const left = (width: number): TableColumn => ({ width, align: 'left' });
export const centre = (width: number): TableColumn => ({ width, align: 'center' });
export const right = (width: number): TableColumn => ({ width, align: 'right' });

/** A cell as the report prints it, in Indonesian notation: `2.700.414.981`, `89,17`, `✓`. */
export function displayCell(cell: TableCell): string {
  switch (cell.kind) {
    case 'text':
    case 'link':
      return cell.value;
    case 'money':
      return formatRupiah(cell.value);
    case 'percent':
      return formatPersen(cell.value);
    case 'number':
      return formatIndonesian(cell.value, cell.decimals) + (cell.persen ? '%' : '');
    case 'check':
      return CHECK_MARK;
    case 'empty':
      return '';
  }
}
