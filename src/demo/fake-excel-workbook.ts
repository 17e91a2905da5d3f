/**
 * The fake Excel's workbook model: the sheets, their cells and merges, and Excel's rules for what is
 * written into them. Each rule says beside it what it is taken from.
 */
import { clip, parseAddress, Rect, rectAddress as localAddress } from '../core/rect';
import { OfficeError } from './fake-excel-protocol';

export interface FakeCell {
  value: string | number | boolean | null;
  format: string;
  formula?: string;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  cells: (FakeCell | undefined)[][];
  merges: Rect[];
  /**
   * Every format and hyperlink asked for, as `address path = value`, and the sheet's page settings
   * (address '', the last one asked for each), for tests to inspect.
   */
  formatting: { address: string; path: string; value: unknown }[];
  /** Charts with their source (an address on their own sheet, or sheet and address elsewhere). */
  charts: { type: string; source: string; title?: string; position?: [string, string] }[];
  frozenRows: number;
  /** Protected (Review › Protect Sheet): its cells, formats, merges and charts cannot be changed. */
  protected: boolean;
}

/** A custom XML part: what `workbook.customXmlParts` holds. */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

let sheetIds = 0;

export function emptySheet(name: string): FakeSheet {
  sheetIds += 1;
  return {
    id: `{${String(sheetIds).padStart(8, '0')}-0001-0000-0000-000000000000}`,
    name,
    visibility: 'Visible',
    cells: [],
    merges: [],
    formatting: [],
    charts: [],
    frozenRows: 0,
    protected: false,
  };
}

let partIds = 0;
export const nextPartId = () => `{${String(++partIds).padStart(8, '0')}-0002-0000-0000-000000000000}`;

/**
 * Excel's rules for a sheet's name (Microsoft Support, "Rename a worksheet"): not blank, at most 31
 * characters, none of / \ ? * : [ ], not beginning or ending with an apostrophe, not "History"
 * (reserved by Excel); another sheet's name, in any case, is ItemAlreadyExists.
 */
export function checkSheetName(name: unknown, sheets: FakeSheet[], self: FakeSheet | null): string {
  const text = String(name);
  if (text.length === 0 || text.length > 31 || /[:\\/?*[\]]/.test(text) || text.startsWith("'") || text.endsWith("'") || text.toLowerCase() === 'history') {
    throw new OfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${text}).`);
  }
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === text.toLowerCase())) {
    throw new OfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (${text}).`);
  }
  return text;
}

/** The smallest rectangle holding every cell with content (`valuesOnly`) or any cell at all. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (valuesOnly && (cell.value === null || cell.value === '') && cell.formula === undefined)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

export const quotedName = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function sheetAddress(sheet: FakeSheet, r: Rect): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet.name) ? sheet.name : quotedName(sheet.name);
  return `${name}!${localAddress(r)}`;
}

export function local(address: unknown): Rect {
  const r = parseAddress(String(address));
  if (!r) throw new OfficeError('InvalidArgument', `The argument is invalid or missing (${String(address)}).`);
  return r;
}

/** `a` lies wholly in `r`. */
export function inside(a: Rect, r: Rect): boolean {
  const c = clip(a, r);
  return c !== null && c.rows === a.rows && c.cols === a.cols;
}

/**
 * The namespace of a custom XML part: its root element's, declared on the root (Office reads it so
 * for getByNamespace). Text without one root element is refused, as Excel refuses XML it cannot parse.
 */
export function rootNamespace(xml: unknown): string {
  const text = String(xml);
  const root = /^\s*(?:<\?xml[^]*?\?>\s*)?(?:<!--[^]*?-->\s*)*<(?:([\w.-]+):)?([\w.-]+)([^>]*?)(\/?)>([^]*)$/.exec(text);
  const closed = root && (root[4] === '/' ? root[5].trim() === '' : new RegExp(`</(?:${root[1] ?? ''}:)?${root[2]}>\\s*$`).test(root[5]));
  if (!root || !closed) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (xml).');
  const declared = new RegExp(`\\sxmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(root[3]);
  return declared?.[2] ?? '';
}

/** Formats a range's clear('All') leaves: the sizes of rows and columns are not the cells' (useStandardHeight/Width reset them). */
export const SIZES = ['format.rowHeight', 'format.columnWidth'];

/**
 * clear('All'): values, number formats, formats and hyperlinks of the cells in `r` (Excel.ClearApplyTo:
 * "Clears everything in the range"). Merges stay: that clear undoes them is not documented, so the
 * adapter unmerges itself.
 */
export function clearCells(sheet: FakeSheet, r: Rect): void {
  sheet.cells.forEach((line, i) => {
    if (!line || i < r.row || i >= r.row + r.rows) return;
    for (let j = r.col; j < Math.min(line.length, r.col + r.cols); j++) line[j] = undefined;
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
  });
  while (sheet.cells.length > 0 && !sheet.cells[sheet.cells.length - 1]?.length) sheet.cells.pop();
  sheet.formatting = sheet.formatting.filter((f) => {
    const a = SIZES.includes(f.path) ? null : parseAddress(f.address);
    return !a || !inside(a, r);
  });
}

/**
 * Merging keeps the value of the upper-left cell only: Excel discards the others (Microsoft Support,
 * "Merge and unmerge cells": "only the data in the upper-left cell remains"). `across` merges each
 * row of the range on its own (Range.merge(true)).
 */
export function mergeCells(sheet: FakeSheet, r: Rect, across: boolean): void {
  const areas = across ? Array.from({ length: r.rows }, (_, i) => ({ ...r, row: r.row + i, rows: 1 })) : [r];
  for (const area of areas) {
    for (let i = area.row; i < area.row + area.rows; i++) {
      for (let j = area.col; j < area.col + area.cols; j++) {
        const cell = sheet.cells[i]?.[j];
        if (cell && (i !== area.row || j !== area.col)) {
          cell.value = null;
          delete cell.formula;
        }
      }
    }
    sheet.merges.push(area);
  }
}

/** A sheet reference in a formula, as Excel writes it: `'HC Efisiensi'!` or `DPA!`. */
function sheetReference(name: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:${literal(quotedName(name))}|(?<![\\w.'])${literal(name)})!`, 'gi');
}

