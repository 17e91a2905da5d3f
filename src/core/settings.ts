import { InputError } from './errors';
import { quoted, quotedName } from './findings';
import { columnIndex, MAX_COLS, MAX_ROWS } from './rect';
import { MAX_SHEET_NAME } from './grid';

/** Every setting of a run, in one typed object (SPEC §4 defaults), and the one parser that checks them where they enter. */

export interface PredikatBand {
  /** Lowest capaian (inclusive) that earns this predikat; −∞ for the band without a lower bound. */
  min: number;
  nama: string;
}

export type EfisiensiRule = 'sederhana' | 'berjenjang';

/** What a column of a DPA or realisasi sheet holds. */
export const BUDGET_ROLES = ['kode', 'nomor', 'uraian', 'anggaran', 'realisasi', 'realisasiLalu', 'realisasiBulanIni', 'sisa', 'persen'] as const;
/** What a column of a kinerja sheet holds. */
export const KINERJA_ROLES = ['nomor', 'sasaran', 'indikator', 'satuan', 'arah', 'target', 'realisasi', 'capaian', 'targetRenstra', 'pendukung'] as const;

export type BudgetRole = (typeof BUDGET_ROLES)[number];
export type KinerjaRole = (typeof KINERJA_ROLES)[number];
/** A column's role: the key of an override, never its label. */
export type ColumnRole = BudgetRole | KinerjaRole;

/** A user's correction of what was detected on one sheet. */
export interface SheetOverride {
  /** 1-based sheet row of the (first) header row. */
  barisJudul?: number;
  /** Role → column letter, e.g. { anggaran: 'D', realisasi: 'G' }. */
  kolom?: Partial<Record<ColumnRole, string>>;
}

export type SheetRole = 'dpa' | 'realisasi' | 'kinerja';

export interface Settings {
  /** The year reported on, when the sheets do not tell it (or tell it wrongly); null: read from the sheets. */
  tahun: number | null;
  /** Each indikator capaian is capped at this value in averages; null for no cap. */
  batasCapaian: number | null;
  /** Highest band first, each lower bound below the one before. */
  predikat: PredikatBand[];
  efisiensi: EfisiensiRule;
  /** For the banded rule, in percentage points: capaian − serapan above this is Efisien, below its negative Tidak efisien. */
  ambangEfisiensi: number;
  /** Ordinal scales besides those the core knows (opini BPK, Kurang … Sangat Baik, SAKIP letters), each lowest level first. */
  skalaOrdinal: string[][];
  /** The sheet chosen for a role; null: none, the role is left out (no realisasi sheet, say). */
  lembar: Partial<Record<SheetRole, string | null>>;
  kolom: Record<string, SheetOverride>;
}

export const DEFAULT_PREDIKAT: PredikatBand[] = [
  { min: 90, nama: 'Sangat Tinggi' },
  { min: 76, nama: 'Tinggi' },
  { min: 66, nama: 'Sedang' },
  { min: 51, nama: 'Rendah' },
  { min: Number.NEGATIVE_INFINITY, nama: 'Sangat Rendah' },
];

export const DEFAULT_SETTINGS: Settings = {
  tahun: null,
  batasCapaian: 100,
  predikat: DEFAULT_PREDIKAT,
  efisiensi: 'sederhana',
  ambangEfisiensi: 5,
  skalaOrdinal: [],
  lembar: {},
  kolom: {},
};

export function withDefaults(partial: Partial<Settings> | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    // JSON has no -Infinity: a band saved without a lower bound comes back as null.
    predikat: (partial?.predikat ?? DEFAULT_PREDIKAT).map((b) => ({ nama: b.nama, min: b.min ?? Number.NEGATIVE_INFINITY })).sort((a, b) => b.min - a.min),
    lembar: { ...partial?.lembar },
    kolom: { ...partial?.kolom },
  };
}

/** Where a setting sits, e.g. ['kolom', 'DPA 2024', 'barisJudul'] or ['predikat', 1, 'min']. */
export type SettingPath = readonly (string | number)[];

