import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser, Element } from '@xmldom/xmldom';
import { runCli } from '../../src/cli/run';
import { ResultJson } from '../../src/core/report/result-json';
import { FIXTURES, tempDir } from '../helpers';

/** Chapter III's narrative of the clean Semboro book (SPEC §7), in the JSON, the workbook and the Word document. */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const quiet = { out: () => {}, err: () => {} };

/** Indonesian numbers of a text (`3.894.507.781`, `92,86`), as plain decimal strings, references (`Sasaran 2`, `Tabel 3.2`) left out. */
const numbers = (text: string) =>
  [...text.replace(/(Sasaran|Tabel) [\d.]+/g, '').matchAll(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g)].map((m) => m[0].replace(/\./g, '').replace(',', '.'));

let json: ResultJson;
let wb: ExcelJS.Workbook;
let body: Element;

beforeAll(async () => {
  const dir = await tempDir();
  const f = (n: string) => path.join(dir, n);
  expect(await runCli([path.join(FIXTURES, 'semboro-bersih.xlsx'), '-o', f('hasil.xlsx'), '--docx', f('laporan.docx'), '--json', f('hasil.json')], quiet)).toBe(0);
  json = JSON.parse(await fs.readFile(f('hasil.json'), 'utf8')) as ResultJson;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f('hasil.xlsx'));
  const zip = await JSZip.loadAsync(await fs.readFile(f('laporan.docx')));
  body = new DOMParser().parseFromString(await zip.file('word/document.xml')!.async('string'), 'text/xml').getElementsByTagNameNS(W, 'body')[0];
});

describe('the narrative of the clean Semboro book', () => {
  const CAPAIAN = ['100', '92.86', '100', '100', '108.92', '100'];

  it('sums up each sasaran with its own figures only', () => {
    const n = json.narasi;
    expect(n.ringkasan).toHaveLength(6);
    expect(n.ringkasan[1]).toBe(
      'Sasaran 2: Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan diukur dengan satu indikator kinerja ' +
        'dan mencapai predikat Sangat Tinggi dengan capaian 92,86%; realisasinya 83,57 dari target 90.',
    );
    expect(n.ringkasan.every((b) => b.includes('predikat Sangat Tinggi'))).toBe(true);
    expect(numbers(n.ringkasan[1])).toEqual(['92.86', '83.57', '90']);
  });

  it('after Tabel 3.2: 98,81 over six indikator, the cap stated once, and per sasaran the SPEC §7 capaian', () => {
    const n = json.narasi;
    expect(n.pengukuran.join(' ')).toContain('rata-rata capaian enam indikator kinerja sasaran tahun 2024 adalah 98,81% dengan predikat Sangat Tinggi');
    expect(n.pengukuran.join(' ').match(/dihitung 100%/g)).toHaveLength(1);
    expect(n.sasaran.map((s) => s.paragraf[0].match(/memperoleh capaian ([\d,]+)%/)![1].replace(',', '.'))).toEqual(CAPAIAN);
    expect([...new Set(numbers(n.sasaran[1].paragraf.join(' ')))].sort()).toEqual(['83.57', '90', '92.86']);
    expect(n.sasaran[1].paragraf.join(' ')).toContain('target belum tercapai');
    expect(n.sasaran[1].paragraf.join(' ')).toContain('[isi: penyebab belum tercapainya target');
  });

  it('gives efisiensi in the seed’s form: Sasaran 2 tidak efisien with 92,86 and 99,67, the others efisien', () => {
    const e = json.narasi.efisiensi;
    expect(e).toContain(
      'Capaian kinerja Sasaran 2: Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan dapat dikategorikan tidak efisien ' +
        'karena % capaian kinerja (92,86%) lebih kecil daripada % serapan anggaran (99,67%).',
    );
    expect(e.filter((s) => s.includes('dapat dikategorikan efisien')).map(numbers)).toEqual([
      ['100', '80.91'],
      ['100', '94.53'],
      ['100', '89.17'],
    ]);
    expect(e).toContain('Efisiensi Sasaran 1 dan Sasaran 5 belum dinilai [periksa: program pendukungnya belum disebutkan; sebutkan bila ada, lalu hitung ulang].');
  });

  it('gives the budget paragraph with the total, 91,04 and the programs with the highest and lowest serapan', () => {
    const a = json.narasi.anggaran;
    expect(a[0]).toContain('didukung anggaran sebesar Rp 3.894.507.781');
    expect(a[1]).toBe('Realisasi belanja tahun 2024 sebesar Rp 3.545.596.394 atau 91,04% dari pagu anggaran.');
    expect(a[2]).toBe(
      'Serapan tertinggi terdapat pada Program Penyelenggaraan Pemerintahan dan Pelayanan Publik (99,67%), dan terendah pada Program Pemberdayaan Masyarakat Desa dan Kelurahan (80,91%).',
    );
  });

  it('writes the narrative to the HC Narasi sheet, with where each paragraph goes', () => {
    const ws = wb.getWorksheet('HC Narasi')!;
    const rows: [unknown, unknown][] = [];
    ws.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    expect([...new Set(rows.map((r) => r[0]).filter((x) => typeof x === 'string' && /^(Ringkasan|Bab III)/.test(x)))]).toEqual([
      'Ringkasan Eksekutif',
      'Bab III, setelah Tabel 3.2',
      'Bab III, setelah Tabel 3.7',
      'Bab III, sebelum Tabel 3.9',
    ]);
    expect(rows.map((r) => r[1])).toContain(`• ${json.narasi.ringkasan[1]}`);
    expect(rows.map((r) => r[1])).toContain(json.narasi.anggaran[1]);
  });
});

