import { CellValue, Grid } from './grid';

/** Names of the sheets the tool writes start with this; which of them are its own, only the record says. */
export const RESULT_PREFIX = 'HC ';

/** One sheet per table, by table id; at most 31 characters, as Excel requires. */
export const RESULT_SHEETS = {
  'pengukuran-kinerja': 'HC Pengukuran Kinerja',
  'perbandingan-tahun': 'HC Perbandingan Tahun',
  'program-pendukung': 'HC Program Pendukung',
  efisiensi: 'HC Efisiensi',
  predikat: 'HC Predikat',
  'realisasi-anggaran': 'HC Realisasi Anggaran',
  'belanja-operasi-modal': 'HC Belanja Operasi Modal',
  'alokasi-anggaran': 'HC Alokasi Anggaran',
  narasi: 'HC Narasi',
  pemeriksaan: 'HC Pemeriksaan',
} as const;

export type TableId = keyof typeof RESULT_SHEETS;

/**
 * Which sheets of a workbook the tool wrote, and what they held when it wrote them: only these are
 * ever replaced. Every host keeps it in the workbook as the custom XML part below.
 */
export interface ResultRecord {
  versi: 1;
  lembar: OwnedSheet[];
}

export interface OwnedSheet {
  nama: string;
  tabel: TableId;
  /** fingerprint() of the values written. */
  sidik: string;
}

export const RECORD_NAMESPACE = 'urn:hitung-capaian:lembar-hasil:1';
const RECORD_ELEMENT = 'lembarHasil';

export const EMPTY_RECORD: ResultRecord = { versi: 1, lembar: [] };

/** The record from its JSON; anything damaged or unknown reads as a workbook without sheets of ours. */
export function parseRecord(json: string | null | undefined): ResultRecord {
  let data: unknown;
  try {
    data = JSON.parse(json ?? '');
  } catch {
    return EMPTY_RECORD;
  }
  const record = data as { versi?: unknown; lembar?: unknown } | null;
  if (typeof record !== 'object' || record === null || record.versi !== 1 || !Array.isArray(record.lembar)) return EMPTY_RECORD;
  const lembar = (record.lembar as Partial<OwnedSheet>[]).filter(
    (s): s is OwnedSheet =>
      typeof s === 'object' && s !== null && typeof s.nama === 'string' && typeof s.sidik === 'string' && typeof s.tabel === 'string' && s.tabel in RESULT_SHEETS,
  );
  return { versi: 1, lembar: lembar.map(({ nama, tabel, sidik }) => ({ nama, tabel, sidik })) };
}

export function serializeRecord(record: ResultRecord): string {
  return JSON.stringify(record);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name!] ?? whole),
  );
/** The root element (after an optional declaration and comments), its prefix, attributes and content. */
const RECORD_ROOT = new RegExp(`^\\s*(?:<\\?[^]*?\\?>\\s*)?(?:<!--[^]*?-->\\s*)*<(?:([\\w.-]+):)?${RECORD_ELEMENT}\\b([^>]*)>([^]*)</(?:[\\w.-]+:)?${RECORD_ELEMENT}>\\s*$`);

/** The custom XML part that holds the record, as every host writes it. */
export function recordXml(record: ResultRecord): string {
  return `<${RECORD_ELEMENT} xmlns="${RECORD_NAMESPACE}">${escapeXml(serializeRecord(record))}</${RECORD_ELEMENT}>`;
}

/**
 * The record from a custom XML part's text, as a host gives it back (with or without a
 * declaration, the element prefixed or not): null when the part is not the record, an empty
 * record when it is but its content is damaged.
 */
