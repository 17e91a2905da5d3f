import { countText } from '../../core/decimal';
import { InputError } from '../../core/errors';
import { Grid, Workbook } from '../../core/grid';
import { Progress } from '../../core/compute/engine';
import { ReadBook } from '../../core/run/run';
import { EMPTY_RECORD, ownership, Ownership, recordFromXml, RESULT_TABLES, ResultRecord } from '../../core/result-sheets';
import { CONTENT_TYPES, extensionOf, LIMITS, Package, Relationship } from './package';
import { readPart, readSheet, SheetContext } from './read-sheet';
import { XmlHandler } from './scan';
import { child, children, decodeXstring, NS, root } from './xml';

/** Reads any .xlsx/.xlsm package into the core's grids, with what the writer needs to add to it. */

const REL_TYPE = {
  officeDocument: /\/relationships\/officeDocument$/,
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  worksheet: /\/relationships\/worksheet$/,
  sharedStrings: /\/relationships\/sharedStrings$/,
  styles: /\/relationships\/styles$/,
  customXml: /\/relationships\/customXml$/,
  signature: /\/relationships\/digital-signature\/origin$/,
  printerSettings: /\/relationships\/printerSettings$/,
  drawing: /\/relationships\/drawing$/,
  chart: /\/relationships\/chart$/,
};

/** What a sheet's relationship of each type brings that the tool never writes into its sheets, in words. */
const EXTRAS: [RegExp, string][] = [
  [/\/relationships\/comments$/, 'catatan'],
  [/\/relationships\/threadedComment$/, 'komentar'],
  [/\/relationships\/drawing$/, 'gambar atau bagan'],
  [/\/relationships\/table$/, 'tabel'],
  [/\/relationships\/pivotTable$/, 'PivotTable'],
  [/\/relationships\/hyperlink$/, 'tautan'],
  // The VML drawing that carries notes and form controls: said as those.
  [/\/relationships\/vmlDrawing$/, ''],
];

/** The file extension each kind of workbook must keep for Excel to open it. */
const KIND_BY_CONTENT_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

/** What an OpenDocument spreadsheet (.ods, LibreOffice's own) says it is, in its first part. */
const OPENDOCUMENT_SPREADSHEET = 'application/vnd.oasis.opendocument.spreadsheet';

export interface SheetEntry {
  name: string;
  /** The worksheet part; null for chart sheets and other kinds of sheet, which hold no cells. */
  part: string | null;
  hidden: boolean;
}

export interface XlsxBook {
  pkg: Package;
  workbookPart: string;
  /** `.xlsx`, `.xlsm`, `.xltx` or `.xltm`. */
  extension: string;
  /** Every sheet in workbook order. */
  sheets: SheetEntry[];
  /** Every worksheet's cells, in workbook order. */
  grids: Grid[];
  /** Which sheets are ours: the record, as far as the sheets bear it out. */
  record: ResultRecord;
  /** The sheets of ours and the engine's input, worked out once when the file is read. */
  own: Ownership;
  /** The custom XML part holding the record, when the workbook has one. */
  recordPart: string | null;
  stylesPart: string | null;
  /**
   * Sheets of ours (by the record) that carry what the tool never writes into them — a note, a
   * drawing — and what it is, in words (`catatan, gambar atau bagan`): they are not as written.
   */
  extras: Map<string, string>;
  /** The package carries a digital signature, which the copy breaks. */
  signed: boolean;
  /** The workbook's structure is locked against adding and removing sheets. */
  structureLocked: boolean;
}

/** Excel's built-in number formats that matter to reading: percentages, text, and every date/time. */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  49: '@',
};
// East Asian locales' built-in dates (27–36, 50–58): only their being dates matters here.
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_FORMATS[id] = 'yyyy-mm-dd';

