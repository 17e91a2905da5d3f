import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FIXTURES, makeXlsx, packageParts, runQuiet, sheetXml, SMALL_DPA, tempDir } from '../helpers';

/** Which sheets a run replaces, and what it writes into them. */

const sheetNames = async (file: string) => {
  const xml = (await packageParts(file)).get('xl/workbook.xml')!.toString();
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
};
const texts = (sheet: Awaited<ReturnType<typeof sheetXml>>) => Array.from(sheet.getElementsByTagName('t')).map((t) => t.textContent);

describe('the result copy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('keeps a result sheet the user edited, writes the new one beside it, and says so', async () => {
    const first = path.join(dir, 'pertama.xlsx');
    expect((await runQuiet([path.join(FIXTURES, 'semboro-bersih.xlsx'), '-o', first])).code).toBe(0);
    // The user writes a note into HC Efisiensi.
    const zip = await JSZip.loadAsync(await fs.readFile(first));
    const part = 'xl/worksheets/sheet6.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('Tabel 3.7');
    zip.file(part, xml.replace('Tabel 3.7', 'Tabel 3.7 (sudah diperiksa)'));
    const edited = path.join(dir, 'diubah.xlsx');
    await fs.writeFile(edited, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const second = path.join(dir, 'kedua.xlsx');
    const r = await runQuiet([edited, '-o', second]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Lembar “HC Efisiensi” telah diubah sejak perhitungan terakhir; lembar itu dibiarkan dan hasil baru ditulis ke lembar “HC Efisiensi (2)”.');
    const names = await sheetNames(second);
    expect(names.filter((n) => n.startsWith('HC Efisiensi'))).toEqual(['HC Efisiensi', 'HC Efisiensi (2)']);
    expect(texts(await sheetXml(second, 'HC Efisiensi'))).toContain('Tabel 3.7 (sudah diperiksa)');
    expect(texts(await sheetXml(second, 'HC Efisiensi (2)'))).toContain('Tabel 3.7');

    // The edited sheet is the user's now: a third run leaves it and replaces only its own sheets.
    const third = path.join(dir, 'ketiga.xlsx');
    const again = await runQuiet([second, '-o', third]);
    expect(again.err.join('\n')).not.toMatch(/telah diubah/);
    expect(await sheetNames(third)).toEqual(names);
  });

  it('re-run on its own copy, uses the style entries its earlier run appended instead of appending them again', async () => {
    const styles = async (file: string) => (await packageParts(file)).get('xl/styles.xml')!.toString();
    const first = path.join(dir, 'gaya-1.xlsx');
    const second = path.join(dir, 'gaya-2.xlsx');
    expect((await runQuiet([path.join(FIXTURES, 'semboro-bersih.xlsx'), '-o', first])).code).toBe(0);
    expect((await runQuiet([first, '-o', second])).code).toBe(0);
    expect(await styles(second)).toBe(await styles(first));
    expect((await styles(first)).length).toBeGreaterThan((await styles(path.join(FIXTURES, 'semboro-bersih.xlsx'))).length);
  });

  it('never touches a user sheet named like a result sheet: the result gets another name', async () => {
    const input = await makeXlsx(dir, 'nama-sama.xlsx', [
      { name: 'DPA', rows: SMALL_DPA },
      { name: 'hc realisasi anggaran', rows: [['catatan saya']] },
    ]);
    const out = path.join(dir, 'nama-sama-hasil.xlsx');
    expect((await runQuiet([input, '-o', out])).code).toBe(0);
    expect(await sheetNames(out)).toEqual(['DPA', 'hc realisasi anggaran', 'HC Realisasi Anggaran (2)', 'HC Narasi', 'HC Pemeriksaan']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('hc realisasi anggaran')!.getSheetValues()).toEqual([undefined, [undefined, 'catatan saya']]);
  });

  it('writes an amount a spreadsheet number cannot hold as text in the report format, never as Infinity', async () => {
    const input = await makeXlsx(dir, 'besar.xlsx', [
      {
        name: 'DPA',
        rows: [
          ['Kode', 'Uraian', 'Anggaran'],
          ['7.01.01', 'PROGRAM A', '999.999.999.999.999.999.998,01'],
          ['7.01.01.2.01', 'Kegiatan A1', '999.999.999.999.999.999.998,01'],
          ['7.01.02', 'PROGRAM B', '340' + '.000'.repeat(102)],
          ['7.01.02.2.01', 'Kegiatan B1', 1.7e308],
          ['7.01.02.2.02', 'Kegiatan B2', 1.7e308],
        ],
      },
    ]);
    const out = path.join(dir, 'besar-hasil.xlsx');
    expect((await runQuiet([input, '-o', out])).code).toBe(0);
    const parts = await packageParts(out);
    for (const [name, bytes] of parts) expect([name, bytes.toString().includes('Infinity')]).toEqual([name, false]);
    const all = texts(await sheetXml(out, 'HC Realisasi Anggaran'));
    expect(all).toContain('999.999.999.999.999.999.998,01');
    expect(all.some((t) => /^340(\.000){102}$/.test(t!))).toBe(true);
  });

  it('refuses a copy of a macro-enabled workbook under another extension, which Excel would not open', async () => {
    const r = await runQuiet([path.join(FIXTURES, 'other-tools', 'makro.xlsm'), '-o', path.join(dir, 'hasil.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toMatch(/harus berakhiran \.xlsm/);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('the chart on HC Efisiensi', () => {
  it('is in the copy as in Excel’s run: a clustered column chart of % capaian against % serapan per sasaran, its cells referred to', async () => {
    const dir = await tempDir();
    const first = path.join(dir, 'grafik.xlsx');
    expect((await runQuiet([path.join(FIXTURES, 'semboro-bersih.xlsx'), '-o', first])).code).toBe(0);
    const parts = await packageParts(first);
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    const chart = parts.get(charts[0])!.toString();
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain('Capaian Kinerja dan Serapan Anggaran per Sasaran (%)');
    // Drawn from the figures beside the table (F–H: the names, then numbers), not from the table's
    // text in Indonesian notation, which a chart would read as no number at all.
    expect([...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/&apos;|'/g, "'"))).toEqual([
      "'HC Efisiensi'!$G$4",
      "'HC Efisiensi'!$F$5:$F$8",
      "'HC Efisiensi'!$G$5:$G$8",
      "'HC Efisiensi'!$H$4",
      "'HC Efisiensi'!$F$5:$F$8",
      "'HC Efisiensi'!$H$5:$H$8",
    ]);
    const sheet = await sheetXml(first, 'HC Efisiensi');
    const cell = (ref: string) => Array.from(sheet.getElementsByTagName('c')).find((c) => c.getAttribute('r') === ref)!;
    expect(['G5', 'H8'].map((r) => [cell(r).getAttribute('t'), Number(cell(r).getElementsByTagName('v')[0]?.textContent)])).toEqual([
      [null, expect.closeTo(92.86, 2)],
      [null, expect.closeTo(89.17, 2)],
    ]);
    expect([cell('G4'), cell('F5')].map((c) => c.textContent)).toEqual(['% Capaian Kinerja', expect.stringMatching(/^2\. Meningkatnya Kepuasan/)]);
    expect(sheet.getElementsByTagName('drawing')).toHaveLength(1);
    const types = parts.get('[Content_Types].xml')!.toString();
    expect(types).toContain(`PartName="/${charts[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);

    // Run again on the copy: our chart is ours, not an addition of the user's; it goes with its sheet, leaving no part behind.
    const second = path.join(dir, 'grafik-2.xlsx');
    const again = await runQuiet([first, '-o', second]);
    expect(again.err.join('\n')).not.toMatch(/telah diubah|tidak ditulis alat ini/);
    const after = [...(await packageParts(second)).keys()];
    expect(after.filter((p) => /^xl\/(charts|drawings)\//.test(p))).toHaveLength(3);
  });
});
