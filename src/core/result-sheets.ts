import { CellValue, Grid, MAX_SHEET_NAME } from './grid';

/** Names of the sheets the tool writes start with this; which of them are its own, only the record says. */
export const RESULT_PREFIX = 'HC ';

/**
 * The tables the tool writes, by id: the sheet each goes to (at most 31 characters, as Excel
 * requires), its number in the seed's chapter III, its caption (the year is added where it has
 * one), and the first cells of its header. The number, the caption and the header's first cells
 * also tell a sheet of ours by its content when the record is lost (another program saved the
 * workbook) or the user kept it.
 */
export const RESULT_TABLES = {
  'pengukuran-kinerja': { sheet: 'HC Pengukuran Kinerja', nomor: 'Tabel 3.2', caption: 'Pengukuran Realisasi Kinerja', header: ['No', 'Sasaran Strategis', 'Indikator Sasaran'] },
  'kinerja-keluaran': {
    sheet: 'HC Kinerja Kegiatan',
    nomor: null,
    caption: 'Capaian Indikator Kegiatan dan Sub Kegiatan',
    header: ['No', 'Program/Kegiatan/Sub Kegiatan', 'Indikator Kinerja Keluaran'],
  },
  'perbandingan-tahun': {
    sheet: 'HC Perbandingan Tahun',
    nomor: 'Tabel 3.3',
    caption: 'Perbandingan Realisasi Kinerja Sasaran',
    header: ['Sasaran Strategis', 'Indikator Sasaran', 'Realisasi'],
  },
  'program-pendukung': {
    sheet: 'HC Program Pendukung',
    nomor: 'Tabel 3.6',
    caption: 'Program Pendukung Sasaran',
    header: ['Sasaran', 'Program/Kegiatan/Sub Kegiatan Pendukung Sasaran', 'Anggaran (Rp)'],
  },
  efisiensi: {
    sheet: 'HC Efisiensi',
    nomor: 'Tabel 3.7',
    caption: 'Efisiensi Penggunaan Sumber Daya',
    header: ['Sasaran', '% Capaian Kinerja', '% Serapan Anggaran'],
    // % capaian against % serapan, per sasaran: the body's first column names the bars, the next two are the series.
    chart: { title: 'Capaian Kinerja dan Serapan Anggaran per Sasaran (%)', categories: 0, series: [1, 2] },
  },
  predikat: { sheet: 'HC Predikat', nomor: 'Tabel 3.8', caption: 'Rekapitulasi Predikat Capaian Kinerja', header: ['Sasaran/Indikator Sasaran', '% Capaian', 'Predikat Kinerja'] },
  'realisasi-anggaran': { sheet: 'HC Realisasi Anggaran', nomor: 'Tabel 3.9', caption: 'Realisasi Anggaran', header: ['No', 'Program/Kegiatan/Sub Kegiatan', 'Anggaran (Rp)'] },
  'belanja-operasi-modal': {
    sheet: 'HC Belanja Operasi Modal',
    nomor: null,
    caption: 'Realisasi Belanja Operasi dan Belanja Modal',
    header: ['Jenis Belanja', 'Anggaran (Rp)', '% dari Total Anggaran'],
  },
  'alokasi-anggaran': { sheet: 'HC Alokasi Anggaran', nomor: null, caption: 'Alokasi Anggaran per Sasaran', header: ['Sasaran', 'Program/Kegiatan Pendukung', 'Anggaran (Rp)'] },
  narasi: { sheet: 'HC Narasi', nomor: null, caption: 'Narasi Bab III', header: ['Letak dalam laporan', 'Teks'] },
  pemeriksaan: { sheet: 'HC Pemeriksaan', nomor: null, caption: 'Hasil Pemeriksaan', header: ['Tingkat', 'Jenis', 'Lembar', 'Sel'] },
  // A kabupaten's recap of many books (src/core/rekap), in a workbook of its own.
  'rekap-opd': { sheet: 'HC Rekap OPD', nomor: null, caption: 'Rekapitulasi Perangkat Daerah', header: ['No', 'Perangkat Daerah', 'Berkas', 'Tahun'] },
  'rekap-kinerja': {
    sheet: 'HC Rekap Kinerja',
    nomor: null,
    caption: 'Rekapitulasi Capaian Kinerja per Perangkat Daerah',
    header: ['No', 'Perangkat Daerah', 'Jumlah Sasaran', 'Jumlah Indikator'],
  },
  'rekap-anggaran': {
    sheet: 'HC Rekap Anggaran',
    nomor: null,
    caption: 'Rekapitulasi Realisasi Anggaran per Perangkat Daerah',
    header: ['No', 'Perangkat Daerah', 'Pagu Anggaran (Rp)', 'Realisasi (Rp)'],
  },
  'rekap-galat': { sheet: 'HC Rekap Galat', nomor: null, caption: 'Daftar Galat per Perangkat Daerah', header: ['No', 'Perangkat Daerah', 'Berkas', 'Lembar'] },
} as const satisfies Record<string, ResultTableSpec>;

