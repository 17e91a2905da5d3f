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
export function isRekeningLike(segments: readonly string[]): boolean {
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
