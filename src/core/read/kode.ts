/**
 * Row identification: SIPD codes (program 7.01.01, kegiatan 7.01.01.2.02, sub kegiatan
 * 7.01.01.2.02.0001 or .01), kode rekening (5.1.02.01.01.0024) and outline numbers (1, 1.2, 1.2.1).
 */

import { memo } from '../memo';

export type CodeKind = 'sipd' | 'rekening' | 'outline';

export interface Code {
  kind: CodeKind;
  text: string;
  segments: readonly string[];
  /** Segment-wise numeric form: 7.01.01.2.02.0001 and 7.01.01.2.02.01 have the same key. */
  key: string;
}

const NUMBERED = /^\d+(\.\d+)*\.?$/;

/** `7.01.01.` → ['7', '01', '01']; null when the text is not a dotted number. Remembered, so shared: read only. */
export const splitSegments = memo((text: string): readonly string[] | null => {
  const t = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  if (!NUMBERED.test(t)) return null;
  return (t.endsWith('.') ? t.slice(0, -1) : t).split('.');
});

/** A SIPD program-or-deeper code: 7.01.01, 7.01.01.2.02, 7.01.01.2.02.0001. */
export function isSipdLike(segments: readonly string[]): boolean {
  return segments.length >= 3 && segments[0].length <= 2 && segments[1].length === 2 && segments[2].length === 2;
}

/** Kode rekening: akun 4/5/6, kelompok one digit, jenis two digits. */
function isRekeningLike(segments: readonly string[]): boolean {
  if (!/^[456]$/.test(segments[0])) return false;
  if (segments.length >= 2 && segments[1].length !== 1) return false;
  if (segments.length >= 3 && segments[2].length !== 2) return false;
  return true;
}

export interface CodeContext {
  /** The sheet uses SIPD codes somewhere, so short codes are urusan/bidang, not outline numbers. */
  sipdSheet: boolean;
  /** The row stands below a sub kegiatan, where `5` and `5.1` are rekening. */
  underSubKegiatan: boolean;
}

export function classifyCode(text: string, ctx: CodeContext): Code | null {
  return classified[(ctx.sipdSheet ? 2 : 0) + (ctx.underSubKegiatan ? 1 : 0)](text);
}

const classified = [0, 1, 2, 3].map((flags) => memo((text: string) => classify(text, { sipdSheet: flags >= 2, underSubKegiatan: flags % 2 === 1 })));

function classify(text: string, ctx: CodeContext): Code | null {
  const segments = splitSegments(text);
  if (!segments) return null;
  const joined = segments.join('.');
  const make = (kind: CodeKind): Code => ({ kind, text: joined, segments, key: keyOf(joined) });
  if (isRekeningLike(segments) && (segments.length >= 3 || (ctx.sipdSheet && ctx.underSubKegiatan))) return make('rekening');
  if (isSipdLike(segments)) return make('sipd');
  if (ctx.sipdSheet && (segments.length === 1 || (segments.length === 2 && segments[1].length === 2))) return make('sipd');
  return make('outline');
}

const keyOf = memo((text: string) =>
  text
    .split('.')
    .map((s) => String(parseInt(s, 10)))
    .join('.'),
);

/** A code written in front of a name: "7.01.01.2.02.0001 Penyediaan Gaji …". */
export function splitLeadingCode(name: string): { code: string; rest: string } | null {
  const m = /^\s*(\d+(?:\.\d+){1,})\.?\s+(\S.*)$/s.exec(name);
  return m ? { code: m[1], rest: m[2].trim() } : null;
}

/** An outline marker other than a dotted number: `I`, `II.`, `A`, `b.`, `(c)`, `iv)`, `1)`. */
const MARKER = /^\(?([IVXLCDM]+|[A-Z]|[ivxlcdm]+|[a-z]|\d+)([.)]?)\)?$/;

/** A Roman numeral, a letter or `1)` written as a row's number. */
export function isOutlineMarker(text: string): boolean {
  return MARKER.test(text.replace(/\s+/g, '')) && !/^\d+\.?$/.test(text.trim());
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number | null {
  const t = text.toLowerCase();
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]];
    const next = ROMAN[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 40 ? total : null;
}

/**
 * The depth of each row of an outline numbered in any mix of styles (I, II / A, B / 1, 1.1 / a., b. /
 * 1)): the first style met is the outermost, a style met again closes the deeper ones, a new style
 * opens one level below the row above. Dotted numbers go down one level per segment.
 */
export class OutlineLevels {
  private open: { style: string; depth: number; last: number }[] = [];
  private lastDepth = 0;

  /** The depth (1 for the outermost) of an outline number or marker, or null when the text is neither. */
  depthOf(text: string): number | null {
    const segments = splitSegments(text);
    if (segments) return this.enter('1', Number(segments[segments.length - 1]), segments.length);
    const m = MARKER.exec(text.replace(/\s+/g, ''));
    if (!m) return null;
    const [, body, punctuation] = m;
    if (/^\d+$/.test(body)) return punctuation === ')' || text.trim().startsWith('(') ? this.enter('1)', Number(body), 1) : null;
    const upper = body === body.toUpperCase();
    const letter = body.length === 1 ? body.toUpperCase().charCodeAt(0) - 64 : null;
    const roman = romanValue(body);
    const letterStyle = upper ? 'A' : 'a';
    const romanStyle = upper ? 'I' : 'i';
    const continues = (style: string, n: number | null) => n !== null && this.open.some((o) => o.style === style && o.last + 1 === n);
    const asLetter = letter !== null && (continues(letterStyle, letter) || roman === null || (!continues(romanStyle, roman) && body.toUpperCase() !== 'I'));
    if (asLetter) return this.enter(letterStyle, letter!, 1);
    return roman === null ? null : this.enter(romanStyle, roman, 1);
  }

  private enter(style: string, ordinal: number, segments: number): number {
    const i = this.open.findIndex((o) => o.style === style);
    let base: number;
    if (i >= 0) {
      this.open.length = i + 1;
      this.open[i].last = ordinal;
      base = this.open[i].depth;
    } else {
      base = this.lastDepth + 1;
      this.open.push({ style, depth: base, last: ordinal });
    }
    this.lastDepth = base + segments - 1;
    return this.lastDepth;
  }
}