/** A setting that cannot be used: which one, and why (a clause the pane shows beside its field). */
export class SettingError extends InputError {
  /** The other fields found unusable in the same check (parseSettings checks every field). */
  others: SettingError[] = [];

  constructor(
    readonly field: SettingPath,
    readonly alasan: string,
  ) {
    super(field.length === 0 ? `Pengaturan ${alasan}.` : `Pengaturan ${quotedName(pathText(field))} ${alasan}.`);
    this.name = 'SettingError';
  }
}

export const pathText = (field: SettingPath) => field.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** A value as the user wrote it, for a message; a list or an object by its kind, however large or deep. */
const shown = (v: unknown) => (typeof v === 'string' ? quoted(v) : Array.isArray(v) ? 'daftar [ … ]' : isRecord(v) ? 'objek { … }' : String(v));

const MAX_BANDS = 10;
/** The years a report can be about. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** Capaian and its thresholds are percentages; beyond this a value is a typing slip. */
const MAX_PERCENT = 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function record(v: unknown, at: SettingPath, known?: readonly string[]): Record<string, unknown> {
  if (!isRecord(v)) throw new SettingError(at, `harus berupa objek { … }, bukan ${shown(v)}`);
  if (known) {
    const unknown = Object.keys(v).find((k) => !known.includes(k));
    if (unknown !== undefined) throw new SettingError([...at, unknown], `tidak dikenal; yang dikenal: ${known.join(', ')}`);
  }
  return v;
}

/**
 * A number as a clerk types it, the one reading of every number field: Indonesian thousands
 * (`1.000`, `1.000.000`) and decimals (`90,5`, `1.000,5`), a point before anything but groups of
 * three as a decimal point (`90.5`), and where `percent`, a trailing `%` (`66%`). Null for
 * anything else.
 */
export function parseAngka(text: string, percent = false): number | null {
  const t = (percent ? text.trim().replace(/\s*%$/, '') : text).trim();
  let plain: string | null = null;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?(\d+|\d*,\d+)$/.test(t)) plain = t.replace(',', '.');
  else if (/^[+-]?\d*\.\d+$/.test(t)) plain = t;
  const n = plain === null ? NaN : Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** A number field: a number, or text as a clerk types it (parseAngka), within [min, max]. */
function number(v: unknown, at: SettingPath, min: number, max: number, what = 'angka', percent = false): number {
  if (v === undefined || (typeof v === 'string' && v.trim() === '')) throw new SettingError(at, `harus diisi dengan ${what}`);
  const n = typeof v === 'string' ? parseAngka(v, percent) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new SettingError(at, `harus berupa ${what}, bukan ${shown(v)}`);
  // A year is written without a thousands separator.
  const shownNumber = (x: number) => (what === 'tahun' ? String(x) : x.toLocaleString('id-ID'));
  if (n < min || n > max) throw new SettingError(at, `harus antara ${min} dan ${shownNumber(max)}, bukan ${shownNumber(n)}`);
  return n;
}

/** Runs `read`, keeping a SettingError it throws among `errors` (undefined then): so every field is checked, not only the first bad one. */
function attempt<T>(errors: SettingError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof SettingError)) throw e;
    errors.push(e);
    return undefined;
  }
}

function text(v: unknown, at: SettingPath, max: number): string {
  if (typeof v !== 'string' || v.trim() === '') throw new SettingError(at, `harus berupa teks yang tidak kosong, bukan ${shown(v)}`);
  if (v.length > max) throw new SettingError(at, `paling panjang ${max} huruf`);
  return v;
}

function columnLetter(v: unknown, at: SettingPath): string {
  const letter = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (!/^[A-Z]{1,3}$/.test(letter) || columnIndex(letter) >= MAX_COLS) throw new SettingError(at, `harus berupa huruf kolom seperti “D”, bukan ${shown(v)}`);
  return letter;
}

