import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { ResultJson } from '../../src/core/report/result-json';
import { FIXTURES, makeXlsx, sheetXml, tempDir } from '../helpers';

const quiet = { out: () => {}, err: () => {} };

interface Outputs {
  file: string;
  wb: ExcelJS.Workbook;
  docxText: string;
  docxXml: string;
  html: string;
  json: ResultJson;
}

async function run(input: string): Promise<Outputs> {
  const dir = await tempDir();
  const f = (n: string) => path.join(dir, n);
  expect(await runCli([input, '-o', f('hasil.xlsx'), '--docx', f('tabel.docx'), '--html', f('tabel.html'), '--json', f('hasil.json')], quiet)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f('hasil.xlsx'));
  const zip = await JSZip.loadAsync(await fs.readFile(f('tabel.docx')));
  const docxXml = await zip.file('word/document.xml')!.async('string');
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  const docxText = [...docxXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&\w+;/g, (e) => entities[e] ?? e)).join('\n');
  return {
    file: f('hasil.xlsx'),
    wb,
    docxXml,
    docxText,
    html: await fs.readFile(f('tabel.html'), 'utf8'),
    json: JSON.parse(await fs.readFile(f('hasil.json'), 'utf8')) as ResultJson,
  };
}

/** Every row of a sheet as an array of cell values (1-based columns dropped to 0-based). */
function rows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r, c + 1).value));
  return out;
}

const round2 = (v: ExcelJS.CellValue) => Math.round((v as number) * 100) / 100;

/** The numbers of a row: the table's figures are text, so only those beside it, for arithmetic, are numbers. */
const numbers = (r: ExcelJS.CellValue[]) => r.filter((v): v is number => typeof v === 'number');

