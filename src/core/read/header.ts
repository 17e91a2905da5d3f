import { CellValue, cellText } from '../grid';
import { Decimal } from '../decimal';
import { BudgetRole, KinerjaRole } from '../settings';

export type { BudgetRole, KinerjaRole };

interface Guess<R> {
  role: R;
  /** Higher wins when several columns claim the same role. */
  score: number;
  year?: number;
}

function headerKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const CUMULATIVE = /s\.?\s?d\.?(?![a-z])|s\/d|sampai|kumulatif|akumulasi/;

/**
 * One period of the year named in a header (`Triwulan I`, `TW II`, `Semester 1`, `Bulan Maret`), not
 * a cumulative one (`s.d. Triwulan III`): such a column holds that period only.
 */
export function periodIn(text: string): { label: string; order: number } | null {
  const h = headerKey(text);
  if (CUMULATIVE.test(h) || /\bini\b|\blalu\b/.test(h)) return null;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
  const q = /\b(?:triwulan|tw|trw|kuartal)\.?\s*(iv|iii|ii|i|[1-4])\b/.exec(h);
  if (q) return { label: `Triwulan ${['I', 'II', 'III', 'IV'][roman[q[1]] - 1]}`, order: roman[q[1]] * 3 };
  const sem = /\b(?:semester|smt)\.?\s*(ii|i|[12])\b/.exec(h);
  if (sem) return { label: `Semester ${roman[sem[1]] === 1 ? 'I' : 'II'}`, order: roman[sem[1]] * 6 };
  const m = MONTHS.findIndex((month) => new RegExp(`\\b${month}\\b`).test(h));
  return m >= 0 ? { label: `Bulan ${MONTHS[m][0].toUpperCase()}${MONTHS[m].slice(1)}`, order: m + 1 } : null;
}

const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

/** A column under a group of single periods whose own cell is only the period (`I`, `II`, `TW III`) inherits the group's words in `texts`. */
const PERIOD_ALONE = /^(?:triwulan|tw|trw|semester|smt)?\.?\s*(?:iv|iii|ii|i|[1-4])$/;

export function guessBudgetRole(raw: string): Guess<BudgetRole> | null {
  const h = headerKey(raw);
  if (!h) return null;
  // Physical progress is a percentage of work done, neither money nor the share of it spent.
  if (/fisik/.test(h)) return null;
  if (/%|persen|prosentase|capaian|serapan/.test(h)) return { role: 'persen', score: 2 };
  if (/\bsisa\b|selisih/.test(h)) return { role: 'sisa', score: 2 };
  if (/realisasi|realisai|terealisasi/.test(h)) {
    if (/lalu|sebelum/.test(h)) return { role: 'realisasiLalu', score: 2 };
    if (CUMULATIVE.test(h)) return { role: 'realisasi', score: 4 };
    if (/(bulan|periode|triwulan|semester) ini/.test(h)) return { role: 'realisasiBulanIni', score: 2 };
    // One period's realisasi is never the year's: the periods are summed when nothing else says it.
    if (periodIn(h)) return null;
    return { role: 'realisasi', score: 3 };
  }
  // A plan per period, or a target of kinerja, is no budget; “Rencana Anggaran” is one.
  if (/rencana|target/.test(h) && (periodIn(h) || !/anggaran|pagu|\bdpa\b|alokasi/.test(h))) return null;
  if (/anggaran|pagu|\bdpa\b|alokasi/.test(h)) {
    if (/sebelum/.test(h)) return { role: 'anggaran', score: 1 };
    return { role: 'anggaran', score: /setelah|perubahan/.test(h) ? 4 : 3 };
  }
  if (/^(jumlah|nilai|total)\b/.test(h)) return { role: 'anggaran', score: 1 };
  if (/^(kode|kd)\b/.test(h)) return { role: 'kode', score: 3 };
  if (/^(no|nomor|no\. ?urut)\.?$/.test(h)) return { role: 'nomor', score: 2 };
  if (/uraian|program|kegiatan|nama|rincian|rekening/.test(h) && !/perhitungan|koefisien/.test(h)) {
    return { role: 'uraian', score: /uraian/.test(h) ? 3 : 2 };
  }
  return null;
}