/** What the registry says of a table. */
interface ResultTableSpec {
  sheet: string;
  nomor: string | null;
  caption: string;
  header: readonly string[];
  /** A clustered column chart beside the table: the body column naming the bars, and the columns charted. */
  chart?: ChartSpec;
}

export interface ChartSpec {
  title: string;
  categories: number;
  series: readonly number[];
}

/** The number a table goes by in the report (`Tabel 3.2`), or its caption where it has none: how the narrative and other tables refer to it. */
export const tableRef = (id: TableId): string => RESULT_TABLES[id].nomor ?? RESULT_TABLES[id].caption;

export type TableId = keyof typeof RESULT_TABLES;

/** One sheet per table, by table id. */
export const RESULT_SHEETS = Object.fromEntries(Object.entries(RESULT_TABLES).map(([id, t]) => [id, t.sheet])) as { [K in TableId]: (typeof RESULT_TABLES)[K]['sheet'] };

const cellString = (v: CellValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * The table of ours a sheet holds, told by its content: our caption (with or without its year) in
 * the first cell of one of the top rows, and our header's first cells (all but one of them) a few
 * rows below. Null for a sheet of anyone else. `values` as a host reads them, merges filled or not.
 */
export function resultTableOf(values: readonly (readonly (CellValue | undefined)[] | undefined)[]): TableId | null {
  const top = Math.min(values.length, 6);
  for (let r = 0; r < top; r++) {
    const first = cellString(values[r]?.[0]);
    if (first === '') continue;
    for (const [id, t] of Object.entries(RESULT_TABLES) as [TableId, (typeof RESULT_TABLES)[TableId]][]) {
      if (first !== t.caption && !(first.startsWith(`${t.caption} `) && first.length <= t.caption.length + 60)) continue;
      // The header's first cells, all but one of them (a user may have retitled a column of ours).
      const needed = Math.max(2, t.header.length - 1);
      for (let h = r + 1; h <= r + 3 && h < values.length; h++) {
        if (t.header.filter((text, c) => cellString(values[h]?.[c]) === text).length >= needed) return id;
      }
    }
  }
  return null;
}

/**
 * Which sheets of a workbook the tool wrote, and what they held when it wrote them: only these are
 * ever replaced. Every host keeps it in the workbook as the custom XML part below.
 */
export interface ResultRecord {
  versi: 1;
  lembar: OwnedSheet[];
  /** The part is the record but cannot be read (DAMAGED_RECORD says so); never written. */
  rusak?: true;
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

/** The record from its JSON; null when the JSON is damaged or of another version. */
export function parseRecord(json: string | null | undefined): ResultRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(json ?? '');
  } catch {
    return null;
  }
  const record = data as { versi?: unknown; lembar?: unknown } | null;
  if (typeof record !== 'object' || record === null || record.versi !== 1 || !Array.isArray(record.lembar)) return null;
  const lembar = (record.lembar as Partial<OwnedSheet>[]).filter(
    (s): s is OwnedSheet =>
      typeof s === 'object' && s !== null && typeof s.nama === 'string' && typeof s.sidik === 'string' && typeof s.tabel === 'string' && Object.hasOwn(RESULT_TABLES, s.tabel),
  );
  return { versi: 1, lembar: lembar.map(({ nama, tabel, sidik }) => ({ nama, tabel, sidik })) };
}

