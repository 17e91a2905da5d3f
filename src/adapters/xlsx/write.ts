import { countText } from '../../core/decimal';
import { Document, Element } from '@xmldom/xmldom';
import { columnLetter } from '../../core/rect';
import { InputError } from '../../core/errors';
import { RECORD_NAMESPACE, recordXml, ReplacementPlan, ResultRecord } from '../../core/result-sheets';
import { PreparedSheet, SheetLayout } from '../../core/report/sheet-layout';
import { CHART_RELS, CHART_TYPES, chartXml, drawingXml } from './chart-xml';
import { XlsxBook } from './read';
import { CONTENT_TYPES, inFolderOf, LIMITS, PackageCopy, relativeTarget, relsPartOf } from './package';
import { ZipEntry } from '../zip/zip';
import { quotedSheet, worksheetXml } from './sheet-xml';
import { EMPTY_STYLES, StyleSheet } from './styles';
import { addElement, child, children, NS, parseXml, root, serializeXml, XML_DECLARATION } from './xml';

/**
 * Writes the result copy by adding to the input's package: every entry of the original is copied
 * as it was stored (name, compressed bytes and all), the result sheets come as new worksheet parts,
 * and only the package's index parts ([Content_Types].xml, the workbook part and its relationships,
 * docProps/app.xml) change, with the style part growing by appended entries. Our earlier sheets that
 * go take with them the parts only they led to. The copy is written into a file
 * (src/adapters/fs/xlsx-file.ts) or into bytes (the browser page).
 */

const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
};
const REL = {
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  customXml: `${NS.rel}/customXml`,
  customXmlProps: `${NS.rel}/customXmlProps`,
};

/** Where a workbook part's children go after <definedNames>, in schema order. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** A random GUID in capitals, as Office writes a custom XML part's item ID (getRandomValues: randomUUID needs a secure context). */
function guid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();
}

class Index {
  private constructor(
    private readonly book: XlsxBook,
    readonly types: Document,
    readonly workbook: Document,
    readonly rels: Document,
  ) {}

  static async of(book: XlsxBook): Promise<Index> {
    const relsPart = relsPartOf(book.workbookPart);
    return new Index(
      book,
      await book.pkg.xml('[Content_Types].xml'),
      await book.pkg.xml(book.workbookPart),
      book.pkg.has(relsPart) ? await book.pkg.xml(relsPart) : parseXml(`<Relationships xmlns="${NS.packageRels}"/>`),
    );
  }

  get sheetsEl(): Element {
    const wb = root(this.workbook);
    return child(wb, 'sheets') ?? addElement(wb, 'sheets');
  }

  relationship(id: string): Element | undefined {
    return children(root(this.rels), 'Relationship').find((r) => r.getAttribute('Id') === id);
  }

  addRelationship(type: string, part: string): string {
    const taken = new Set(children(root(this.rels), 'Relationship').map((r) => r.getAttribute('Id')));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    addElement(root(this.rels), 'Relationship', { Id: `rId${n}`, Type: type, Target: relativeTarget(this.book.workbookPart, part) });
    return `rId${n}`;
  }

  setOverride(part: string, type: string): void {
    addElement(root(this.types), 'Override', { PartName: '/' + part, ContentType: type });
  }