describe('the report tables of the clean Semboro workbook', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await run(path.join(FIXTURES, 'semboro-bersih.xlsx'));
  });

  it('Tabel 3.9 holds the SPEC §7 figures in Indonesian notation, the same as numbers beside it, in DPA order, with JUMLAH', () => {
    const ws = out.wb.getWorksheet('HC Realisasi Anggaran')!;
    const all = rows(ws);
    expect(all[0][0]).toBe('Tabel 3.9');
    expect(all[1][0]).toBe('Realisasi Anggaran Tahun 2024');
    const programs = all.filter((r) => typeof r[0] === 'string' && /^\d+$/.test(r[0]));
    expect(programs.map((r) => [r[2], r[3], r[4]])).toEqual([
      ['2.700.414.981', '2.407.846.274', '89,17'],
      ['609.079.200', '607.098.480', '99,67'],
      ['164.088.000', '132.760.000', '80,91'],
      ['420.925.600', '397.891.640', '94,53'],
    ]);
    expect(programs.map((r) => numbers(r).map(round2))).toEqual([
      [2700414981, 2407846274, 89.17],
      [609079200, 607098480, 99.67],
      [164088000, 132760000, 80.91],
      [420925600, 397891640, 94.53],
    ]);
    const kegiatan = all.filter((r) => typeof r[0] === 'string' && /^\d+\.\d+$/.test(r[0]));
    expect(kegiatan.map((r) => r[4])).toEqual(['88,89', '97,50', '87,92', '92,32', '93,79', '99,66', '99,88', '80,91', '94,53']);
    expect(kegiatan[0][1]).toBe('Kegiatan Administrasi Keuangan Perangkat Daerah');
    const sub = all.filter((r) => typeof r[0] === 'string' && /^\d+\.\d+\.\d+$/.test(r[0]));
    expect(sub).toHaveLength(17);
    expect(sub[0][1]).toMatch(/^Sub Kegiatan Penyediaan Gaji/);
    const jumlahRow = all.findIndex((r) => r[1] === 'JUMLAH') + 1;
    expect([ws.getCell(jumlahRow, 3).value, ws.getCell(jumlahRow, 4).value, ws.getCell(jumlahRow, 5).value]).toEqual(['3.894.507.781', '3.545.596.394', '91,04']);
    expect(ws.getCell(jumlahRow, 3).numFmt).toBe('@');
    // Beside the table, after an empty column F: the same figures as numbers, in the computer's notation.
    expect([ws.getCell(jumlahRow, 6).value, ws.getCell(jumlahRow, 7).value, ws.getCell(jumlahRow, 8).value, round2(ws.getCell(jumlahRow, 9).value)]).toEqual([
      null,
      3894507781,
      3545596394,
      91.04,
    ]);
    expect(ws.getCell(jumlahRow, 7).numFmt).toBe('#,##0');
    expect(ws.getCell(jumlahRow, 9).numFmt).toBe('0.00');
    expect(ws.getCell(4, 7).value).toBe('Anggaran (Rp)');
    expect(ws.getCell(jumlahRow, 2).font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('Tabel 3.2 gives capaian per indikator and the capped average', () => {
    const all = rows(out.wb.getWorksheet('HC Pengukuran Kinerja')!);
    const body = all.filter((r) => typeof r[0] === 'string' && /^\d$/.test(r[0]) && typeof r[5] === 'string' && r[5].includes(','));
    expect(body.map((r) => r[5])).toEqual(['100,00', '92,86', '100,00', '100,00', '108,92', '100,00']);
    expect(body.map((r) => r[6])).toEqual(Array(6).fill('5 ÷ 4 × 100'));
    expect(body[1].slice(3, 5)).toEqual(['90', '83,57']);
    expect(body[0].slice(3, 5)).toEqual(['4 Dok', '4 Dok']);
    const average = all.find((r) => typeof r[0] === 'string' && r[0].startsWith('Rata-rata capaian kinerja'))!;
    expect([average[0], ...average.slice(5, 7)]).toEqual(['Rata-rata capaian kinerja (capaian di atas 100% dihitung 100%)', '98,81', 'rata-rata kolom 6; tanpa batas: 100,30']);
  });

  it('Tabel 3.6 lists each sasaran with its programs and a TOTAL', () => {
    const all = rows(out.wb.getWorksheet('HC Program Pendukung')!);
    const totals = all.filter((r) => r[0] === 'TOTAL').map((r) => numbers(r).map(round2));
    expect(all.filter((r) => r[0] === 'TOTAL')[0].slice(2, 5)).toEqual(['609.079.200', '607.098.480', '99,67']);
    expect(totals).toEqual([
      [609079200, 607098480, 99.67],
      [164088000, 132760000, 80.91],
      [420925600, 397891640, 94.53],
      [2700414981, 2407846274, 89.17],
    ]);
    expect(all.some((r) => r[1] === 'Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN' && r[2] === '2.162.907.781')).toBe(true);
  });

  it('Tabel 3.7 and 3.8 classify efisiensi and predikat', () => {
    const ef = rows(out.wb.getWorksheet('HC Efisiensi')!).filter((r) => numbers(r).length > 0);
    expect(ef.map((r) => [String(r[0]).slice(0, 24), r[1], r[2], r[3], ...numbers(r).map(round2)])).toEqual([
      ['2. Meningkatnya Kepuasan', '92,86', '99,67', 'Tidak efisien', 92.86, 99.67],
      ['3. Meningkatnya Fasilita', '100,00', '80,91', 'Efisien', 100, 80.91],
      ['4. Terjaganya ketertiban', '100,00', '94,53', 'Efisien', 100, 94.53],
      ['6. Meningkatnya Efektifi', '100,00', '89,17', 'Efisien', 100, 89.17],
    ]);
    const pr = rows(out.wb.getWorksheet('HC Predikat')!);
    const header = pr.find((r) => r.includes('Sangat Tinggi'))!;
    const checks = pr.flatMap((r) => r.map((v, c) => (v === '✓' ? header[c] : null)).filter((v) => v !== null));
    expect(checks).toEqual(Array(6 + 6 + 1).fill('Sangat Tinggi'));
  });

  it('the alokasi table gives each sasaran its share of the total anggaran', () => {
    const all = rows(out.wb.getWorksheet('HC Alokasi Anggaran')!);
    expect(all.find((r) => r[0] === 'Total anggaran')![2]).toBe('3.894.507.781');
    expect(all.find((r) => r[1] === 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik' || r[1] === 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK')![3]).toBe(
      '15,64',
    );
  });

  it('the Word document has every table with Indonesian figures, A4, repeated header rows', () => {
    for (const caption of [
      'Pengukuran Realisasi Kinerja Tahun 2024',
      'Program Pendukung Sasaran',
      'Efisiensi Penggunaan Sumber Daya',
      'Rekapitulasi Predikat Capaian Kinerja Tahun 2024',
      'Realisasi Anggaran Tahun 2024',
      'Alokasi Anggaran per Sasaran Tahun 2024',
      'Hasil Pemeriksaan',
    ]) {
      expect(out.docxText).toContain(caption);
    }
    for (const figure of ['2.700.414.981', '2.407.846.274', '89,17', '3.894.507.781', '3.545.596.394', '91,04', '98,81', '108,92', '83,57', 'Tidak efisien', '✓']) {
      expect(out.docxText.split('\n')).toContain(figure);
    }
    expect(out.docxXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect((out.docxXml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(7);
  });

  it('the HTML rendering has inline styles and Indonesian figures', () => {
    expect(out.html).toContain('>2.700.414.981<');
    expect(out.html).toContain('>91,04<');
    expect(out.html).not.toMatch(/<style|class=/);
  });
});

describe('the as-printed Semboro workbook', () => {
  it('gives one Pemeriksaan row per finding, each linked to its cell', async () => {
    const out = await run(path.join(FIXTURES, 'semboro-tercetak.xlsx'));
    const sheet = await sheetXml(out.file, 'HC Pemeriksaan');
    const links = Array.from(sheet.getElementsByTagName('hyperlink')).map((h) => [h.getAttribute('ref'), h.getAttribute('location')]);
    expect(links.every(([ref]) => /^D\d+$/.test(ref!))).toBe(true);
    const expected = out.json.temuan.filter((t) => t.lembar && t.sel).map((t) => `'${t.lembar}'!${t.sel}`);
    expect(links.map(([, location]) => location)).toEqual(expected);
    expect(links.map(([, location]) => location)).toContain("'DPA 2024'!C23");
    expect(links.length).toBe(out.json.temuan.length);
  });
});

describe('names that look like formulas', () => {
  const hostile = ['=HYPERLINK("http://contoh.invalid","klik")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3'];

  it('stay text in the workbook, the Word document and the HTML', async () => {
    const dir = await tempDir();
    const budget = hostile.flatMap((name, i) => [
      [`7.01.0${i + 1}`, name, 1000 * (i + 1), 900 * (i + 1)],
      [`7.01.0${i + 1}.2.01`, `Kegiatan ${i + 1}`, 1000 * (i + 1), 900 * (i + 1)],
    ]);
    const kinerja = hostile.map((name, i) => [`Sasaran ${i + 1}`, name, '%', 100, 90, `7.01.0${i + 1}`]);
    const input = await makeXlsx(dir, 'jahat.xlsx', [
      { name: 'DPA', rows: [['Kode', 'Uraian', 'Anggaran', 'Realisasi'], ...budget] },
      { name: 'Kinerja', rows: [['Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Program Pendukung'], ...kinerja] },
    ]);
    const out = await run(input);
    const indikator = rows(out.wb.getWorksheet('HC Pengukuran Kinerja')!).map((r) => r[2]);
    const programs = rows(out.wb.getWorksheet('HC Realisasi Anggaran')!).map((r) => r[1]);
    for (const name of hostile) {
      expect(indikator).toContain(name);
      expect(programs).toContain(`Program ${name}`);
      expect(out.docxText.split('\n')).toContain(name);
    }
    for (const ws of out.wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(out.html).toContain('>=HYPERLINK(&quot;http://contoh.invalid&quot;,&quot;klik&quot;)<');
  });
});

describe('tables that need more than the Semboro sheets have', () => {
  let out: Outputs;
  beforeAll(async () => {
    const dir = await tempDir();
    const input = await makeXlsx(dir, 'lengkap.xlsx', [
      {
        name: 'DPA 2025',
        rows: [
          ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
          ['7.01.01', 'PROGRAM PENUNJANG', 1000, 900],
          ['7.01.01.2.01', 'Administrasi Umum', 1000, 900],
          ['7.01.01.2.01.0001', 'Penyediaan Peralatan Kantor', 1000, 900],
          ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 600, 500],
          ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 400, 400],
        ],
      },
      {
        name: 'Kinerja',
        rows: [
          ['Sasaran', 'Indikator', 'Target 2025', 'Realisasi', null, null, 'Program'],
          [null, null, null, '2023', '2024', '2025', null],
          ['Meningkatnya pelayanan', 'Indeks Kepuasan', 90, 80, '85,5', 88, '7.01.01'],
        ],
        merges: ['D1:F1', 'A1:A2', 'B1:B2', 'C1:C2', 'G1:G2'],
      },
    ]);
    out = await run(input);
  });

  it('compares realisasi with earlier years when the kinerja sheet has them', () => {
    const all = rows(out.wb.getWorksheet('HC Perbandingan Tahun')!);
    expect(all.find((r) => r.includes('2023'))!.slice(2, 5)).toEqual(['2023', '2024', '2025']);
    expect(all.find((r) => r[1] === 'Indeks Kepuasan')!.slice(2, 5)).toEqual(['80', '85,5', '88']);
    // Beside the table, each year's figures as numbers, under the year.
    expect(all.find((r) => r.includes('2023'))!.slice(5)).toEqual([null, 'Realisasi 2023', 'Realisasi 2024', 'Realisasi 2025']);
    expect(numbers(all.find((r) => r[1] === 'Indeks Kepuasan')!)).toEqual([80, 85.5, 88]);
  });

  it('splits belanja operasi and modal with their share and serapan', () => {
    const all = rows(out.wb.getWorksheet('HC Belanja Operasi Modal')!);
    const line = (name: string) => numbers(all.find((r) => r[0] === name)!).map(round2);
    expect(all.find((r) => r[0] === 'Belanja Operasi')!.slice(1, 5)).toEqual(['600', '60,00', '500', '83,33']);
    expect(line('Belanja Operasi')).toEqual([600, 60, 500, 83.33]);
    expect(line('Belanja Modal')).toEqual([400, 40, 400, 100]);
    expect(line('JUMLAH')).toEqual([1000, 100, 900, 90]);
  });
});