function predikat(v: unknown, errors: SettingError[]): PredikatBand[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_BANDS) {
    throw new SettingError(['predikat'], `harus berupa daftar 1 sampai ${MAX_BANDS} predikat [{ "nama": …, "min": … }]`);
  }
  const before = errors.length;
  const bands = v.map((b: unknown, i) => {
    const band = attempt(errors, () => record(b, ['predikat', i], ['nama', 'min']));
    if (!band) return { nama: undefined, min: undefined };
    const nama = attempt(errors, () => text(band.nama, ['predikat', i, 'nama'], 40));
    const open = band.min === null || band.min === Number.NEGATIVE_INFINITY;
    const min = open ? Number.NEGATIVE_INFINITY : attempt(errors, () => number(band.min, ['predikat', i, 'min'], 0, MAX_PERCENT, 'angka', true));
    return { nama, min };
  });
  bands.forEach((b, i) => {
    const twin = b.nama === undefined ? -1 : bands.findIndex((o) => o.nama?.trim().toLowerCase() === b.nama!.trim().toLowerCase());
    if (twin >= 0 && twin < i) errors.push(new SettingError(['predikat', i, 'nama'], `sama dengan nama predikat ke-${twin + 1}`));
    // Against the nearest band above that can be read, so that one band out of order is said beside others that cannot be read.
    const above = bands
      .slice(0, i)
      .reverse()
      .find((o) => o.min !== undefined);
    if (b.min === undefined || !above || b.min < above.min!) return;
    const why =
      above.min === Number.NEGATIVE_INFINITY
        ? `tidak dapat berada di bawah ${quotedName(above.nama ?? '')}, yang tanpa batas bawah`
        : `harus lebih kecil dari batas bawah ${quotedName(above.nama ?? '')} (${above.min!.toLocaleString('id-ID')})`;
    errors.push(new SettingError(['predikat', i, 'min'], why));
  });
  return errors.length > before ? undefined : (bands as PredikatBand[]);
}

function kolom(v: unknown, errors: SettingError[]): Record<string, SheetOverride> | undefined {
  const sheets = record(v, ['kolom']);
  const before = errors.length;
  // Pairs, not assignments: a sheet named “__proto__” is a key like any other, not the object's prototype.
  const out: [string, SheetOverride][] = [];
  for (const [sheet, raw] of Object.entries(sheets)) {
    const at = ['kolom', sheet];
    if (attempt(errors, () => text(sheet, at, MAX_SHEET_NAME)) === undefined) continue;
    const o = attempt(errors, () => record(raw, at, ['barisJudul', 'kolom']));
    if (!o) continue;
    const override: SheetOverride = {};
    if (o.barisJudul !== undefined) {
      const row = attempt(errors, () => {
        const n = number(o.barisJudul, [...at, 'barisJudul'], 1, MAX_ROWS, 'nomor baris');
        if (!Number.isInteger(n)) throw new SettingError([...at, 'barisJudul'], `harus berupa nomor baris bulat, bukan ${n.toLocaleString('id-ID')}`);
        return n;
      });
      if (row !== undefined) override.barisJudul = row;
    }
    if (o.kolom !== undefined) {
      const roles = attempt(errors, () => record(o.kolom, [...at, 'kolom']));
      const columns: Partial<Record<ColumnRole, string>> = {};
      for (const [role, letter] of Object.entries(roles ?? {})) {
        if (!isColumnRole(role)) {
          errors.push(
            new SettingError([...at, 'kolom', role], `bukan peran kolom yang dikenal; yang dikenal: ${[...new Set<string>([...BUDGET_ROLES, ...KINERJA_ROLES])].join(', ')}`),
          );
          continue;
        }
        const column = attempt(errors, () => columnLetter(letter, [...at, 'kolom', role]));
        if (column !== undefined) columns[role] = column;
      }
      override.kolom = columns;
    }
    out.push([sheet, override]);
  }
  return errors.length > before ? undefined : Object.fromEntries(out);
}

const MAX_SCALES = 20;
const MAX_LEVELS = 20;