  removeOverride(part: string): void {
    for (const o of children(root(this.types), 'Override'))
      if ((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) o.parentNode?.removeChild(o);
  }

  hasDefault(extension: string): boolean {
    return children(root(this.types), 'Default').some((d) => (d.getAttribute('Extension') ?? '').toLowerCase() === extension);
  }

  definedNames(): Element {
    const wb = root(this.workbook);
    const found = child(wb, 'definedNames');
    if (found) return found;
    const before = AFTER_DEFINED_NAMES.map((n) => child(wb, n)).find((e) => e !== null) ?? null;
    return addElement(wb, 'definedNames', {}, before);
  }

  relPrefix(): string {
    const wb = root(this.workbook);
    const prefix = wb.lookupPrefix(NS.rel);
    if (prefix) return prefix;
    wb.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:r', NS.rel);
    return 'r';
  }
}

/** A number n above every one in use in the package's part names `dir/base{n}.xml` (numbers past a billion left aside: they cannot be counted on from). */
function freeNumber(book: XlsxBook, dir: string, base: string): number {
  const prefix = `${dir}/${base}`.toLowerCase();
  let n = 1;
  for (const p of book.pkg.parts()) {
    const lower = p.toLowerCase();
    if (!lower.startsWith(prefix) || !lower.endsWith('.xml')) continue;
    const number = Number(lower.slice(prefix.length, -4));
    if (Number.isInteger(number) && number < 1e9) n = Math.max(n, number + 1);
  }
  return n;
}

/** The part a .rels part belongs to: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`, `_rels/.rels` → '' (the package); null for another name. */
function sourceOfRels(rels: string): string | null {
  const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/i.exec(rels);
  if (!m) return null;
  return m[1] === undefined ? m[2] : `${m[1]}/${m[2]}`;
}

/**
 * The parts that go with sheets being removed: each sheet's part and relationships, and every
 * part only they lead to, directly or through others (a note's comments and VML drawing, a
 * drawing with its charts and their styles), so that the copy holds no part nothing points to.
 * A part some other part points to (an image another drawing shows too) stays.
 */
async function partsGoingWith(book: XlsxBook, sheets: string[]): Promise<string[]> {
  const pkg = book.pkg;
  if (!sheets.some((p) => pkg.has(relsPartOf(p)))) return sheets;
  const gone = new Set(sheets.map((p) => pkg.entry(p)));
  // Who points to each part, from every relationship in the package ('' the package itself).
  const pointedFrom = new Map<ZipEntry, Set<ZipEntry | ''>>();
  for (const rels of pkg.parts()) {
    const source = sourceOfRels(rels);
    const from = source === '' ? '' : source === null ? null : pkg.entry(source);
    if (from === null) continue;
    for (const r of await pkg.relationships(source!)) {
      const target = r.external ? null : pkg.entry(r.target);
      if (target === null) continue;
      if (!pointedFrom.has(target)) pointedFrom.set(target, new Set());
      pointedFrom.get(target)!.add(from);
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [target, sources] of pointedFrom) {
      if (gone.has(target) || ![...sources].every((s) => s !== '' && gone.has(s))) continue;
      gone.add(target);
      grew = true;
    }
  }
  return [...gone].flatMap((e) => (e?.name ? [e.name] : []));
}

async function removeSheets(book: XlsxBook, copy: PackageCopy, index: Index, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const sheetEls = children(index.sheetsEl, 'sheet');
  const gone = new Set(names);
  const newIndex: (number | null)[] = [];
  const parts: string[] = [];
  let kept = 0;
  for (const el of sheetEls) {
    if (!gone.has(el.getAttribute('name') ?? '')) {
      newIndex.push(kept++);
      continue;
    }
    newIndex.push(null);
    const id = el.getAttributeNS(NS.rel, 'id') ?? '';
    const rel = index.relationship(id);
    const part = book.sheets.find((s) => s.name === el.getAttribute('name'))?.part;
    if (part) parts.push(part);
    rel?.parentNode?.removeChild(rel);
    el.parentNode?.removeChild(el);
  }
  for (const part of await partsGoingWith(book, parts)) {
    for (const p of [part, relsPartOf(part)]) copy.remove(p);
    index.removeOverride(part);
  }
  // Sheet-scoped names and the workbook views count sheets by position.
  for (const dn of children(index.definedNames(), 'definedName')) {
    const local = dn.getAttribute('localSheetId');
    if (local === null) continue;
    const to = newIndex[Number(local)];
    if (to === null || to === undefined) dn.parentNode?.removeChild(dn);
    else dn.setAttribute('localSheetId', String(to));
  }
  for (const view of children(child(root(index.workbook), 'bookViews') ?? root(index.workbook), 'workbookView')) {
    for (const attr of ['activeTab', 'firstSheet']) {
      const v = view.getAttribute(attr);
      if (v !== null) view.setAttribute(attr, String(newIndex[Number(v)] ?? 0));
    }
  }
}

/** The largest sheet id SpreadsheetML allows (xsd:unsignedInt). */
const MAX_SHEET_ID = 4_294_967_295;

/** The id for a new sheet: one above the largest in use, as Excel numbers them, or the lowest free one when that would pass the largest allowed. */
function nextSheetId(taken: Set<number>): number {
  const above = Math.max(0, ...taken) + 1;
  if (above <= MAX_SHEET_ID) return above;
  let id = 1;
  while (taken.has(id)) id++;
  return id;
}

function addSheets(book: XlsxBook, copy: PackageCopy, index: Index, sheets: PreparedSheet[], names: string[], styles: StyleSheet): void {
  const dir = inFolderOf(book.workbookPart, 'worksheets');
  const sheetsEl = index.sheetsEl;
  const prefix = index.relPrefix();
  const ids = new Set(
    children(sheetsEl, 'sheet')
      .map((s) => Number(s.getAttribute('sheetId')))
      .filter((id) => Number.isInteger(id) && id > 0),
  );
  let n = freeNumber(book, dir, 'sheet');
  const definedNames = index.definedNames();
  sheets.forEach((sheet, i) => {
    const layout = { ...sheet.layout, name: names[i] };
    // A name free with its relationships' too: a stray .rels of that name would give the new sheet its relationships.
    while (copy.has(`${dir}/sheet${n}.xml`) || copy.has(relsPartOf(`${dir}/sheet${n}.xml`))) n++;
    const part = `${dir}/sheet${n++}.xml`;
    copy.put(part, worksheetXml(layout, styles, layout.chart ? addChart(book, copy, index, part, layout) : undefined));
    index.setOverride(part, TYPE.worksheet);
    const sheetId = nextSheetId(ids);
    ids.add(sheetId);
    const el = addElement(sheetsEl, 'sheet', { name: layout.name, sheetId });
    el.setAttributeNS(NS.rel, `${prefix}:id`, index.addRelationship(REL.worksheet, part));
    const position = children(sheetsEl, 'sheet').length - 1;
    const text = (name: string, value: string) => addElement(definedNames, 'definedName', { name, localSheetId: position }).appendChild(index.workbook.createTextNode(value));
    const p = layout.printArea;
    text('_xlnm.Print_Area', `${quotedSheet(layout.name)}!${absolute(p.row, p.col)}:${absolute(p.row + p.rows - 1, p.col + p.cols - 1)}`);
    text('_xlnm.Print_Titles', `${quotedSheet(layout.name)}!$${layout.headerRows.first + 1}:$${layout.headerRows.last + 1}`);
  });
}

const absolute = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;

/** A part `dir/base{n}.xml` no entry has, nor its relationships. */
function freePart(book: XlsxBook, copy: PackageCopy, dir: string, base: string): string {
  let n = freeNumber(book, dir, base);
  while (copy.has(`${dir}/${base}${n}.xml`) || copy.has(relsPartOf(`${dir}/${base}${n}.xml`))) n++;
  return `${dir}/${base}${n}.xml`;
}

/** The layout's chart as a drawing and a chart part of the new sheet `sheetPart`; returns the sheet's relationship id to its drawing. */
function addChart(book: XlsxBook, copy: PackageCopy, index: Index, sheetPart: string, layout: SheetLayout): string {
  const drawing = freePart(book, copy, inFolderOf(book.workbookPart, 'drawings'), 'drawing');
  const chart = freePart(book, copy, inFolderOf(book.workbookPart, 'charts'), 'chart');
  const rels = (from: string, type: string, to: string) =>
    XML_DECLARATION + `<Relationships xmlns="${NS.packageRels}"><Relationship Id="rId1" Type="${type}" Target="${relativeTarget(from, to)}"/></Relationships>`;
  copy.put(chart, chartXml(layout, layout.chart!));
  copy.put(drawing, drawingXml(layout.chart!));
  copy.put(relsPartOf(drawing), rels(drawing, CHART_RELS.chart, chart));
  copy.put(relsPartOf(sheetPart), rels(sheetPart, CHART_RELS.drawing, drawing));
  index.setOverride(drawing, CHART_TYPES.drawing);
  index.setOverride(chart, CHART_TYPES.chart);
  return 'rId1';
}

/** The workbook's style part, or a new one when the package has none (under a name no entry has). */
async function styleSheet(book: XlsxBook, copy: PackageCopy, index: Index): Promise<{ styles: StyleSheet; part: string }> {
  const existing = book.stylesPart && book.pkg.entryName(book.stylesPart);
  if (existing) return { styles: new StyleSheet(await book.pkg.text(existing)), part: existing };
  let part = inFolderOf(book.workbookPart, 'styles.xml');
  for (let n = 2; copy.has(part); n++) part = inFolderOf(book.workbookPart, `styles${n}.xml`);
  index.addRelationship(REL.styles, part);
  index.setOverride(part, TYPE.styles);
  return { styles: new StyleSheet(EMPTY_STYLES), part };
}

/** The record of our sheets, in its own custom XML part (the one the add-in reads through Office.js). */
function writeRecord(book: XlsxBook, copy: PackageCopy, index: Index, record: ResultRecord): void {
  const xml = recordXml(record);
  if (book.recordPart) {
    copy.put(book.recordPart, xml);
    return;
  }
  let n = freeNumber(book, 'customXml', 'item');
  const taken = (n: number) => [`customXml/item${n}.xml`, `customXml/itemProps${n}.xml`, relsPartOf(`customXml/item${n}.xml`)].some((p) => copy.has(p));
  while (taken(n)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  copy.put(item, xml);
  copy.put(
    props,
    XML_DECLARATION +
      `<ds:datastoreItem ds:itemID="{${guid()}}" xmlns:ds="${NS.customXml}"><ds:schemaRefs><ds:schemaRef ds:uri="${RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  copy.put(
    relsPartOf(item),
    XML_DECLARATION + `<Relationships xmlns="${NS.packageRels}"><Relationship Id="rId1" Type="${REL.customXmlProps}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  index.setOverride(props, TYPE.customXmlProps);
  if (!index.hasDefault('xml')) index.setOverride(item, TYPE.xml);
  index.addRelationship(REL.customXml, item);
}

/**
 * docProps/app.xml lists the sheet names under a heading with their count; it is kept in step when
 * it has the usual shape, and left as it is otherwise (it is a summary, not read by Excel).
 */
async function updateAppProperties(book: XlsxBook, copy: PackageCopy, removed: string[], added: string[]): Promise<void> {
  const part = book.pkg.entryName('docProps/app.xml');
  if (!part) return;
  const doc = await book.pkg.xml(part);
  const props = root(doc);
  const pairs = child(child(props, 'HeadingPairs') ?? props, 'vector');
  const titles = child(child(props, 'TitlesOfParts') ?? props, 'vector');
  if (!pairs || !titles) return;
  const counts = children(pairs, 'variant')
    .filter((_, i) => i % 2 === 1)
    .map((v) => child(v, 'i4'));
  const names = children(titles, 'lpstr');
  if (counts.some((c) => c === null) || counts.reduce((n, c) => n + Number(c!.textContent), 0) !== names.length) return;
  // The heading whose titles hold the first worksheet that stays is the worksheets' heading.
  const kept = book.sheets.find((s) => s.part !== null && !removed.includes(s.name))?.name;
  let start = 0;
  const group = counts.findIndex((c) => {
    const count = Number(c!.textContent);
    if (names.slice(start, start + count).some((n) => n.textContent === kept)) return true;
    start += count;
    return false;
  });
  if (group < 0) return;
  let count = Number(counts[group]!.textContent);
  for (const el of names.slice(start, start + count)) {
    if (!removed.includes(el.textContent ?? '')) continue;
    titles.removeChild(el);
    count--;
  }
  const after = children(titles, 'lpstr')[start + count] ?? null;
  for (const name of added) addElement(titles, 'lpstr', {}, after).appendChild(doc.createTextNode(name));
  counts[group]!.textContent = String(count + added.length);
  titles.setAttribute('size', String(children(titles, 'lpstr').length));
  copy.put(part, serializeXml(doc));
}

/**
 * The copy of the input with the result sheets, as pieces of a zip to write one after another;
 * the package read stays as it is. `plan` says which of our earlier sheets go and what the new
 * ones are called.
 */
export async function addResultSheets(book: XlsxBook, sheets: PreparedSheet[], plan: ReplacementPlan): Promise<Uint8Array<ArrayBuffer>[]> {
  const copy = book.pkg.copy();
  if (copy.size + sheets.length + 4 > LIMITS.zipEntries) {
    throw new InputError(`Buku kerja “${book.pkg.name}” berisi lebih dari ${countText(LIMITS.zipEntries)} bagian; salinan dengan lembar hasil tidak dapat ditulis utuh.`);
  }
  const index = await Index.of(book);
  await removeSheets(book, copy, index, plan.remove);
  const { styles, part: stylesPart } = await styleSheet(book, copy, index);
  addSheets(book, copy, index, sheets, plan.names, styles);
  writeRecord(book, copy, index, plan.record);
  await updateAppProperties(book, copy, plan.remove, plan.names);
  copy.put(stylesPart, styles.toString());
  copy.put(CONTENT_TYPES, serializeXml(index.types));
  copy.put(book.workbookPart, serializeXml(index.workbook));
  copy.put(relsPartOf(book.workbookPart), serializeXml(index.rels));
  return copy.bytes();
}

/**
 * What the user should know of a copy before opening it: a digital signature that no longer holds,
 * a structure locked against new sheets (written as asked: the lock stays).
 */
export function copyNotes(book: XlsxBook): string[] {
  const notes: string[] = [];
  if (book.signed) {
    notes.push(
      `Buku kerja “${book.pkg.name}” ditandatangani secara digital; tanda tangan itu tidak berlaku lagi pada salinannya, karena salinan berisi lembar hasil yang tidak ikut ditandatangani.`,
    );
  }
  if (book.structureLocked) {
    notes.push(
      `Struktur buku kerja “${book.pkg.name}” dikunci (Lindungi Buku Kerja); salinannya tetap ditulis dengan lembar hasil seperti diminta, dan kunci itu tetap berlaku di salinan.`,
    );
  }
  return notes;
}
