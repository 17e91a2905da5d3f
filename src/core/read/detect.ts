import { CellValue, Grid, Workbook, valuesWithMergesFilled } from '../grid';
import { columnIndex, columnLetter } from '../rect';
import { quotedName } from '../findings';
import { budgetContent, Content, kinerjaContent } from './cell-content';
import { HeaderMatch, findHeader, guessBudgetRole, guessKinerjaRole, titleYear, yearIn } from './header';
import { headerYears } from './kinerja-sheet';
import { readsRealisasi } from './budget-sheet';
import { findRenjaForm, formBudgetHeader, formKinerjaHeader } from './renja-form';
import { formNote, hasRupiahColumns, headerNote, Keraguan, kinerjaDoubts, kinerjaPeriodNote, periodDoubt, periodNote, unitDoubt, unitNotes } from './reading-notes';
import { RESULT_TABLES, resultTableOf } from '../result-sheets';
import { BUDGET_ROLES, BudgetRole, ColumnRole, KINERJA_ROLES, KinerjaRole, SettingError, Settings, SheetOverride, SheetRole } from '../settings';

/** What a sheet's header reads as: a budget table (DPA or realisasi) or a kinerja table. */
export type SheetKind = 'anggaran' | 'kinerja';

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
  kind: SheetKind | null;
  /** 1-based sheet row of the header, null when none was found. */
  barisJudul: number | null;
  kolom: ColumnDecision[];
  /** What was read and how: the form, units, rows skipped, periods summed. */
  catatan: string[];
  /**
   * Why a figure read from this sheet cannot be trusted yet (most targets not values, one period
   * read where a cumulative column exists, a unit the amounts do not fit, Rp columns without a
   * budget): said beside the sheet before any figure, and the summary does not present the figure
   * it touches as final.
   */
  keraguan: Keraguan[];
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
  /** The year reported on, and where the sheets disagree about it, a sentence saying so. */
  tahun: { tahun: number | null; catatan: string | null };
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
export const KEY_COLUMNS: Record<SheetKind, ColumnRole[]> = {
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

/** The roles whose column must hold figures, and how a cell of each kind of sheet is told. */
const FIGURES: Record<SheetKind, { roles: readonly ColumnRole[]; content: (v: CellValue) => Content }> = {
  anggaran: { roles: ['anggaran', 'realisasi', 'realisasiLalu', 'realisasiBulanIni', 'sisa'], content: budgetContent },
  kinerja: { roles: ['target', 'realisasi', 'targetRenstra'], content: kinerjaContent },
};

/** The column every row of a table names itself in: rows without it (a signature block under the table) are not the table's. */
const NAME_ROLE: Record<SheetKind, ColumnRole> = { anggaran: 'uraian', kinerja: 'indikator' };

/** The column's cells on the table's rows hold words and no figure: a column of names or row numbers given for an amount. */
function holdsOnlyText(values: CellValue[][], header: HeaderMatch<string>, c: number, kind: SheetKind): boolean {
  const named = (header.columns as Partial<Record<ColumnRole, number>>)[NAME_ROLE[kind]];
  const { content } = FIGURES[kind];
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
  kind: SheetKind,
  masalah: SettingError[],
): HeaderMatch<R> {
  if (!override?.kolom) return header;
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const columns = { ...header.columns };
  const given: R[] = [];
  const at = (role: ColumnRole) => ['kolom', grid.name, 'kolom', role];
  for (const [role, letter] of Object.entries(override.kolom) as [ColumnRole, string][]) {
    const c = columnIndex(letter) - grid.origin.col;
    if (!(allowed as readonly string[]).includes(role)) masalah.push(new SettingError(at(role), `tidak berlaku untuk lembar ${kind}`));
    else if (c < 0 || c >= width) masalah.push(new SettingError(at(role), `menunjuk kolom ${letter}, yang kosong di lembar ${quotedName(grid.name)}`));
    else if (FIGURES[kind].roles.includes(role) && holdsOnlyText(values, header, c, kind)) {
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
    const clash = roles().find((o) => sharing(o) && (given.includes(o) ? given.indexOf(o) < given.indexOf(role) : KEY_COLUMNS[kind].includes(o)));
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

const isBudget = (c: Partial<Record<BudgetRole, number>>, periods: boolean) => c.uraian !== undefined && (c.anggaran !== undefined || c.realisasi !== undefined || periods);
const isKinerja = (c: Partial<Record<KinerjaRole, number>>) => c.indikator !== undefined && c.target !== undefined;

/** The roles of a form the budget side is corrected by; the others (and realisasi) are the kinerja side's. */
const FORM_BUDGET_ONLY: readonly ColumnRole[] = ['kode', 'uraian', 'anggaran', 'persen', 'sisa', 'realisasiLalu', 'realisasiBulanIni'];

/** The override split between the form's two sides. */
function formOverride(override: SheetOverride | undefined): { budget: SheetOverride | undefined; kinerja: SheetOverride | undefined } {
  if (!override?.kolom) return { budget: undefined, kinerja: override };
  const entries = Object.entries(override.kolom) as [ColumnRole, string][];
  const budget = entries.filter(([role]) => FORM_BUDGET_ONLY.includes(role));
  const kinerja = entries.filter(([role]) => !FORM_BUDGET_ONLY.includes(role));
  return { budget: { kolom: Object.fromEntries(budget) }, kinerja: { ...override, kolom: Object.fromEntries(kinerja) } };
}

/**
 * Decides which sheet is the DPA, the realisasi sheet and the kinerja sheet (SPEC §2), honouring
 * overrides. Nothing is thrown for a setting that cannot be followed: it is listed in `masalah`,
 * so the task pane can show every sheet with the problem beside its field; hitung() refuses to
 * compute with it. A sheet of our own results is never read as data unless the user names it.
 */
export function detectSheets(workbook: Workbook, settings: Settings): Detected {
  const budgets: Found<BudgetRole>[] = [];
  const kinerjas: Found<KinerjaRole>[] = [];
  const deteksi = new Map<string, SheetDetection>();
  const masalah: SettingError[] = [];
  const namedSheets = new Set([...Object.values(settings.lembar).filter((n) => n !== null), ...Object.keys(settings.kolom)]);

  const describe = <R extends ColumnRole>(f: Found<R>, kind: SheetKind, skip: readonly ColumnRole[] = []) => {
    const det = deteksi.get(f.grid.name)!;
    det.kind ??= kind;
    det.barisJudul ??= f.grid.origin.row + f.header.row + 1;
    const more = (Object.entries(f.header.columns) as [R, number][])
      .filter(([role]) => !skip.includes(role) && !det.kolom.some((k) => k.peran === role))
      .map(([role, c]) => ({ peran: role, label: COLUMN_LABEL[role], kolom: columnLetter(f.grid.origin.col + c), judul: f.header.texts[c] ?? '' }));
    det.kolom = [...det.kolom, ...more].sort((a, b) => a.kolom.length - b.kolom.length || a.kolom.localeCompare(b.kolom));
  };

  for (const grid of workbook.sheets) {
    const values = valuesWithMergesFilled(grid);
    const override = Object.hasOwn(settings.kolom, grid.name) ? settings.kolom[grid.name] : undefined;
    const forced = override?.barisJudul ? override.barisJudul - 1 - grid.origin.row : undefined;
    const det: SheetDetection = { lembar: grid.name, peran: [], kind: null, barisJudul: null, kolom: [], catatan: [], keraguan: [] };
    if (grid.hidden) det.catatan.push('Lembar ini tersembunyi.');
    deteksi.set(grid.name, det);
    const ours = resultTableOf(values);
    if (ours !== null && !namedSheets.has(grid.name)) {
      const t = RESULT_TABLES[ours];
      det.catatan.push(
        `Berisi tabel hasil Hitung Capaian (${t.nomor ?? t.caption}), jadi tidak dibaca sebagai data. Bila lembar ini memang berisi data Anda, pilih lembar ini sebagai DPA, realisasi atau kinerja.`,
      );
      continue;
    }
    /** Reads the sheet by the header at `row` (0-based in the grid) or wherever it is found; false when none is. */
    const read = (row: number | undefined): boolean => {
      const form = findRenjaForm(values, row);
      if (form) {
        const split = formOverride(override);
        const kf = { grid, values, header: applyOverride(grid, values, formKinerjaHeader(form), split.kinerja, KINERJA_ROLES, 'kinerja', masalah), rowCount: 0 };
        kf.rowCount = countRows(values, kf.header);
        kinerjas.push(kf);
        describe(kf, 'kinerja', ['pendukung']);
        const budgetHeader = formBudgetHeader(form);
        if (budgetHeader) {
          const bf = { grid, values, header: applyOverride(grid, values, budgetHeader, split.budget, BUDGET_ROLES, 'anggaran', masalah), rowCount: kf.rowCount };
          budgets.push(bf);
          describe(bf, 'anggaran', ['realisasi', 'nomor']);
          det.catatan.push(...unitNotes(grid, bf.header));
          const doubt = unitDoubt(grid, values, bf.header);
          if (doubt) det.keraguan.push(doubt);
        }
        det.catatan.unshift(formNote(grid, form));
        const note = headerNote(grid, values, kf.header);
        if (note) det.catatan.push(note);
        det.keraguan.push(...kinerjaDoubts(grid, values, kf.header));
        return true;
      }
      const kin = findHeader(values, guessKinerjaRole, isKinerja, row);
      if (kin) {
        const f = { grid, values, header: applyOverride(grid, values, kin, override, KINERJA_ROLES, 'kinerja', masalah), rowCount: 0 };
        f.rowCount = countRows(values, f.header);
        kinerjas.push(f);
        describe(f, 'kinerja');
        const notes = [headerNote(grid, values, f.header), kinerjaPeriodNote(grid, f.header)];
        det.catatan.push(...notes.filter((n): n is string => n !== null));
        det.keraguan.push(...kinerjaDoubts(grid, values, f.header));
        const doubt = periodDoubt(grid, f.header, 'kinerja');
        if (doubt) det.keraguan.push(doubt);
        return true;
      }
      const bud = findHeader(values, guessBudgetRole, isBudget, row);
      if (!bud) return false;
      const f = { grid, values, header: applyOverride(grid, values, bud, override, BUDGET_ROLES, 'anggaran', masalah), rowCount: 0 };
      f.rowCount = countRows(values, f.header);
      budgets.push(f);
      describe(f, 'anggaran');
      const notes = [headerNote(grid, values, f.header), ...unitNotes(grid, f.header), periodNote(grid, f.header)];
      det.catatan.push(...notes.filter((n): n is string => n !== null));
      for (const doubt of [unitDoubt(grid, values, f.header), periodDoubt(grid, f.header, 'anggaran')]) if (doubt) det.keraguan.push(doubt);
      return true;
    };
    if (read(forced)) continue;
    if (forced !== undefined) {
      masalah.push(new SettingError(['kolom', grid.name, 'barisJudul'], `menunjuk baris ${override!.barisJudul}, yang tidak berisi judul kolom yang dikenali ${HEADER_EXAMPLE}`));
      // The sheet is read as if that row had not been given: a slip in one sheet's field changes the role of no other sheet.
      if (read(undefined)) continue;
    }
    det.catatan.push(`Tidak ditemukan baris judul kolom yang dikenali ${HEADER_EXAMPLE}.`);
  }

  /**
   * The sheet the user named for a role, when it can serve (otherwise a problem, and detection
   * decides); none where the user chose none (null).
   */
  const chosen = <R extends ColumnRole>(
    list: Found<R>[],
    role: SheetRole,
    serves: (f: Found<R>) => boolean,
    needsLabel: string,
    detected: () => Found<R> | null,
  ): Found<R> | null => {
    const name = settings.lembar[role];
    if (name === null) return null;
    if (name === undefined) return detected();
    const at = ['lembar', role];
    const f = list.find((x) => x.grid.name === name);
    if (!workbook.sheets.some((s) => s.name === name)) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak ada di buku kerja ini`));
    else if (!f) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang judul kolomnya tidak dikenali sebagai lembar ${ROLE_NAME[role]}`));
    else if (!serves(f)) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak memiliki kolom ${needsLabel}`));
    else return f;
    return detected();
  };
  const largest = <R extends string>(list: Found<R>[]) => list.reduce<Found<R> | null>((best, f) => (!best || f.rowCount > best.rowCount ? f : best), null);

  const kinerja = chosen(
    kinerjas,
    'kinerja',
    (f) => f.header.columns.target !== undefined,
    'target',
    () => largest(kinerjas),
  );
  let realisasi = chosen(
    budgets,
    'realisasi',
    (f) => readsRealisasi(f.header),
    'realisasi',
    () => largest(budgets.filter((b) => readsRealisasi(b.header))),
  );
  let dpa = chosen(
    budgets,
    'dpa',
    (f) => f.header.columns.anggaran !== undefined,
    'anggaran',
    () => largest(budgets.filter((b) => !readsRealisasi(b.header) && b.header.columns.anggaran !== undefined)),
  );
  if (!dpa && settings.lembar.dpa !== null && realisasi && realisasi.header.columns.anggaran !== undefined) dpa = realisasi;
  if (dpa && realisasi && dpa !== realisasi && dpa.grid === realisasi.grid) realisasi = dpa;

  for (const [f, peran] of [
    [dpa, 'dpa'],
    [realisasi, 'realisasi'],
    [kinerja, 'kinerja'],
  ] as const) {
    if (f) deteksi.get(f.grid.name)!.peran.push(peran);
  }
  for (const d of deteksi.values()) {
    if (d.peran.length === 0 && d.kind !== null) d.catatan.push('Tidak dipakai: lembar lain dengan peran yang sama lebih lengkap.');
    if (d.peran.length === 0) d.keraguan = [];
  }
  if (!dpa && !realisasi) {
    for (const grid of workbook.sheets) {
      const d = deteksi.get(grid.name)!;
      if (d.peran.length === 0 && !d.catatan.some((c) => c.startsWith('Berisi tabel hasil')) && hasRupiahColumns(valuesWithMergesFilled(grid))) {
        d.keraguan.push({
          bagian: 'anggaran',
          pesan: `Lembar ${quotedName(grid.name)} memiliki kolom Rp, tetapi anggarannya tidak dikenali: serapan dan efisiensi tidak dihitung.`,
        });
      }
    }
  }
  return { dpa, realisasi, kinerja, deteksi: [...deteksi.values()], masalah, tahun: reportYear(settings, { dpa, realisasi, kinerja }) };
}

/**
 * The year reported on: as set, else the first the sheets tell (the kinerja sheet's headers, the
 * title rows of the kinerja, DPA and realisasi sheets, their names); another year told elsewhere is said.
 */
function reportYear(settings: Settings, used: Pick<Detected, 'dpa' | 'realisasi' | 'kinerja'>): Detected['tahun'] {
  const told: { tahun: number; where: string }[] = [];
  const tell = (tahun: number | null, where: string) => {
    if (tahun !== null) told.push({ tahun, where });
  };
  const sheets = [used.kinerja, used.dpa, used.realisasi].filter((f) => f !== null);
  if (used.kinerja) tell(headerYears(used.kinerja.header).tahun, `judul kolom lembar ${quotedName(used.kinerja.grid.name)}`);
  for (const f of sheets) tell(titleYear(f.values, f.header.row), `judul lembar ${quotedName(f.grid.name)}`);
  for (const f of sheets) tell(yearIn(f.grid.name), `nama lembar ${quotedName(f.grid.name)}`);
  const tahun = settings.tahun ?? told[0]?.tahun ?? null;
  const other = told.find((t) => t.tahun !== tahun);
  if (tahun === null || !other) return { tahun, catatan: null };
  const from = settings.tahun !== null ? 'pengaturan' : told[0].where;
  return { tahun, catatan: `Tahun laporan ${tahun} (dari ${from}); ${other.where} menyebut tahun ${other.tahun}. Bila keliru, isi Tahun di pengaturan.` };
}
