import { CellValue, Grid, cellAddress, cellText, isCellError } from '../grid';
import { decimalFromNumber, parseNumberText } from './amount';
import { Decimal, plainString } from '../decimal';
import { CellRef, Finding, FindingLog, finding } from '../findings';
import { HeaderMatch, KinerjaRole, findHeader, guessKinerjaRole, headerWordAt, isColumnNumberingRow, yearIn } from './header';
import { PercentCell } from './budget-rows';
import { normalizeName } from './names';

export type Arah = 'naik' | 'turun';

/** A target or realisasi as written, with the number it stands for. */
export interface KinerjaValue {
  teks: string;
  /** null for a range, a label (`WTP`, `Baik`) or text without a number. */
  nilai: Decimal | null;
  /** SAKIP letter grade, when written (`A`, `BB (74)`). */
  huruf: string | null;
  /** Set when the number is the lower bound of a letter grade written without a number. */
  dariHuruf: boolean;
  persen: boolean;
  /** A range written as the value (`3 - 5`, `85–90`), lowest first. */
  rentang: { bawah: Decimal; atas: Decimal } | null;
  /** The arah a comparator says: `≥ 85`, `Minimal 90 %` naik; `≤ 10`, `Maksimal 5` turun. */
  pembanding: Arah | null;
  /** An error value (`#REF!`), reported as a galat where it is read. */
  galat: boolean;
  ref: CellRef;
}

export interface IndikatorRow {
  nama: string;
  satuan: string;
  /** Naik where nothing is written. */
  arah: Arah;
  /** The sheet says the arah (an Arah column with text on this row). */
  arahTertulis: boolean;
  target: KinerjaValue | null;
  realisasi: KinerjaValue | null;
  targetRenstra: KinerjaValue | null;
  /** Earlier years' realisasi, oldest first. */
  realisasiLalu: { tahun: number; nilai: KinerjaValue | null }[];
  pendukung: { teks: string; ref: CellRef }[];
  /** The sheet's own capaian cell, when it has a capaian column. */
  capaianTertulis: PercentCell | null;
  nameRef: CellRef;
}

export interface SasaranRow {
  nama: string;
  nameRef: CellRef;
  indikator: IndikatorRow[];
}

export interface KinerjaSheet {
  name: string;
  header: HeaderMatch<KinerjaRole>;
  /** The reporting year, from a header such as "Realisasi 2024", when written. */
  tahun: number | null;
  tahunLalu: number[];
  sasaran: SasaranRow[];
  findings: Finding[];
}

/** Lower bound of each SAKIP grade, used when a grade is written without its number. */
const SAKIP_GRADES: Record<string, number> = { AA: 90, A: 80, BB: 70, B: 60, CC: 50, C: 30, D: 0 };

export function parseArah(text: string): Arah {
  const t = text.trim().toLowerCase();
  if (/^[-−–]$/.test(t) || /turun|negatif|menurun|minus|rendah/.test(t)) return 'turun';
  return 'naik';
}

const NUMBER = String.raw`[-−]?\d[\d.,]*`;
// `\s*(?:%\s*)?`, not `\s*%?\s*`: two runs of spaces side by side would split a long run in every way.
const RANGE = new RegExp(String.raw`^(?:antara\s+)?(${NUMBER})\s*(?:%\s*)?(?:-|–|—|s\.?\s?/?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*(${NUMBER})(?!\d)`, 'i');
const AT_LEAST = /^(?:≥|>=|=>|>|min(?:imal|imum|\.)?|paling\s+(?:sedikit|rendah)|sekurang-kurangnya|tidak\s+kurang\s+dari)\s*/i;
const AT_MOST = /^(?:≤|<=|=<|<|maks(?:imal|imum|\.)?|max\.?|paling\s+(?:banyak|tinggi)|setinggi-tingginya|tidak\s+lebih\s+dari)\s*/i;

const LEADING_NUMBER = new RegExp(`^${NUMBER}`);

const numberIn = (text: string) => parseNumberText(text.replace(/[.,]$/, '').replace('−', '-'));

/**
 * `4 Dok` → 4, `BB (74)` → 74, `A` → 80 (grade bound), `100%` → 100, a %-formatted 1 → 100;
 * `3 - 5` a range, `≥ 85` and `Maksimal 5` a number with the arah they say; `WTP` a label.
 */
export function parseKinerjaValue(v: CellValue, format: string | null, ref: CellRef): KinerjaValue | null {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const value = { huruf: null, dariHuruf: false, rentang: null, pembanding: null, galat: false, ref };
  if (typeof v === 'number') {
    const isPct = !!format && format.includes('%');
    const d = decimalFromNumber(v);
    const nilai = isPct ? d.times(100) : d;
    return { ...value, teks: isPct ? `${plainString(nilai)}%` : plainString(d), nilai, persen: isPct };
  }
  if (isCellError(v)) return { ...value, teks: v.error, nilai: null, persen: false, galat: true };
  const teks = cellText(v);
  if (/^[-–—]+$/.test(teks)) return null;
  const persen = /%/.test(teks);
  const range = RANGE.exec(teks);
  const bounds = range && [numberIn(range[1]), numberIn(range[2])];
  if (bounds && bounds[0] !== null && bounds[1] !== null) {
    const [bawah, atas] = bounds[0].lte(bounds[1]) ? bounds : [bounds[1], bounds[0]];
    return { ...value, teks, nilai: null, persen, rentang: { bawah: bawah!, atas: atas! } };
  }
  const pembanding: Arah | null = AT_LEAST.test(teks) ? 'naik' : AT_MOST.test(teks) ? 'turun' : null;
  const grade = /^(AA|A|BB|B|CC|C|D)\b(?![.,]?\d)/.exec(teks.trim());
  const numMatch = new RegExp(NUMBER).exec(teks);
  const nilai = numMatch ? numberIn(numMatch[0]) : null;
  if (nilai !== null) return { ...value, teks, nilai, huruf: grade ? grade[1] : null, persen, pembanding };
  if (grade) return { ...value, teks, nilai: new Decimal(SAKIP_GRADES[grade[1]]), huruf: grade[1], dariHuruf: true, persen };
  return { ...value, teks, nilai: null, persen };
}

