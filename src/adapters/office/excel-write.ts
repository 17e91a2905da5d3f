/// <reference types="office-js" />
import { isResultSheet, RESULT_SHEETS } from '../../core/result-sheets';
import { Rect, rectAddress } from '../../core/rect';
import { CellStyle, SheetLayout } from '../../core/report/sheet-layout';

/**
 * Excel on the web refuses requests over 5 MB. Values and formats are sent in row chunks and the
 * batch is synced before the estimate passes this budget, leaving room for the request's framing.
 */
export const REQUEST_BUDGET = 3 * 1024 * 1024;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Excel column width in characters → Office.js points. */
const pointsOf = (chars: number) => (chars * 7 + 5) * 0.75;

class Batch {
  private bytes = 0;
  constructor(private context: Excel.RequestContext) {}

  /** Counts `bytes` towards the request; syncs first when the request would grow too big. */
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
}

function styleRange(range: Excel.Range, block: Rect, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.underline) f.font.underline = 'Single';
  if (style.color) f.font.color = `#${style.color}`;
  if (style.size) f.font.size = style.size;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (block.rows > 1) edges.push('InsideHorizontal');
    if (block.cols > 1) edges.push('InsideVertical');
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = 'Continuous';
  }
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = style.vAlign === 'top' ? 'Top' : 'Center';
  if (style.indent) f.indentLevel = style.indent;
}

const rangeOf = (ws: Excel.Worksheet, b: Rect) => ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols);

async function writeSheet(ws: Excel.Worksheet, layout: SheetLayout, batch: Batch): Promise<void> {
  const cols = layout.columnWidths.length;
  const all = rangeOf(ws, layout.printArea);
  all.format.font.name = 'Arial';
  all.format.font.size = 10;

  // Formats before values: a cell formatted as text (`@`) keeps `=…` as text, never a formula.
  let start = 0;
  let size = 0;
  const flush = async (end: number) => {
    if (end === start) return;
    await batch.add(size);
    const chunk = ws.getRangeByIndexes(start, 0, end - start, cols);
    chunk.numberFormat = layout.numberFormats.slice(start, end);
    chunk.values = layout.values.slice(start, end) as (string | number | boolean)[][];
    start = end;
    size = 0;
  };
  for (let r = 0; r < layout.values.length; r++) {
    const rowBytes = JSON.stringify(layout.values[r]).length + JSON.stringify(layout.numberFormats[r]).length;
    if (size + rowBytes > REQUEST_BUDGET / 4) await flush(r);
    size += rowBytes;
  }
  await flush(layout.values.length);

  for (const m of layout.merges) {
    await batch.add(120);
    rangeOf(ws, m).merge(false);
  }
  for (const { block, style } of layout.styles) {
    await batch.add(400);
    styleRange(rangeOf(ws, block), block, style);
  }
  for (const link of layout.links) {
    await batch.add(200 + link.lembar.length);
    ws.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = { documentReference: `'${link.lembar.replace(/'/g, "''")}'!${link.sel}`, textToDisplay: link.sel };
  }
  layout.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsOf(w)));
  for (let r = 0; r < layout.rowHeights.length; r++) {
    await batch.add(100);
    ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = layout.rowHeights[r];
  }

  ws.pageLayout.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  // Fit to the page width only: Office.js documents no value for "as many pages tall as needed".
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  ws.pageLayout.setPrintArea(rectAddress(layout.printArea));
  ws.pageLayout.setPrintTitleRows(`$${layout.headerRows.first + 1}:$${layout.headerRows.last + 1}`);
  ws.freezePanes.freezeRows(layout.headerRows.last + 1);
}

/** The efisiensi sheet gets a native chart of % capaian against % serapan per sasaran. */
function addChart(ws: Excel.Worksheet, layout: SheetLayout): void {
  const source = rangeOf(ws, { row: layout.table.row, col: 0, rows: layout.table.rows, cols: 3 });
  const chart = ws.charts.add('ColumnClustered', source, 'Columns');
  chart.title.text = 'Capaian Kinerja dan Serapan Anggaran per Sasaran (%)';
  const top = layout.printArea.rows + 2;
  chart.setPosition(`A${top}`, `D${top + 18}`);
}

/**
 * Replaces the tool's result sheets: deletes those of an earlier run (only sheets named `HC …`),
 * then writes each layout. The user's sheets are never touched. `existing` are the sheet names
 * loaded by the read, so no extra sync is needed.
 */
export async function writeLayouts(context: Excel.RequestContext, existing: string[], layouts: SheetLayout[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  for (const name of existing) if (isResultSheet(name)) sheets.getItem(name).delete();
  const batch = new Batch(context);
  for (const layout of layouts) {
    const ws = sheets.add(layout.name);
    await writeSheet(ws, layout, batch);
    if (layout.name === RESULT_SHEETS.efisiensi) addChart(ws, layout);
  }
  await context.sync();
}
