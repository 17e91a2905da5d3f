import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FIXTURES, allItems, makeXlsx, runWithJson, tempDir } from '../helpers';

/** 1234567 → "1.234.567": amounts written as Indonesian text, as retyped sheets have them. */
const id = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const rp = (n: number) => `Rp ${id(n)},00`;

describe('a SIPD export down to rekening, with text amounts and three realisasi columns', () => {
  // [kode, uraian, anggaran, realisasi s.d. bulan ini] — parents carry written subtotals.
  const dpa: [string, string, number][] = [
    ['7.01.01', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 1000000],
    ['7.01.01.2.02', 'Administrasi Keuangan Perangkat Daerah', 600000],
    ['7.01.01.2.02.0001', 'Penyediaan Gaji dan Tunjangan ASN', 400000],
    ['5.1.02.01.01.0024', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', 400000],
    ['7.01.01.2.02.0002', 'Penyediaan Administrasi Pelaksanaan Tugas ASN', 200000],
    ['5.1.02.01.01.0024', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', 150000],
    ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 50000],
    ['7.01.01.2.06', 'Administrasi Umum Perangkat Daerah', 400000],
    ['7.01.01.2.06.0001', 'Penyediaan Peralatan dan Perlengkapan Kantor', 400000],
    ['5.1', 'BELANJA OPERASI', 100000],
    ['5.1.02', 'Belanja Barang dan Jasa', 100000],
    ['5.1.02.01.01.0024', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor', 100000],
    ['5.2', 'BELANJA MODAL', 300000],
    ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300000],
    ['7.01.02', 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK', 500000],
    ['7.01.02.2.01', 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 500000],
    ['7.01.02.2.01.0003', 'Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan', 500000],
    ['5.1.02.02.01.0026', 'Belanja Jasa Tenaga Administrasi', 500000],
  ];
  // Realisasi s.d. bulan ini per row of `dpa` (same order).
  const realisasi = [890000, 550000, 380000, 380000, 170000, 120000, 50000, 340000, 340000, 90000, 90000, 90000, 250000, 250000, 450000, 450000, 450000, 450000];
  let run: Awaited<ReturnType<typeof runWithJson>>;

  beforeAll(async () => {
    const dir = await tempDir();
    const dpaRows: ExcelJS.CellValue[][] = [
      ['PEMERINTAH KABUPATEN JEMBER'],
      ['DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH'],
      ['Tahun Anggaran 2025'],
      [],
      ['Kode Rekening', 'Uraian', 'Rincian Perhitungan', null, null, 'Jumlah (Rp)'],
      [null, null, 'Koefisien', 'Harga', 'PPN', null],
      ...dpa.map(([k, u, a]) => [k, u, k.startsWith('5.') ? '1 Paket' : null, k.startsWith('5.') ? a : null, 0, rp(a)]),
      [null, 'JUMLAH', null, null, null, rp(1500000)],
    ];
    // The realisasi export writes 2-digit sub kegiatan codes in front of the names.
    const short = (k: string) => (k.split('.').length === 6 && !k.startsWith('5.') ? k.replace(/\.00(\d\d)$/, '.$1') : k);
    const lraRows: ExcelJS.CellValue[][] = [
      ['LAPORAN REALISASI ANGGARAN'],
      ['Periode s.d. Desember 2025'],
      [],
      ['No', 'Uraian', 'Anggaran', 'Realisasi', null, null, 'Sisa Anggaran', '%'],
      [null, null, null, 's.d. Bulan Lalu', 'Bulan Ini', 's.d. Bulan Ini', null, null],
      ['1', '2', '3', '4', '5', '6', '7', '8'],
      ...dpa.map(([k, u, a], i) => {
        const r = realisasi[i];
        const lalu = Math.round(r * 0.8);
        return [null, `${short(k)} ${u}`, id(a), id(lalu), id(r - lalu), rp(r), a === r ? '-' : id(a - r), ((r / a) * 100).toFixed(2).replace('.', ',')];
      }),
      [null, 'JUMLAH', id(1500000), null, null, id(1340000), id(160000), '89,33'],
      [],
      ['Sumber Data : SIPD'],
    ];
    const file = await makeXlsx(dir, 'sipd.xlsx', [
      { name: 'DPA', rows: dpaRows, merges: ['C5:E5', 'F5:F6', 'A5:A6', 'B5:B6'] },
      { name: 'LRA Des', rows: lraRows, merges: ['D4:F4'] },
    ]);
    run = await runWithJson(file);
  });

  it('reads the two-row headers and picks the cumulative realisasi column', () => {
    expect(run.code).toBe(0);
    expect(run.json!.lembar).toEqual({ dpa: 'DPA', realisasi: 'LRA Des', kinerja: null });
    expect(run.err).toMatch(/Lembar “DPA”: DPA, baris judul kolom 5 \(Kode=A, Uraian=B, Anggaran=F\)/);
    expect(run.err).toMatch(/Lembar “LRA Des”: realisasi, baris judul kolom 4 .*Realisasi=F/);
    expect(run.err).toMatch(/capaian kinerja tidak dihitung/);
  });

  it('sums bottom-up from rekening and matches 2-digit to 4-digit sub kegiatan codes', () => {
    const a = run.json!.anggaran!;
    expect([a.anggaran, a.realisasi, a.serapan]).toEqual(['1500000', '1340000', '89.33']);
    expect(a.program.map((p) => [p.kode, p.anggaran, p.realisasi, p.serapan])).toEqual([
      ['7.01.01', '1000000', '890000', '89.00'],
      ['7.01.02', '500000', '450000', '90.00'],
    ]);
    const subs = allItems(run.json!).filter((i) => i.level === 'subKegiatan');
    expect(subs.map((s) => [s.kode, s.realisasi])).toEqual([
      ['7.01.01.2.02.0001', '380000'],
      ['7.01.01.2.02.0002', '170000'],
      ['7.01.01.2.06.0001', '340000'],
      ['7.01.02.2.01.0003', '450000'],
    ]);
  });

  it('splits belanja operasi and modal from the rekening codes', () => {
    const a = run.json!.anggaran!;
    expect(a.belanjaOperasi).toEqual({ anggaran: '1150000', realisasi: '1040000', serapan: '90.43', porsi: '76.67' });
    expect(a.belanjaModal).toEqual({ anggaran: '350000', realisasi: '300000', serapan: '85.71', porsi: '23.33' });
  });

  it('finds nothing wrong in a consistent export', () => {
    expect(run.json!.temuan).toEqual([]);
  });
});

describe('the Semboro numbers in another layout: one sheet, level words, columns in another order', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(path.join(FIXTURES, 'semboro-bersih.xlsx'));
    const lra = source.getWorksheet('Realisasi 2024')!;
    const rows: ExcelJS.CellValue[][] = [['REKAP REALISASI KECAMATAN SEMBORO'], ['Tahun 2024'], ['URAIAN PROGRAM / KEGIATAN', 'realisasi (rp)', 'PAGU ANGGARAN', 'Keterangan']];
    for (let r = 5; r <= 34; r++) {
      const name = String(lra.getCell(r, 2).value);
      const isProgram = /^PROGRAM/.test(name);
      // Programs keep their level word; kegiatan and sub kegiatan keep theirs ("Kegiatan …", "Sub Kegiatan …").
      rows.push([isProgram ? name : name, id(Number(lra.getCell(r, 4).value)), `${id(Number(lra.getCell(r, 3).value))},-`, null]);
    }
    rows.push(['TOTAL', id(3545596394), id(3894507781)]);
    const dir = await tempDir();
    run = await runWithJson(await makeXlsx(dir, 'satu-lembar.xlsx', [{ name: 'Rekap', rows }]));
  });

  it('uses the one sheet as both DPA and realisasi and gets the SPEC §7 figures', () => {
    expect(run.code).toBe(0);
    expect(run.json!.lembar).toEqual({ dpa: 'Rekap', realisasi: 'Rekap', kinerja: null });
    const a = run.json!.anggaran!;
    expect([a.anggaran, a.realisasi, a.serapan]).toEqual(['3894507781', '3545596394', '91.04']);
    expect(a.program.map((p) => p.serapan)).toEqual(['89.17', '99.67', '80.91', '94.53']);
    expect(a.program.flatMap((p) => p.kegiatan!.map((k) => k.serapan))).toEqual(['88.89', '97.50', '87.92', '92.32', '93.79', '99.66', '99.88', '80.91', '94.53']);
    expect(run.json!.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
  });
});

