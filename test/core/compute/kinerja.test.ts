import { computeBudget } from '../../../src/core/compute/budget';
import { computeKinerja, efisiensiOf, predikatOf } from '../../../src/core/compute/kinerja';
import { Decimal } from '../../../src/core/decimal';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/core/settings';
import { budgetSheet, kinerjaSheet, sheet } from '../../support/sheets';

const d = (s: string | number) => new Decimal(s);

describe('predikat and efisiensi', () => {
  it.each([
    [90, 'Sangat Tinggi'],
    [89.99, 'Tinggi'],
    [76, 'Tinggi'],
    [75.99, 'Sedang'],
    [66, 'Sedang'],
    [51, 'Rendah'],
    [50.99, 'Sangat Rendah'],
    [-20, 'Sangat Rendah'],
  ])('capaian %p is %s', (c, p) => expect(predikatOf(d(c), DEFAULT_SETTINGS)).toBe(p));

  it('takes custom bands in any order', () => {
    const s = withDefaults({
      predikat: [
        { min: 0, nama: 'Kurang' },
        { min: 80, nama: 'Baik' },
      ],
    });
    expect(predikatOf(d(85), s)).toBe('Baik');
    expect(predikatOf(d(79), s)).toBe('Kurang');
  });

  it('default rule: capaian at least serapan is Efisien', () => {
    expect(efisiensiOf(d('92.86'), d('99.67'), DEFAULT_SETTINGS)).toBe('Tidak efisien');
    expect(efisiensiOf(d(100), d(100), DEFAULT_SETTINGS)).toBe('Efisien');
  });

  it('banded rule: beyond ±5 points', () => {
    const s = withDefaults({ efisiensi: 'berjenjang' });
    expect(efisiensiOf(d(100), d('94.99'), s)).toBe('Efisien');
    expect(efisiensiOf(d(100), d(95), s)).toBe('Cukup efisien');
    expect(efisiensiOf(d(90), d(95), s)).toBe('Cukup efisien');
    expect(efisiensiOf(d('89.99'), d(95), s)).toBe('Tidak efisien');
  });
});

