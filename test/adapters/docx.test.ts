import { DOMParser, Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import * as path from 'path';
import { buildDocx, wordPage } from '../../src/adapters/docx/build-docx';
import { CELL_PADDING, columnLayout, textTwips } from '../../src/adapters/docx/layout';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { hitung } from '../../src/core/compute/engine';
import { buildReport, Report } from '../../src/core/report/report';
import { MergeIndex } from '../../src/core/rect';
import { displayCell, Table } from '../../src/core/report/table';
import { FIXTURES } from '../helpers';
import { sheet } from '../support/sheets';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (part: string) => new DOMParser().parseFromString(await zip.file(part)!.async('string'), 'text/xml');
  return { zip, document: await xml('word/document.xml'), styles: await xml('word/styles.xml') };
}

const all = (node: { getElementsByTagNameNS(ns: string, name: string): Iterable<Element> | ArrayLike<Element> }, name: string): Element[] =>
  Array.from(node.getElementsByTagNameNS(W, name));
const textOf = (node: Element) =>
  all(node, 't')
    .map((t) => t.textContent)
    .join('');

describe('the Word document as written', () => {
  let report: Report;
  let doc: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    report = buildReport(hitung(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx'))));
    doc = await open(await buildDocx(report.tables, report.draftWarning));
  });

  it('is a package Word opens: its parts listed with their types, the document part well formed', async () => {
    expect(Object.keys(doc.zip.files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    );
    const types = await doc.zip.file('[Content_Types].xml')!.async('string');
    for (const part of ['/word/document.xml', '/word/styles.xml', '/word/settings.xml']) expect(types).toContain(`PartName="${part}"`);
    expect(all(doc.document, 'body')).toHaveLength(1);
    expect(all(doc.document, 'tbl').length).toBe(report.tables.filter((t) => t.id !== 'narasi').length);
  });

  it('is in Indonesian, for Word to proof it so', () => {
    expect(all(doc.styles, 'lang')[0].getAttributeNS(W, 'val')).toBe('id-ID');
  });

  it('highlights every placeholder, [isi: …] and [periksa: …], and nothing else', () => {
    const runs = all(doc.document, 'r');
    const marked = runs.filter((r) => all(r, 'highlight').length > 0).map(textOf);
    const placeholders = runs
      .map(textOf)
      .join('\n')
      .match(/\[(isi|periksa): [^\]]*\]/g)!;
    expect(placeholders.length).toBeGreaterThan(10);
    expect(placeholders.some((p) => p.startsWith('[periksa: DPA 2024!C24'))).toBe(true);
    expect(marked).toEqual(placeholders);
  });

  it('opens with the draft note as before, in dark red, to be deleted', () => {
    const first = all(doc.document, 'p')[0];
    expect(textOf(first)).toBe(`Catatan untuk penyusun, hapus sebelum dipakai. ${report.draftWarning}`);
    expect(all(first, 'pStyle')[0].getAttributeNS(W, 'val')).toBe('Catatan');
  });

  it('repeats header rows, splits no row, keeps a caption with its table and a total with the row above it', () => {
    for (const tbl of all(doc.document, 'tbl')) {
      const rows = all(tbl, 'tr');
      expect(rows.every((r) => all(r, 'cantSplit').length === 1)).toBe(true);
      expect(all(rows[0], 'tblHeader')).toHaveLength(1);
      const caption = tbl.previousSibling as Element;
      expect(all(caption, 'keepNext')).toHaveLength(1);
    }
    const jumlah = all(doc.document, 'tr').find((r) => textOf(r).startsWith('JUMLAH'))!;
    const above = jumlah.previousSibling as Element;
    expect(all(above, 'keepNext').length).toBeGreaterThan(0);
  });

  it('turns on their side the headers over the check marks of Tabel 3.8, and no other', () => {
    const predikat = all(doc.document, 'tbl')[report.tables.filter((t) => t.id !== 'narasi').findIndex((t) => t.id === 'predikat')];
    const turned = all(predikat, 'tc').filter((c) => all(c, 'textDirection').length > 0);
    expect(turned.map(textOf)).toEqual(report.result.pengaturan.predikat.map((b) => b.nama));
    expect(all(doc.document, 'textDirection')).toHaveLength(turned.length);
  });
});

