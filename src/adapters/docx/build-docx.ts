import { MergeIndex } from '../../core/rect';
import { PLACEHOLDER } from '../../core/report/narrative';
import { displayCell, HEADER_FILL, Paragraph, Table, TOTAL_FILL } from '../../core/report/table';
import { CELL_PADDING, ColumnLayout, columnLayout, HEADER_SCALE, textTwips } from './layout';
import { Deflated, DeflatingPart, joinPieces, NewEntry, writeZip } from '../zip/zip';

/**
 * The Word document: every table with the narrative beside it, in chapter III's order. Its body is
 * written as WordprocessingML text row by row into a part deflated as it goes, so a budget of
 * sixty thousand sub kegiatan costs the compressed document and one table's model, not an object
 * per cell. Host-neutral: the command line writes the bytes to a file, the browser page's worker
 * and the task pane offer them as a download.
 */

/** A4 in twips, with the margins of a government report: 4 cm left, 3 cm elsewhere. */
const A4 = { width: 11906, height: 16838 };
const CM = 567;
const MARGIN = { top: 3 * CM, right: 3 * CM, bottom: 3 * CM, left: 4 * CM };
const TEXT_WIDTH = { portrait: A4.width - MARGIN.left - MARGIN.right, landscape: A4.height - MARGIN.left - MARGIN.right };
/** Indentation of a row's name per level, twips. */
const LEVEL_INDENT = 200;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML}<Relationships xmlns="${PKG}">` +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML}<Relationships xmlns="${PKG}">` +
  `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>` +
  '</Relationships>';

const CORE =
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
  '<dc:title>Tabel dan Narasi LKjIP</dc:title><dc:creator>Hitung Capaian</dc:creator><dc:language>id-ID</dc:language></cp:coreProperties>';

const APP = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Hitung Capaian</Application></Properties>`;

const SETTINGS =
  `${XML}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="id-ID"/></w:settings>';

/** Half-points. */
const BODY_SIZE = 18;
const PROSE_SIZE = 22;
const SOURCE_SIZE = 16;
/** Header cells are a point smaller than the body: their words set a column's least width (layout.ts). */
const HEADER_SIZE = 16;

/** The draft warning's colour, dark red, and a placeholder's highlight: to be seen and dealt with. */
const WARNING_COLOR = 'C00000';
const HIGHLIGHT = 'yellow';

const style = (id: string, name: string, pPr: string, rPr = '') =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
  `${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const keep = '<w:keepNext/><w:keepLines/>';

/** Arial throughout, the document in Indonesian (Word proofs it so), and a style for each kind of paragraph. */
const STYLES =
  `${XML}<w:styles xmlns:w="${W}"><w:docDefaults>` +
  `<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>${size(BODY_SIZE)}<w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  style('Narasi', 'Narasi', '<w:spacing w:after="120"/><w:jc w:val="both"/>', size(PROSE_SIZE)) +
  style('NarasiJudul', 'Narasi Judul', '<w:spacing w:before="120" w:after="80"/>', `<w:b/>${size(PROSE_SIZE)}`) +
  style(
    'NarasiButir',
    'Narasi Butir',
    '<w:tabs><w:tab w:val="left" w:pos="360"/></w:tabs><w:spacing w:after="80"/><w:ind w:left="360" w:hanging="360"/><w:jc w:val="both"/>',
    size(PROSE_SIZE),
  ) +
  style('Catatan', 'Catatan Penyusun', '<w:spacing w:after="240"/>', `<w:b/><w:i/><w:color w:val="${WARNING_COLOR}"/>${size(PROSE_SIZE)}`) +
  style('NomorTabel', 'Nomor Tabel', '<w:jc w:val="center"/>', `<w:b/>${size(PROSE_SIZE)}`) +
  style('JudulTabel', 'Judul Tabel', '<w:spacing w:after="120"/><w:jc w:val="center"/>', `<w:b/>${size(PROSE_SIZE)}`) +
  style('SumberTabel', 'Sumber Tabel', '', `<w:i/>${size(SOURCE_SIZE)}`) +
  style('KepalaTabel', 'Kepala Tabel', '<w:jc w:val="center"/>', `<w:b/>${size(HEADER_SIZE)}`) +
  style('SelTengah', 'Sel Tengah', '<w:jc w:val="center"/>') +
  style('SelKanan', 'Sel Kanan', '<w:jc w:val="right"/>') +
  '</w:styles>';

