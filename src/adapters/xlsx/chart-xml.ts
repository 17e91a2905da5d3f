import { columnLetter } from '../../core/rect';
import { Rect } from '../../core/rect';
import { SheetChart, SheetLayout } from '../../core/report/sheet-layout';
import { quotedSheet } from './sheet-xml';
import { XML_DECLARATION } from './xml';

/**
 * A layout's chart as DrawingML (ECMA-376 Part 1, §21.2): the chart part, a clustered column chart
 * whose series and categories refer to the sheet's cells (with their values cached, for a reader
 * that does not recompute), and the drawing part that anchors it below the table. The same chart
 * Excel's run adds through Office.js (`charts.add('ColumnClustered', …)`).
 */

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const CHART_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
export const CHART_RELS = { drawing: `${R}/drawing`, chart: `${R}/chart` };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `'HC Efisiensi'!$A$5:$A$8` */
function ref(sheet: string, r: Rect): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const start = cell(r.row, r.col);
  const end = cell(r.row + r.rows - 1, r.col + r.cols - 1);
  return `${quotedSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

/** The cells of a rect, top to bottom, as the layout holds them. */
const cells = (layout: SheetLayout, r: Rect) => Array.from({ length: r.rows }, (_, i) => layout.values[r.row + i]?.[r.col] ?? null);

function strRef(layout: SheetLayout, r: Rect): string {
  const points = cells(layout, r)
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escape(v === null ? '' : String(v))}</c:v></c:pt>`)
    .join('');
  return `<c:strRef><c:f>${escape(ref(layout.name, r))}</c:f><c:strCache><c:ptCount val="${r.rows}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(layout: SheetLayout, r: Rect): string {
  const points = cells(layout, r)
    .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escape(ref(layout.name, r))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${r.rows}"/>${points}</c:numCache></c:numRef>`;
}

export function chartXml(layout: SheetLayout, chart: SheetChart): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(layout, s.name)}</c:tx><c:invertIfNegative val="0"/>` +
        `<c:cat>${strRef(layout, chart.categories)}</c:cat><c:val>${numRef(layout, s.values)}</c:val></c:ser>`,
    )
    .join('');
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axis = (id: number, cross: number, kind: 'cat' | 'val') =>
    `<c:${kind}Ax><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${kind === 'cat' ? 'b' : 'l'}"/>` +
    (kind === 'val' ? '<c:majorGridlines/><c:numFmt formatCode="0.00" sourceLinked="0"/>' : '') +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/></c:${kind}Ax>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart>${axis(1, 2, 'cat')}${axis(2, 1, 'val')}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** The drawing that anchors the chart (relationship `rId1`) over the cells of `chart.anchor`. */
export function drawingXml(chart: SheetChart): string {
  const { row, col, rows, cols } = chart.anchor;
  const at = (tag: string, r: number, c: number) => `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor>${at('from', row, col)}${at('to', row + rows, col + cols)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
