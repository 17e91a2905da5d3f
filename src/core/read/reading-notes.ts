import { CellValue, cellText, Grid } from '../grid';
import { columnLetter } from '../rect';
import { quoted, quotedName } from '../findings';
import { countText } from '../decimal';
import { parseAmount } from './amount';
import { kinerjaContent } from './cell-content';
import { HeaderMatch, isColumnNumberingRow, isUnitRow, periodIn } from './header';
import { RenjaForm } from './renja-form';
import { BudgetRole, KinerjaRole } from '../settings';

/**
 * What is said about a sheet as read, before any figure: the notes (which rows are the header, the
 * units, the periods summed, how a form is read) and the doubts that make a reading untrustworthy.
 */

/** A doubt about a reading, and which figure it touches. */
export interface Keraguan {
  bagian: 'anggaran' | 'kinerja';
  pesan: string;
}

const sheetRow = (grid: Grid, r: number) => grid.origin.row + r + 1;
const letterOf = (grid: Grid, c: number) => columnLetter(grid.origin.col + c);
const lettersOf = (grid: Grid, cols: readonly number[]) => cols.map((c) => letterOf(grid, c)).join(', ');

/** The header's rows, and the rows right under it that are never data (column numbers, units), as a note. */
export function headerNote(grid: Grid, values: CellValue[][], header: HeaderMatch<string>): string | null {
  const first = sheetRow(grid, header.row);
  const last = sheetRow(grid, header.row + header.height - 1);
  const skipped: string[] = [];
  for (let r = header.row + header.height; r < values.length && skipped.length < 2; r++) {
    const row = values[r] ?? [];
    if (isColumnNumberingRow(row)) skipped.push(`baris ${sheetRow(grid, r)} (nomor kolom)`);
    else if (isUnitRow(row)) skipped.push(`baris ${sheetRow(grid, r)} (satuan)`);
    else break;
  }
  if (last === first && skipped.length === 0) return null;
  const rows = last === first ? `Judul kolom di baris ${first}` : `Judul kolom di baris ${first}–${last}`;
  return skipped.length === 0 ? `${rows}.` : `${rows}; ${skipped.join(' dan ')} dilewati, bukan data.`;
}

/** Each unit a header or title says, once: `Rp. (000): dibaca dalam ribuan rupiah`. */
export function unitNotes(grid: Grid, header: HeaderMatch<BudgetRole>): string[] {
  const amountCols = [header.columns.anggaran, header.columns.realisasi, ...header.periods.map((p) => p.col)].filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  const said = new Map<string, number[]>();
  for (const c of amountCols) {
    const u = header.units.get(c);
    if (!u) continue;
    const key = `${u.source}\u0000${u.label}`;
    said.set(key, [...(said.get(key) ?? []), c]);
  }
  return [...said].map(([key, cols]) => {
    const [source, label] = key.split('\u0000');
    return `${quoted(source)} (kolom ${lettersOf(grid, cols)}): dibaca dalam ${label}; semua angka hasil dalam rupiah.`;
  });
}

/** The realisasi read from single periods, summed, when no cumulative column exists. */
export function periodNote(grid: Grid, header: HeaderMatch<BudgetRole>): string | null {
  if (header.columns.realisasi !== undefined || header.form) return null;
  const periods = header.periods.filter((p) => p.measure === 'realisasi');
  if (periods.length === 0) return null;
  return `Tidak ada kolom realisasi kumulatif (s.d. periode ini): realisasi dijumlahkan dari ${periods.map((p) => p.label).join(', ')} (kolom ${lettersOf(
    grid,
    periods.map((p) => p.col),
  )}).`;
}

/** A kinerja sheet whose realisasi is written per period only. */
export function kinerjaPeriodNote(grid: Grid, header: HeaderMatch<KinerjaRole>): string | null {
  const periods = header.periods.filter((p) => p.measure === 'realisasi');
  if (header.columns.realisasi !== undefined || periods.length === 0) return null;
  return `Tidak ada kolom realisasi tahunan atau kumulatif: realisasi tiap indikator dibaca dari ${periods.map((p) => p.label).join(', ')} (kolom ${lettersOf(
    grid,
    periods.map((p) => p.col),
  )}); persentase, indeks dan nilai dari periode terakhir yang terisi, jumlah (dokumen, orang, kegiatan …) dijumlahkan.`;
}

/** What the form is read as, column by column. */
export function formNote(grid: Grid, form: RenjaForm): string {
  const at = (c: number | undefined) => (c === undefined ? null : letterOf(grid, c));
  const parts = [`Dibaca sebagai formulir Evaluasi terhadap Hasil Renja Perangkat Daerah (Permendagri 86/2017), sekaligus DPA, realisasi dan kinerja`];
  if (form.rp.target !== undefined) parts.push(`anggaran dari kolom ${at(form.rp.target)} (Rp, target tahun berjalan)`);
  if (form.rp.realisasi !== undefined) {
    const check = form.rp.triwulan.length > 0 ? `, diperiksa terhadap jumlah triwulan di kolom ${lettersOf(grid, form.rp.triwulan)}` : '';
    parts.push(`realisasi anggaran dari kolom ${at(form.rp.realisasi)} (Rp, realisasi tahun berjalan${check})`);
  }
  parts.push(`target kinerja dari kolom ${at(form.k.target)} (K)`);
  if (form.k.realisasi !== undefined) parts.push(`realisasi kinerja dari kolom ${at(form.k.realisasi)} (K) apa adanya, tidak dijumlahkan dari triwulan`);
  if (form.kode.length > 1) parts.push(`kode dari kolom ${lettersOf(grid, form.kode)} digabung`);
  return `${parts.join('; ')}.`;
}