/** A year written in a text (`Realisasi 2024`, `DPA 2024`), or null. */
export function yearIn(text: string): number | null {
  const m = /\b(19|20)\d{2}\b/.exec(text);
  return m ? Number(m[0]) : null;
}

/** A title that names the year of the report: `TAHUN ANGGARAN 2024`, `PERIODE PELAKSANAAN : TAHUN 2024`, `T.A. 2024`. */
const TITLE_YEAR = /\b(?:tahun(?:\s+anggaran)?|t\.?\s?a\.?|periode(?:\s+pelaksanaan)?\s*:?\s*(?:tahun)?)\s*:?\s*((?:19|20)\d{2})\b/i;
/** Years that are not the report's: last year's, a Renstra's or RPJMD's period (`2021-2026`). */
const OTHER_YEAR = /lalu|sebelum|renstra|rpjmd|(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}|s\.?\s?d\.?\s*(?:tahun\s*)?(?:19|20)\d{2}/i;

/** The year the title rows above a header name, or null. */
export function titleYear(values: CellValue[][], headerRow: number): number | null {
  for (let r = 0; r < Math.min(headerRow, SCAN_ROWS); r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== 'string' || v.length > 300 || OTHER_YEAR.test(v)) continue;
      const m = TITLE_YEAR.exec(v);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

export function guessKinerjaRole(raw: string): Guess<KinerjaRole> | null {
  const h = headerKey(raw);
  if (!h) return null;
  const year = yearIn(h) ?? undefined;
  if (/indikator/.test(h)) return { role: 'indikator', score: 3 };
  if (/sasaran/.test(h) && !/pendukung|program/.test(h)) return { role: 'sasaran', score: 3 };
  if (/capaian|%|persen/.test(h) && !/realisasi capaian/.test(h)) return /renstra|akhir/.test(h) ? null : { role: 'capaian', score: 2 };
  if (/target/.test(h)) {
    if (/renstra|akhir|rpjmd/.test(h)) return { role: 'targetRenstra', score: 3 };
    if (periodIn(h)) return null;
    return { role: 'target', score: /tahun|tahunan|\b(19|20)\d{2}\b/.test(h) ? 4 : 3, year };
  }
  if (/realisasi|capaian/.test(h)) {
    if (periodIn(h) || /lalu|sebelum/.test(h)) return null;
    return { role: 'realisasi', score: CUMULATIVE.test(h) ? 4 : 3, year };
  }
  if (/satuan/.test(h)) return { role: 'satuan', score: 3 };
  if (/arah|polaritas|sifat/.test(h)) return { role: 'arah', score: 3 };
  if (/program|kegiatan|pendukung|anggaran/.test(h)) return { role: 'pendukung', score: 2 };
  if (/^(no|nomor)\.?$/.test(h)) return { role: 'nomor', score: 2 };
  return null;
}

/** What an amount column's figures are written in: rupiah unless a header or title says thousands or millions. */
export interface AmountUnit {
  /** Rupiah per written unit: 1.000 for “Rp. (000)”. */
  factor: Decimal;
  /** As a clerk reads it: “ribuan rupiah”. */
  label: string;
  /** The header or title text that says so. */
  source: string;
}

const UNITS: { pattern: RegExp; factor: number; label: string }[] = [
  { pattern: /\(\s*000\s*\)|\brp\.?\s*000\b|\bribuan\b|\bribu\b|\brb\b/, factor: 1_000, label: 'ribuan rupiah' },
  { pattern: /\bjutaan\b|\bjuta\b|\bjt\b|\(\s*000\.000\s*\)/, factor: 1_000_000, label: 'jutaan rupiah' },
  { pattern: /\bmiliar\b|\bmilyar\b|\bm\b(?=\s*\)?$)/, factor: 1_000_000_000, label: 'miliaran rupiah' },
];

