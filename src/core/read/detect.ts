import { CellValue, Grid, Workbook, valuesWithMergesFilled } from '../grid';
import { columnIndex, columnLetter } from '../rect';
import { quotedName } from '../findings';
import { HeaderMatch, findHeader, guessBudgetRole, guessKinerjaRole } from './header';
import { BUDGET_ROLES, BudgetRole, ColumnRole, KINERJA_ROLES, KinerjaRole, SettingError, Settings, SheetOverride, SheetRole } from '../settings';

/** What a sheet's header reads as: a budget table (DPA or realisasi) or a kinerja table. */
export type Jenis = 'anggaran' | 'kinerja';

export interface ColumnDecision {
  /** The column's role: the key an override uses. */
  peran: ColumnRole;
  /** The role as a person reads it. */
  label: string;
  /** Column letter on the sheet. */
  kolom: string;
  /** The header text found over it. */
  judul: string;
}

/** What was decided about one sheet, shown to the user before and after computing. */
export interface SheetDetection {
  lembar: string;
  peran: SheetRole[];
  /** Null when no header row was recognised. */
  jenis: Jenis | null;
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
  /** Settings that could not be followed, each naming its field; detection went on without them. */
  masalah: SettingError[];
}

/** Column roles as a person reads them. */
export const COLUMN_LABEL: Record<ColumnRole, string> = {
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

/** The columns a sheet of each kind is read by: offered for correction even when none was found. */
export const KEY_COLUMNS: Record<Jenis, ColumnRole[]> = {
  anggaran: ['kode', 'uraian', 'anggaran', 'realisasi'],
  kinerja: ['sasaran', 'indikator', 'target', 'realisasi'],
};

const ROLE_NAME: Record<SheetRole, string> = { dpa: 'DPA', realisasi: 'realisasi', kinerja: 'kinerja' };

/** What a sheet serves as, for people: “DPA dan realisasi”, “kinerja”, “tidak dipakai”. */
export function describeRoles(peran: readonly SheetRole[]): string {
  const names = peran.map((p) => ROLE_NAME[p]);
  if (names.length === 0) return 'tidak dipakai';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}`;
}

const HEADER_EXAMPLE = '(misalnya “Uraian” dan “Anggaran”, atau “Indikator” dan “Target”)';

/** The user's columns over the detected ones; one that cannot apply is a problem, and the detected column stays. */
function applyOverride<R extends ColumnRole>(
  grid: Grid,
  values: CellValue[][],
  header: HeaderMatch<R>,
  override: SheetOverride | undefined,
  allowed: readonly R[],
  jenis: Jenis,
  masalah: SettingError[],
): HeaderMatch<R> {
  if (!override?.kolom) return header;
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const columns = { ...header.columns };
  for (const [role, letter] of Object.entries(override.kolom) as [ColumnRole, string][]) {
    const at = ['kolom', grid.name, 'kolom', role];
    const c = columnIndex(letter) - grid.origin.col;
    if (!(allowed as readonly string[]).includes(role)) masalah.push(new SettingError(at, `tidak berlaku untuk lembar ${jenis}`));
    else if (c < 0 || c >= width) masalah.push(new SettingError(at, `menunjuk kolom ${letter}, yang kosong di lembar ${quotedName(grid.name)}`));
    else columns[role as R] = c;
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

/**
 * Decides which sheet is the DPA, the realisasi sheet and the kinerja sheet (SPEC §2), honouring
 * overrides. Nothing is thrown for a setting that cannot be followed: it is listed in `masalah`,
 * so the task pane can show every sheet with the problem beside its field; hitung() refuses to
 * compute with it.
 */
export function detectSheets(workbook: Workbook, settings: Settings): Detected {
  const budgets: Found<BudgetRole>[] = [];
  const kinerjas: Found<KinerjaRole>[] = [];
  const deteksi = new Map<string, SheetDetection>();
  const masalah: SettingError[] = [];

  const describe = <R extends ColumnRole>(f: Found<R>, jenis: Jenis) => {
    const det = deteksi.get(f.grid.name)!;
    det.jenis = jenis;
    det.barisJudul = f.grid.origin.row + f.header.row + 1;
    det.kolom = (Object.entries(f.header.columns) as [R, number][])
      .map(([role, c]) => ({ peran: role, label: COLUMN_LABEL[role], kolom: columnLetter(f.grid.origin.col + c), judul: f.header.texts[c] ?? '' }))
      .sort((a, b) => a.kolom.length - b.kolom.length || a.kolom.localeCompare(b.kolom));
  };

  for (const grid of workbook.sheets) {
    const values = valuesWithMergesFilled(grid);
    const override = settings.kolom[grid.name];
    const forced = override?.barisJudul ? override.barisJudul - 1 - grid.origin.row : undefined;
    const det: SheetDetection = { lembar: grid.name, peran: [], jenis: null, barisJudul: null, kolom: [], catatan: [] };
    if (grid.hidden) det.catatan.push('Lembar ini tersembunyi.');
    deteksi.set(grid.name, det);
    const kin = findHeader(values, guessKinerjaRole, isKinerja, forced);
    if (kin) {
      const f = { grid, values, header: applyOverride(grid, values, kin, override, KINERJA_ROLES, 'kinerja', masalah), rowCount: 0 };
      f.rowCount = countRows(values, f.header);
      kinerjas.push(f);
      describe(f, 'kinerja');
      continue;
    }
    const bud = findHeader(values, guessBudgetRole, isBudget, forced);
    if (bud) {
      const f = { grid, values, header: applyOverride(grid, values, bud, override, BUDGET_ROLES, 'anggaran', masalah), rowCount: 0 };
      f.rowCount = countRows(values, f.header);
      budgets.push(f);
      describe(f, 'anggaran');
    } else if (forced !== undefined) {
      masalah.push(new SettingError(['kolom', grid.name, 'barisJudul'], `menunjuk baris ${override!.barisJudul}, yang tidak berisi judul kolom yang dikenali ${HEADER_EXAMPLE}`));
    } else {
      det.catatan.push(`Tidak ditemukan baris judul kolom yang dikenali ${HEADER_EXAMPLE}.`);
    }
  }

  /** The sheet the user named for a role, when it can serve; otherwise a problem, and detection decides. */
  const named = <R extends ColumnRole>(list: Found<R>[], role: SheetRole, needs: NoInfer<R>, needsLabel: string): Found<R> | null => {
    const name = settings.lembar[role];
    if (name === undefined) return null;
    const at = ['lembar', role];
    const f = list.find((x) => x.grid.name === name);
    if (!workbook.sheets.some((s) => s.name === name)) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak ada di buku kerja ini`));
    else if (!f) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang judul kolomnya tidak dikenali sebagai lembar ${ROLE_NAME[role]}`));
    else if (f.header.columns[needs] === undefined) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak memiliki kolom ${needsLabel}`));
    else return f;
    return null;
  };
  const largest = <R extends string>(list: Found<R>[]) => list.reduce<Found<R> | null>((best, f) => (!best || f.rowCount > best.rowCount ? f : best), null);

  const kinerja = named(kinerjas, 'kinerja', 'target', 'target') ?? largest(kinerjas);
  let realisasi = named(budgets, 'realisasi', 'realisasi', 'realisasi') ?? largest(budgets.filter((b) => b.header.columns.realisasi !== undefined));
  let dpa = named(budgets, 'dpa', 'anggaran', 'anggaran') ?? largest(budgets.filter((b) => b.header.columns.realisasi === undefined && b.header.columns.anggaran !== undefined));
  if (!dpa && realisasi && realisasi.header.columns.anggaran !== undefined) dpa = realisasi;
  if (dpa && realisasi && dpa !== realisasi && dpa.grid === realisasi.grid) realisasi = dpa;

  for (const [f, peran] of [
    [dpa, 'dpa'],
    [realisasi, 'realisasi'],
    [kinerja, 'kinerja'],
  ] as const) {
    if (f) deteksi.get(f.grid.name)!.peran.push(peran);
  }
  for (const d of deteksi.values()) {
    if (d.peran.length === 0 && d.jenis !== null) d.catatan.push('Tidak dipakai: lembar lain dengan peran yang sama lebih lengkap.');
  }
  return { dpa, realisasi, kinerja, deteksi: [...deteksi.values()], masalah };
}
