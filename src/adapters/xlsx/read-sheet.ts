import { SaxesParser, SaxesTagPlain } from 'saxes';
import { InputError } from '../../core/errors';
import { CellValue, Grid, MAX_CELL_TEXT, mergesInside } from '../../core/grid';
import { columnLetter, MAX_COLS, MAX_ROWS, parseAddress, Rect } from '../../core/rect';
import { isDateFormat } from '../../core/read/amount';
import { Package } from './package';
import { decodeXstring, localName } from './xml';
import { NotPlain, PlainXmlScanner, ScanAttributes, XmlHandler } from './scan';

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
async function parsePart(pkg: Package, part: string, parser: SaxesParser<{ xmlns: false; position: false }>): Promise<void> {
  try {
    await pkg.stream(part, (chunk) => parser.write(chunk));
    parser.close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw pkg.corrupt(part);
  }
}

/**
 * Reads a part into the handler `handler()` makes: with the plain scanner, or where the part is not
 * XML as plain as that, with saxes into a fresh handler; XML that is not well-formed makes the file
 * corrupt. Either way the handler hears the same elements, attributes and text.
 */
export async function readPart<H extends XmlHandler>(pkg: Package, part: string, handler: () => H): Promise<H> {
  const fast = handler();
  const scanner = new PlainXmlScanner(fast);
  let plain = true;
  const scanned = (scan: () => void) => {
    try {
      scan();
    } catch (e) {
      if (!(e instanceof NotPlain)) throw e;
      plain = false;
    }
  };
  await pkg.stream(part, (text) => plain && scanned(() => scanner.write(text)));
  if (plain) scanned(() => scanner.end());
  if (plain) return fast;
  const slow = handler();
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => slow.open(localName(tag.name), tag.attributes));
  parser.on('text', (text) => slow.text(text));
  parser.on('closetag', (tag) => slow.close(localName(tag.name)));
  await parsePart(pkg, part, parser);
  return slow;
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
  return (await readPart(pkg, part, () => new SheetHandler(pkg, part, name, hidden, ctx))).grid();
}

/** One worksheet's cells as its elements come. */
class SheetHandler implements XmlHandler {
  private readonly values: CellValue[][] = [];
  private readonly numberFormats: (string | null)[][] = [];
  private readonly hiddenRows: number[] = [];
  private readonly merges: Rect[] = [];
  private width = 0;

  private row = -1;
  private rowHidden = false;
  private rowCounted = false;
  private col = -1;
  private type = '';
  private style = 0;
  private formula = false;
  private hasValue = false;
  private text_ = '';
  /** 0: not collecting; 1: collecting a <v>; 2: inside <is>; 3: collecting an inline <t>; 4: inside a phonetic run. */
  private collect = 0;

  constructor(
    private readonly pkg: Package,
    private readonly part: string,
    private readonly name: string,
    private readonly hidden: boolean,
    private readonly ctx: SheetContext,
  ) {}

  private outside(what: string): never {
    throw new InputError(`Lembar “${this.name}” berisi sel ${what} di luar batas Excel (1.048.576 baris × 16.384 kolom); berkas ini tidak dapat dibaca.`);
  }

  private openCell(attrs: ScanAttributes): void {
    const ref = attrs.r;
    if (ref === undefined) this.col++;
    else {
      let c = 0;
      let i = 0;
      for (; i < ref.length; i++) {
        const ch = ref.charCodeAt(i);
        if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64;
        else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96;
        else break;
        if (c > MAX_COLS) this.outside(ref);
      }
      const r = Number(ref.slice(i));
      if (i === 0 || !Number.isInteger(r) || r < 1) throw this.pkg.corrupt(this.part);
      if (r > MAX_ROWS) this.outside(ref);
      this.col = c - 1;
      if (r - 1 !== this.row) this.openRow(r - 1, false);
    }
    if (this.col >= MAX_COLS) this.outside(`${columnLetter(MAX_COLS)}${this.row + 1}`);
    this.type = attrs.t ?? 'n';
    this.style = attrs.s === undefined ? 0 : Number(attrs.s);
    this.formula = false;
    this.hasValue = false;
    this.text_ = '';
  }

  private openRow(r: number, isHidden: boolean): void {
    if (r >= MAX_ROWS) this.outside(`A${r + 1}`);
    this.row = r;
    this.rowHidden = isHidden;
    this.rowCounted = false;
    this.col = -1;
  }

  private closeCell(): void {
    const { type, hasValue, ctx } = this;
    const text = this.text_;
    let value: CellValue = null;
    let format = ctx.formats[this.style] ?? null;
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
    if (value === null && this.formula) value = { error: NO_CACHED_RESULT };
    if (value === null) return;
    // Excel holds 32.767 characters in a cell and cuts a longer text when it repairs such a file.
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) value = value.slice(0, MAX_CELL_TEXT);
    const { row, col } = this;
    const cells = (this.values[row] ??= []);
    cells[col] = value;
    if (format !== null) (this.numberFormats[row] ??= [])[col] = format;
    if (col + 1 > this.width) this.width = col + 1;
    if (this.rowHidden && !this.rowCounted) this.hiddenRows.push(row);
    this.rowCounted = true;
  }

  open(name: string, attrs: ScanAttributes): void {
    switch (name) {
      case 'row': {
        const r = attrs.r === undefined ? this.row + 1 : Number(attrs.r) - 1;
        if (!Number.isInteger(r) || r < 0) throw this.pkg.corrupt(this.part);
        this.openRow(r, attrs.hidden === '1' || attrs.hidden === 'true');
        break;
      }
      case 'c':
        this.openCell(attrs);
        break;
      case 'v':
        this.collect = 1;
        this.hasValue = true;
        break;
      case 'f':
        this.formula = true;
        break;
      case 'is':
        this.collect = 2;
        this.hasValue = true;
        break;
      case 't':
        if (this.collect === 2) this.collect = 3;
        break;
      case 'rPh':
        if (this.collect === 2) this.collect = 4;
        break;
      case 'mergeCell': {
        const m = parseAddress(attrs.ref ?? '');
        if (m) this.merges.push(m);
        break;
      }
    }
  }

  text(t: string): void {
    if (this.collect === 1 || this.collect === 3) this.text_ += t;
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.closeCell();
        break;
      case 'v':
        this.collect = 0;
        break;
      case 't':
        if (this.collect === 3) this.collect = 2;
        break;
      case 'rPh':
        if (this.collect === 4) this.collect = 2;
        break;
      case 'is':
        this.collect = 0;
        break;
    }
  }

  grid(): Grid {
    const { name, values, numberFormats, hidden, hiddenRows } = this;
    return {
      name,
      values,
      numberFormats,
      origin: { row: 0, col: 0 },
      merges: mergesInside(this.merges, { row: 0, col: 0, rows: values.length, cols: this.width }, name),
      hidden,
      hiddenRows,
    };
  }
}