/** Doubts about a kinerja sheet as read: most targets or realisasi not values, or indikator named by numbers. */
export function kinerjaDoubts(grid: Grid, values: CellValue[][], header: HeaderMatch<KinerjaRole>): Keraguan[] {
  const { indikator, target, realisasi } = header.columns;
  let rows = 0;
  let notValues = 0;
  let numbered = 0;
  for (let r = header.row + header.height; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = cellText(row[indikator!] ?? null);
    if (name === '' || isColumnNumberingRow(row) || isUnitRow(row)) continue;
    rows++;
    if (/^[\d.,()\s]+$/.test(name)) numbered++;
    const kinds = [target, realisasi].map((c) => (c === undefined ? 'empty' : kinerjaContent(row[c] ?? null)));
    if (kinds.some((k) => k === 'text') || kinds[0] === 'empty') notValues++;
  }
  const out: Keraguan[] = [];
  if (rows >= 2 && notValues * 2 > rows) {
    out.push({
      bagian: 'kinerja',
      pesan: `Sebagian besar target atau realisasi di lembar ${quotedName(grid.name)} bukan angka (${notValues} dari ${rows} indikator): kolom target ${letterOf(grid, target!)}${realisasi === undefined ? '' : ` dan realisasi ${letterOf(grid, realisasi)}`} mungkin bukan yang dimaksud.`,
    });
  }
  if (rows >= 2 && numbered * 2 > rows) {
    out.push({
      bagian: 'kinerja',
      pesan: `Sebagian besar nama indikator di lembar ${quotedName(grid.name)} hanya berupa angka: kolom indikator ${letterOf(grid, indikator!)} mungkin bukan yang dimaksud.`,
    });
  }
  return out;
}

/** A realisasi read from one period while the sheet has a cumulative column. */
export function periodDoubt<R extends string>(grid: Grid, header: HeaderMatch<R>, bagian: Keraguan['bagian']): Keraguan | null {
  const c = (header.columns as Partial<Record<string, number>>).realisasi;
  if (c === undefined || periodIn(header.texts[c] ?? '') === null) return null;
  const cumulative = header.texts.findIndex((t, i) => i !== c && /realisasi/i.test(t) && /s\.?\s?d\.?(?![a-z])|s\/d|sampai|kumulatif/i.test(t) && !/lalu/i.test(t));
  if (cumulative < 0) return null;
  return {
    bagian,
    pesan: `Realisasi lembar ${quotedName(grid.name)} dibaca dari kolom ${letterOf(grid, c)} (${quoted(header.texts[c])}), satu periode saja, padahal kolom ${letterOf(grid, cumulative)} (${quoted(header.texts[cumulative])}) kumulatif.`,
  };
}

function asNumber(v: CellValue): number {
  if (typeof v === 'number') return v;
  const p = parseAmount(v);
  return p.kind === 'number' ? p.value.toNumber() : NaN;
}

/** No budget line is worth ten thousand rupiah or ten billion as a rule: a median beyond either says the unit is misread. */
const SMALLEST_MEDIAN = 10_000;
const LARGEST_MEDIAN = 10_000_000_000;
const MEDIAN_SAMPLE = 2_000;

/**
 * An amount column whose figures do not fit the unit read: a header saying thousands or millions
 * over figures already in whole rupiah (the median row then worth more than Rp 10 miliar), or no
 * unit said over figures in thousands (the median row worth less than Rp 10.000).
 */
export function unitDoubt(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): Keraguan | null {
  const col = header.columns.anggaran ?? header.columns.realisasi;
  if (col === undefined) return null;
  const amounts: number[] = [];
  // Evenly spaced rows, at most about MEDIAN_SAMPLE of them: the median of a large sheet without reading it all.
  const first = header.row + header.height;
  const step = Math.max(1, Math.floor((values.length - first) / MEDIAN_SAMPLE));
  for (let r = first; r < values.length; r += step) {
    const n = Math.abs(asNumber(values[r]?.[col] ?? null));
    if (Number.isFinite(n) && n > 0) amounts.push(n);
  }
  if (amounts.length < 3) return null;
  amounts.sort((a, b) => a - b);
  const unit = header.units.get(col);
  const median = amounts[Math.floor(amounts.length / 2)] * (unit ? unit.factor.toNumber() : 1);
  if (unit && median >= LARGEST_MEDIAN) {
    return {
      bagian: 'anggaran',
      pesan: `Judul ${quoted(unit.source)} di lembar ${quotedName(grid.name)} menyebut ${unit.label}, tetapi angka di kolom ${letterOf(grid, col)} tampak sudah dalam rupiah penuh: bila dibaca dalam ${unit.label}, hasilnya ${countText(unit.factor.toNumber())} kali terlalu besar.`,
    };
  }
  if (!unit && median < SMALLEST_MEDIAN) {
    return {
      bagian: 'anggaran',
      pesan: `Angka di kolom ${letterOf(grid, col)} lembar ${quotedName(grid.name)} sangat kecil untuk rupiah penuh: mungkin ditulis dalam ribuan atau jutaan, tetapi judulnya tidak menyebut satuan. Tulis satuannya di judul kolom, misalnya “Anggaran (Rp 000)”.`,
    };
  }
  return null;
}

/** A sheet with Rp columns in its header whose anggaran was not recognised. */
export function hasRupiahColumns(values: CellValue[][]): boolean {
  for (let r = 0; r < Math.min(values.length, 40); r++) {
    for (const v of values[r] ?? []) if (typeof v === 'string' && /^\(?\s*rp\b/i.test(v.trim())) return true;
  }
  return false;
}
