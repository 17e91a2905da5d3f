import { computeBudget } from '../../../src/core/compute/budget';
import { capaianOf } from '../../../src/core/compute/capaian';
import { computeKinerja, efisiensiOf, predikatOf } from '../../../src/core/compute/kinerja';
import { Decimal } from '../../../src/core/decimal';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/core/settings';
import { budgetSheet, kinerjaSheet, sheet } from '../../support/sheets';

const d = (s: string | number) => new Decimal(s);

describe('capaian', () => {
  it('naik: realisasi / target × 100', () => expect(capaianOf('naik', d(90), d('83.57'))!.toFixed(2)).toBe('92.86'));
  it('turun: (2·target − realisasi) / target × 100', () => expect(capaianOf('turun', d('9.5'), d(9))!.toFixed(2)).toBe('105.26'));
  it('turun, worse than target', () => expect(capaianOf('turun', d(10), d(12))!.toFixed(2)).toBe('80.00'));
  it('target 0 gives no capaian', () => expect(capaianOf('naik', d(0), d(5))).toBeNull());
});

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