async function contentTypeOf(pkg: Package, part: string): Promise<string | null> {
  if (!pkg.has(CONTENT_TYPES)) return null;
  const types = root(await pkg.xml(CONTENT_TYPES));
  const override = children(types, 'Override').find((o) => (o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase());
  if (override) return override.getAttribute('ContentType');
  const ext = extensionOf(part).toLowerCase();
  return (
    children(types, 'Default')
      .find((d) => (d.getAttribute('Extension') ?? '').toLowerCase() === ext)
      ?.getAttribute('ContentType') ?? null
  );
}

/** The workbook part, or one sentence saying what the package is instead. */
async function findWorkbook(pkg: Package): Promise<{ part: string; extension: string }> {
  const main = (await pkg.relationships('')).find((r) => REL_TYPE.officeDocument.test(r.type));
  if (main?.type === REL_TYPE.strictOfficeDocument) {
    throw new InputError(`Berkas “${pkg.name}” disimpan dalam format Strict Open XML. Buka di Excel dan simpan sebagai “Buku Kerja Excel (.xlsx)”, lalu coba lagi.`);
  }
  const part = main && !main.external && pkg.has(main.target) ? main.target : pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  const type = part ? await contentTypeOf(pkg, part) : null;
  if (part && type === 'application/vnd.ms-excel.sheet.binary.macroEnabled.main') {
    throw new InputError(`Berkas “${pkg.name}” berformat Buku Kerja Biner Excel (.xlsb). Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
  }
  if (part && (type === null || KIND_BY_CONTENT_TYPE[type])) return { part, extension: (type && KIND_BY_CONTENT_TYPE[type]) ?? '.xlsx' };
  if (pkg.has('mimetype') && (await pkg.text('mimetype')).trim() === OPENDOCUMENT_SPREADSHEET) {
    throw new InputError(`Berkas “${pkg.name}” berformat LibreOffice/OpenDocument (.ods): buka di LibreOffice dan simpan sebagai .xlsx (Excel 2007-365), lalu coba lagi.`);
  }
  const what = pkg.has('word/document.xml')
    ? 'dokumen Word'
    : pkg.has('ppt/presentation.xml')
      ? 'presentasi PowerPoint'
      : pkg.has(CONTENT_TYPES)
        ? 'paket Office tanpa buku kerja (tidak ada xl/workbook.xml)'
        : 'arsip ZIP biasa (tidak ada xl/workbook.xml)';
  throw new InputError(`Berkas “${pkg.name}” adalah ${what}, bukan buku kerja Excel: pilih berkas buku kerja Excel (.xlsx) yang berisi lembar DPA, realisasi dan kinerja.`);
}

/** The shared strings as their elements come: each <si>'s text, its phonetic runs left out. */
class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private text_ = '';
  private inT = false;
  private phonetic = false;

  open(name: string): void {
    if (name === 'si') this.text_ = '';
    else if (name === 't') this.inT = !this.phonetic;
    else if (name === 'rPh') this.phonetic = true;
  }

  text(t: string): void {
    if (this.inT) this.text_ += t;
  }

  close(name: string): void {
    if (name === 'si') this.strings.push(decodeXstring(this.text_));
    else if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic = false;
  }
}

async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  return (await readPart(pkg, part, () => new SharedStrings())).strings;
}

/** The number format of each cell style (cellXfs index); null for General. */
async function readFormats(pkg: Package, part: string): Promise<(string | null)[]> {
  const styles = root(await pkg.xml(part));
  const custom = new Map<number, string>();
  for (const f of children(child(styles, 'numFmts') ?? styles, 'numFmt')) custom.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  const xfs = child(styles, 'cellXfs');
  return xfs
    ? children(xfs, 'xf').map((xf) => {
        const id = Number(xf.getAttribute('numFmtId') ?? 0);
        const format = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
        return format === 'General' ? null : format;
      })
    : [];
}

/** The tool's record among the workbook's custom XML parts, and the part holding it. */
async function readRecord(pkg: Package, rels: Relationship[]): Promise<{ record: ResultRecord; part: string | null }> {
  for (const rel of rels) {
    if (!REL_TYPE.customXml.test(rel.type) || rel.external || !pkg.has(rel.target)) continue;
    const record = recordFromXml(await pkg.text(rel.target));
    if (record) return { record, part: rel.target };
  }
  return { record: EMPTY_RECORD, part: null };
}

/**
 * A workbook file's bytes as grids, with what the writer needs to add to it; `name` is the file's
 * name, for messages. `progress` hears of each sheet as it is read.
 */
export async function readXlsx(bytes: Uint8Array, name: string, progress: Progress = () => {}): Promise<XlsxBook> {
  const pkg = await Package.open(bytes, name);
  const { part: workbookPart, extension } = await findWorkbook(pkg);
  const workbook = root(await pkg.xml(workbookPart));
  if (workbook.namespaceURI === NS.strictMain) {
    throw new InputError(`Berkas “${pkg.name}” disimpan dalam format Strict Open XML. Buka di Excel dan simpan sebagai “Buku Kerja Excel (.xlsx)”, lalu coba lagi.`);
  }
  const rels = await pkg.relationships(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const target = (type: RegExp) => rels.find((r) => type.test(r.type) && !r.external && pkg.has(r.target))?.target ?? null;

  const sheetEls = children(child(workbook, 'sheets') ?? workbook, 'sheet');
  if (sheetEls.length > LIMITS.sheets) {
    throw new InputError(`Berkas “${pkg.name}” berisi ${countText(sheetEls.length)} lembar, lebih dari ${countText(LIMITS.sheets)}; buku kerja sebesar itu tidak dibaca.`);
  }
  const sheets: SheetEntry[] = sheetEls.map((s) => {
    const name = s.getAttribute('name') ?? '';
    const id = s.getAttributeNS(NS.rel, 'id') ?? '';
    const rel = byId.get(id);
    const isWorksheet = rel !== undefined && REL_TYPE.worksheet.test(rel.type) && !rel.external;
    if (rel === undefined || (isWorksheet && !pkg.has(rel.target))) {
      throw new InputError(`Berkas “${pkg.name}” rusak: isi lembar “${name}” (${rel?.target ?? id}) tidak ada di dalam berkas.`);
    }
    return { name, part: isWorksheet ? rel.target : null, hidden: (s.getAttribute('state') ?? 'visible') !== 'visible' };
  });
  const pr = child(workbook, 'workbookPr');
  const date1904 = pr?.getAttribute('date1904') === '1' || pr?.getAttribute('date1904') === 'true';
  const stringsPart = target(REL_TYPE.sharedStrings);
  const stylesPart = target(REL_TYPE.styles);
  const ctx: SheetContext = {
    sharedStrings: stringsPart ? await readSharedStrings(pkg, stringsPart) : [],
    formats: stylesPart ? await readFormats(pkg, stylesPart) : [],
    date1904,
  };
  const grids: Grid[] = [];
  for (const s of sheets) {
    if (!s.part) continue;
    progress(`Membaca lembar “${s.name}”…`);
    grids.push(await readSheet(pkg, s.part, s.name, s.hidden, ctx));
  }
  const { record: found, part: recordPart } = await readRecord(pkg, rels);
  const own = ownership(
    grids,
    sheets.map((s) => s.name),
    found,
  );
  const extras = await extrasOf(pkg, sheets, own.record);
  const protection = child(workbook, 'workbookProtection')?.getAttribute('lockStructure');
  return {
    pkg,
    workbookPart,
    extension,
    sheets,
    grids,
    record: own.record,
    own: withExtras(own, extras),
    recordPart,
    stylesPart,
    extras,
    signed: pkg.parts().some((p) => /^_xmlsignatures\//i.test(p)) || (await pkg.relationships('')).some((r) => REL_TYPE.signature.test(r.type)),
    structureLocked: protection === '1' || protection === 'true',
  };
}

/** extras of XlsxBook: what each sheet of ours points to besides its printer settings (and the chart its table has). */
async function extrasOf(pkg: Package, sheets: SheetEntry[], record: ResultRecord): Promise<Map<string, string>> {
  const extras = new Map<string, string>();
  for (const s of sheets) {
    const tabel = record.lembar.find((o) => o.nama === s.name)?.tabel;
    if (!s.part || tabel === undefined) continue;
    const rels: Relationship[] = [];
    const charted = 'chart' in RESULT_TABLES[tabel];
    for (const r of await pkg.relationships(s.part)) if (!REL_TYPE.printerSettings.test(r.type) && !(charted && (await isOurChart(pkg, r)))) rels.push(r);
    const words = rels.map((r) => EXTRAS.find(([type]) => type.test(r.type))?.[1] ?? 'bagian lain');
    const said = [...new Set(words.filter((w) => w !== ''))];
    if (words.length > 0) extras.set(s.name, said.length > 0 ? said.join(', ') : 'kontrol atau gambar');
  }
  return extras;
}

/** The chart the registry gives a table (HC Efisiensi's), as Excel saves it: a drawing holding one anchor, which holds one chart. */
async function isOurChart(pkg: Package, rel: Relationship): Promise<boolean> {
  if (!REL_TYPE.drawing.test(rel.type) || rel.external || !pkg.has(rel.target)) return false;
  const inside = await pkg.relationships(rel.target);
  if (inside.length !== 1 || !REL_TYPE.chart.test(inside[0].type)) return false;
  const drawing = root(await pkg.xml(rel.target));
  return ['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor'].flatMap((name) => children(drawing, name)).length === 1;
}

/**
 * A sheet of ours carrying what the tool never writes (extras) is not as written, whatever its
 * values: its fingerprint says so, so it is asked about or kept as one the user changed.
 */
function withExtras(own: Ownership, extras: Map<string, string>): Ownership {
  if (extras.size === 0) return own;
  const fingerprints = new Map(own.fingerprints);
  for (const [name, extra] of extras) fingerprints.set(name, `${fingerprints.get(name) ?? ''} dengan ${extra}`);
  return { ...own, fingerprints };
}

/** What the workbook holds already, for replacing our sheets. */
export const existingSheets = (book: Pick<XlsxBook, 'own'>): Ownership => book.own;

/** The sheets the engine reads: every worksheet except those of ours. */
export const inputSheets = (book: Pick<XlsxBook, 'own'>): Workbook => ({ sheets: book.own.userGrids });

/** The book as a run's host reads it: a file keeps no settings of a run. */
export const readBookOf = (book: Pick<XlsxBook, 'own'>): ReadBook => ({
  workbook: inputSheets(book),
  existing: existingSheets(book),
  saved: null,
  savedProblem: null,
  catatan: [],
});