describe('a kinerja sheet with arah turun, SAKIP letters on their scale, units, an empty realisasi and supporting programs by kode', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    const dir = await tempDir();
    const budget: ExcelJS.CellValue[][] = [
      ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
      ['7.01.01', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 1000000, 890000],
      ['7.01.01.2.06', 'Administrasi Umum Perangkat Daerah', 1000000, 890000],
      ['7.01.02', 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik', 500000, 450000],
      ['7.01.02.2.01', 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan', 500000, 450000],
    ];
    const kinerja: ExcelJS.CellValue[][] = [
      ['PERJANJIAN KINERJA TAHUN 2025'],
      [],
      ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Polaritas', 'Target', 'Realisasi', 'Program/Kegiatan Pendukung'],
      [1, 'Meningkatnya kualitas pelayanan publik', 'Indeks Kepuasan Masyarakat', 'Positif', '90', '85,5', '7.01.02'],
      [null, null, 'Persentase penduduk miskin', 'Negatif', '9,5%', '9%', null],
      [2, 'Meningkatnya akuntabilitas kinerja', 'Nilai SAKIP', '+', 'A', 'BB', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota;\n7.01.01.2.06'],
      [null, null, 'Jumlah dokumen perencanaan', 'Naik', '4 Dok', null, null],
      [],
      ['Sumber: Bagian Perencanaan'],
    ];
    run = await runWithJson(
      await makeXlsx(dir, 'kinerja.xlsx', [
        { name: 'Anggaran', rows: budget },
        { name: 'IKU', rows: kinerja },
      ]),
    );
  });

  it('computes capaian with arah naik and turun, letters as levels (BB for A: 5/6) and units', () => {
    expect(run.code).toBe(0);
    const [s1, s2] = run.json!.sasaran;
    expect(s1.indikator.map((i) => [i.arah, i.target, i.realisasi, i.capaian, i.predikat])).toEqual([
      ['naik', '90', '85.5', '95.00', 'Sangat Tinggi'],
      ['turun', '9.5', '9', '105.26', 'Sangat Tinggi'],
    ]);
    expect(s2.indikator.map((i) => [i.target, i.realisasi, i.capaian, i.predikat, i.satuan])).toEqual([
      ['A', 'BB', '83.33', 'Tinggi', ''],
      ['4', null, null, null, 'Dok'],
    ]);
  });

  it('averages capped capaian, leaving out the indikator without realisasi', () => {
    const [s1, s2] = run.json!.sasaran;
    expect([s1.capaian, s2.capaian]).toEqual(['97.50', '83.33']);
    expect(run.json!.rataRataCapaian).toBe('92.78');
    const kosong = run.json!.temuan.filter((t) => t.jenis === 'data-kosong');
    expect(kosong.map((t) => t.sel)).toEqual(['C7']);
  });

  it('links supporting programs by kode and by name, counting a program and its own kegiatan once', () => {
    const [s1, s2] = run.json!.sasaran;
    expect([s1.anggaran, s1.realisasi, s1.serapan, s1.efisiensi]).toEqual(['500000', '450000', '90.00', 'Efisien']);
    expect([s2.anggaran, s2.realisasi, s2.serapan, s2.efisiensi]).toEqual(['1000000', '890000', '89.00', 'Tidak efisien']);
  });
});