/** Characters XML 1.0 allows; a cell may hold others (a stray control character pasted in). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeXml = (text: string) => text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
}

function runs(text: string, s: RunStyle = {}): string {
  if (text === '') return '';
  const base = `${s.bold ? '<w:b/>' : ''}${s.italic ? '<w:i/>' : ''}`;
  const run = (t: string, highlight: boolean) => {
    const rPr = base + (highlight ? `<w:highlight w:val="${HIGHLIGHT}"/>` : '');
    const body = escapeXml(t)
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${part}</w:t>`))
          .join('<w:tab/>'),
      )
      .join('<w:br/>');
    return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${body}</w:r>`;
  };
  // What the writer fills in is highlighted wherever it stands, so that none is missed.
  if (!text.includes('[')) return run(text, false);
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > at) out.push(run(text.slice(at, m.index), false));
    out.push(run(m[0], true));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(run(text.slice(at), false));
  return out.join('');
}

/**
 * A total's note of several phrases (`rata-rata kolom 6; tanpa batas: 100,30`), each phrase on a
 * line of its own: the column is as wide as its longest phrase (layout.ts), so none is cut.
 */
function phrases(text: string, style: RunStyle): string {
  const parts = text.split(/;\s+/);
  return parts.map((p, i) => runs(i < parts.length - 1 ? `${p};` : p, style)).join('<w:r><w:br/></w:r>');
}

const pStyle = (id: string | null) => (id ? `<w:pStyle w:val="${id}"/>` : '');

export interface DocxOptions {
  /** Told as each table is written: “Menyusun dokumen Word: Tabel 3.9…”. */
  progress?: (text: string) => void;
  /** Awaited between pieces of the document, so that a page's main thread can breathe. */
  pause?: () => Promise<void>;
}

/** Characters of document text gathered before they go to the compressor. */
const CHUNK = 1 << 18;

/** The document part, written as it is made; sections as the tables' orientations change. */
class DocumentWriter {
  private readonly part = new DeflatingPart();
  private buffer: string[] = [];
  private buffered = 0;
  /** The last paragraph, held back: a section's properties go into its last paragraph. */
  private pending: { pPr: string; content: string } | null = null;
  private orientation: Table['orientation'] | null = null;
  private empty = true;

  constructor(private readonly options: DocxOptions) {
    this.emit(`${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`);
  }

  private emit(xml: string): void {
    this.buffer.push(xml);
    this.buffered += xml.length;
  }

  /** Sends what is gathered to the compressor once there is enough of it. */
  async flush(force = false): Promise<void> {
    if (!force && this.buffered < CHUNK) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    await this.part.write(text);
    await this.options.pause?.();
  }

  private releasePending(sectPr = ''): void {
    if (!this.pending) return;
    this.emit(`<w:p>${this.pending.pPr || sectPr ? `<w:pPr>${this.pending.pPr}${sectPr}</w:pPr>` : ''}${this.pending.content}</w:p>`);
    this.pending = null;
  }

