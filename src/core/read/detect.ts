import { CellValue, Grid, Workbook, valuesWithMergesFilled } from '../grid';
import { columnIndex, columnLetter } from '../rect';
import { BudgetRole, HeaderMatch, KinerjaRole, findHeader, guessBudgetRole, guessKinerjaRole } from './header';
import { InputError } from '../errors';
import { Settings } from '../settings';

export type Peran = 'dpa' | 'realisasi' | 'kinerja';

export interface ColumnDecision {
  peran: string;
  kolom: string;
  judul: string;
}

/** What was decided about one sheet, shown to the user before and after computing. */
export interface SheetDetection {
  lembar: string;
  peran: Peran[];
  /** 1-based sheet row of the header, null when none was found. */
  barisJudul: number | null;
  kolom: ColumnDecision[];
  catatan: string[];
}

export interface Found<R extends string> {
  grid: Grid;
  values: CellValue[][];
  header: HeaderMatch<R>;
  rowCount: number;
}

export interface Detected {
  dpa: Found<BudgetRole> | null;
  realisasi: Found<BudgetRole> | null;
  kinerja: Found<KinerjaRole> | null;
  deteksi: SheetDetection[];
}

const ROLE_LABEL: Record<string, string> = {
  kode: 'Kode',
  nomor: 'Nomor',
  uraian: 'Uraian',
  anggaran: 'Anggaran',
  realisasi: 'Realisasi',
  realisasiLalu: 'Realisasi s.d. bulan lalu',
  realisasiBulanIni: 'Realisasi bulan ini',
  sisa: 'Sisa anggaran',
  persen: 'Persentase',
  sasaran: 'Sasaran',
  indikator: 'Indikator',
  satuan: 'Satuan',
  arah: 'Arah',
  target: 'Target',
  capaian: 'Capaian',
  targetRenstra: 'Target akhir Renstra',
  pendukung: 'Program pendukung',
};

function applyOverride<R extends string>(grid: Grid, header: HeaderMatch<R>, kolom: Record<string, string> | undefined): HeaderMatch<R> {
  if (!kolom) return header;
  const columns = { ...header.columns };
  for (const [role, letter] of Object.entries(kolom)) {
    const c = columnIndex(letter) - grid.origin.col;
    if (c < 0) throw new InputError(`Kolom "${letter}" untuk ${role} di lembar "${grid.name}" tidak valid.`);
    columns[role as R] = c;
  }
  return { ...header, columns };
}

function countRows(values: CellValue[][], header: HeaderMatch<string>): number {
  let n = 0;
  for (let r = header.row + header.height; r < values.length; r++) if ((values[r] ?? []).some((v) => v !== null && v !== '')) n++;
  return n;
}

const isBudget = (c: Partial<Record<BudgetRole, number>>) => c.uraian !== undefined && (c.anggaran !== undefined || c.realisasi !== undefined);
const isKinerja = (c: Partial<Record<KinerjaRole, number>>) => c.indikator !== undefined && c.target !== undefined;

/** Decides which sheet is the DPA, the realisasi sheet and the kinerja sheet (SPEC §2), honouring overrides. */
export function detectSheets(workbook: Workbook, settings: Settings): Detected {
  const budgets: Found<BudgetRole>[] = [];
  const kinerjas: Found<KinerjaRole>[] = [];
  const deteksi = new Map<string, SheetDetection>();

  for (const grid of workbook.sheets) {
    const values = valuesWithMergesFilled(grid);
    const override = settings.kolom[grid.name];
    const forced = override?.barisJudul ? override.barisJudul - 1 - grid.origin.row : undefined;
    const det: SheetDetection = { lembar: grid.name, peran: [], barisJudul: null, kolom: [], catatan: [] };
    if (grid.hidden) det.catatan.push('Lembar ini tersembunyi.');
    deteksi.set(grid.name, det);
    const kin = findHeader(values, guessKinerjaRole, isKinerja, forced);
    if (kin) {
      const header = applyOverride(grid, kin, override?.kolom);
      kinerjas.push({ grid, values, header, rowCount: countRows(values, header) });
      continue;
    }
    const bud = findHeader(values, guessBudgetRole, isBudget, forced);
    if (bud) {
      const header = applyOverride(grid, bud, override?.kolom);
      budgets.push({ grid, values, header, rowCount: countRows(values, header) });
    } else {
      det.catatan.push('Tidak ditemukan baris judul kolom yang dikenali (misalnya Uraian dan Anggaran, atau Indikator dan Target).');
    }
  }

  const byName = <R extends string>(list: Found<R>[], name: string | undefined, what: string): Found<R> | null => {
    if (name === undefined) return null;
    const f = list.find((x) => x.grid.name === name);
    if (f) return f;
    if (!workbook.sheets.some((s) => s.name === name)) throw new InputError(`Lembar "${name}" tidak ada di buku kerja ini.`);
    throw new InputError(`Lembar "${name}" tidak dapat dibaca sebagai lembar ${what}: judul kolomnya tidak dikenali.`);
  };
  const largest = <R extends string>(list: Found<R>[]) => list.reduce<Found<R> | null>((best, f) => (!best || f.rowCount > best.rowCount ? f : best), null);

  const kinerja = byName(kinerjas, settings.lembar.kinerja, 'kinerja') ?? largest(kinerjas);
  let realisasi = byName(budgets, settings.lembar.realisasi, 'realisasi') ?? largest(budgets.filter((b) => b.header.columns.realisasi !== undefined));
  let dpa = byName(budgets, settings.lembar.dpa, 'DPA') ?? largest(budgets.filter((b) => b.header.columns.realisasi === undefined && b.header.columns.anggaran !== undefined));
  if (realisasi && realisasi.header.columns.realisasi === undefined) {
    throw new InputError(`Lembar "${realisasi.grid.name}" tidak memiliki kolom realisasi.`);
  }
  if (dpa && dpa.header.columns.anggaran === undefined) throw new InputError(`Lembar "${dpa.grid.name}" tidak memiliki kolom anggaran.`);
  if (!dpa && realisasi && realisasi.header.columns.anggaran !== undefined) dpa = realisasi;
  if (dpa && realisasi && dpa !== realisasi && dpa.grid === realisasi.grid) realisasi = dpa;

  const describe = <R extends string>(f: Found<R> | null, peran: Peran) => {
    if (!f) return;
    const det = deteksi.get(f.grid.name)!;
    det.peran.push(peran);
    det.barisJudul = f.grid.origin.row + f.header.row + 1;
    det.kolom = Object.entries(f.header.columns)
      .map(([role, c]) => ({ peran: ROLE_LABEL[role] ?? role, kolom: columnLetter(f.grid.origin.col + (c as number)), judul: f.header.texts[c as number] ?? '' }))
      .sort((a, b) => a.kolom.length - b.kolom.length || a.kolom.localeCompare(b.kolom));
  };
  describe(dpa, 'dpa');
  describe(realisasi, 'realisasi');
  describe(kinerja, 'kinerja');
  for (const d of deteksi.values()) {
    if (d.peran.length === 0 && d.catatan.length === 0) d.catatan.push('Tidak dipakai: lembar lain dengan peran yang sama lebih lengkap.');
  }
  return { dpa, realisasi, kinerja, deteksi: [...deteksi.values()] };
}
