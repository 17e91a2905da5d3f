import { CellValue, cellText, Grid, isCellError, Workbook, valuesWithMergesFilled } from '../grid';
import { columnIndex, columnLetter } from '../rect';
import { quoted, quotedName } from '../findings';
import { countText } from '../decimal';
import { parseAmount } from './amount';
import { HeaderMatch, findHeader, guessBudgetRole, guessKinerjaRole, isColumnNumberingRow, isUnitRow, periodIn, titleYear, yearIn } from './header';
import { headerYears, parseKinerjaValue } from './kinerja-sheet';
import { splitSegments } from './kode';
import { readsRealisasi } from './budget-sheet';
import { findRenjaForm, formBudgetHeader, formKinerjaHeader, RenjaForm } from './renja-form';
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

/** A doubt about a reading, and which figure it touches. */
export interface Keraguan {
  bagian: 'anggaran' | 'kinerja';
  pesan: string;
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

const sheetRow = (grid: Grid, r: number) => grid.origin.row + r + 1;
const letterOf = (grid: Grid, c: number) => columnLetter(grid.origin.col + c);
const lettersOf = (grid: Grid, cols: readonly number[]) => cols.map((c) => letterOf(grid, c)).join(', ');

/** The header's rows, and the rows right under it that are never data (column numbers, units), as a note. */
function headerNote(grid: Grid, values: CellValue[][], header: HeaderMatch<string>): string | null {
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
function unitNotes(grid: Grid, header: HeaderMatch<BudgetRole>): string[] {
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
function periodNote(grid: Grid, header: HeaderMatch<BudgetRole>): string | null {
  if (header.columns.realisasi !== undefined || header.form) return null;
  const periods = header.periods.filter((p) => p.measure === 'realisasi');
  if (periods.length === 0) return null;
  return `Tidak ada kolom realisasi kumulatif (s.d. periode ini): realisasi dijumlahkan dari ${periods.map((p) => p.label).join(', ')} (kolom ${lettersOf(
    grid,
    periods.map((p) => p.col),
  )}).`;
}

/** A kinerja sheet whose realisasi is written per period only. */
function kinerjaPeriodNote(grid: Grid, header: HeaderMatch<KinerjaRole>): string | null {
  const periods = header.periods.filter((p) => p.measure === 'realisasi');
  if (header.columns.realisasi !== undefined || periods.length === 0) return null;
  return `Tidak ada kolom realisasi tahunan atau kumulatif: realisasi tiap indikator dibaca dari ${periods.map((p) => p.label).join(', ')} (kolom ${lettersOf(
    grid,
    periods.map((p) => p.col),
  )}); persentase, indeks dan nilai dari periode terakhir yang terisi, jumlah (dokumen, orang, kegiatan …) dijumlahkan.`;
}

/** What the form is read as, column by column. */
function formNote(grid: Grid, form: RenjaForm): string {
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

/** Doubts about a kinerja sheet as read: most targets or realisasi not values, or indikator named by numbers. */
function kinerjaDoubts(grid: Grid, values: CellValue[][], header: HeaderMatch<KinerjaRole>): Keraguan[] {
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
function periodDoubt<R extends string>(grid: Grid, header: HeaderMatch<R>, bagian: Keraguan['bagian']): Keraguan | null {
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

/**
 * An amount column whose figures do not fit the unit read: a header saying thousands or millions
 * over figures already in whole rupiah (the median row then worth more than Rp 10 miliar), or no
 * unit said over figures in thousands (the median row worth less than Rp 10.000).
 */
function unitDoubt(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): Keraguan | null {
  const col = header.columns.anggaran ?? header.columns.realisasi;
  if (col === undefined) return null;
  const amounts: number[] = [];
  for (let r = header.row + header.height; r < values.length; r++) {
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
function hasRupiahColumns(values: CellValue[][]): boolean {
  for (let r = 0; r < Math.min(values.length, 40); r++) {
    for (const v of values[r] ?? []) if (typeof v === 'string' && /^\(?\s*rp\b/i.test(v.trim())) return true;
  }
  return false;
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
  const namedSheets = new Set([...Object.values(settings.lembar), ...Object.keys(settings.kolom)]);

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
    const form = findRenjaForm(values, forced);
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
      continue;
    }
    const kin = findHeader(values, guessKinerjaRole, isKinerja, forced);
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
      continue;
    }
    const bud = findHeader(values, guessBudgetRole, isBudget, forced);
    if (bud) {
      const f = { grid, values, header: applyOverride(grid, values, bud, override, BUDGET_ROLES, 'anggaran', masalah), rowCount: 0 };
      f.rowCount = countRows(values, f.header);
      budgets.push(f);
      describe(f, 'anggaran');
      const notes = [headerNote(grid, values, f.header), ...unitNotes(grid, f.header), periodNote(grid, f.header)];
      det.catatan.push(...notes.filter((n): n is string => n !== null));
      for (const doubt of [unitDoubt(grid, values, f.header), periodDoubt(grid, f.header, 'anggaran')]) if (doubt) det.keraguan.push(doubt);
    } else if (forced !== undefined) {
      masalah.push(new SettingError(['kolom', grid.name, 'barisJudul'], `menunjuk baris ${override!.barisJudul}, yang tidak berisi judul kolom yang dikenali ${HEADER_EXAMPLE}`));
    } else {
      det.catatan.push(`Tidak ditemukan baris judul kolom yang dikenali ${HEADER_EXAMPLE}.`);
    }
  }

  /** The sheet the user named for a role, when it can serve; otherwise a problem, and detection decides. */
  const named = <R extends ColumnRole>(list: Found<R>[], role: SheetRole, serves: (f: Found<R>) => boolean, needsLabel: string): Found<R> | null => {
    const name = settings.lembar[role];
    if (name === undefined) return null;
    const at = ['lembar', role];
    const f = list.find((x) => x.grid.name === name);
    if (!workbook.sheets.some((s) => s.name === name)) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak ada di buku kerja ini`));
    else if (!f) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang judul kolomnya tidak dikenali sebagai lembar ${ROLE_NAME[role]}`));
    else if (!serves(f)) masalah.push(new SettingError(at, `menunjuk lembar ${quotedName(name)}, yang tidak memiliki kolom ${needsLabel}`));
    else return f;
    return null;
  };
  const largest = <R extends string>(list: Found<R>[]) => list.reduce<Found<R> | null>((best, f) => (!best || f.rowCount > best.rowCount ? f : best), null);

  const kinerja = named(kinerjas, 'kinerja', (f) => f.header.columns.target !== undefined, 'target') ?? largest(kinerjas);
  let realisasi = named(budgets, 'realisasi', (f) => readsRealisasi(f.header), 'realisasi') ?? largest(budgets.filter((b) => readsRealisasi(b.header)));
  let dpa =
    named(budgets, 'dpa', (f) => f.header.columns.anggaran !== undefined, 'anggaran') ??
    largest(budgets.filter((b) => !readsRealisasi(b.header) && b.header.columns.anggaran !== undefined));
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
