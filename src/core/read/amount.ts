import { CellValue, isCellError } from '../grid';
import { Decimal } from '../decimal';
import { memo } from '../memo';

export type Parsed = { kind: 'number'; value: Decimal } | { kind: 'empty' } | { kind: 'invalid'; text: string };

const EMPTY: Parsed = { kind: 'empty' };

/**
 * Excel keeps 15 significant digits; anything beyond is binary noise from formulas
 * (0.1 + 0.2 = 0.30000000000000004), so numbers enter Decimal through toPrecision(15).
 */
export function decimalFromNumber(n: number): Decimal {
  return new Decimal(Number.isInteger(n) ? n : Number(n.toPrecision(15)));
}

/**
 * Reads an amount written as a number or as Indonesian text:
 * `2.700.414.981`, `2.700.414.981,00`, `Rp 2.407.846.274,-`, `(1.500.000)`, `-`, ``.
 */
export function parseAmount(v: CellValue): Parsed {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: decimalFromNumber(v) } : { kind: 'invalid', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v) };
  if (isCellError(v)) return { kind: 'invalid', text: v.error };
  const text = v.trim();
  if (text === '' || /^[-–—]+$/.test(text) || /^rp\.?\s*[-–—]*$/i.test(text)) return EMPTY;
  const value = parseNumberText(text);
  return value === null ? { kind: 'invalid', text } : { kind: 'number', value };
}

/** Parses the number in an amount text, or null when the text is not a number. */
export function parseNumberText(raw: string): Decimal | null {
  let t = raw.replace(/\u00a0/g, ' ').trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  t = t
    .replace(/^rp\.?\s*/i, '')
    .replace(/,\s*-\s*$/, '')
    .replace(/\.\s*-\s*$/, '')
    .trim();
  if (/^[-–−]/.test(t)) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  t = t.replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const normalized = normalizeSeparators(t);
  if (normalized === null) return null;
  const d = new Decimal(normalized);
  return negative ? d.negated() : d;
}

/**
 * Turns Indonesian (or English) grouping into a plain decimal string.
 * With both separators the last one is the decimal mark; a lone '.' in groups of three is
 * thousands (Indonesian), a lone ',' is the decimal mark unless repeated.
 */
function normalizeSeparators(t: string): string | null {
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let intPart: string;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const group = decimalMark === '.' ? ',' : '.';
    const idx = t.lastIndexOf(decimalMark);
    intPart = t.slice(0, idx);
    frac = t.slice(idx + 1);
    if (intPart.includes(decimalMark) || !isGrouped(intPart, group)) return null;
    intPart = intPart.split(group).join('');
  } else if (lastDot >= 0) {
    if (isGrouped(t, '.') && t.split('.').length > 1 && /\.\d{3}$/.test(t)) {
      intPart = t.split('.').join('');
    } else if (t.split('.').length === 2) {
      [intPart, frac] = t.split('.');
    } else return null;
  } else if (lastComma >= 0) {
    const parts = t.split(',');
    if (parts.length > 2) {
      if (!isGrouped(t, ',')) return null;
      intPart = parts.join('');
    } else {
      [intPart, frac] = parts;
    }
  } else {
    intPart = t;
  }
  if (intPart === '') intPart = '0';
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  return frac ? `${intPart}.${frac}` : intPart;
}

function isGrouped(t: string, sep: string): boolean {
  const parts = t.split(sep);
  if (parts.length === 1) return /^\d+$/.test(t);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Reads a percentage: a number with a % format (0.8917 → 89.17), `89,17`, `89,17%`, `89,17 %`.
 * `fractionHint` is the expected value, used when a plain number may be a fraction without a
 * % format (0.8917 stored where 89.17 is meant).
 */
export function parsePercent(v: CellValue, numberFormat: string | null | undefined, fractionHint?: Decimal | null): Parsed {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', text: String(v) };
    const d = decimalFromNumber(v);
    if (numberFormat && numberFormat.includes('%')) return { kind: 'number', value: d.times(100) };
    if (fractionHint && d.abs().lte(2) && d.times(100).minus(fractionHint).abs().lt(d.minus(fractionHint).abs())) {
      return { kind: 'number', value: d.times(100) };
    }
    return { kind: 'number', value: d };
  }
  if (typeof v === 'string') {
    const t = withoutPercentSign(v);
    if (t === '' || /^[-–—]+$/.test(t)) return EMPTY;
    const d = parseNumberText(t);
    return d === null ? { kind: 'invalid', text: v.trim() } : { kind: 'number', value: d };
  }
  return parseAmount(v);
}

/**
 * The text without a trailing `%` and the spaces around it. Not `/\s*%$/`: tried from every space of a
 * long run, such a pattern takes time quadratic in the run (a cell of 200.000 spaces: over a minute).
 */
function withoutPercentSign(v: string): string {
  const t = v.trim();
  return t.endsWith('%') ? t.slice(0, -1).trimEnd() : t;
}

/** Number of decimals the user wrote, to compare a written percentage at its own precision. */
export function writtenDecimals(v: CellValue, numberFormat: string | null | undefined): number {
  if (typeof v === 'string') {
    const m = /[.,](\d+)$/.exec(withoutPercentSign(v));
    return m ? m[1].length : 0;
  }
  if (numberFormat) {
    const m = /0\.(0+)/.exec(numberFormat);
    return m ? m[1].length : numberFormat.includes('%') || /0/.test(numberFormat) ? 0 : 2;
  }
  return 2;
}

/**
 * An Excel number format that shows a date or a time (`dd/mm/yyyy`, `[$-421]d mmmm yyyy`, `h:mm`):
 * both hosts deliver such a cell as its serial number, and only the format tells it is not money.
 * Remembered per format: a reader asks it of every cell.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  return !!format && format !== 'General' && format !== '@' && showsDate(format);
}

const showsDate = memo((format: string) => {
  // A bracket ends at the next `[` too (`[^[\]]`), so a run of unclosed `[` is read once, not once per `[`.
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^[\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s-]*E[+-]/i.test(bare);
});

/** An Excel date serial (1900 system) as `dd/mm/yyyy`, for messages. */
export function serialDate(serial: number): string {
  // Excel counts 1900-02-29, a day that did not exist: serials from 61 on are one day ahead.
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const d = new Date(days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
