import { Element } from '@xmldom/xmldom';
import { columnLetter, rectAddress } from '../../core/rect';
import { CellStyle, SheetLayout } from '../../core/report/sheet-layout';
import { StyleSheet } from './styles';
import { addElement, encodeXstring, NS, parseXml, root, serializeXml, XML_DECLARATION } from './xml';

/** A result sheet's layout as a worksheet part: inline strings, styles appended to the workbook's. */

/** Each cell's style: the layout's blocks applied in order, later ones adding to earlier ones. */
function cellStyles(layout: SheetLayout): CellStyle[][] {
  const out: CellStyle[][] = layout.values.map((row) => row.map(() => ({})));
  for (const { block, style } of layout.styles) {
    for (let r = block.row; r < block.row + block.rows; r++) for (let c = block.col; c < block.col + block.cols; c++) out[r][c] = { ...out[r][c], ...style };
  }
  return out;
}

/** `'Sheet name'`, quoted for a formula or a defined name. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function addText(parent: Element, text: string): void {
  const t = addElement(parent, 't');
  if (/^\s|\s$|\n/.test(text)) t.setAttributeNS(NS.xml, 'xml:space', 'preserve');
  t.appendChild(parent.ownerDocument!.createTextNode(encodeXstring(text)));
}

/** `drawing`: the relationship id of the sheet's drawing (its chart), when it has one. */
export function worksheetXml(layout: SheetLayout, styles: StyleSheet, drawing?: string): string {
  const doc = parseXml(`<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"/>`);
  const ws = root(doc);
  const width = layout.columnWidths.length;
  const last = `${columnLetter(Math.max(width, 1) - 1)}${Math.max(layout.values.length, 1)}`;

  addElement(addElement(ws, 'sheetPr'), 'pageSetUpPr', { fitToPage: 1 });
  addElement(ws, 'dimension', { ref: `A1:${last}` });
  const view = addElement(addElement(ws, 'sheetViews'), 'sheetView', { showGridLines: 0, workbookViewId: 0 });
  const split = layout.headerRows.last + 1;
  addElement(view, 'pane', { ySplit: split, topLeftCell: `A${split + 1}`, activePane: 'bottomLeft', state: 'frozen' });
  addElement(view, 'selection', { pane: 'bottomLeft', activeCell: `A${split + 1}`, sqref: `A${split + 1}` });
  addElement(ws, 'sheetFormatPr', { defaultRowHeight: 12.75 });
  const cols = addElement(ws, 'cols');
  layout.columnWidths.forEach((w, c) => addElement(cols, 'col', { min: c + 1, max: c + 1, width: w, customWidth: 1 }));

  const data = addElement(ws, 'sheetData');
  const style = cellStyles(layout);
  layout.values.forEach((values, r) => {
    const row = addElement(data, 'row', { r: r + 1, ht: layout.rowHeights[r], customHeight: 1 });
    values.forEach((v, c) => {
      const format = layout.numberFormats[r][c];
      const cell = addElement(row, 'c', { r: `${columnLetter(c)}${r + 1}`, s: styles.xf(style[r][c], format), t: typeof v === 'string' ? 'inlineStr' : undefined });
      if (typeof v === 'string') addText(addElement(cell, 'is'), v);
      else if (typeof v === 'number') addElement(cell, 'v').appendChild(doc.createTextNode(String(v)));
    });
  });
  if (layout.merges.length > 0) {
    const merges = addElement(ws, 'mergeCells', { count: layout.merges.length });
    for (const m of layout.merges) addElement(merges, 'mergeCell', { ref: rectAddress(m) });
  }
  if (layout.links.length > 0) {
    const links = addElement(ws, 'hyperlinks');
    for (const l of layout.links) {
      const shown = layout.values[l.row][l.col];
      addElement(links, 'hyperlink', {
        ref: `${columnLetter(l.col)}${l.row + 1}`,
        location: `${quotedSheet(l.lembar)}!${l.sel}`,
        display: typeof shown === 'string' ? encodeXstring(shown) : l.sel,
      });
    }
  }
  addElement(ws, 'pageMargins', { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
  addElement(ws, 'pageSetup', { paperSize: 9, orientation: layout.orientation, fitToWidth: 1, fitToHeight: 0 });
  // The table's figures are text in Indonesian notation on purpose (sheet-layout.ts): no green triangle on each.
  addElement(addElement(ws, 'ignoredErrors'), 'ignoredError', { sqref: rectAddress(layout.table), numberStoredAsText: 1 });
  if (drawing) addElement(ws, 'drawing').setAttributeNS(NS.rel, 'r:id', drawing);
  return XML_DECLARATION + serializeXml(doc);
}
