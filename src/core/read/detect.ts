import { CellValue, Grid, isCellError, Workbook, valuesWithMergesFilled } from '../grid';
import { columnIndex, columnLetter } from '../rect';
import { quotedName } from '../findings';
import { parseAmount } from './amount';
import { HeaderMatch, findHeader, guessBudgetRole, guessKinerjaRole } from './header';
import { parseKinerjaValue } from './kinerja-sheet';
import { splitSegments } from './kode';
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

/**
 * The columns a sheet of each kind is read by: offered for correction even when none was found. The
 * arah too: a range target without a written arah is scored as asking to stay inside it.
 */
export const KEY_COLUMNS: Record<Jenis, ColumnRole[]> = {
  anggaran: ['kode', 'uraian', 'anggaran', 'realisasi'],
  kinerja: ['sasaran', 'indikator', 'arah', 'target', 'realisasi'],
};

const ROLE_NAME: Record<SheetRole, string> = { dpa: 'DPA', realisasi: 'realisasi', kinerja: 'kinerja' };

/** What a sheet serves as, for people: “DPA dan realisasi”, “kinerja”, “tidak dipakai”. */
export function describeRoles(peran: readonly SheetRole[]): string {
  const names = peran.map((p) => ROLE_NAME[p]);
  if (names.length === 0) return 'tidak dipakai';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}`;
}

const HEADER_EXAMPLE = '(misalnya “Uraian” dan “Anggaran”, atau “Indikator” dan “Target”)';

/** What a cell holds, to tell a column of figures from one of words. */
type Content = 'figure' | 'text' | 'unclear' | 'empty';

/** An amount on a DPA or realisasi sheet: a number, or text such as `2.700.414.981`; `1.2` and `7.01.01` are row numbers and codes. */
function budgetContent(v: CellValue): Content {
  if (typeof v === 'number') return 'figure';
  if (typeof v !== 'string') return v === null ? 'empty' : 'unclear';
  const amount = parseAmount(v);
  if (amount.kind === 'empty') return 'empty';
  const segments = splitSegments(v);
  // `12` written as text may be an amount or a row's number.
  if (segments?.length === 1) return 'unclear';
  if (segments && segments.slice(1).some((s) => s.length !== 3)) return 'text';
  return amount.kind === 'number' ? 'figure' : 'text';
}

/** A target or realisasi: a figure, a range or a SAKIP grade; a few words without a figure may be a level of a scale (`WTP`, `Sangat Baik`). */
function kinerjaContent(v: CellValue): Content {
  const value = parseKinerjaValue(v, null, { lembar: '', sel: '' });
  if (value === null) return 'empty';
  if (value.nilai !== null || value.rentang !== null) return 'figure';
  if (isCellError(v) || value.teks.split(/\s+/).length <= 3) return 'unclear';
  return 'text';
}

/** The roles whose column must hold figures, and how a cell of each kind of sheet is told. */
const FIGURES: Record<Jenis, { roles: readonly ColumnRole[]; content: (v: CellValue) => Content }> = {
  anggaran: { roles: ['anggaran', 'realisasi', 'realisasiLalu', 'realisasiBulanIni', 'sisa'], content: budgetContent },
  kinerja: { roles: ['target', 'realisasi', 'targetRenstra'], content: kinerjaContent },
};

/** The column every row of a table names itself in: rows without it (a signature block under the table) are not the table's. */
const NAME_ROLE: Record<Jenis, ColumnRole> = { anggaran: 'uraian', kinerja: 'indikator' };

/** The column's cells on the table's rows hold words and no figure: a column of names or row numbers given for an amount. */
function holdsOnlyText(values: CellValue[][], header: HeaderMatch<string>, c: number, jenis: Jenis): boolean {
  const named = (header.columns as Partial<Record<ColumnRole, number>>)[NAME_ROLE[jenis]];
  const { content } = FIGURES[jenis];
  let text = false;
  for (let r = header.row + header.height; r < values.length; r++) {
    const name = named === undefined ? undefined : (values[r]?.[named] ?? null);
    if (name === null || name === '') continue;
    const kind = content(values[r]?.[c] ?? null);
    if (kind === 'figure') return false;
    text ||= kind === 'text';
  }
  return text;
}

/**
 * The user's columns over the detected ones. One that cannot apply is a problem, and the detected
 * column stays: a role that does not belong to the sheet, an empty column, words where figures are
 * read, a column another correction or a column the sheet is read by already takes.
 */
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
  const given: R[] = [];
  const at = (role: ColumnRole) => ['kolom', grid.name, 'kolom', role];
  for (const [role, letter] of Object.entries(override.kolom) as [ColumnRole, string][]) {
    const c = columnIndex(letter) - grid.origin.col;
    if (!(allowed as readonly string[]).includes(role)) masalah.push(new SettingError(at(role), `tidak berlaku untuk lembar ${jenis}`));
    else if (c < 0 || c >= width) masalah.push(new SettingError(at(role), `menunjuk kolom ${letter}, yang kosong di lembar ${quotedName(grid.name)}`));
    else if (FIGURES[jenis].roles.includes(role) && holdsOnlyText(values, header, c, jenis)) {
      masalah.push(new SettingError(at(role), `menunjuk kolom ${letter}, yang berisi teks, bukan angka`));
    } else {
      columns[role as R] = c;
      given.push(role as R);
    }
  }
  // Checked once every correction is in place, so that two columns may change places. The user's
  // word goes before detection's, except over a column the sheet is read by.
  const roles = () => Object.keys(columns) as R[];
  for (const role of given) {
    const sharing = (o: R) => o !== role && columns[o] === columns[role];
    const clash = roles().find((o) => sharing(o) && (given.includes(o) ? given.indexOf(o) < given.indexOf(role) : KEY_COLUMNS[jenis].includes(o)));
    if (clash === undefined) {
      for (const o of roles()) if (sharing(o) && !given.includes(o)) delete columns[o];
      continue;
    }
    masalah.push(new SettingError(at(role), `menunjuk kolom ${override.kolom[role]}, yang sudah dipakai untuk ${COLUMN_LABEL[clash]}`));
    // Back to its detected column, unless another role now reads that one.
    const detected = header.columns[role];
    if (detected === undefined || roles().some((o) => o !== role && columns[o] === detected)) delete columns[role];
    else columns[role] = detected;
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
    const override = Object.hasOwn(settings.kolom, grid.name) ? settings.kolom[grid.name] : undefined;
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
