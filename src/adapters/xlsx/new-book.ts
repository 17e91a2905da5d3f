import { EMPTY_RECORD, ownership, ReplacementPlan } from '../../core/result-sheets';
import { PreparedSheet } from '../../core/report/sheet-layout';
import { Package } from './package';
import { addResultSheets } from './write';
import { NS, XML_DECLARATION } from './xml';
import { joinPieces, writeZip } from '../zip/zip';

/**
 * A workbook of our sheets alone (the kabupaten's recap): an empty package, to which the sheets are
 * added as they are to a copy of the user's book, with the same styles, print setup and record.
 */

const EMPTY_PACKAGE: Record<string, string> = {
  '[Content_Types].xml':
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '</Types>',
  '_rels/.rels': `<Relationships xmlns="${NS.packageRels}">` + `<Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/>` + '</Relationships>',
  'xl/workbook.xml': `<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
  'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${NS.packageRels}"/>`,
};

/** A new workbook holding `sheets`, named by `plan`, as pieces of a zip to write one after another. */
export async function newWorkbook(sheets: PreparedSheet[], plan: ReplacementPlan, name: string): Promise<Uint8Array<ArrayBuffer>[]> {
  const encoder = new TextEncoder();
  const entries = Object.entries(EMPTY_PACKAGE).map(([part, xml]) => ({ rawName: encoder.encode(part), utf8: false, data: encoder.encode(XML_DECLARATION + xml) }));
  const pkg = await Package.open(joinPieces(await writeZip(new Uint8Array(0), entries, new Uint8Array(0))), name);
  const own = ownership([], [], EMPTY_RECORD);
  return addResultSheets(
    {
      pkg,
      workbookPart: 'xl/workbook.xml',
      extension: '.xlsx',
      sheets: [],
      grids: [],
      record: own.record,
      own,
      recordPart: null,
      stylesPart: null,
      extras: new Map(),
      signed: false,
      structureLocked: false,
    },
    sheets,
    plan,
  );
}
