import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { FIXTURES, RESULT_SHEETS, allItems, runWithJson, tempDir } from '../helpers';

const bersih = path.join(FIXTURES, 'semboro-bersih.xlsx');
const tercetak = path.join(FIXTURES, 'semboro-tercetak.xlsx');

describe('Semboro 2024, clean workbook (SPEC §7)', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    run = await runWithJson(bersih);
  });

  it('detects the three sheets', () => {
    expect(run.code).toBe(0);
    expect(run.json!.lembar).toEqual({ dpa: 'DPA 2024', realisasi: 'Realisasi 2024', kinerja: 'Kinerja 2024' });
  });

  it('computes anggaran, realisasi and serapan per program and in total', () => {
    const a = run.json!.anggaran!;
    expect([a.anggaran, a.realisasi, a.serapan]).toEqual(['3894507781', '3545596394', '91.04']);
    expect(a.program.map((p) => [p.anggaran, p.realisasi, p.serapan])).toEqual([
      ['2700414981', '2407846274', '89.17'],
      ['609079200', '607098480', '99.67'],
      ['164088000', '132760000', '80.91'],
      ['420925600', '397891640', '94.53'],
    ]);
    expect(a.belanjaOperasi).toBeNull();
    expect(a.belanjaModal).toBeNull();
  });

  it('gives kegiatan serapan in DPA order and all 17 sub kegiatan of the DPA', () => {
    const items = allItems(run.json!);
    expect(items.filter((i) => i.level === 'kegiatan').map((k) => k.serapan)).toEqual(['88.89', '97.50', '87.92', '92.32', '93.79', '99.66', '99.88', '80.91', '94.53']);
    expect(items.filter((i) => i.level === 'subKegiatan')).toHaveLength(17);
    const modal = items.find((i) => i.nama === 'Penyediaan Peralatan dan Perlengkapan Kantor')!;
    expect([modal.anggaran, modal.realisasi, modal.serapan]).toEqual(['107552700', '103135000', '95.89']);
  });

  it('computes capaian, predikat, rata-rata with the cap, and efisiensi', () => {
    const sasaran = run.json!.sasaran;
    expect(sasaran.flatMap((s) => s.indikator.map((i) => i.capaian))).toEqual(['100.00', '92.86', '100.00', '100.00', '108.92', '100.00']);
    expect(sasaran.flatMap((s) => s.indikator.map((i) => i.predikat))).toEqual(Array(6).fill('Sangat Tinggi'));
    expect(run.json!.rataRataCapaian).toBe('98.81');
    expect(sasaran.map((s) => [s.capaian, s.serapan, s.efisiensi])).toEqual([
      ['100.00', null, null],
      ['92.86', '99.67', 'Tidak efisien'],
      ['100.00', '80.91', 'Efisien'],
      ['100.00', '94.53', 'Efisien'],
      ['100.00', null, null],
      ['100.00', '89.17', 'Efisien'],
    ]);
    const sakip = sasaran[4].indikator[0];
    expect([sakip.target, sakip.realisasi, sakip.arah]).toEqual(['74', '80.6', 'naik']);
    expect(sasaran[1].indikator[0]).toMatchObject({ target: '90', realisasi: '83.57', satuan: 'Indeks' });
  });

  it('finds no galat, only the matches to confirm and the sasaran without budget', () => {
    const temuan = run.json!.temuan;
    expect(temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    expect(temuan.filter((t) => t.jenis === 'pencocokan').map((t) => t.sel)).toEqual(['B22', 'B33', 'B34']);
    expect(temuan.filter((t) => t.jenis === 'data-kosong').map((t) => t.sel)).toEqual(['B4', 'B8']);
  });
});