describe('capaian per sasaran, with its supporting budget', () => {
  const budget = computeBudget(
    budgetSheet(
      sheet(
        'DPA',
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01', 'Program Penunjang Urusan', 600],
        ['7.01.01.2.01', 'Perencanaan dan Evaluasi Kinerja', 600],
        ['7.01.02', 'Program Penyelenggaraan Pemerintahan', 400],
      ),
    ),
    budgetSheet(
      sheet('LRA', ['Kode', 'Uraian', 'Anggaran', 'Realisasi'], ['7.01.01', 'Program Penunjang Urusan', 600, 540], ['7.01.02', 'Program Penyelenggaraan Pemerintahan', 400, 400]),
    ),
  );
  const k = computeKinerja(
    kinerjaSheet(
      sheet(
        'Kinerja',
        ['Sasaran', 'Indikator', 'Arah', 'Target', 'Realisasi', 'Program Pendukung'],
        ['Sasaran Satu', 'Indeks A', 'Naik', 90, 99, '7.01.01; Perencanaan Evaluasi Kinerja'],
        [null, 'Waktu B', 'Turun', 10, 12, null],
        ['Sasaran Dua', 'Indeks C', 'Naik', 80, null, 'Penyelenggaraan Pemerintahan Program'],
        ['Sasaran Tiga', 'Indeks D', 'Naik', 0, 5, 'Program Tidak Ada'],
      ),
    ),
    { all: budget.all, anggaran: budget.anggaran, hasRealisasi: true },
    DEFAULT_SETTINGS,
  );

  it('caps each capaian at 100 in the averages and gives the predikat', () => {
    const [satu] = k.sasaran;
    expect(satu.indikator.map((i) => i.capaian?.toFixed(2))).toEqual(['110.00', '80.00']);
    expect([satu.capaian?.toFixed(2), satu.predikat]).toEqual(['90.00', 'Sangat Tinggi']);
    expect([k.rataRataCapaian?.toFixed(2), k.predikat]).toEqual(['90.00', 'Sangat Tinggi']);
  });

  it('links programs by kode, by name, by similarity; counts a program once with its own kegiatan; compares capaian with serapan', () => {
    const [satu, dua] = k.sasaran;
    expect(satu.pendukung.map((i) => i.nama)).toEqual(['Program Penunjang Urusan']);
    expect([satu.anggaran?.toString(), satu.realisasi?.toString(), satu.serapan?.toFixed(2), satu.efisiensi]).toEqual(['600', '540', '90.00', 'Efisien']);
    expect([satu.alokasi?.toFixed(2), satu.alokasiPendukung.map((p) => p?.toFixed(2))]).toEqual(['60.00', ['60.00']]);
    expect(dua.pendukung.map((i) => i.nama)).toEqual(['Program Penyelenggaraan Pemerintahan']);
    expect(k.alokasi).toEqual({ anggaran: expect.anything(), porsi: expect.anything() });
    expect([k.alokasi!.anggaran.toString(), k.alokasi!.porsi?.toFixed(2)]).toEqual(['1000', '100.00']);
  });

  it('allocates a program that supports two sasaran once: each sasaran shows it, the whole counts it once', () => {
    const shared = computeKinerja(
      kinerjaSheet(
        sheet('Kinerja', ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program Pendukung'], ['Satu', 'A', 90, 90, '7.01.01'], ['Dua', 'B', 80, 80, '7.01.01; 7.01.02']),
      ),
      { all: budget.all, anggaran: budget.anggaran, hasRealisasi: true },
      DEFAULT_SETTINGS,
    );
    expect(shared.sasaran.map((s) => s.alokasi?.toFixed(2))).toEqual(['60.00', '100.00']);
    expect([shared.alokasi!.anggaran.toString(), shared.alokasi!.porsi?.toFixed(2)]).toEqual(['1000', '100.00']);
  });

  it('reports what it could not compute or link, each at its cell', () => {
    expect(k.findings.map((f) => [f.jenis, f.sel])).toEqual([
      ['pencocokan', 'F2'],
      ['data-kosong', 'B4'],
      ['pencocokan', 'F4'],
      ['data-kosong', 'D5'],
      ['tidak-ditemukan', 'F5'],
      ['data-kosong', 'A5'],
    ]);
  });
});

describe('supporting items found by similarity', () => {
  const budget = computeBudget(
    budgetSheet(
      sheet(
        'DPA',
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01', 'Program Penunjang Urusan', 600],
        ['7.01.01.2.01', 'Perencanaan dan Evaluasi Kinerja', 600],
        ['7.01.01.2.01.0001', 'Penyusunan Dokumen Perencanaan Perangkat Daerah', 600],
      ),
    ),
    null,
  );
  const pendukung = (...texts: string[]) =>
    computeKinerja(
      kinerjaSheet(sheet('Kinerja', ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program Pendukung'], ...texts.map((t, i) => [`Sasaran ${i}`, 'Indeks', 90, 80, t]))),
      { all: budget.all, anggaran: budget.anggaran, hasRealisasi: false },
      DEFAULT_SETTINGS,
    ).sasaran.map((s) => s.pendukung.map((i) => i.nama));

  it('finds programs and kegiatan by a similar name, a sub kegiatan only by its kode or its name as written', () => {
    expect(pendukung('Penunjang Urusan', 'Perencanaan Evaluasi Kinerja', 'Penyusunan Dokumen Perencanaan', 'Penyusunan Dokumen Perencanaan Perangkat Daerah')).toEqual([
      ['Program Penunjang Urusan'],
      ['Perencanaan dan Evaluasi Kinerja'],
      [],
      ['Penyusunan Dokumen Perencanaan Perangkat Daerah'],
    ]);
  });

  it('says a name was not compared, rather than not in the DPA, once the similarity budget is spent', () => {
    const programs = Array.from({ length: 2_500 }, (_, i) => [`7.${String(i + 1).padStart(2, '0')}.01`, `Program Nomor ${i} Urusan Wilayah`, 1]);
    const many = computeBudget(budgetSheet(sheet('DPA', ['Kode', 'Uraian', 'Anggaran'], ...programs)), null);
    const rows = Array.from({ length: 450 }, (_, i) => [`Sasaran ${i}`, 'Indeks', 90, 80, `Kegiatan lain ${i}`]);
    const k = computeKinerja(
      kinerjaSheet(sheet('Kinerja', ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program Pendukung'], ...rows)),
      { all: many.all, anggaran: many.anggaran, hasRealisasi: false },
      DEFAULT_SETTINGS,
    );
    const said = k.findings.filter((f) => f.perihal === 'pendukung-tidak-di-dpa').map((f) => (f.pesan.includes('terlalu banyak nama') ? 'tidak dicocokkan' : 'tidak ditemukan'));
    // 1.000.000 pairs ÷ 2.500 programs: the first 400 names are compared.
    expect([said.length, said.indexOf('tidak dicocokkan'), said.lastIndexOf('tidak ditemukan')]).toEqual([450, 400, 399]);
  });
});

describe('indikator that are not plain numbers, in a kinerja sheet', () => {
  const k = computeKinerja(
    kinerjaSheet(
      sheet(
        'IKU',
        ['Sasaran', 'Indikator', 'Satuan', 'Arah', 'Target', 'Realisasi', 'Capaian (%)'],
        ['Akuntabilitas', 'Opini BPK', null, 'Naik', 'WTP', 'WTP', '100'],
        [null, 'Opini BPK tahun lalu', null, 'Naik', 'WTP', 'WDP', 80],
        ['Pelayanan', 'Predikat pelayanan publik', null, 'Naik', 'Baik', 'Sangat Baik', null],
        [null, 'Waktu layanan', 'hari', 'Turun', '3 - 5', 4, '66,67'],
        [null, 'Pengaduan', null, 'Naik', 'Maksimal 5', 4, '120,00%'],
        [null, 'Kepuasan', null, 'Naik', 'banyak sekali', 4, null],
      ),
    ),
    null,
    DEFAULT_SETTINGS,
  );
  const [akuntabilitas, pelayanan] = k.sasaran;

  it('computes each by its rule and says which rule', () => {
    expect([...akuntabilitas.indikator, ...pelayanan.indikator].map((i) => [i.capaian?.toFixed(2) ?? null, i.aturan, i.arah])).toEqual([
      ['100.00', 'skala', 'naik'],
      ['75.00', 'skala', 'naik'],
      ['100.00', 'skala', 'naik'],
      ['100.00', 'rentang', 'turun'],
      ['120.00', 'pembanding', 'turun'],
      [null, null, 'naik'],
    ]);
    expect(pelayanan.capaian?.toFixed(2)).toBe('100.00');
  });

  it('reports text no rule reads as one peringatan, never a galat; and a written capaian that differs as persen', () => {
    expect(k.findings.map((f) => [f.tingkat, f.jenis, f.sel, f.tertulis, f.seharusnya])).toEqual([
      ['galat', 'persen', 'G3', '80.00', '75.00'],
      ['galat', 'persen', 'G5', '66.67', '100.00'],
      ['peringatan', 'nilai', 'E7', 'banyak sekali', null],
    ]);
    expect(k.findings[2].pesan).toContain('Tulis angkanya bila ada');
  });
});

describe('comparing with earlier years', () => {
  const k = computeKinerja(
    kinerjaSheet(
      sheet(
        'IKU',
        ['Sasaran', 'Indikator', 'Target 2024', 'Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024'],
        ['Pelayanan', 'IKM', 90, 67, '83,73', '83,57'],
        [null, 'Opini BPK', 'WTP', 'WDP', 'WTP', 'WTP'],
        [null, 'Dokumen', '4 Dok', null, '4 Dok', '4 Dok'],
      ),
    ),
    null,
    DEFAULT_SETTINGS,
  );
  it('gives the change against each earlier year, latest first: in points for numbers, by level on a scale', () => {
    expect(k.sasaran[0].indikator.map((i) => i.perbandingan.map((p) => [p.tahun, p.perubahan, p.selisih?.toString() ?? null]))).toEqual([
      [
        [2023, 'turun', '-0.16'],
        [2022, 'naik', '16.57'],
      ],
      [
        [2023, 'tetap', null],
        [2022, 'naik', null],
      ],
      [[2023, 'tetap', '0']],
    ]);
  });
});