/**
 * What Excel does to the formulas of every sheet when a sheet is renamed (they follow it) or deleted
 * (they turn into #REF!, for good: Microsoft's "How to correct a #REF! error").
 */
export function rewriteReferences(sheets: FakeSheet[], name: string, to: string): void {
  const pattern = sheetReference(name);
  for (const sheet of sheets) for (const line of sheet.cells) for (const cell of line ?? []) if (cell?.formula) cell.formula = cell.formula.replace(pattern, to);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/;
const DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;

/** Excel's serial number of a date: days since 30 December 1899. */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

/**
 * What en-US Excel makes of text written to a cell it has not been told is text, as of text typed
 * into it (Microsoft Support, "Stop automatically changing numbers to dates": "12/2 changes to
 * 2-Dec"; "Format numbers as percentages"; "Available number formats"): a number with thousands
 * separators (`1,234`), a percentage (`10%` is 0,1 shown `0%`), a month/day date (`1/2` is 2 January
 * of this year, `d-mmm`), `TRUE`/`FALSE`. The number format is given where the cell's was General.
 */
export function typedValue(text: string): { value: number | boolean; format: string } | null {
  const t = text.trim();
  if (NUMBER_TEXT.test(t)) return { value: Number(t), format: 'General' };
  const grouped = GROUPED.exec(t);
  if (grouped) return { value: Number(`${grouped[1]}${grouped[2].replace(/,/g, '')}${grouped[3] ?? ''}`), format: grouped[3] && grouped[3].length > 1 ? '#,##0.00' : '#,##0' };
  const percent = PERCENT.exec(t);
  if (percent) return { value: Number(percent[1]) / 100, format: percent[1].includes('.') ? '0.00%' : '0%' };
  const date = DATE.exec(t);
  if (date) {
    const [m, d] = [Number(date[1]), Number(date[2])];
    const y = date[3] === undefined ? new Date().getFullYear() : date[3].length === 2 ? 2000 + Number(date[3]) : Number(date[3]);
    const when = new Date(Date.UTC(y, m - 1, d));
    if (m >= 1 && m <= 12 && when.getUTCMonth() === m - 1) return { value: serial(y, m, d), format: date[3] === undefined ? 'd-mmm' : 'm/d/yyyy' };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', format: 'General' };
  return null;
}

/**
 * What Excel makes of a value written to a cell. In a cell formatted as text (`@`), the text as it
 * is: Excel's Text format keeps an entry as typed, `=…` too. That it keeps a leading apostrophe there
 * as well is not documented (docs/EXCEL.md, "Not verified"); the adapter sends none. Elsewhere a
 * leading apostrophe is the quote prefix, not part of the value (Microsoft's example for
 * ErrorCheckingOptions.NumberAsText writes `'1` to store a number as text); `=…` is a formula; text
 * Excel reads as a number, a percentage, a date or a boolean becomes one (typedValue); '' empties
 * the cell ("Blank and null values in Excel add-ins": an empty string clears).
 */
export function writeValue(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  if (typeof v !== 'string') {
    cell.value = v as FakeCell['value'];
  } else if (v === '') {
    cell.value = null;
  } else if (cell.format === '@') {
    cell.value = v;
  } else if (v.startsWith("'")) {
    cell.value = v.slice(1);
  } else if (/^[=+\-@]./.test(v) && !NUMBER_TEXT.test(v)) {
    cell.formula = v;
    cell.value = null;
  } else {
    const typed = typedValue(v);
    cell.value = typed ? typed.value : v;
    if (typed && cell.format === 'General') cell.format = typed.format;
  }
}

/**
 * Writes a 2-D array into the cells of `r`. A null leaves its cell as it was ("Blank and null values
 * in Excel add-ins": null in a 2-D array leaves that cell unchanged); an array of another shape is
 * refused.
 */
export function writeGrid(sheet: FakeSheet, r: Rect, data: unknown, apply: (cell: FakeCell, v: unknown) => void, what: string): void {
  const rows = data as unknown[][];
  if (!Array.isArray(rows) || rows.length !== r.rows || rows.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
    throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const line = (sheet.cells[r.row + i] ??= []);
      apply((line[r.col + j] ??= { value: null, format: 'General' }), v);
    }),
  );
}

/** The values of the cells in `r` through `f`, or null past `limit` cells (Excel answers no values for more than five million). */
export function cellsOf(sheet: FakeSheet, r: Rect, limit: number, f: (c: FakeCell | undefined) => unknown): unknown[][] | null {
  if (r.rows * r.cols > limit) return null;
  return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(sheet.cells[r.row + i]?.[r.col + j])));
}
