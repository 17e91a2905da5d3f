import { CellValue, cellText } from '../grid';
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

export function guessBudgetRole(raw: string): Guess<BudgetRole> | null {
  const h = headerKey(raw);
  if (!h) return null;
  if (/%|persen|prosentase|capaian|serapan/.test(h)) return { role: 'persen', score: 2 };
  if (/\bsisa\b|selisih/.test(h)) return { role: 'sisa', score: 2 };
  if (/realisasi|realisai|terealisasi/.test(h)) {
    if (/lalu|sebelum/.test(h)) return { role: 'realisasiLalu', score: 2 };
    if (/s\.?\s?d\.?\b|s\/d|sampai|kumulatif/.test(h)) return { role: 'realisasi', score: 4 };
    if (/(bulan|periode|triwulan|semester) ini/.test(h)) return { role: 'realisasiBulanIni', score: 2 };
    return { role: 'realisasi', score: 3 };
  }
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

export function guessKinerjaRole(raw: string): Guess<KinerjaRole> | null {
  const h = headerKey(raw);
  if (!h) return null;
  const year = yearIn(h) ?? undefined;
  if (/indikator/.test(h)) return { role: 'indikator', score: 3 };
  if (/sasaran/.test(h) && !/pendukung|program/.test(h)) return { role: 'sasaran', score: 3 };
  if (/capaian|%|persen/.test(h)) return /renstra|akhir/.test(h) ? null : { role: 'capaian', score: 2 };
  if (/target/.test(h)) {
    if (/renstra|akhir|rpjmd/.test(h)) return { role: 'targetRenstra', score: 3 };
    return { role: 'target', score: 3, year };
  }
  if (/realisasi|capaian/.test(h)) return { role: 'realisasi', score: 3, year };
  if (/satuan/.test(h)) return { role: 'satuan', score: 3 };
  if (/arah|polaritas|sifat/.test(h)) return { role: 'arah', score: 3 };
  if (/program|kegiatan|pendukung|anggaran/.test(h)) return { role: 'pendukung', score: 2 };
  if (/^(no|nomor)\.?$/.test(h)) return { role: 'nomor', score: 2 };
  return null;
}

export interface HeaderMatch<R extends string> {
  /** Grid row index of the (first) header row. */
  row: number;
  /** 1 or 2 header rows. */
  height: number;
  columns: Partial<Record<R, number>>;
  /** Header text of every column, both header rows joined. */
  texts: string[];
  /** Earlier years' realisasi columns (kinerja only). */
  years: { year: number; col: number }[];
}

type Guesser<R> = (text: string) => Guess<R> | null;

const SCAN_ROWS = 40;

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

/**
 * Finds the header row (or the pair of header rows, when a merged title stands over sub-headers)
 * whose words give the most recognised columns; `accept` says which columns are indispensable.
 */
export function findHeader<R extends string>(
  values: CellValue[][],
  guess: Guesser<R>,
  accept: (columns: Partial<Record<R, number>>) => boolean,
  forcedRow?: number,
): HeaderMatch<R> | null {
  let best: { m: HeaderMatch<R>; score: number } | null = null;
  const first = forcedRow ?? 0;
  const last = forcedRow ?? Math.min(values.length - 1, SCAN_ROWS);
  let width = 0;
  for (let r = first; r <= last + 1 && r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  for (let r = first; r <= last; r++) {
    const single = rowTexts(values, r, width, false);
    const candidates: { texts: string[]; height: number; bonus: number }[] = [{ texts: single, height: 1, bonus: 0 }];
    if (r + 1 < values.length) {
      const below = rowTexts(values, r + 1, width, true);
      if (below.some((t) => t !== '') && !looksLikeData(values[r + 1] ?? [])) {
        // A header cell merged down over both rows shows the same text in each (merges are filled).
        const mergedDown = single.some((t, c) => t !== '' && below[c] === t);
        candidates.push({ texts: single.map((t, c) => (below[c] && below[c] !== t ? `${t} ${below[c]}`.trim() : t)), height: 2, bonus: mergedDown ? 2 : 0 });
      }
    }
    for (const cand of candidates) {
      const { columns, count } = assign(cand.texts, guess);
      if (!accept(columns)) continue;
      const score = count * 10 - cand.height + cand.bonus;
      if (!best || score > best.score) {
        best = { m: { row: r, height: cand.height, columns, texts: cand.texts, years: [] }, score };
      }
    }
  }
  if (!best) return null;
  best.m.years = yearColumns(best.m.texts, guess);
  return best.m;
}

function yearColumns<R extends string>(texts: string[], guess: Guesser<R>): { year: number; col: number }[] {
  const out: { year: number; col: number }[] = [];
  texts.forEach((t, col) => {
    const g = guess(t);
    if (g && g.year !== undefined && g.role === ('realisasi' as R)) out.push({ year: g.year, col });
  });
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

/** The "1 | 2 | 3 | 4 …" row some tables have under their header. */
export function isColumnNumberingRow(row: CellValue[]): boolean {
  const nums: number[] = [];
  for (const v of row) {
    const t = cellText(v);
    if (t === '') continue;
    const m = /^(\d{1,2})\b/.exec(t);
    if (!m) return false;
    nums.push(Number(m[1]));
  }
  if (nums.length < 3) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}