  /** Starts a section in `orientation` unless the current one is. */
  section(orientation: Table['orientation']): void {
    if (this.orientation === orientation) return;
    if (this.orientation !== null && !this.empty) {
      const sectPr = sectionProperties(this.orientation);
      if (this.pending) this.releasePending(sectPr);
      else this.emit(`<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
    }
    this.orientation = orientation;
  }

  paragraph(pPr: string, content: string): void {
    this.releasePending();
    this.pending = { pPr, content };
    this.empty = false;
  }

  /** A table, or any block that is not a paragraph. */
  block(xml: string): void {
    this.releasePending();
    this.emit(xml);
    this.empty = false;
  }

  async close(): Promise<Deflated> {
    this.releasePending();
    this.emit(`${sectionProperties(this.orientation ?? 'portrait')}</w:body></w:document>`);
    await this.flush(true);
    return this.part.close();
  }
}

function sectionProperties(orientation: Table['orientation']): string {
  const page = orientation === 'landscape' ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`;
  return `<w:sectPr>${page}<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`;
}

/** A paragraph of the narrative: headings kept with what follows them, bullets hanging. */
function prose(doc: DocumentWriter, p: Paragraph): void {
  // Kept with what follows it, on the paragraph itself, as every reader of the document honours it there.
  if (p.style === 'heading') doc.paragraph(pStyle('NarasiJudul') + keep, runs(p.text));
  else if (p.style === 'bullet') doc.paragraph(pStyle('NarasiButir'), runs(`•\t${p.text}`));
  else doc.paragraph(pStyle('Narasi'), runs(p.text));
}

const LINE =
  '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';

const ALIGN_STYLE = { left: null, center: 'SelTengah', right: 'SelKanan' } as const;

/** How many rows are written between two progress messages. */
const ROWS_PER_MESSAGE = 5000;

/**
 * The table with its caption kept above it and its source line under it: header rows repeated on
 * every page, no row split across pages, merges as Word spans them.
 */
async function table(doc: DocumentWriter, t: Table, { layout }: WordPage, options: DocxOptions): Promise<void> {
  const { widths, rotated } = layout;
  const title = [t.nomor, t.caption].filter(Boolean).join(' ');
  options.progress?.(`Menyusun dokumen Word: ${title}…`);
  // The caption never ends a page without its table.
  if (t.nomor) doc.paragraph(pStyle('NomorTabel') + keep, runs(t.nomor));
  doc.paragraph(pStyle('JudulTabel') + keep, runs(t.caption));

  const span = (c: number, cols: number) => widths.slice(c, c + cols).reduce((a, b) => a + b, 0);
  /** Word's cells of one row: a merge's first row holds its cell, the rows below it continue it, the columns it covers are not written. */
  const cells = (merges: MergeIndex, r: number, cell: (c: number) => { pPr: string; content: string; tcPr?: string }) => {
    let out = '';
    for (let c = 0; c < widths.length;) {
      const m = merges.anchorAt(r, c);
      if (m === 'covered') {
        const owner = merges.at(r, c)!;
        if (owner.col === c) {
          const gridSpan = owner.cols > 1 ? `<w:gridSpan w:val="${owner.cols}"/>` : '';
          out += `<w:tc><w:tcPr><w:tcW w:w="${span(c, owner.cols)}" w:type="dxa"/>${gridSpan}<w:vMerge/></w:tcPr><w:p/></w:tc>`;
        }
        c += owner.col === c ? owner.cols : 1;
        continue;
      }
      const cols = m?.cols ?? 1;
      const { pPr, content, tcPr = '' } = cell(c);
      const gridSpan = cols > 1 ? `<w:gridSpan w:val="${cols}"/>` : '';
      const vMerge = m && m.rows > 1 ? '<w:vMerge w:val="restart"/>' : '';
      out += `<w:tc><w:tcPr><w:tcW w:w="${span(c, cols)}" w:type="dxa"/>${gridSpan}${vMerge}${tcPr}</w:tcPr><w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p></w:tc>`;
      c += cols;
    }
    return out;
  };

  let xml =
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${LINE}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const headerMerges = new MergeIndex(t.headerMerges);
  const shade = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
  t.header.forEach((h, r) => {
    // A header turned on its side needs the height of its text.
    const turned = h.map((text, c) => {
      const m = headerMerges.anchorAt(r, c);
      return rotated.has(c) && text !== '' && (m === null || (m !== 'covered' && m.cols === 1)) ? textTwips(text, true) : 0;
    });
    const height = Math.ceil(HEADER_SCALE * Math.max(...turned));
    const trHeight = height > 0 ? `<w:trHeight w:val="${Math.min(height + CELL_PADDING, 3000)}" w:hRule="atLeast"/>` : '';
    xml += `<w:tr><w:trPr><w:cantSplit/>${trHeight}<w:tblHeader/></w:trPr>`;
    xml += cells(headerMerges, r, (c) => ({
      pPr: pStyle('KepalaTabel'),
      content: runs(h[c]),
      tcPr: `${shade(HEADER_FILL)}${turned[c] > 0 ? '<w:textDirection w:val="btLr"/>' : ''}<w:vAlign w:val="center"/>`,
    }));
    xml += '</w:tr>';
  });
  doc.block(xml);

  const bodyMerges = new MergeIndex(t.merges);
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    // A total (JUMLAH, the rata-rata) never stands alone at the top of a page.
    const keepNext = row.keepWithNext || t.rows[r + 1]?.total ? keep : '';
    const emphasis = { bold: row.emphasis === 'bold', italic: row.emphasis === 'italic' };
    const fill = row.total ? shade(TOTAL_FILL) : '';
    doc.block(
      `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells(bodyMerges, r, (c) => ({
        pPr: pStyle(ALIGN_STYLE[t.columns[c].align]) + keepNext + (c === t.nameColumn && row.level > 0 ? `<w:ind w:left="${row.level * LEVEL_INDENT}"/>` : ''),
        content: row.total ? phrases(displayCell(row.cells[c]), emphasis) : runs(displayCell(row.cells[c]), emphasis),
        tcPr: fill,
      }))}</w:tr>`,
    );
    if (r % 200 === 199) await doc.flush();
    if (r % ROWS_PER_MESSAGE === ROWS_PER_MESSAGE - 1)
      options.progress?.(`Menyusun dokumen Word: ${title} (${(r + 1).toLocaleString('id-ID')} dari ${t.rows.length.toLocaleString('id-ID')} baris)…`);
  }
  doc.block('</w:tbl>');
  if (t.source) doc.paragraph(pStyle('SumberTabel'), runs(t.source));
  doc.paragraph('<w:spacing w:after="240"/>', '');
  await doc.flush();
}

export interface WordPage {
  orientation: Table['orientation'];
  layout: ColumnLayout;
}

/** The page a table stands on and its columns: the table's own orientation, landscape where a portrait page is too narrow for its words. */
export function wordPage(t: Table): WordPage {
  const layout = columnLayout(t, TEXT_WIDTH[t.orientation]);
  if (t.orientation === 'landscape' || layout.fits) return { orientation: t.orientation, layout };
  return { orientation: 'landscape', layout: columnLayout(t, TEXT_WIDTH.landscape) };
}

/** A Word document's media type, for a download. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Every table in one Word document with the narrative beside its tables, in chapter III's order;
 * A4, portrait or landscape as each table needs, header rows repeated on each page, no row split
 * across pages, no caption left at the foot of a page, every placeholder (`[isi: …]`,
 * `[periksa: …]`) highlighted. The `HC Narasi` sheet's table is not in it: its paragraphs stand
 * beside their tables. A draft warning (narrative.ts draftWarning) opens the document while the
 * sheets hold galat, as a note for whoever drafts the report to delete.
 */
export async function buildDocx(tables: Table[], warning: string | null = null, options: DocxOptions = {}): Promise<Uint8Array> {
  const doc = new DocumentWriter(options);
  if (warning) {
    doc.section('portrait');
    doc.paragraph(pStyle('Catatan'), runs(`Catatan untuk penyusun, hapus sebelum dipakai. ${warning}`));
  }
  for (const t of tables.filter((x) => x.id !== 'narasi')) {
    // The narrative reads on portrait pages, whatever the table's orientation.
    if (t.text.before.length > 0) doc.section('portrait');
    t.text.before.forEach((p) => prose(doc, p));
    const page = wordPage(t);
    doc.section(page.orientation);
    await table(doc, t, page, options);
    if (t.text.after.length > 0) doc.section('portrait');
    t.text.after.forEach((p) => prose(doc, p));
  }
  const document = await doc.close();
  const encoder = new TextEncoder();
  const entry = (name: string, content: string | Deflated): NewEntry =>
    typeof content === 'string' ? { rawName: encoder.encode(name), utf8: false, data: encoder.encode(content) } : { rawName: encoder.encode(name), utf8: false, deflated: content };
  const pieces = await writeZip(
    new Uint8Array(0),
    [
      entry('[Content_Types].xml', CONTENT_TYPES),
      entry('_rels/.rels', ROOT_RELS),
      entry('docProps/core.xml', CORE),
      entry('docProps/app.xml', APP),
      entry('word/_rels/document.xml.rels', DOCUMENT_RELS),
      entry('word/styles.xml', STYLES),
      entry('word/settings.xml', SETTINGS),
      entry('word/document.xml', document),
    ],
    new Uint8Array(0),
  );
  return joinPieces(pieces);
}
