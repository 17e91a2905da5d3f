import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DOMParser, Element } from '@xmldom/xmldom';
import { FIXTURES, packageParts, runQuiet, runWithJson, sheetXml, tempDir, RESULT_SHEETS } from '../helpers';
import { ResultJson } from '../../src/core/report/result-json';

/**
 * Workbooks saved by other tools (test/fixtures/other-tools/make.sh): the copy keeps every part of
 * the original byte for byte, and the figures are those of the plain Semboro workbook.
 */

const OTHER = path.join(FIXTURES, 'other-tools');
const INDEX_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'docProps/app.xml'];

const fixtures: [string, string[]][] = [
  ['openpyxl.xlsx', ['xl/charts/chart1.xml', 'xl/comments/comment1.xml', 'xl/media/image1.png', 'xl/drawings/drawing1.xml']],
  ['libreoffice.xlsx', ['xl/charts/chart1.xml', 'xl/comments1.xml', 'xl/media/image1.png', 'docProps/custom.xml']],
  ['pivot.xlsx', ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml']],
  ['makro.xlsm', ['xl/vbaProject.bin', 'xl/charts/chart1.xml']],
];

const parse = (b: Buffer) => new DOMParser().parseFromString(b.toString('utf8'), 'text/xml').documentElement!;
const elementChildren = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === n.ELEMENT_NODE);

/** Each collection of the original style part is a prefix of the copy's: entries are only appended. */
function expectAppendedOnly(original: Buffer, copy: Buffer): void {
  const before = parse(original);
  const after = parse(copy);
  for (const collection of elementChildren(before)) {
    const grown = elementChildren(after).find((e) => e.nodeName === collection.nodeName)!;
    const was = elementChildren(collection).map(String);
    expect([collection.nodeName, elementChildren(grown).map(String).slice(0, was.length)]).toEqual([collection.nodeName, was]);
  }
}

/** Sheet name → worksheet part, through the workbook part and its relationships. */
function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const rels = Array.from(parse(parts.get('xl/_rels/workbook.xml.rels')!).getElementsByTagName('Relationship'));
  return new Map(
    Array.from(parse(parts.get('xl/workbook.xml')!).getElementsByTagName('sheet')).map((s) => {
      const target = rels.find((r) => r.getAttribute('Id') === s.getAttribute('r:id'))!.getAttribute('Target')!;
      return [s.getAttribute('name')!, target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target)];
    }),
  );
}

const figures = (json: ResultJson) => ({ anggaran: json.anggaran, sasaran: json.sasaran, rata: json.rataRataCapaian, temuan: json.temuan });

describe.each(fixtures)('a workbook saved by another tool: %s', (name, kept) => {
  const input = path.join(OTHER, name);
  let dir: string;
  let copy: string;
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    dir = await tempDir();
    copy = path.join(dir, `hasil${path.extname(name)}`);
    run = await runWithJson(input, ['-o', copy]);
  });

  it('is computed, with the figures of the plain Semboro workbook', async () => {
    expect(run.code).toBe(0);
    const plain = await runWithJson(path.join(FIXTURES, 'semboro-bersih.xlsx'));
    expect(figures(run.json!)).toEqual(figures(plain.json!));
  });

  it('keeps every original part byte for byte; only the index parts change and the styles grow', async () => {
    const before = await packageParts(input);
    const after = await packageParts(copy);
    for (const part of kept) expect(before.has(part)).toBe(true);
    for (const [part, bytes] of before) {
      expect([part, after.has(part)]).toEqual([part, true]);
      if (INDEX_PARTS.includes(part)) continue;
      if (part === 'xl/styles.xml') expectAppendedOnly(bytes, after.get(part)!);
      else expect([part, after.get(part)!.equals(bytes)]).toEqual([part, true]);
    }
    const added = [...after.keys()].filter((p) => !before.has(p));
    // Our sheets, our record, and the chart on HC Efisiensi (its sheet's relationships, drawing and chart).
    expect(added.filter((p) => !/^xl\/worksheets\/sheet\d+\.xml$|^customXml\//.test(p)).map((p) => p.replace(/\d+/, 'N'))).toEqual(
      expect.arrayContaining(['xl/worksheets/_rels/sheetN.xml.rels', 'xl/drawings/drawingN.xml', 'xl/drawings/_rels/drawingN.xml.rels', 'xl/charts/chartN.xml']),
    );
    expect(added.filter((p) => !/^xl\/worksheets\/sheet\d+\.xml$|^customXml\//.test(p))).toHaveLength(4);
    expect(added.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toHaveLength(RESULT_SHEETS.length);
  });

  it('keeps the kind of workbook: a macro-enabled one stays macro-enabled', async () => {
    const types = (await packageParts(copy)).get('[Content_Types].xml')!.toString();
    expect(types.includes('macroEnabled.main+xml')).toBe(name.endsWith('.xlsm'));
    if (name.endsWith('.xlsm')) {
      const rels = (await packageParts(copy)).get('xl/_rels/workbook.xml.rels')!.toString();
      expect(rels).toMatch(/relationships\/vbaProject" Target="vbaProject.bin"/);
    }
  });

  it('re-opens in ExcelJS whenever the original does, with the user sheets and the result sheets', async () => {
    const open = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      return wb.xlsx.readFile(f).then(
        () => wb,
        () => null,
      );
    };
    const [orig, out] = [await open(input), await open(copy)];
    expect(out === null).toBe(orig === null);
    if (orig && out) expect(out.worksheets.map((w) => w.name)).toEqual([...orig.worksheets.map((w) => w.name), ...RESULT_SHEETS]);
  });

  it('a second run on the copy replaces the result sheets and nothing else', async () => {
    const again = path.join(dir, `lagi${path.extname(name)}`);
    expect((await runQuiet([copy, '-o', again])).code).toBe(0);
    const first = await packageParts(copy);
    const second = await packageParts(again);
    // What the first run added: our sheets and the chart with its drawing and relationships.
    const original = await packageParts(input);
    const ours = new Set([...first.keys()].filter((p) => !original.has(p) && !p.startsWith('customXml/')));
    for (const n of RESULT_SHEETS) expect(ours.has(sheetParts(first).get(n)!)).toBe(true);
    for (const [part, bytes] of first) {
      if (INDEX_PARTS.includes(part) || part === 'xl/styles.xml' || part.startsWith('customXml/') || ours.has(part)) continue;
      expect([part, second.get(part)?.equals(bytes)]).toEqual([part, true]);
    }
    for (const part of ours) expect(second.has(part)).toBe(false);
    const anggaran = await sheetXml(again, 'HC Realisasi Anggaran');
    expect(anggaran.getElementsByTagName('row').length).toBeGreaterThan(30);
    const names = (p: Map<string, Buffer>) => Array.from(parse(p.get('xl/workbook.xml')!).getElementsByTagName('sheet')).map((s) => s.getAttribute('name'));
    expect(names(second)).toEqual(names(first));
    expect([...second.keys()].filter((p) => p.startsWith('customXml/'))).toEqual([...first.keys()].filter((p) => p.startsWith('customXml/')));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});