export function serializeRecord(record: ResultRecord): string {
  return JSON.stringify(record);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The custom XML part that holds the record, as every host writes it. */
export function recordXml(record: ResultRecord): string {
  return `<${RECORD_ELEMENT} xmlns="${RECORD_NAMESPACE}">${escapeXml(serializeRecord(record))}</${RECORD_ELEMENT}>`;
}

/** What a record part that cannot be read is said as, once: our earlier sheets are then the user's. */
export const DAMAGED_RECORD = 'Catatan lembar hasil Hitung Capaian di buku kerja ini rusak; lembar hasil yang lama dianggap milik Anda dan tidak diubah.';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character XML allows (XML 1.0 §2.2): a reference to any other makes the part damaged. */
const xmlChar = (n: number) => n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

/** Character and entity references replaced; null when one names no character XML allows or no entity it knows. */
const REFERENCE = /&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z]{1,8});/g;

function unescapeXml(text: string): string | null {
  // An ampersand that starts no reference is not well-formed XML.
  let bad = text.replace(REFERENCE, '').includes('&');
  const out = text.replace(REFERENCE, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? ((bad = true), whole);
    const n = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!xmlChar(n)) {
      bad = true;
      return whole;
    }
    return String.fromCodePoint(n);
  });
  return bad ? null : out;
}

/** Where the root element starts, after whitespace, an XML declaration and comments; -1 when something else stands there. */
function rootStart(xml: string): number {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else return xml[i] === '<' ? i : -1;
  }
}

/**
 * The record from a custom XML part's text, as a host gives it back (with or without a
 * declaration, the element prefixed or not): null when the part is not the record, an empty
 * record saying it is damaged when it is but cannot be read. Read in one pass over the text, so
 * no part, however made, costs more than its length.
 */
