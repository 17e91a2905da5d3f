import { SaxesParser, SaxesTagPlain } from 'saxes';
import { InputError } from '../../core/errors';
import { CellValue, Grid, MAX_CELL_TEXT, mergesInside } from '../../core/grid';
import { columnLetter, MAX_COLS, MAX_ROWS, parseAddress, Rect } from '../../core/rect';
import { isDateFormat } from '../../core/read/amount';
import { Package } from './package';
import { decodeXstring, localName } from './xml';

/** A formula whose result was never saved (the file was written by a tool that does not calculate). */
export const NO_CACHED_RESULT = 'rumus tanpa nilai tersimpan';

/**
 * A number as SpreadsheetML stores it (xsd:double, as Excel writes it): decimal digits with an
 * optional exponent. Anything else (`0x10`, `Infinity`, `NaN`), which Excel would not open without
 * repairing, is read as an error value, never as the number JavaScript would make of it.
 */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Days from 1900-01-00 to 1904-01-01 in Excel's count, the difference between the two date systems. */
const DAYS_1904 = 1462;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export interface SheetContext {
  sharedStrings: string[];
  /** Number format of each cell style index; null for General. */
  formats: (string | null)[];
  date1904: boolean;
}

/** Streams a part through a parser; XML that is not well-formed makes the file corrupt. */
export async function parsePart(pkg: Package, part: string, parser: SaxesParser<{ xmlns: false; position: false }>): Promise<void> {
  try {
    await pkg.stream(part, (chunk) => parser.write(chunk));
    parser.close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw pkg.corrupt(part);
  }
}

/** An ISO date of a `t="d"` cell as a 1900-system serial. */
function isoToSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : text + 'Z');
  return Number.isNaN(ms) ? null : (ms - EXCEL_EPOCH_MS) / 86_400_000;
}

/**
 * Reads one worksheet part as it streams out of the zip. The grid holds only populated cells: rows
 * stop at their last value and rows without one are left as holes, so a stray far-away cell or a
 * million empty formatted rows cost next to nothing. Dates stay serial numbers (1900 system) with
 * their number format, as Office.js delivers them.
 */
export async function readSheet(pkg: Package, part: string, name: string, hidden: boolean, ctx: SheetContext): Promise<Grid> {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const merges: Rect[] = [];
  let width = 0;

  let row = -1;
  let rowHidden = false;
  let rowCounted = false;
  let col = -1;
  let type = '';
  let style = 0;
  let formula = false;
  let hasValue = false;
  let text = '';
  /** 0: not collecting; 1: collecting a <v>; 2: inside <is>; 3: collecting an inline <t>; 4: inside a phonetic run. */
  let collect = 0;

  const outside = (what: string): never => {
    throw new InputError(`Lembar “${name}” berisi sel ${what} di luar batas Excel (1.048.576 baris × 16.384 kolom); berkas ini tidak dapat dibaca.`);
  };

  const openCell = (attrs: Record<string, string>) => {
    const ref = attrs.r;
    if (ref === undefined) col++;
    else {
      let c = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const ch = ref.charCodeAt(i);
        if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64;
        else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96;
        else break;
        if (c > MAX_COLS) outside(ref);
      }
      const r = Number(ref.slice(i));
      if (i === 0 || !Number.isInteger(r) || r < 1) throw pkg.corrupt(part);
      if (r > MAX_ROWS) outside(ref);
      col = c - 1;
      if (r - 1 !== row) openRow(r - 1, false);
    }
    if (col >= MAX_COLS) outside(`${columnLetter(MAX_COLS)}${row + 1}`);
    type = attrs.t ?? 'n';
    style = attrs.s === undefined ? 0 : Number(attrs.s);
    formula = false;
    hasValue = false;
    text = '';
  };

  const openRow = (r: number, isHidden: boolean) => {
    if (r >= MAX_ROWS) outside(`A${r + 1}`);
    row = r;
    rowHidden = isHidden;
    rowCounted = false;
    col = -1;
  };

  const closeCell = () => {
    let value: CellValue = null;
    let format = ctx.formats[style] ?? null;
    if (type === 's') value = hasValue ? (ctx.sharedStrings[Number(text)] ?? null) : null;
    else if (type === 'inlineStr' || type === 'str') value = hasValue || type === 'inlineStr' ? decodeXstring(text) : null;
    else if (type === 'b') value = hasValue ? text === '1' || text === 'true' : null;
    else if (type === 'e') value = hasValue ? { error: text } : null;
    else if (hasValue && text.trim() !== '') {
      if (type === 'd') {
        value = isoToSerial(text.trim());
        if (value === null) value = { error: text };
        else if (!isDateFormat(format)) format = 'yyyy-mm-dd';
      } else {
        const n = NUMBER.test(text.trim()) ? Number(text) : NaN;
        value = Number.isFinite(n) ? n : { error: text };
        if (ctx.date1904 && typeof value === 'number' && isDateFormat(format)) value += DAYS_1904;
      }
    }
    if (value === null && formula) value = { error: NO_CACHED_RESULT };
    if (value === null) return;
    // Excel holds 32.767 characters in a cell and cuts a longer text when it repairs such a file.
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) value = value.slice(0, MAX_CELL_TEXT);
    const cells = (values[row] ??= []);
    cells[col] = value;
    if (format !== null) (numberFormats[row] ??= [])[col] = format;
    if (col + 1 > width) width = col + 1;
    if (rowHidden && !rowCounted) hiddenRows.push(row);
    rowCounted = true;
  };

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attrs = tag.attributes;
    switch (localName(tag.name)) {
      case 'row': {
        const r = attrs.r === undefined ? row + 1 : Number(attrs.r) - 1;
        if (!Number.isInteger(r) || r < 0) throw pkg.corrupt(part);
        openRow(r, attrs.hidden === '1' || attrs.hidden === 'true');
        break;
      }
      case 'c':
        openCell(attrs);
        break;
      case 'v':
        collect = 1;
        hasValue = true;
        break;
      case 'f':
        formula = true;
        break;
      case 'is':
        collect = 2;
        hasValue = true;
        break;
      case 't':
        if (collect === 2) collect = 3;
        break;
      case 'rPh':
        if (collect === 2) collect = 4;
        break;
      case 'mergeCell': {
        const m = parseAddress(attrs.ref ?? '');
        if (m) merges.push(m);
        break;
      }
    }
  });
  parser.on('text', (t) => {
    if (collect === 1 || collect === 3) text += t;
  });
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'c':
        closeCell();
        break;
      case 'v':
        collect = 0;
        break;
      case 't':
        if (collect === 3) collect = 2;
        break;
      case 'rPh':
        if (collect === 4) collect = 2;
        break;
      case 'is':
        collect = 0;
        break;
    }
  });
  await parsePart(pkg, part, parser);
  return { name, values, numberFormats, origin: { row: 0, col: 0 }, merges: mergesInside(merges, { row: 0, col: 0, rows: values.length, cols: width }, name), hidden, hiddenRows };
}