/** The unit written after the number (`4 Dok` → `Dok`, `3 - 5 hari` → `hari`), for sheets without a Satuan column. */
function unitFromText(value: KinerjaValue | null): string {
  if (!value) return '';
  if (value.persen) return '%';
  const bare = value.teks.replace(AT_LEAST, '').replace(AT_MOST, '').trim();
  const m = (value.rentang ? RANGE : LEADING_NUMBER).exec(bare);
  return m ? bare.slice(m[0].length).trim() : '';
}

function splitPendukung(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((t) => t.replace(/^\s*(\d+[.)]|[-•*])\s+/, '').trim())
    .filter((t) => t !== '' && t !== '-');
}

export function readKinerjaSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<KinerjaRole>): KinerjaSheet {
  const cols = { ...header.columns };
  const findings = new FindingLog();
  const ref = (r: number, c: number): CellRef => ({ lembar: grid.name, sel: cellAddress(grid, r, c) });
  const format = (r: number, c: number) => grid.numberFormats?.[r]?.[c] ?? null;

  let earlier: { year: number; col: number }[] = [];
  if (header.years.length > 0) {
    const plain = header.texts.findIndex((t, c) => /realisasi/i.test(t) && !header.years.some((y) => y.col === c));
    const maxYear = Math.max(...header.years.map((y) => y.year));
    if (plain >= 0) {
      cols.realisasi = plain;
      earlier = header.years;
    } else {
      const current = header.years.find((y) => y.year === maxYear)!;
      cols.realisasi = current.col;
      earlier = header.years.filter((y) => y !== current);
    }
    earlier.sort((a, b) => a.year - b.year);
  }

  const sasaran: SasaranRow[] = [];
  let current: SasaranRow | null = null;
  let last: IndikatorRow | null = null;
  const text = (r: number, c: number | undefined) => (c === undefined ? '' : cellText(values[r]?.[c] ?? null));
  const value = (r: number, c: number | undefined) => (c === undefined ? null : parseKinerjaValue(values[r]?.[c] ?? null, format(r, c), ref(r, c)));

  for (let r = header.row + header.height; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => cellText(v) === '') || isColumnNumberingRow(row)) continue;
    if (headerWordAt(row, cols.target, guessKinerjaRole)) {
      const repeated = findHeader(values, guessKinerjaRole, (c) => c.indikator !== undefined && c.target !== undefined, r);
      if (repeated) {
        r += repeated.height - 1;
        continue;
      }
    }
    if (row.some((v) => /^sumber\b/i.test(cellText(v)))) break;
    const sasaranText = text(r, cols.sasaran);
    const indikatorText = text(r, cols.indikator);
    const target = value(r, cols.target);
    const realisasi = value(r, cols.realisasi);
    if (!target && !realisasi && last) {
      // A wrapped line of the row above: text only, no figures.
      if (sasaranText && current && normalizeName(sasaranText) !== normalizeName(current.nama)) current.nama += ` ${sasaranText}`;
      if (indikatorText && normalizeName(indikatorText) !== normalizeName(last.nama)) last.nama += ` ${indikatorText}`;
      continue;
    }
    if (!indikatorText && !target) continue;
    if (sasaranText && (!current || normalizeName(sasaranText) !== normalizeName(current.nama))) {
      current = { nama: sasaranText, nameRef: ref(r, cols.sasaran!), indikator: [] };
      sasaran.push(current);
    }
    if (!current) {
      current = { nama: indikatorText, nameRef: ref(r, cols.indikator!), indikator: [] };
      sasaran.push(current);
    }
    const targetRenstra = value(r, cols.targetRenstra);
    const pendukungText = text(r, cols.pendukung);
    last = {
      nama: indikatorText,
      satuan: text(r, cols.satuan) || unitFromText(target),
      arah: parseArah(text(r, cols.arah)),
      arahTertulis: text(r, cols.arah) !== '',
      target,
      realisasi,
      targetRenstra,
      realisasiLalu: earlier.map((y) => ({ tahun: y.year, nilai: value(r, y.col) })),
      pendukung: cols.pendukung === undefined ? [] : splitPendukung(pendukungText).map((teks) => ({ teks, ref: ref(r, cols.pendukung!) })),
      capaianTertulis:
        cols.capaian === undefined || cellText(row[cols.capaian] ?? null) === '' ? null : { ...ref(r, cols.capaian), raw: row[cols.capaian], format: format(r, cols.capaian) },
      nameRef: ref(r, cols.indikator!),
    };
    for (const v of [target, realisasi, targetRenstra]) {
      if (v?.galat) findings.add(finding('nilai', v.ref, `Nilai di ${grid.name}!${v.ref.sel} berisi galat (${v.teks}); capaian tidak dapat dihitung.`, { tertulis: v.teks }));
    }
    current.indikator.push(last);
  }
  const yearOf = (col: number | undefined) => (col === undefined ? null : yearIn(header.texts[col] ?? ''));
  const tahun = yearOf(cols.realisasi) ?? yearOf(cols.target) ?? (earlier.length > 0 ? earlier[earlier.length - 1].year + 1 : null);
  return { name: grid.name, header, tahun, tahunLalu: earlier.map((y) => y.year), sasaran, findings: findings.list() };
}