export function recordFromXml(xml: string): ResultRecord | null {
  const root = RECORD_ROOT.exec(xml);
  if (!root) return null;
  const [, prefix, attributes, content] = root;
  const declared = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])${RECORD_NAMESPACE}\\1`).test(attributes);
  if (!declared) return null;
  const cdata = /^\s*<!\[CDATA\[([^]*)\]\]>\s*$/.exec(content);
  return parseRecord(cdata ? cdata[1] : unescapeXml(content));
}

/**
 * A short hash of a sheet's values as a host reads them back: from A1, empty cells as '', trailing
 * empty rows and columns left out. Two hosts reading the same sheet get the same fingerprint.
 */
export function fingerprint(values: readonly (readonly (CellValue | undefined)[] | undefined)[]): string {
  const rows: string[] = [];
  for (const row of values) {
    const cells: string[] = [];
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const v = row![c];
      // Numbers at Excel's 15 digits: a host that saves the sheet again may write fewer.
      cells.push(v === null || v === undefined || v === '' ? '' : JSON.stringify(typeof v === 'number' ? Number(v.toPrecision(15)) : v));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells.join('\t'));
  }
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  return hash(rows.join('\n'));
}

/** Two 32-bit FNV-1a hashes with different seeds, as 16 hex digits: enough to notice an edit. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** The engine's input: every sheet but those the record says the tool wrote. */
export function userSheets(grids: readonly Grid[], record: ResultRecord): Grid[] {
  const ours = new Set(record.lembar.map((s) => s.nama));
  return grids.filter((g) => !ours.has(g.name));
}

/** fingerprint() of each sheet the record names, as the grids hold it now, by name. */
export function fingerprintsOf(grids: readonly Grid[], record: ResultRecord): Map<string, string> {
  const recorded = new Set(record.lembar.map((s) => s.nama));
  return new Map(grids.filter((g) => recorded.has(g.name)).map((g) => [g.name, fingerprint(fromA1(g))]));
}

/** A grid's values from A1, as fingerprint() takes them (a used range need not start there). */
function fromA1(g: Grid): (CellValue | undefined)[][] {
  if (g.origin.row === 0 && g.origin.col === 0) return g.values;
  const pad = Array<CellValue>(g.origin.col).fill(null);
  return [...Array<CellValue[]>(g.origin.row).fill([]), ...g.values.map((row) => [...pad, ...(row ?? [])])];
}

/** What a workbook holds already that decides how a run replaces our sheets. */
export interface ExistingSheets {
  /** Every sheet in the workbook now, in order. */
  sheetNames: readonly string[];
  record: ResultRecord;
  /** fingerprintsOf() the sheets the record names. */
  fingerprints: ReadonlyMap<string, string>;
}

/** Sheets of ours, still in the workbook, whose values are no longer those written (or could not be read). */
export function editedSheets({ sheetNames, record, fingerprints }: ExistingSheets): string[] {
  const present = new Set(sheetNames);
  return record.lembar.filter((s) => present.has(s.nama) && fingerprints.get(s.nama) !== s.sidik).map((s) => s.nama);
}

export interface ReplacementRequest extends ExistingSheets {
  /** The tables to write, in order, with the fingerprint of the values each will hold. */
  tables: readonly { tabel: TableId; sidik: string }[];
  /** Replace our sheets even where the user changed them since the last run. */
  replaceEdited: boolean;
}

export interface ReplacementPlan {
  /** Our sheets to delete. */
  remove: string[];
  /** Our sheets the user changed since the last run: they stay, and are the user's from now on. */
  edited: string[];
  /** The name of each new sheet, in the order of `tables`. */
  names: string[];
  /** The record to save with the new sheets. */
  record: ResultRecord;
}

const MAX_SHEET_NAME = 31;
const key = (name: string) => name.toUpperCase();

/** A free sheet name for `wanted`: itself, else `wanted (2)`, `wanted (3)` … within 31 characters. */
function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(key(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(key(name))) return name;
  }
}

/**
 * What one run does to the sheets of a workbook, for every host: our unchanged sheets go, the new
 * ones take their names (compared without case, as Excel does). A sheet named `HC …` that is not in
 * the record is the user's and is never touched.
 */
export function planReplacement(req: ReplacementRequest): ReplacementPlan {
  const present = new Set(req.sheetNames);
  const edited = req.replaceEdited ? [] : editedSheets(req);
  const remove = req.record.lembar.map((s) => s.nama).filter((name) => present.has(name) && !edited.includes(name));
  const removed = new Set(remove);
  const taken = new Set(req.sheetNames.filter((n) => !removed.has(n)).map(key));
  const names = req.tables.map(({ tabel }) => {
    const name = freeName(RESULT_SHEETS[tabel], taken);
    taken.add(key(name));
    return name;
  });
  return { remove, edited, names, record: { versi: 1, lembar: req.tables.map(({ tabel, sidik }, i) => ({ nama: names[i], tabel, sidik })) } };
}