/** Ordinal scales, each a list of at least two distinct levels, lowest first. */
function skalaOrdinal(v: unknown): string[][] {
  const wanted = `harus berupa daftar skala, masing-masing daftar tingkatan dari yang terendah, misalnya [["Kurang", "Cukup", "Baik"]]`;
  if (!Array.isArray(v) || v.length > MAX_SCALES) throw new SettingError(['skalaOrdinal'], wanted);
  return v.map((scale: unknown, i) => {
    if (!Array.isArray(scale) || scale.length < 2 || scale.length > MAX_LEVELS) throw new SettingError(['skalaOrdinal', i], `harus berupa daftar 2 sampai ${MAX_LEVELS} tingkatan`);
    const levels = scale.map((level: unknown, j) => text(level, ['skalaOrdinal', i, j], 60).trim());
    levels.forEach((level, j) => {
      const twin = levels.findIndex((o) => o.toLowerCase() === level.toLowerCase());
      if (twin < j) throw new SettingError(['skalaOrdinal', i, j], `sama dengan tingkatan ke-${twin + 1}`);
    });
    return levels;
  });
}

const isColumnRole = (role: string): role is ColumnRole => (BUDGET_ROLES as readonly string[]).includes(role) || (KINERJA_ROLES as readonly string[]).includes(role);

const KEYS = ['batasCapaian', 'predikat', 'efisiensi', 'ambangEfisiensi', 'skalaOrdinal', 'lembar', 'kolom', 'tahun'] as const;
const RULES: readonly EfisiensiRule[] = ['sederhana', 'berjenjang'];
const SHEET_ROLES: readonly SheetRole[] = ['dpa', 'realisasi', 'kinerja'];

/**
 * Settings from anywhere they enter (a --pengaturan file, the workbook's saved settings, the task
 * pane), checked field by field. Only the fields given are in the result; a field that cannot be
 * used, or one not known, is a SettingError naming it, carrying those of the other fields (`others`).
 */
export function parseSettings(value: unknown): Partial<Settings> {
  const s = record(value, [], KEYS);
  const out: Partial<Settings> = {};
  const errors: SettingError[] = [];
  const checked = (read: () => void) => attempt(errors, read);
  checked(() => {
    if (s.tahun === undefined) return;
    if (s.tahun === null) out.tahun = null;
    else {
      const tahun = number(s.tahun, ['tahun'], MIN_YEAR, MAX_YEAR, 'tahun');
      if (!Number.isInteger(tahun)) throw new SettingError(['tahun'], `harus berupa tahun bulat seperti 2024, bukan ${tahun}`);
      out.tahun = tahun;
    }
  });
  checked(() => {
    if (s.batasCapaian !== undefined) out.batasCapaian = s.batasCapaian === null ? null : number(s.batasCapaian, ['batasCapaian'], 1, MAX_PERCENT, 'angka', true);
  });
  checked(() => {
    if (s.predikat === undefined) return;
    const bands = predikat(s.predikat, errors);
    if (bands) out.predikat = bands;
  });
  checked(() => {
    if (s.efisiensi === undefined) return;
    if (!RULES.includes(s.efisiensi as EfisiensiRule)) throw new SettingError(['efisiensi'], `harus “sederhana” atau “berjenjang”, bukan ${shown(s.efisiensi)}`);
    out.efisiensi = s.efisiensi as EfisiensiRule;
  });
  checked(() => {
    if (s.ambangEfisiensi !== undefined) out.ambangEfisiensi = number(s.ambangEfisiensi, ['ambangEfisiensi'], 0, 100, 'angka poin persen', true);
  });
  checked(() => {
    if (s.skalaOrdinal !== undefined) out.skalaOrdinal = skalaOrdinal(s.skalaOrdinal);
  });
  checked(() => {
    if (s.lembar === undefined) return;
    const lembar = record(s.lembar, ['lembar'], SHEET_ROLES);
    const roles: Partial<Record<SheetRole, string | null>> = {};
    for (const role of SHEET_ROLES) {
      const name = lembar[role];
      if (name === null) roles[role] = null;
      else if (name !== undefined) {
        const given = attempt(errors, () => text(name, ['lembar', role], MAX_SHEET_NAME));
        if (given !== undefined) roles[role] = given;
      }
    }
    out.lembar = roles;
  });
  checked(() => {
    if (s.kolom === undefined) return;
    const columns = kolom(s.kolom, errors);
    if (columns) out.kolom = columns;
  });
  if (errors.length > 0) {
    const [first, ...others] = errors;
    first.others = others;
    throw first;
  }
  return out;
}