/** The unit a header or a title line says amounts are in (`Rp. (000)`, `dalam ribuan rupiah`, `(Juta)`), or null for rupiah. */
export function unitIn(text: string): AmountUnit | null {
  const h = headerKey(text);
  if (!h || h.length > 200) return null;
  for (const u of UNITS) if (u.pattern.test(h)) return { factor: new Decimal(u.factor), label: u.label, source: text.trim() };
  return null;
}

export interface HeaderMatch<R extends string> {
  /** Grid row index of the (first) header row. */
  row: number;
  /** Header rows: 1 to 3, a row of units (`K | Rp`) under them included. */
  height: number;
  columns: Partial<Record<R, number>>;
  /** Header text of every column, its header rows joined. */
  texts: string[];
  /** Earlier years' realisasi columns (kinerja only). */
  years: { year: number; col: number }[];
  /** Columns of a single period (`Triwulan I`), in the order of the year. */
  periods: { col: number; label: string; order: number; measure: 'target' | 'realisasi' }[];
  /** Amount columns whose header says another unit than rupiah, by column. */
  units: Map<number, AmountUnit>;
  /** The kode split over several columns (urusan/bidang, program, kegiatan, sub kegiatan), joined with dots when read. */
  kodeColumns?: number[];
  /** The Evaluasi Renja form (renja-form.ts): rows of programs, kegiatan and sub kegiatan, each with its indikator. */
  form?: boolean;
}

type Guesser<R> = (text: string) => Guess<R> | null;

const SCAN_ROWS = 40;
const MAX_HEIGHT = 3;

/** A row's texts; numbers are kept only where they may be sub-headers (years under "Realisasi"). */
function rowTexts(values: CellValue[][], r: number, width: number, keepNumbers: boolean): string[] {
  const row = values[r] ?? [];
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(!keepNumbers && typeof row[c] === 'number' ? '' : cellText(row[c] ?? null));
  return out;
}

function assign<R extends string>(texts: string[], guess: Guesser<R>): { columns: Partial<Record<R, number>>; count: number } {
  const best = new Map<R, { col: number; score: number }>();
  texts.forEach((t, col) => {
    const g = guess(t);
    if (!g) return;
    const prev = best.get(g.role);
    if (!prev || g.score > prev.score) best.set(g.role, { col, score: g.score });
  });
  const columns: Partial<Record<R, number>> = {};
  for (const [role, { col }] of best) columns[role] = col;
  return { columns, count: best.size };
}

/** Header rows stacked: each column's distinct texts, top to bottom (a header merged down shows its text once). */
function stacked(rows: string[][]): string[] {
  return rows[0].map((_, c) => {
    const parts: string[] = [];
    for (const row of rows) if (row[c] && row[c] !== parts[parts.length - 1]) parts.push(row[c]);
    return parts.join(' ');
  });
}

/** A row that may continue a header: some text, no figures but years and period numbers, not the column numbers. */
function continuesHeader(values: CellValue[][], r: number, width: number): boolean {
  const row = values[r] ?? [];
  const figure = row.some((v) => typeof v === 'number' && !(Number.isInteger(v) && ((v >= 1900 && v <= 2100) || (v >= 1 && v <= 4))));
  return !figure && rowTexts(values, r, width, true).some((t) => t !== '') && !looksLikeData(row) && !isColumnNumberingRow(row);
}

/**
 * Finds the header rows (one, or up to three when merged titles stand over sub-headers, with a row
 * of units under them) whose words give the most recognised columns; `accept` says which columns
 * are indispensable.
 */
