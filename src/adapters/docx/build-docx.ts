import {
  AlignmentType,
  BorderStyle,
  Document,
  ISectionOptions,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow as DocxRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { MergeIndex, Rect } from '../../core/rect';
import { displayCell, HEADER_FILL, Paragraph as TextParagraph, Table, TOTAL_FILL } from '../../core/report/table';

/** A4 in twips, with the margins of a government report: 4 cm left, 3 cm elsewhere. */
const A4 = { width: 11906, height: 16838 };
const CM = 567;
const MARGIN = { top: 3 * CM, right: 3 * CM, bottom: 3 * CM, left: 4 * CM };
const FONT = 'Arial';
const BODY_SIZE = 18; // half-points: 9 pt
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: keyof typeof ALIGN | 'justified';
  indent?: number;
  hanging?: number;
  before?: number;
  after?: number;
  /** On the same page as the next paragraph (in a table, the next row): a caption never ends a page without its table. */
  keepNext?: boolean;
  color?: string;
}

/** The draft warning's colour: dark red, to be seen and deleted. */
const WARNING_COLOR = 'C00000';

function textParagraph(text: string, options: TextOptions): Paragraph {
  return new Paragraph({
    alignment: options.align === 'justified' ? AlignmentType.JUSTIFIED : ALIGN[options.align ?? 'left'],
    indent: options.indent || options.hanging ? { left: options.indent, hanging: options.hanging } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    keepNext: options.keepNext,
    keepLines: options.keepNext,
    children: [new TextRun({ text, bold: options.bold, italics: options.italics, size: options.size ?? BODY_SIZE, font: FONT, color: options.color })],
  });
}

const PROSE_SIZE = 22; // half-points: 11 pt

/** A paragraph of the narrative: headings kept with what follows them, bullets hanging. */
function proseParagraph(p: TextParagraph): Paragraph {
  if (p.style === 'heading') return textParagraph(p.text, { bold: true, size: PROSE_SIZE, before: 120, after: 80, keepNext: true });
  if (p.style === 'bullet') return textParagraph(`•\t${p.text}`, { size: PROSE_SIZE, align: 'justified', indent: 360, hanging: 360, after: 80 });
  return textParagraph(p.text, { size: PROSE_SIZE, align: 'justified', after: 120 });
}

const TWIPS_PER_DIGIT = 100; // 9 pt Arial
const TWIPS_PER_MARK = 50; // '.', ',' and spaces are half a digit wide
const CELL_PADDING = 280;
const BOLD = 1.12;

const textTwips = (t: string) => [...t].reduce((a, ch) => a + (/[.,\s]/.test(ch) ? TWIPS_PER_MARK : TWIPS_PER_DIGIT), 0);

/**
 * Figures must never wrap: number and short columns get the width of their longest text, text
 * columns share the rest in the proportions of the model, each at least as wide as its longest
 * word, so that no word is broken.
 */
function columnWidths(table: Table, textWidth: number): number[] {
  const longestWord = (t: string) => Math.max(0, ...t.split(/\s+/).map((w) => w.length));
  const headerMerges = new MergeIndex(table.headerMerges);
  const bodyMerges = new MergeIndex(table.merges);
  const single = (m: Rect | 'covered' | null) => m === null || (m !== 'covered' && m.cols === 1);
  const fixed = table.columns.map((c, col) => {
    if (c.align === 'left') return null;
    const rows = table.rows.filter((_, r) => single(bodyMerges.anchorAt(r, col)));
    const body = Math.max(0, ...rows.map((r) => textTwips(displayCell(r.cells[col])) * (r.emphasis === 'bold' ? BOLD : 1)));
    const header = Math.max(0, ...table.header.filter((_, r) => single(headerMerges.anchorAt(r, col))).map((h) => longestWord(h[col]) * TWIPS_PER_DIGIT * BOLD));
    return Math.max(body, header, 3 * TWIPS_PER_DIGIT) + CELL_PADDING;
  });
  const rest = textWidth - fixed.reduce<number>((a, w) => a + (w ?? 0), 0);
  const flexible = table.columns.reduce((a, c, col) => a + (fixed[col] === null ? c.width : 0), 0);
  if (flexible === 0 || rest < flexible * 30) {
    const total = table.columns.reduce((a, c) => a + c.width, 0);
    return table.columns.map((c) => Math.floor((c.width / total) * textWidth));
  }
  const widths = table.columns.map((c, col) => fixed[col] ?? (rest * c.width) / flexible);
  const words = table.columns.map((_, col) =>
    fixed[col] !== null ? 0 : Math.max(...table.rows.map((r) => longestWord(displayCell(r.cells[col])) * TWIPS_PER_DIGIT * (r.emphasis === 'bold' ? BOLD : 1))) + CELL_PADDING,
  );
  const short = widths.map((w, col) => (fixed[col] === null && w < words[col] ? words[col] - w : 0));
  const need = short.reduce((a, b) => a + b, 0);
  const spare = widths.reduce((a, w, col) => a + (fixed[col] === null && short[col] === 0 ? w - words[col] : 0), 0);
  if (need === 0 || spare < need) return widths.map(Math.floor);
  // Widen the columns whose longest word does not fit, taking from the others what they can spare.
  return widths.map((w, col) => Math.floor(fixed[col] !== null ? w : short[col] > 0 ? words[col] : w - ((w - words[col]) / spare) * need));
}