export function recordFromXml(xml: string): ResultRecord | null {
  const start = rootStart(xml);
  if (start < 0) return null;
  const tagEnd = xml.indexOf('>', start);
  if (tagEnd < 0) return null;
  const tag = xml.slice(start + 1, tagEnd);
  const name = /^(?:([\w.-]+):)?([\w.-]+)/.exec(tag);
  if (!name || name[2] !== RECORD_ELEMENT) return null;
  const prefix = name[1];
  const attributes = tag.slice(name[0].length);
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  const declared = attributes
    .split(/\s+/)
    .some((a) => a.startsWith(`${declaration}=`) && (a.slice(declaration.length + 1) === `"${RECORD_NAMESPACE}"` || a.slice(declaration.length + 1) === `'${RECORD_NAMESPACE}'`));
  if (!declared) return null;
  const damaged: ResultRecord = { ...EMPTY_RECORD, rusak: true };
  if (tag.endsWith('/')) return damaged;
  const close = xml.lastIndexOf('</');
  if (close <= tagEnd || !/^<\/(?:[\w.-]+:)?lembarHasil\s*>\s*$/.test(xml.slice(close, close + 200)) || xml.length - close > 200) return damaged;
  const content = xml.slice(tagEnd + 1, close);
  const trimmed = content.trim();
  if (trimmed.startsWith('<![CDATA[') && trimmed.endsWith(']]>')) return parseRecord(trimmed.slice(9, -3)) ?? damaged;
  if (content.includes('<')) return damaged;
  const json = unescapeXml(content);
  return json === null ? damaged : (parseRecord(json) ?? damaged);
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

/** The sheets of ours as a workbook bears them out, for every host. */
export interface Ownership extends ExistingSheets {
  catatan: readonly string[];
  /** What the engine reads: every sheet but ours. */
  userGrids: Grid[];
}

/**
 * The record read against the sheets themselves: a sheet it names counts as ours only while it
 * holds the table the record says (told by content) or nothing at all, so a record that names a sheet of the user's
 * (forged, or left by another tool) never deletes, replaces or skips it; each such sheet, and a
 * record that cannot be read, is said once in `catatan`.
 */
export function ownership(grids: readonly Grid[], sheetNames: readonly string[], found: ResultRecord): Ownership {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const foreign: string[] = [];
  const lembar = found.lembar.filter((s) => {
    const grid = byName.get(s.nama);
    // Emptied (a rewrite Excel stopped half-way): nothing of anyone's is on it.
    if (!grid || grid.values.every((row) => (row ?? []).every((v) => v === null || v === '')) || resultTableOf(fromA1(grid)) === s.tabel) return true;
    foreign.push(s.nama);
    return false;
  });
  const record: ResultRecord = { versi: 1, lembar };
  const catatan = found.rusak ? [DAMAGED_RECORD] : [];
  for (const name of foreign) {
    catatan.push(`Lembar “${name}” tercatat sebagai lembar hasil Hitung Capaian, tetapi isinya bukan tabel Hitung Capaian; lembar itu dianggap milik Anda dan tidak diubah.`);
  }
  return { sheetNames, record, fingerprints: fingerprintsOf(grids, record), catatan, userGrids: userSheets(grids, record) };
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
  /** What the user is told about the record: damaged, or naming sheets that are not ours. */
  catatan?: readonly string[];
}

/** Sheets of ours, still in the workbook, whose values are no longer those written (or could not be read). */
export function editedSheets({ sheetNames, record, fingerprints }: ExistingSheets): string[] {
  const present = new Set(sheetNames);
  return record.lembar.filter((s) => present.has(s.nama) && fingerprints.get(s.nama) !== s.sidik).map((s) => s.nama);
}

export interface ReplacementRequest extends ExistingSheets {
  /** The tables to write, in order, with the fingerprint of the values each will hold. */
  tables: readonly { tabel: TableId; sidik: string }[];
  /** Our sheets the user changed that stay (editedSheets, or none where the user chose to replace them). */
  edited: readonly string[];
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

/**
 * A name as Excel compares sheet names, without regard to case, Unicode's included: upper then lower
 * case folds the Kelvin sign K (U+212A) with K, ſ with S, ß with SS, final σ with Σ. NFC first: é
 * written as e and a combining accent is taken to be é, so a name taken in either spelling is never
 * given again. Two names with the same key are never both given to sheets of one workbook.
 */
export const nameKey = (name: string): string => name.normalize('NFC').toUpperCase().toLowerCase();

/** A free sheet name for `wanted`: itself, else `wanted (2)`, `wanted (3)` … within 31 characters; `taken` holds nameKeys. */
export function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(nameKey(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(nameKey(name))) return name;
  }
}

/**
 * What one run does to the sheets of a workbook, for every host: our unchanged sheets go, the new
 * ones take their names (compared without case, as Excel does). A sheet named `HC …` that is not in
 * the record is the user's and is never touched.
 */
export function planReplacement(req: ReplacementRequest): ReplacementPlan {
  const present = new Set(req.sheetNames);
  const edited = [...req.edited];
  const remove = req.record.lembar.map((s) => s.nama).filter((name) => present.has(name) && !edited.includes(name));
  const removed = new Set(remove);
  const taken = new Set(req.sheetNames.filter((n) => !removed.has(n)).map(nameKey));
  const names = req.tables.map(({ tabel }) => {
    const name = freeName(RESULT_SHEETS[tabel], taken);
    taken.add(nameKey(name));
    return name;
  });
  return { remove, edited, names, record: { versi: 1, lembar: req.tables.map(({ tabel, sidik }, i) => ({ nama: names[i], tabel, sidik })) } };
}