/** Issue 14: layouts read now, from generated workbooks through the command line. */
describe('layouts of issue 14, generated', () => {
  const galat = (r: Awaited<ReturnType<typeof runWithJson>>) => r.json!.temuan.filter((t) => t.tingkat === 'galat');
  const REAL = ['No', 'Uraian', 'Anggaran', 'Realisasi'];

  it('reads a DPA outlined in Roman numerals and letters against a realisasi sheet numbered 1, 1.1, 1.1.1', async () => {
    const dir = await tempDir();
    const dpa = [
      ['No', 'Uraian', 'Anggaran'],
      ['I', 'Penunjang Urusan Pemerintahan', null],
      ['A', 'Administrasi Keuangan', null],
      ['a.', 'Penyediaan Gaji dan Tunjangan', 600],
      ['b.', 'Penyediaan Alat Tulis', 100],
      ['B', 'Administrasi Umum', null],
      ['a.', 'Penyediaan Listrik', 300],
      ['II', 'Penyelenggaraan Pemerintahan', null],
      ['A', 'Koordinasi Kecamatan', null],
      ['a.', 'Peningkatan Efektivitas', 500],
    ];
    const real = [
      REAL,
      ['1', 'Penunjang Urusan Pemerintahan', 1000, 900],
      ['1.1', 'Administrasi Keuangan', 700, 650],
      ['1.1.1', 'Penyediaan Gaji dan Tunjangan', 600, 560],
      ['1.1.2', 'Penyediaan Alat Tulis', 100, 90],
      ['1.2', 'Administrasi Umum', 300, 250],
      ['1.2.1', 'Penyediaan Listrik', 300, 250],
      ['2', 'Penyelenggaraan Pemerintahan', 500, 480],
      ['2.1', 'Koordinasi Kecamatan', 500, 480],
      ['2.1.1', 'Peningkatan Efektivitas', 500, 480],
    ];
    const run = await runWithJson(
      await makeXlsx(dir, 'romawi.xlsx', [
        { name: 'DPA', rows: dpa },
        { name: 'Realisasi', rows: real },
      ]),
    );
    expect(galat(run)).toEqual([]);
    expect(allItems(run.json!).map((i) => [i.level, i.nama, i.anggaran, i.realisasi])).toEqual([
      ['program', 'Penunjang Urusan Pemerintahan', '1000', '900'],
      ['kegiatan', 'Administrasi Keuangan', '700', '650'],
      ['subKegiatan', 'Penyediaan Gaji dan Tunjangan', '600', '560'],
      ['subKegiatan', 'Penyediaan Alat Tulis', '100', '90'],
      ['kegiatan', 'Administrasi Umum', '300', '250'],
      ['subKegiatan', 'Penyediaan Listrik', '300', '250'],
      ['program', 'Penyelenggaraan Pemerintahan', '500', '480'],
      ['kegiatan', 'Koordinasi Kecamatan', '500', '480'],
      ['subKegiatan', 'Peningkatan Efektivitas', '500', '480'],
    ]);
  });

  describe('a realisasi sheet that skips the kegiatan, splits into two tables, repeats its header, and adds subtotal lines', () => {
    let run: Awaited<ReturnType<typeof runWithJson>>;
    beforeAll(async () => {
      const dir = await tempDir();
      const dpa = [
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01', 'PROGRAM PENUNJANG URUSAN', 1000],
        ['7.01.01.2.02', 'Administrasi Keuangan', 1000],
        ['7.01.01.2.02.0001', 'Penyediaan Gaji', 1000],
        ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 700],
        ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300],
        ['7.01.02', 'PROGRAM PELAYANAN PUBLIK', 500],
        ['7.01.02.2.01', 'Koordinasi Pelayanan', 500],
        ['7.01.02.2.01.0001', 'Peningkatan Pelayanan', 500],
        [null, 'JUMLAH', 1500],
      ];
      const real = [
        ['LAPORAN REALISASI ANGGARAN — HALAMAN 1'],
        ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
        ['7.01.01', 'PROGRAM PENUNJANG URUSAN', 1000, 850],
        ['7.01.01.2.02.0001', 'Penyediaan Gaji', 1000, 850],
        ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 700, 600],
        [null, 'Jumlah Belanja Operasi', 700, 600],
        ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
        ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300, 250],
        [null, 'Jumlah Belanja Modal', 300, 240],
        [null, 'JUMLAH', 1000, 850],
        ['Sumber: SIPD'],
        [],
        ['LAPORAN REALISASI ANGGARAN — PROGRAM KEDUA'],
        [null, 'Kode Rekening', 'Uraian', 'Pagu', 'Realisasi s.d. Bulan Ini'],
        [null, '7.01.02', 'PROGRAM PELAYANAN PUBLIK', 500, 450],
        [null, '7.01.02.2.01.0001', 'Peningkatan Pelayanan', 500, 450],
        [null, null, 'JUMLAH', 500, 450],
      ];
      run = await runWithJson(
        await makeXlsx(dir, 'lra-berhalaman.xlsx', [
          { name: 'DPA', rows: dpa },
          { name: 'LRA', rows: real },
        ]),
      );
    });

    it('matches every row across the level it skips and across its two tables', () => {
      expect(run.json!.temuan.filter((t) => t.jenis === 'tidak-ditemukan' || t.jenis === 'nilai')).toEqual([]);
      expect(allItems(run.json!).map((i) => [i.nama, i.realisasi])).toEqual([
        ['PROGRAM PENUNJANG URUSAN', '850'],
        ['Administrasi Keuangan', '850'],
        ['Penyediaan Gaji', '850'],
        ['PROGRAM PELAYANAN PUBLIK', '450'],
        ['Koordinasi Pelayanan', '450'],
        ['Peningkatan Pelayanan', '450'],
      ]);
    });

    it('checks each subtotal line against the rows above it: only the wrong one is reported', () => {
      expect(galat(run).map((t) => [t.lembar, t.sel, t.jenis, t.tertulis, t.seharusnya])).toEqual([['LRA', 'D9', 'jumlah', '240', '250']]);
      expect(galat(run)[0].pesan).toMatch(/^Realisasi baris “Jumlah Belanja Modal” tertulis 240/);
    });
  });

  it('reports a difference at a rekening once, there, naming the rows above with the same difference', async () => {
    const dir = await tempDir();
    const dpa = [
      ['Kode', 'Uraian', 'Anggaran'],
      ['7.01.01', 'PROGRAM PENUNJANG URUSAN', 1000],
      ['7.01.01.2.02', 'Administrasi Keuangan', 1000],
      ['7.01.01.2.02.0001', 'Penyediaan Gaji', 1000],
      ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 700],
      ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300],
    ];
    const real = [
      ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
      ['7.01.01', 'PROGRAM PENUNJANG URUSAN', 1050, 900],
      ['7.01.01.2.02', 'Administrasi Keuangan', 1050, 900],
      ['7.01.01.2.02.0001', 'Penyediaan Gaji', 1050, 900],
      ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 750, 650],
      ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300, 250],
    ];
    const run = await runWithJson(
      await makeXlsx(dir, 'rekening.xlsx', [
        { name: 'DPA', rows: dpa },
        { name: 'LRA', rows: real },
      ]),
    );
    expect(galat(run).map((t) => [t.lembar, t.sel, t.jenis, t.selisih])).toEqual([['LRA', 'C5', 'antar-lembar', '50']]);
    expect(galat(run)[0].pesan).toContain(
      'Selisih yang sama ada pada induknya: sub kegiatan “Penyediaan Gaji” (LRA!C4 dan DPA!C4), kegiatan “Administrasi Keuangan” (LRA!C3 dan DPA!C3), “PROGRAM PENUNJANG URUSAN” (LRA!C2 dan DPA!C2).',
    );
  });
});

