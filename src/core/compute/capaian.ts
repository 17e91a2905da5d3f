/**
 * How a target and a realisasi as written give a capaian (SPEC §4, issue 14): numbers with their
 * arah, a letter grade's lower bound, ordinal scales, ranges and comparators.
 */
import { Decimal, HUNDRED } from '../decimal';
import { Arah, KinerjaValue } from '../read/kinerja-sheet';

/** Which rule gave a capaian: the tables' source line and the narrative state the rules used. */
export type Aturan = 'angka' | 'batasHuruf' | 'skala' | 'rentang' | 'pembanding';

/** An ordinal scale, lowest level first; each level with the ways it is written. */
export interface Skala {
  nama: string;
  tingkat: readonly (readonly string[])[];
}

const SKALA_SAKIP: Skala = { nama: 'nilai SAKIP', tingkat: [['D'], ['C'], ['CC'], ['B'], ['BB'], ['A'], ['AA']] };

/** The scales the core knows; the settings may add others (`skalaOrdinal`). */
export const SKALA_BAWAAN: readonly Skala[] = [
  {
    nama: 'opini BPK',
    tingkat: [
      ['TMP', 'Tidak Menyatakan Pendapat', 'Disclaimer'],
      ['TW', 'Tidak Wajar'],
      ['WDP', 'Wajar Dengan Pengecualian'],
      ['WTP', 'Wajar Tanpa Pengecualian'],
    ],
  },
  { nama: 'kategori', tingkat: [['Kurang'], ['Cukup'], ['Baik'], ['Sangat Baik']] },
  SKALA_SAKIP,
];

/** The scales of a run: the known ones and those of the settings (each a list of levels, lowest first). */
export function scalesWith(custom: readonly (readonly string[])[]): Skala[] {
  return [...SKALA_BAWAAN, ...custom.filter((levels) => levels.length >= 2).map((levels) => ({ nama: 'skala pengaturan', tingkat: levels.map((l) => [l]) }))];
}

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(opini|predikat|kategori|nilai)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The level of a value on a scale (0 for the lowest), or -1. */
export function levelOn(skala: Skala, v: KinerjaValue): number {
  if (skala === SKALA_SAKIP) return v.huruf === null ? -1 : skala.tingkat.findIndex((names) => names[0] === v.huruf);
  const text = plain(v.teks);
  return skala.tingkat.findIndex((names) => names.some((n) => plain(n) === text));
}

/** The scale a written label belongs to (a letter grade written with its number is a number). */
export function scaleOf(v: KinerjaValue, scales: readonly Skala[]): Skala | null {
  return scales.find((s) => s !== SKALA_SAKIP && levelOn(s, v) >= 0) ?? (v.huruf !== null ? SKALA_SAKIP : null);
}

/** Whether any rule reads the value: a number, a range, or a level of a scale. */
export function understood(v: KinerjaValue, scales: readonly Skala[]): boolean {
  return v.nilai !== null || v.rentang !== null || scaleOf(v, scales) !== null;
}

/** realisasi / target × 100 (naik) or (2·target − realisasi) / target × 100 (turun). */
export function capaianOf(arah: Arah, target: Decimal, realisasi: Decimal): Decimal | null {
  if (target.isZero()) return null;
  const numerator = arah === 'naik' ? realisasi : target.times(2).minus(realisasi);
  return numerator.div(target).times(HUNDRED);
}

/**
 * Which formula gave a capaian, as a table states it beside the figure: realisasi ÷ target (naik)
 * or (2 × target − realisasi) ÷ target (turun), against a range's bound where `batas` says which;
 * 100 inside a range or on reaching a level of a scale; the ratio of the levels below it.
 */
export type Rumus = { cara: 'naik' | 'turun'; batas?: 'bawah' | 'atas' } | { cara: 'dalamRentang' | 'skalaTercapai' | 'skala' };

export interface Capaian {
  capaian: Decimal | null;
  aturan: Aturan | null;
  /** The scale compared on, for `skala`. */
  skala: Skala | null;
  rumus: Rumus | null;
}

const NONE: Capaian = { capaian: null, aturan: null, skala: null, rumus: null };

/**
 * The capaian of a realisasi against a target. On a scale, reaching or passing the target is 100,
 * falling short the ratio of the levels (WDP for WTP: 3/4); a range is met (100) inside it and
 * measured from the nearer bound outside, with the arah written — without one, a range asks to stay
 * inside it, so passing either bound falls short; a comparator's arah replaces the indikator's.
 * `arah` null: none is written (naik for a number, SPEC §4).
 */
export function capaianOfValues(arah: Arah | null, target: KinerjaValue, realisasi: KinerjaValue, scales: readonly Skala[]): Capaian {
  const skala = scaleOf(target, scales);
  const bothNumbered = target.nilai !== null && realisasi.nilai !== null && !target.dariHuruf && !realisasi.dariHuruf;
  if (skala && !bothNumbered && scaleOf(realisasi, scales) === skala) {
    const t = levelOn(skala, target);
    const r = levelOn(skala, realisasi);
    return r >= t
      ? { capaian: HUNDRED, aturan: 'skala', skala, rumus: { cara: 'skalaTercapai' } }
      : { capaian: new Decimal(r + 1).div(t + 1).times(HUNDRED), aturan: 'skala', skala, rumus: { cara: 'skala' } };
  }
  const r = realisasi.nilai;
  if (r === null || realisasi.rentang !== null) return NONE;
  if (target.rentang) {
    const { bawah, atas } = target.rentang;
    if (r.gte(bawah) && r.lte(atas)) return { capaian: HUNDRED, aturan: 'rentang', skala: null, rumus: { cara: 'dalamRentang' } };
    const below = r.lt(bawah);
    const cara = arah ?? (below ? 'naik' : 'turun');
    return { capaian: capaianOf(cara, below ? bawah : atas, r), aturan: 'rentang', skala: null, rumus: { cara, batas: below ? 'bawah' : 'atas' } };
  }
  if (target.nilai === null) return NONE;
  const aturan: Aturan = target.pembanding ? 'pembanding' : target.dariHuruf || realisasi.dariHuruf ? 'batasHuruf' : 'angka';
  const cara = target.pembanding ?? arah ?? 'naik';
  return { capaian: capaianOf(cara, target.nilai, r), aturan, skala: null, rumus: { cara } };
}