/** The cells of a column that stand in one column (not merged across others), with their emphasis. */
function cellsOf(t: Table, c: number): { text: string; bold: boolean }[] {
  const merges = new MergeIndex(t.merges);
  return t.rows.flatMap((r, i) => {
    const m = merges.at(i, c);
    return m && m.cols > 1 ? [] : [{ text: displayCell(r.cells[c]), bold: r.emphasis === 'bold' }];
  });
}

/** The longest word of each column's body. */
const longestWords = (t: Table) => t.columns.map((_, c) => Math.max(0, ...cellsOf(t, c).flatMap(({ text, bold }) => text.split(/\s+/).map((w) => textTwips(w, bold)))));

describe('columns sized from what they hold', () => {
  const kinerja = sheet(
    'IKU',
    ['Sasaran', 'Indikator', 'Target 2024', 'Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024'],
    ['Meningkatnya kualitas pelayanan publik yang merata dan berkualitas di seluruh kecamatan', 'Kepuasan masyarakat atas pelayanan', 'Baik', 'Cukup', 'Sangat memuaskan', 'Baik'],
    [null, 'Indeks Kepuasan Masyarakat terhadap Penyelenggaraan Pelayanan Publik di Kecamatan', 90, 80, 85, 88],
  );
  const tables = buildReport(hitung({ sheets: [kinerja] })).tables;

  it.each(['perbandingan-tahun', 'pengukuran-kinerja', 'predikat'])('%s: never narrower than its longest word, so no word is broken', (id) => {
    const t = tables.find((x) => x.id === id)!;
    const { widths } = wordPage(t).layout;
    const words = longestWords(t);
    widths.forEach((w, c) => expect([c, w - CELL_PADDING >= words[c]]).toEqual([c, true]));
  });

  it('takes a landscape page for a table whose words do not fit a portrait one', () => {
    const t = tables.find((x) => x.id === 'pengukuran-kinerja')!;
    expect([t.orientation, wordPage(t).orientation]).toEqual(['portrait', 'landscape']);
  });

  it('gives Tabel 3.2’s average the room for each phrase of its formula on a line: “tanpa batas: 100,30” unbroken', async () => {
    const report = buildReport(hitung(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx'))));
    const t = report.tables.find((x) => x.id === 'pengukuran-kinerja')!;
    const average = t.rows.at(-1)!;
    const rumus = t.header[0].indexOf('Rumus Kolom 6');
    expect(displayCell(average.cells[rumus])).toBe('rata-rata kolom 6; tanpa batas: 100,30');
    const { widths } = wordPage(t).layout;
    expect(widths[rumus] - CELL_PADDING).toBeGreaterThanOrEqual(textTwips('tanpa batas: 100,30', true));
  });

  it('gives Tabel 3.8’s names the room the empty predikat columns do not need: a long name on a few lines', async () => {
    const report = buildReport(hitung(await workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx'))));
    const t = report.tables.find((x) => x.id === 'predikat')!;
    const { widths, rotated } = columnLayout(t, 7937);
    expect([...rotated]).toEqual([2, 3, 4, 5, 6]);
    const longest = Math.max(...cellsOf(t, 0).map((x) => textTwips(x.text, x.bold)));
    // Lines of the longest name at its column's width; the old layout took seven.
    expect(Math.ceil(longest / (widths[0] - CELL_PADDING))).toBeLessThanOrEqual(3);
  });
});

describe('progress and pauses', () => {
  it('says which table it writes, and lets the caller breathe between pieces', async () => {
    const report = buildReport(hitung(await workbookFromXlsx(path.join(FIXTURES, 'semboro-bersih.xlsx'))));
    const said: string[] = [];
    let pauses = 0;
    await buildDocx(report.tables, null, { progress: (t) => said.push(t), pause: async () => void pauses++ });
    expect(said).toContain('Menyusun dokumen Word: Tabel 3.9 Realisasi Anggaran Tahun 2024…');
    expect(pauses).toBeGreaterThan(0);
  });
});