describe('indikator that are not plain numbers, generated', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    const dir = await tempDir();
    const kinerja = [
      ['No', 'Sasaran', 'Indikator', 'Satuan', 'Arah', 'Target 2024', 'Realisasi 2024'],
      [1, 'Akuntabilitas keuangan', 'Opini BPK', null, 'Naik', 'WTP', 'WTP'],
      [null, null, 'Opini BPK atas laporan BLUD', null, 'Naik', 'WTP', 'WDP'],
      [2, 'Pelayanan publik', 'Predikat pelayanan publik', null, 'Naik', 'Baik', 'Sangat Baik'],
      [null, null, 'Waktu penyelesaian izin', 'hari', 'Turun', '3 - 5', 4],
      [null, null, 'Waktu penyelesaian aduan', 'hari', 'Turun', '3 - 5', 6],
      [null, null, 'Waktu tunggu', 'menit', 'Turun', '10–15', 8],
      [null, null, 'Cakupan layanan', '%', 'Naik', '85–90', 80],
      [3, 'Kepuasan', 'Indeks kepuasan', null, null, '≥ 85', 90],
      [null, null, 'Aduan tidak selesai', null, null, 'Maksimal 5', 6],
      [null, null, 'Kualitas layanan', null, 'Naik', 'memuaskan', 'memuaskan'],
    ];
    const html = path.join(dir, 'tabel.html');
    run = await runWithJson(await makeXlsx(dir, 'indikator.xlsx', [{ name: 'IKU', rows: kinerja }]), ['--html', html]);
    tabel = await fs.readFile(html, 'utf8');
  });
  let tabel: string;

  it('computes each kind by its rule, as the JSON says', () => {
    expect(run.json!.sasaran.flatMap((s) => s.indikator.map((i) => [i.target, i.realisasi, i.arah, i.capaian, i.aturan]))).toEqual([
      ['WTP', 'WTP', 'naik', '100.00', 'skala'],
      ['WTP', 'WDP', 'naik', '75.00', 'skala'],
      ['Baik', 'Sangat Baik', 'naik', '100.00', 'skala'],
      ['3-5', '4', 'turun', '100.00', 'rentang'],
      ['3-5', '6', 'turun', '80.00', 'rentang'],
      ['10-15', '8', 'turun', '120.00', 'rentang'],
      ['85-90', '80', 'naik', '94.12', 'rentang'],
      ['85', '90', 'naik', '105.88', 'pembanding'],
      ['5', '6', 'turun', '80.00', 'pembanding'],
      ['memuaskan', 'memuaskan', 'naik', null, null],
    ]);
  });

  it('reports the text no rule reads once, as a peringatan, never a galat', () => {
    expect(run.json!.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    expect(run.json!.temuan.filter((t) => t.jenis === 'nilai').map((t) => [t.tingkat, t.sel])).toEqual([
      ['peringatan', 'F11'],
      ['peringatan', 'G11'],
    ]);
  });

  it('states beside each capaian in Tabel 3.2 the formula that gave it, and leaves the narrative to speak of the figures', () => {
    const tabel32 = tabel.split('<section').find((t) => t.includes('Pengukuran Realisasi Kinerja'))!;
    const formulas = [...tabel32.matchAll(/<td[^>]*>((?:100: )?[^<]*(?:÷|tingkat|rentang)[^<]*)<\/td>/g)].map((m) => m[1]);
    expect(formulas).toEqual([
      '100: tingkat 5 ≥ tingkat 4',
      'tingkat 5 ÷ tingkat 4 × 100',
      '100: tingkat 5 ≥ tingkat 4',
      '100: 5 di dalam rentang 4',
      '(2 × batas atas 4 − 5) ÷ batas atas 4 × 100',
      '(2 × batas bawah 4 − 5) ÷ batas bawah 4 × 100',
      '5 ÷ batas bawah 4 × 100',
      '5 ÷ 4 × 100',
      '(2 × 4 − 5) ÷ 4 × 100',
    ]);
    expect(tabel).toContain('Tingkat pada skala opini BPK: TMP = 1, TW = 2, WDP = 3, WTP = 4. Tingkat pada skala kategori: Kurang = 1, Cukup = 2, Baik = 3, Sangat Baik = 4');
    const narrative = run.json!.narasi.pengukuran.join(' ');
    expect(narrative).not.toMatch(/seratus persen|rentang|minimal atau maksimal/);
    expect(run.json!.narasi.sasaran[1].paragraf[0]).toContain('Indikator Waktu penyelesaian aduan, dengan target 3 - 5 hari dan realisasi 6 hari, memperoleh capaian 80%');
  });
});