describe('Semboro 2024 as printed, with its errors', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    run = await runWithJson(tercetak);
  });
  const at = (lembar: string, sel: string) => run.json!.temuan.filter((t) => t.lembar === lembar && t.sel === sel);

  it('finds DPA program 2 written above its kegiatan, and says the kegiatan is likely the wrong cell', () => {
    expect(at('DPA 2024', 'C23')).toEqual([expect.objectContaining({ tingkat: 'galat', jenis: 'jumlah', tertulis: '609079200', seharusnya: '599079200', selisih: '10000000' })]);
    expect(at('DPA 2024', 'C23')[0].pesan).toBe(
      'Anggaran “PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK” tertulis 609.079.200, tetapi jumlah rinciannya 599.079.200 (tertulis lebih besar 10.000.000). ' +
        'Kemungkinan yang salah: DPA 2024!C24 (550.320.000, juga DPA 2024!C25 di bawahnya), bukan jumlahnya: lembar Realisasi 2024 mencatat ' +
        'kegiatan “Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan” 560.320.000 (Realisasi 2024!C23), yang membuat 609.079.200 benar.',
    );
  });

  it('finds the DPA JUMLAH 200 less than its programs, program 4 the likely wrong cell', () => {
    expect(at('DPA 2024', 'C35')).toEqual([expect.objectContaining({ jenis: 'jumlah', tertulis: '3894507781', seharusnya: '3894507981', selisih: '-200' })]);
    expect(at('DPA 2024', 'C35')[0].pesan).toContain('Kemungkinan yang salah: DPA 2024!C32 (420.925.800, juga DPA 2024!C33 dan DPA 2024!C34 di bawahnya)');
  });

  it('finds kegiatan 2.1 and program 4 differing between the sheets, once each, where the difference starts', () => {
    const antar = run.json!.temuan.filter((t) => t.jenis === 'antar-lembar');
    expect(antar).toEqual([
      expect.objectContaining({ lembar: 'Realisasi 2024', sel: 'C24', tertulis: '560320000', seharusnya: '550320000' }),
      expect.objectContaining({ lembar: 'Realisasi 2024', sel: 'C33', tertulis: '420925600', seharusnya: '420925800' }),
    ]);
    expect(antar[0].pesan).toContain('DPA (DPA 2024!C25)');
    expect(antar[0].pesan).toContain('induknya: kegiatan “Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan” (Realisasi 2024!C23 dan DPA 2024!C24), “PROGRAM');
    expect(antar[1].pesan).toContain('DPA (DPA 2024!C34)');
  });

  it('finds realisasi of program 3 against its kegiatan, without calling the right 80,91% wrong', () => {
    expect(at('Realisasi 2024', 'D27')).toEqual([expect.objectContaining({ jenis: 'jumlah', tertulis: '32760000', seharusnya: '132760000' })]);
    expect(run.json!.temuan.filter((t) => t.jenis === 'persen')).toEqual([]);
  });

  it('finds kegiatan 1.1 short of its sub kegiatan because one is missing from the realisasi sheet', () => {
    expect(at('Realisasi 2024', 'D6')).toEqual([expect.objectContaining({ jenis: 'jumlah', tertulis: '2007635924', seharusnya: '1911915924' })]);
    expect(at('Realisasi 2024', 'D6')[0].pesan).toContain('Pelaksanaan Penatausahaan');
    expect(at('Realisasi 2024', 'C6')).toEqual([]);
    expect(at('DPA 2024', 'B8')).toEqual([expect.objectContaining({ jenis: 'tidak-ditemukan' })]);
  });

  it('finds the realisasi JUMLAH 100.000.000 above its programs', () => {
    expect(at('Realisasi 2024', 'D34')).toEqual([expect.objectContaining({ jenis: 'jumlah', selisih: '100000000' })]);
  });

  it('reports each mistake once: exactly these eight galat', () => {
    const galat = run.json!.temuan.filter((t) => t.tingkat === 'galat').map((t) => `${t.lembar}!${t.sel} ${t.jenis}`);
    expect(galat.sort()).toEqual(
      [
        'DPA 2024!C23 jumlah',
        'DPA 2024!C35 jumlah',
        'DPA 2024!B8 tidak-ditemukan',
        'Realisasi 2024!D6 jumlah',
        'Realisasi 2024!D27 jumlah',
        'Realisasi 2024!D34 jumlah',
        'Realisasi 2024!C24 antar-lembar',
        'Realisasi 2024!C33 antar-lembar',
      ].sort(),
    );
  });

  it('places the unnumbered row under the kegiatan above it', () => {
    const k = run.json!.anggaran!.program[0].kegiatan!.find((x) => x.nama === 'Administrasi Umum Perangkat Daerah')!;
    expect(k.subKegiatan!.map((s) => s.nama)).toContain('Penyediaan Bahan Logistik Kantor');
    expect(k.anggaran).toBe('212211800');
  });
});

describe('the output workbook', () => {
  const sha = async (f: string) =>
    createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex');
  const quiet = { out: () => {}, err: () => {} };

  it('keeps every original sheet, adds the result sheets, never writes the input, and replaces on re-run', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'buku.xlsx');
    await fs.copyFile(tercetak, input);
    const before = await sha(input);
    const first = path.join(dir, 'hasil1.xlsx');
    const second = path.join(dir, 'hasil2.xlsx');
    expect(await runCli([input, '-o', first], quiet)).toBe(0);
    expect(await sha(input)).toBe(before);
    expect(await runCli([first, '-o', second], quiet)).toBe(0);

    const load = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const [orig, out1, out2] = await Promise.all([load(input), load(first), load(second)]);
    const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
    expect(names(out1)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024', ...RESULT_SHEETS]);
    expect(names(out2)).toEqual(names(out1));
    for (const ws of orig.worksheets) {
      const copy = out1.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => expect([ws.name, cell.address, copy.getCell(r, c).value]).toEqual([ws.name, cell.address, cell.value])),
      );
    }
    const anggaran = out1.getWorksheet('HC Realisasi Anggaran')!;
    const jumlah = anggaran.getColumn(2).values.findIndex((v) => v === 'JUMLAH');
    expect(anggaran.getCell(jumlah, 3).value).toBe('3.884.507.981');
    expect(anggaran.getCell(jumlah, 7).value).toBe(3884507981);
    expect(anggaran.getCell(jumlah, 7).numFmt).toBe('#,##0');
  });
});
