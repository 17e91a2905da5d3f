import { CellValue, Grid, cellAddress, cellText, gridMerges, isCellError, isMergedDown } from '../grid';
import { decimalFromNumber, parseNumberText } from './amount';
import { Decimal, plainString, sum } from '../decimal';
import { CellRef, Finding, FindingLog, finding } from '../findings';
import { HeaderMatch, KinerjaRole, findHeader, guessKinerjaRole, headerWordAt, isColumnNumberingRow, isUnitRow, yearIn } from './header';
import { classifyCode } from './kode';
import { Level, PercentCell } from './budget-rows';
import { levelWord, normalizeName } from './names';

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

/** A program, kegiatan or sub kegiatan as a form's row names it. */
export interface FormItem {
  level: Level;
  kode: string | null;
  nama: string;
  ref: CellRef;
}

/** A kegiatan's or sub kegiatan's (output) indikator on a form: computed and listed, never averaged into a sasaran. */
export interface KeluaranRow {
  item: FormItem;
  /** The sasaran the rows stand under, when the form writes one. */
  sasaran: string | null;
  indikator: IndikatorRow;
}

export interface KinerjaSheet {
  name: string;
  header: HeaderMatch<KinerjaRole>;
  /** The reporting year, from a header such as "Realisasi 2024", when written. */
  tahun: number | null;
  tahunLalu: number[];
  sasaran: SasaranRow[];
  /** A form's kegiatan and sub kegiatan indikator (empty on other sheets). */
  keluaran: KeluaranRow[];
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

/** A row that sums up or closes the table: merged over the label columns (JUMLAH, Rata-rata capaian, Predikat) or a closing line. */
const SUMMARY = /^(jumlah|total|grand total|rata-rata|rerata|predikat|nilai rata-rata)\b/i;
const CLOSING = /^(faktor (pendorong|penghambat)|tindak lanjut|disusun|dievaluasi|mengetahui|menyetujui)\b/i;

/** A form's item by the row that names it, when the form's budget side was read; otherwise told from the kode and the name. */
export type ItemAt = (r: number) => FormItem | null;

/** Indikator measured as a level, not a count: never summed over periods. */
const LEVEL_MEASURE = /^(persentase|prosentase|indeks|nilai|rasio|tingkat|rata-rata|angka|skor|opini|predikat|derajat|proporsi)\b/i;
const LEVEL_UNIT = /%|persen|indeks|nilai|rasio|skor|poin|predikat|tingkat|opini|level/i;

const OUTPUT_LEVELS: readonly Level[] = ['kegiatan', 'subKegiatan', 'rekening'];

const SEGMENTS_LEVEL: Level[] = ['urusan', 'bidang', 'program', 'kegiatan', 'kegiatan', 'subKegiatan'];

/** The item a form's row names, from its kode or its level word: for a form whose budget side was not read. */
function itemFromRow(grid: Grid, values: CellValue[][], header: HeaderMatch<KinerjaRole>, r: number): FormItem | null {
  const uraian = header.columns.pendukung!;
  const nama = cellText(values[r]?.[uraian] ?? null);
  const kode = (header.kodeColumns ?? [])
    .map((c) => cellText(values[r]?.[c] ?? null).replace(/\.$/, ''))
    .filter((t) => t !== '')
    .join('.');
  if (nama === '' && kode === '') return null;
  const code = kode === '' ? null : classifyCode(kode, { sipdSheet: true, underSubKegiatan: false });
  const word = levelWord(nama);
  const level: Level | null = code && code.kind === 'sipd' ? SEGMENTS_LEVEL[Math.min(code.segments.length, 6) - 1] : word;
  return { level: level ?? 'program', kode: code?.text ?? null, nama, ref: { lembar: grid.name, sel: cellAddress(grid, r, uraian) } };
}

/**
 * This year's realisasi column where earlier years have theirs (`Realisasi 2022 | 2023 | 2024`, or a
 * plain `Realisasi` beside them), those earlier years oldest first, and the year the headers say.
 */
export function headerYears(header: HeaderMatch<KinerjaRole>): { realisasi: number | undefined; earlier: { year: number; col: number }[]; tahun: number | null } {
  let realisasi = header.columns.realisasi;
  let earlier: { year: number; col: number }[] = [];
  if (header.years.length > 0) {
    const dated = (c: number) => header.years.some((y) => y.col === c);
    const plain = realisasi !== undefined && !dated(realisasi) ? realisasi : header.texts.findIndex((t, c) => !dated(c) && guessKinerjaRole(t)?.role === 'realisasi');
    if (plain >= 0) {
      realisasi = plain;
      earlier = header.years;
    } else {
      const maxYear = Math.max(...header.years.map((y) => y.year));
      const current = header.years.find((y) => y.year === maxYear)!;
      realisasi = current.col;
      earlier = header.years.filter((y) => y !== current);
    }
    earlier = [...earlier].sort((a, b) => a.year - b.year);
  }
  const yearOf = (col: number | undefined) => (col === undefined ? null : yearIn(header.texts[col] ?? ''));
  const tahun = yearOf(realisasi) ?? yearOf(header.columns.target) ?? (earlier.length > 0 ? earlier[earlier.length - 1].year + 1 : null);
  return { realisasi, earlier, tahun };
}

export function readKinerjaSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<KinerjaRole>, itemAt?: ItemAt): KinerjaSheet {
  const cols = { ...header.columns };
  const findings = new FindingLog();
  const ref = (r: number, c: number): CellRef => ({ lembar: grid.name, sel: cellAddress(grid, r, c) });
  const format = (r: number, c: number) => grid.numberFormats?.[r]?.[c] ?? null;

  const years = headerYears(header);
  cols.realisasi = years.realisasi;
  const earlier = years.earlier;

  const sasaran: SasaranRow[] = [];
  const keluaran: KeluaranRow[] = [];
  let current: SasaranRow | null = null;
  let last: IndikatorRow | null = null;
  let item: FormItem | null = null;
  const merges = header.form ? gridMerges(grid) : null;
  const text = (r: number, c: number | undefined) => (c === undefined ? '' : cellText(values[r]?.[c] ?? null));
  const value = (r: number, c: number | undefined) => (c === undefined ? null : parseKinerjaValue(values[r]?.[c] ?? null, format(r, c), ref(r, c)));
  const periods = header.form ? [] : header.periods.filter((p) => p.measure === 'realisasi');
  /**
   * Without a yearly or cumulative realisasi column, the year's from its periods: a percentage, an
   * index or a level is the latest period written (never a sum), a count the periods summed.
   */
  const fromPeriods = (r: number, nama: string, satuan: string): KinerjaValue | null => {
    const written = periods.map((p) => value(r, p.col)).filter((v): v is KinerjaValue => v !== null);
    if (written.length === 0) return null;
    const latest = written[written.length - 1];
    if (written.some((v) => v.nilai === null || v.persen || v.galat) || LEVEL_MEASURE.test(nama) || LEVEL_UNIT.test(satuan)) return latest;
    const total = sum(written.map((v) => v.nilai!));
    return { ...latest, teks: plainString(total), nilai: total, huruf: null, dariHuruf: false, rentang: null, pembanding: null };
  };

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
    const labels = [cellText(row[0] ?? null), sasaranText, indikatorText];
    if (labels.some((t) => CLOSING.test(t))) break;
    // A total, an average or a predikat merged over the label columns shows the same text in each of them.
    if (isUnitRow(row) || (indikatorText !== '' && indikatorText === sasaranText) || (indikatorText === '' && SUMMARY.test(labels[0]))) continue;
    if (SUMMARY.test(indikatorText) && !value(r, cols.target)) continue;
    const target = value(r, cols.target);
    const realisasi = cols.realisasi === undefined ? fromPeriods(r, indikatorText, text(r, cols.satuan)) : value(r, cols.realisasi);
    if (header.form) {
      const named =
        cols.pendukung !== undefined && merges !== null && !isMergedDown(merges, r, cols.pendukung) ? (itemAt ? itemAt(r) : itemFromRow(grid, values, header, r)) : null;
      if (named) item = named;
    }
    if (!target && !realisasi && last && !header.form) {
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
    const pendukungText = header.form ? '' : text(r, cols.pendukung);
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
    if (header.form && item && OUTPUT_LEVELS.includes(item.level)) {
      keluaran.push({ item, sasaran: current === null || current.nameRef === last.nameRef ? null : current.nama, indikator: last });
      continue;
    }
    // A program's (outcome) indikator on a form: the program supports the sasaran it stands under.
    if (header.form && item) last.pendukung = [{ teks: item.kode ?? item.nama, ref: item.ref }];
    current.indikator.push(last);
  }
  const tahun = years.tahun;
  return { name: grid.name, header, tahun, tahunLalu: earlier.map((y) => y.year), sasaran: sasaran.filter((s) => s.indikator.length > 0), keluaran, findings: findings.list() };
}