export function findHeader<R extends string>(
  values: CellValue[][],
  guess: Guesser<R>,
  accept: (columns: Partial<Record<R, number>>, periods: boolean) => boolean,
  forcedRow?: number,
): HeaderMatch<R> | null {
  let best: { m: HeaderMatch<R>; score: number } | null = null;
  const first = forcedRow ?? 0;
  const last = forcedRow ?? Math.min(values.length - 1, SCAN_ROWS);
  let width = 0;
  for (let r = first; r <= last + MAX_HEIGHT && r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  for (let r = first; r <= last; r++) {
    const rows = [rowTexts(values, r, width, false)];
    // A header starts with header words of its own.
    if (!rows[0].some((t) => guess(t) !== null)) continue;
    for (let h = 1; h < MAX_HEIGHT && r + h < values.length && continuesHeader(values, r + h, width); h++) rows.push(rowTexts(values, r + h, width, true));
    for (let height = 1; height <= rows.length; height++) {
      const texts = periodGroupTexts(stacked(rows.slice(0, height)), rows.slice(0, height));
      const { columns, count } = assign(texts, guess);
      // Single periods of realisasi stand for the realisasi where no cumulative column does.
      const periods = (columns as Partial<Record<string, number>>).realisasi === undefined && texts.some((t) => periodIn(t) !== null && /realisasi/i.test(t));
      if (!accept(columns, periods)) continue;
      // A header cell merged down over the rows shows the same text in each (merges are filled); a
      // title merged across over sub-headers, the same text over different ones.
      const mergedDown = height > 1 && rows[0].some((t, c) => t !== '' && rows[height - 1][c] === t);
      const groupedAcross = height > 1 && rows[0].some((t, c) => t !== '' && rows[0][c + 1] === t && rows[1][c] !== '' && rows[1][c + 1] !== '' && rows[1][c] !== rows[1][c + 1]);
      const score = (count + (periods ? 1 : 0)) * 10 - height + (mergedDown || groupedAcross ? 2 : 0);
      if (!best || score > best.score) best = { m: { row: r, height, columns, texts, years: [], periods: [], units: new Map() }, score };
    }
  }
  if (!best) return null;
  const m = best.m;
  const unitRow = values[m.row + m.height] ?? [];
  if (isUnitRow(unitRow, values[m.row + m.height - 1])) {
    // The units belong to the columns' headers: `Anggaran` over `(Rp 000)` is in thousands.
    m.texts = m.texts.map((t, c) => {
      const unit = cellText(unitRow[c] ?? null);
      return unit && unit !== cellText(values[m.row + m.height - 1]?.[c] ?? null) ? `${t} ${unit}`.trim() : t;
    });
    m.height++;
  }
  m.years = yearColumns(m.texts, guess);
  m.periods = periodColumns(m.texts, guess);
  m.units = unitColumns(values, m);
  m.kodeColumns = kodeSpan(m);
  return m;
}

/** A kode header merged over several columns (`Kode` over Urusan · Program · Kegiatan · Sub Kegiatan). */
function kodeSpan(m: HeaderMatch<string>): number[] | undefined {
  const first = (m.columns as Partial<Record<string, number>>).kode;
  if (first === undefined) return undefined;
  const span = [first];
  while (/^(kode|kd)\b/i.test(m.texts[span.length + first] ?? '')) span.push(first + span.length);
  return span.length > 1 ? span : undefined;
}

/**
 * Under a group merged over single periods (“Realisasi” over “Triwulan I … IV”, or “Realisasi Kinerja
 * Pada Triwulan” over “I … IV”), each column says its period with the group's words.
 */
function periodGroupTexts(texts: string[], rows: string[][]): string[] {
  if (rows.length < 2) return texts;
  return texts.map((t, c) => {
    const own = rows
      .slice(1)
      .map((row) => headerKey(row[c] ?? ''))
      .find((x) => PERIOD_ALONE.test(x));
    if (own === undefined || /triwulan|\btw\b|\btrw\b|semester|\bsmt\b/.test(headerKey(t))) return t;
    return t.replace(new RegExp(`(^|\\s)${own.replace(/[.]/g, '\\.')}(\\s|$)`, 'i'), `$1Triwulan ${own.toUpperCase()}$2`);
  });
}

function yearColumns<R extends string>(texts: string[], guess: Guesser<R>): { year: number; col: number }[] {
  const out: { year: number; col: number }[] = [];
  texts.forEach((t, col) => {
    const g = guess(t);
    if (g && g.year !== undefined && g.role === ('realisasi' as R)) out.push({ year: g.year, col });
  });
  return out;
}

function periodColumns<R extends string>(texts: string[], guess: Guesser<R>): HeaderMatch<R>['periods'] {
  const out: HeaderMatch<R>['periods'] = [];
  texts.forEach((t, col) => {
    const p = periodIn(t);
    const h = headerKey(t);
    if (!p || guess(t) !== null || /fisik|%|persen|capaian/.test(h)) return;
    const measure = /realisasi|terealisasi/.test(h) ? 'realisasi' : /target|rencana/.test(h) ? 'target' : null;
    if (measure) out.push({ col, label: p.label, order: p.order, measure });
  });
  return out.sort((a, b) => a.order - b.order || a.col - b.col);
}

/** The unit of each column whose header says one; a column without its own takes the unit a title line above the table says. */
function unitColumns(values: CellValue[][], m: HeaderMatch<string>): Map<number, AmountUnit> {
  const out = new Map<number, AmountUnit>();
  m.texts.forEach((t, c) => {
    const u = unitIn(t);
    if (u) out.set(c, u);
  });
  if (out.size > 0) return out;
  for (let r = Math.max(0, m.row - 6); r < m.row; r++) {
    for (const v of values[r] ?? []) {
      const t = cellText(v ?? null);
      if (!/dalam|satuan|rupiah|\brp\b/i.test(t)) continue;
      const u = unitIn(t);
      if (u) {
        m.texts.forEach((_, c) => out.set(c, u));
        return out;
      }
    }
  }
  return out;
}

/** A data row rather than a sub-header: an amount, a code, or a long name. */
function looksLikeData(row: CellValue[]): boolean {
  return row.some((v) => {
    if (typeof v === 'number') return Math.abs(v) >= 100 && !(Number.isInteger(v) && v >= 1900 && v <= 2100);
    const t = cellText(v);
    return t.length > 60 || /^\d+(\.\d+)+\b/.test(t);
  });
}

/**
 * A header word (`Anggaran`, `Target`) where a figure should be: the line may be a header, repeated
 * inside the table (as exports paginated for printing do) or of a next table; `findHeader` at that
 * row tells.
 */
export function headerWordAt<R>(row: CellValue[], c: number | undefined, guess: Guesser<R>): boolean {
  const v = c === undefined ? null : row[c];
  return typeof v === 'string' && guess(v) !== null;
}

/** A column's number as the numbering row writes it: `6`, `(6)`, `13 = 9+10+11+12`, `6 (5/4×100)`. */
const COLUMN_NUMBER = /^\(?(\d{1,2})\)?(?:\s*(?:=|\().*)?$/;

/**
 * The "1 | 2 | 3 …" row some tables have under their header (`(1) (2)`, `13 = 9+10+11+12`); a
 * number merged over two columns shows twice.
 */
export function isColumnNumberingRow(row: CellValue[]): boolean {
  const nums: number[] = [];
  for (const v of row) {
    const t = cellText(v);
    if (t === '') continue;
    const m = COLUMN_NUMBER.exec(t);
    if (!m || (typeof v === 'number' && !Number.isInteger(v))) return false;
    const n = Number(m[1]);
    if (nums.length > 0 && n === nums[nums.length - 1]) continue;
    nums.push(n);
  }
  if (nums.length < 3) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

/** A unit written in a cell of a row of units: `K`, `Rp`, `Rp. (000)`, `(%)`, `Satuan`. */
const UNIT_CELL = /^\s*\(?\s*(?:k|rp\.?(?:\s*\(?\s*(?:000|juta|ribu(?:an)?)\s*\)?)?|rupiah|%|persen|satuan|fisik|keu(?:angan)?)\s*\)?\s*$/i;

/**
 * A row of units under a header (`K | Rp | K | Rp`, `(Rp) | (%)`): never data. With the row `above`
 * it, a cell that repeats the one above (a header merged down, its merge filled) is not the row's own.
 */
export function isUnitRow(row: CellValue[], above?: CellValue[]): boolean {
  let n = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const t = cellText(v ?? null);
    if (t === '' || (above !== undefined && t === cellText(above[c] ?? null))) continue;
    if (typeof v !== 'string' || !UNIT_CELL.test(t)) return false;
    n++;
  }
  return n >= 2;
}