describe('the Word document', () => {
  const paragraphs = () =>
    Array.from(body.childNodes as unknown as Element[])
      .filter((n) => n.localName === 'p' || n.localName === 'tbl')
      .map((n) => ({
        node: n,
        text:
          n.localName === 'tbl'
            ? '<tabel>'
            : Array.from(n.getElementsByTagNameNS(W, 't'))
                .map((t) => t.textContent)
                .join(''),
      }));

  it('places the paragraphs beside their tables, in chapter III’s order', () => {
    const texts = paragraphs().map((p) => p.text);
    const at = (text: string) => texts.findIndex((t) => t.startsWith(text));
    expect(at('Ringkasan Eksekutif')).toBe(0);
    expect(at('Ringkasan Eksekutif')).toBeLessThan(at('Tabel 3.2'));
    expect(at('Tabel 3.2')).toBeLessThan(at('Tabel 3.2 menunjukkan'));
    expect(at('Tabel 3.2 menunjukkan')).toBeLessThan(at('Sasaran 1: Meningkatnya penataan'));
    expect(at('Sasaran 6: Meningkatnya Efektifitas')).toBeLessThan(at('Tabel 3.6'));
    expect(at('Tabel 3.7')).toBeLessThan(at('Dengan anggaran sebesar'));
    expect(at('Capaian kinerja Sasaran 6')).toBeLessThan(at('Tabel 3.8'));
    expect(at('Tabel 3.8')).toBeLessThan(at('Pada tahun anggaran 2024'));
    expect(at('Realisasi belanja tahun 2024')).toBeLessThan(at('Tabel 3.9'));
    expect(texts.filter((t) => t === json.narasi.anggaran[1])).toHaveLength(1);
  });

  it('keeps every caption with its table and never splits a table row across pages', () => {
    const all = paragraphs();
    const captions = all.filter((p, i) => all[i + 1]?.text === '<tabel>' || (all[i + 2]?.text === '<tabel>' && /^Tabel \d/.test(p.text)));
    // Seven tables, five of them numbered as in the seed (3.2, 3.6, 3.7, 3.8, 3.9).
    expect(captions).toHaveLength(7 + 5);
    for (const c of captions) expect([c.text, c.node.getElementsByTagNameNS(W, 'keepNext').length]).toEqual([c.text, 1]);
    const rows = Array.from(body.getElementsByTagNameNS(W, 'tr'));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.getElementsByTagNameNS(W, 'cantSplit').length === 0)).toEqual([]);
    const style = (p: { node: Element }) => p.node.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val');
    const headings = all.filter((p) => /^Sasaran \d: /.test(p.text) && style(p) === 'NarasiJudul');
    expect(headings).toHaveLength(6);
    for (const h of headings) expect(h.node.getElementsByTagNameNS(W, 'keepNext')).toHaveLength(1);
  });
});

describe('the Word document of a book with galat', () => {
  // The clean book's opens with Ringkasan Eksekutif (above): no warning there.
  it('opens with the draft warning', async () => {
    const dir = await tempDir();
    const docx = path.join(dir, 'laporan.docx');
    expect(await runCli([path.join(FIXTURES, 'semboro-tercetak.xlsx'), '--docx', docx], quiet)).toBe(0);
    const xml = await (await JSZip.loadAsync(await fs.readFile(docx))).file('word/document.xml')!.async('string');
    const first = new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagNameNS(W, 'p')[0];
    const text = Array.from(first.getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent)
      .join('');
    expect(text).toMatch(/^Catatan untuk penyusun, hapus sebelum dipakai\. Lembar sumber masih memuat delapan galat/);
  });
});