function docxTable(table: Table, textWidth: number): DocxTable {
  const widths = columnWidths(table, textWidth);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);

  /** One Word cell per grid position that stands alone or starts a merge. */
  const cells = (merges: MergeIndex, r: number, content: (c: number) => { paragraph: Paragraph; fill?: string; centred?: boolean }) =>
    table.columns.flatMap((_, c) => {
      const m = merges.anchorAt(r, c);
      if (m === 'covered') return [];
      const { paragraph, fill, centred } = content(c);
      return [
        new DocxCell({
          columnSpan: m?.cols,
          rowSpan: m?.rows,
          width: { size: spanWidth(c, m?.cols ?? 1), type: WidthType.DXA },
          shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
          verticalAlign: centred ? VerticalAlignTable.CENTER : undefined,
          children: [paragraph],
        }),
      ];
    });

  const headerMerges = new MergeIndex(table.headerMerges);
  const bodyMerges = new MergeIndex(table.merges);
  const header = table.header.map(
    (h, r) =>
      new DocxRow({
        tableHeader: true,
        cantSplit: true,
        children: cells(headerMerges, r, (c) => ({ paragraph: textParagraph(h[c], { bold: true, align: 'center' }), fill: HEADER_FILL, centred: true })),
      }),
  );
  const body = table.rows.map(
    (row, r) =>
      new DocxRow({
        cantSplit: true,
        children: cells(bodyMerges, r, (c) => ({
          paragraph: textParagraph(displayCell(row.cells[c]), {
            keepNext: row.keepWithNext,
            bold: row.emphasis === 'bold',
            italics: row.emphasis === 'italic',
            align: table.columns[c].align,
            indent: c === table.nameColumn ? row.level * 200 : 0,
          }),
          fill: row.total ? TOTAL_FILL : undefined,
        })),
      }),
  );
  return new DocxTable({
    rows: [...header, ...body],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

/** The caption kept with the table, the table, its source line. */
function tableBlock(table: Table, textWidth: number): (Paragraph | DocxTable)[] {
  const out: (Paragraph | DocxTable)[] = [];
  if (table.nomor) out.push(textParagraph(table.nomor, { bold: true, size: 22, align: 'center', keepNext: true }));
  out.push(textParagraph(table.caption, { bold: true, size: 22, align: 'center', after: 120, keepNext: true }));
  out.push(docxTable(table, textWidth));
  if (table.source) out.push(textParagraph(table.source, { italics: true, size: 16 }));
  out.push(textParagraph('', { after: 240 }));
  return out;
}

/**
 * Every table in one Word document with the narrative beside its tables, in chapter III's order;
 * A4, portrait or landscape as each table needs, header rows repeated on each page, no row split
 * across pages, no caption left at the foot of a page. The `HC Narasi` sheet's table is not in it:
 * its paragraphs stand beside their tables. A draft warning (narrative.ts draftWarning) opens the
 * document while the sheets hold galat, as a note for whoever drafts the report to delete.
 * Host-neutral: the CLI packs it to a file, the task pane to a download.
 */
export function buildDocx(tables: Table[], warning: string | null = null): Document {
  const sections: ISectionOptions[] = [];
  let current: { orientation: Table['orientation']; children: (Paragraph | DocxTable)[] } | null = null;
  const add = (orientation: Table['orientation'], blocks: (Paragraph | DocxTable)[]) => {
    if (blocks.length === 0) return;
    if (!current || current.orientation !== orientation) {
      current = { orientation, children: [] };
      sections.push({
        properties: { page: { size: { ...A4, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: MARGIN } },
        children: current.children,
      });
    }
    current.children.push(...blocks);
  };
  if (warning)
    add('portrait', [
      textParagraph(`Catatan untuk penyusun, hapus sebelum dipakai. ${warning}`, { italics: true, bold: true, size: PROSE_SIZE, color: WARNING_COLOR, after: 240 }),
    ]);
  for (const table of tables.filter((t) => t.id !== 'narasi')) {
    // The narrative reads on portrait pages, whatever the table's orientation.
    add('portrait', table.text.before.map(proseParagraph));
    const pageWidth = table.orientation === 'landscape' ? A4.height : A4.width;
    add(table.orientation, tableBlock(table, pageWidth - MARGIN.left - MARGIN.right));
    add('portrait', table.text.after.map(proseParagraph));
  }
  return new Document({
    creator: 'Hitung Capaian',
    title: 'Tabel dan Narasi LKjIP',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections,
  });
}
