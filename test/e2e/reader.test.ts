import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makeXlsx, packageParts, rowsXml, runQuiet, runWithJson, SMALL_DPA, tempDir, writePackage } from '../helpers';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';

/** Any valid package is read, and what is not a workbook is called what it is. */

describe('the reader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('reads absolute relationship targets, rows and cells without addresses, and a prefixed namespace', async () => {
    const noRefs = SMALL_DPA.map(
      (r) => `<x:row>${r.map((v) => (typeof v === 'number' ? `<x:c><x:v>${v}</x:v></x:c>` : `<x:c t="inlineStr"><x:is><x:t>${v}</x:t></x:is></x:c>`)).join('')}</x:row>`,
    ).join('');
    const file = await writePackage(path.join(dir, 'absolut.xlsx'), {
      absolute: true,
      sheets: [{ name: 'DPA', body: `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${noRefs}</x:sheetData>` }],
    });
    const r = await runWithJson(file);
    expect(r.code).toBe(0);
    expect(r.json!.anggaran!.anggaran).toBe('300');
    expect(r.json!.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
  });

  it('says in one sentence that a Strict Open XML workbook must be saved as a normal one', async () => {
    const file = await writePackage(path.join(dir, 'strict.xlsx'), { strict: true, sheets: [{ name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` }] });
    const r = await runQuiet([file]);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toBe('Galat: Berkas “strict.xlsx” disimpan dalam format Strict Open XML. Buka di Excel dan simpan sebagai “Buku Kerja Excel (.xlsx)”, lalu coba lagi.');
  });

  it.each([
    ['a plain zip', { 'catatan.txt': 'halo' }, /adalah arsip ZIP biasa \(tidak ada xl\/workbook.xml\), bukan buku kerja Excel/],
    [
      'a LibreOffice spreadsheet (.ods)',
      { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest:manifest/>' },
      /^Galat: Berkas “[^”]+” berformat LibreOffice\/OpenDocument \(\.ods\): buka di LibreOffice dan simpan sebagai \.xlsx \(Excel 2007-365\), lalu coba lagi\.$/,
    ],
    [
      'a Word document',
      { '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': '<w:document/>' },
      /^Galat: Berkas “[^”]+” adalah dokumen Word, bukan buku kerja Excel: pilih berkas buku kerja Excel \(\.xlsx\) yang berisi lembar DPA, realisasi dan kinerja\.$/,
    ],
  ])('calls a package without xl/workbook.xml what it is: %s', async (_name, parts, message) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(parts)) zip.file(name, text);
    const file = path.join(dir, `bukan-${Object.keys(parts).length}.xlsx`);
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await runQuiet([file]);
    expect(r.code).toBe(2);
    expect(r.err.filter((l) => l.startsWith('Galat'))).toEqual([expect.stringMatching(message)]);
  });

  it('reads a user sheet named "HC …" like any other and keeps it in the copy', async () => {
    const file = await makeXlsx(dir, 'hc-pengguna.xlsx', [{ name: 'HC DPA 2024', rows: SMALL_DPA }]);
    const out = path.join(dir, 'hc-pengguna-hasil.xlsx');
    const r = await runWithJson(file, ['-o', out]);
    expect(r.json!.lembar.dpa).toBe('HC DPA 2024');
    expect(r.json!.anggaran!.anggaran).toBe('300');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe('HC DPA 2024');
    expect(wb.worksheets[0].getCell('C2').value).toBe(300);
    expect(wb.worksheets.map((w) => w.name)).toContain('HC Realisasi Anggaran');
  });

  it('reports a date in an amount column as a nilai finding instead of summing its serial number', async () => {
    const rows = SMALL_DPA.map((r) => [...r]);
    rows[3][2] = new Date(Date.UTC(2024, 0, 15)) as unknown as number;
    const r = await runWithJson(await makeXlsx(dir, 'tanggal.xlsx', [{ name: 'DPA', rows }]));
    const nilai = r.json!.temuan.filter((t) => t.jenis === 'nilai');
    expect(nilai.map((t) => [t.sel, t.tertulis])).toEqual([['C4', '15/01/2024']]);
  });

  it('converts the dates of a 1904 workbook to the 1900 system the core reads', async () => {
    const body = `<sheetData>${rowsXml(SMALL_DPA.slice(0, 3))}<row r="4"><c r="A4" t="inlineStr"><is><t>7.01.01.2.02</t></is></c><c r="B4" t="inlineStr"><is><t>Kegiatan A2</t></is></c><c r="C4" s="1"><v>0</v></c></row></sheetData>`;
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>';
    const file = await writePackage(path.join(dir, '1904.xlsx'), { workbookPr: 'date1904="1"', styles, sheets: [{ name: 'DPA', body }] });
    const r = await runWithJson(file);
    expect(r.json!.temuan.filter((t) => t.jenis === 'nilai').map((t) => t.tertulis)).toEqual(['01/01/1904']);
  });

  /** A small workbook of one DPA sheet, changed by `edit` after it is written. */
  async function edited(name: string, edit: (zip: JSZip) => unknown): Promise<string> {
    const file = await writePackage(path.join(dir, name), { sheets: [{ name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` }] });
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    await edit(zip);
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }
  const relationships = 'xl/_rels/workbook.xml.rels';

  it.each([
    [
      'its part missing',
      (zip: JSZip) => void zip.remove('xl/worksheets/sheet1.xml'),
      'Galat: Berkas “tanpa-isi.xlsx” rusak: isi lembar “DPA” (xl/worksheets/sheet1.xml) tidak ada di dalam berkas.',
    ],
    [
      'its relationship pointing outside the package',
      async (zip: JSZip) => zip.file(relationships, (await zip.file(relationships)!.async('string')).replace('worksheets/sheet1.xml', '../../x')),
      'Galat: Berkas “tanpa-isi.xlsx” rusak: isi lembar “DPA” (../x) tidak ada di dalam berkas.',
    ],
    [
      'no relationship at all',
      async (zip: JSZip) => zip.file(relationships, (await zip.file(relationships)!.async('string')).replace('Id="rId1"', 'Id="rId9"')),
      'Galat: Berkas “tanpa-isi.xlsx” rusak: isi lembar “DPA” (rId1) tidak ada di dalam berkas.',
    ],
  ])('calls a workbook whose sheet has %s corrupt, naming the sheet', async (_name, edit, message) => {
    const r = await runQuiet([await edited('tanpa-isi.xlsx', edit)]);
    expect(r.code).toBe(2);
    expect(r.err.filter((l) => l.startsWith('Galat'))).toEqual([message]);
  });

  it('reads XML parts in UTF-16, with a byte order mark or without; the rewritten workbook part is declared UTF-8', async () => {
    const utf16 = (xml: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(xml, 'utf16le')]);
    const file = await edited('utf16.xlsx', async (zip) => {
      const workbook = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', utf16(`<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${workbook}`, true));
      zip.file('xl/worksheets/sheet1.xml', utf16(await zip.file('xl/worksheets/sheet1.xml')!.async('string'), false));
    });
    const out = path.join(dir, 'utf16-hasil.xlsx');
    const r = await runWithJson(file, ['-o', out]);
    expect(r.json!.anggaran!.anggaran).toBe('300');
    const workbook = (await packageParts(out)).get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<workbook /);
    const again = await runWithJson(out);
    expect(again.json!.anggaran!.anggaran).toBe('300');
  });

  it('reads a number only as SpreadsheetML writes one: 0x10, Infinity or NaN in <v> is a nilai finding, never 16', async () => {
    const file = await edited('angka.xlsx', async (zip) => {
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace('<v>100</v>', '<v>0x10</v>').replace('<v>200</v>', '<v> 2E2 </v>').replace('<v>50</v>', '<v>Infinity</v>'));
    });
    const r = await runWithJson(file);
    expect(r.json!.temuan.filter((t) => t.jenis === 'nilai').map((t) => [t.sel, t.tertulis])).toEqual([
      ['C3', '0x10'],
      ['D3', 'Infinity'],
    ]);
    expect(r.json!.anggaran!.program[0].kegiatan!.map((k) => k.anggaran)).toEqual(['0', '200']);
  });

  it('reads a cell longer than Excel holds (32.767 characters) cut to that length, as Excel repairs it', async () => {
    const rows = [...SMALL_DPA, ['7.01.01.2.03', `Sub Kegiatan ${'x'.repeat(40_000)}`, 5, 4]];
    const file = await writePackage(path.join(dir, 'panjang.xlsx'), { sheets: [{ name: 'DPA', body: `<sheetData>${rowsXml(rows)}</sheetData>` }] });
    const [grid] = (await workbookFromXlsx(file)).sheets;
    expect((grid.values[4][1] as string).length).toBe(32_767);
    const r = await runWithJson(file);
    expect(r.code).toBe(0);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});
