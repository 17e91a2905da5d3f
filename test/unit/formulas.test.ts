import { capaianOf, efisiensiOf, predikatOf } from '../../src/core/compute/kinerja';
import { Decimal } from '../../src/core/decimal';
import { guessBudgetRole, guessKinerjaRole } from '../../src/core/read/header';
import { parseArah, parseKinerjaValue } from '../../src/core/read/kinerja-sheet';
import { classifyCode } from '../../src/core/read/kode';
import { normalizeName } from '../../src/core/read/names';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/core/settings';

const d = (s: string | number) => new Decimal(s);
const ref = { lembar: 'K', sel: 'A1' };

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

describe('kinerja values and arah', () => {
  const v = (x: Parameters<typeof parseKinerjaValue>[0], f: string | null = null) => {
    const r = parseKinerjaValue(x, f, ref);
    return r && [r.nilai?.toString() ?? null, r.huruf, r.dariHuruf];
  };
  it.each([
    ['4 Dok', ['4', null, false]],
    ['BB (74)', ['74', 'BB', false]],
    ['A (80,60)', ['80.6', 'A', false]],
    ['A', ['80', 'A', true]],
    ['AA', ['90', 'AA', true]],
    ['100%', ['100', null, false]],
    ['9,5%', ['9.5', null, false]],
    ['1.500 orang', ['1500', null, false]],
  ])('%p', (x, expected) => expect(v(x)).toEqual(expected));
  it('a %-formatted 1 is 100', () => expect(v(1, '0%')).toEqual(['100', null, false]));
  it('empty is null', () => expect(v('  ')).toBeNull());
  it.each([
    ['Naik', 'naik'],
    ['Turun', 'turun'],
    ['Positif', 'naik'],
    ['Negatif', 'turun'],
    ['+', 'naik'],
    ['-', 'turun'],
    ['', 'naik'],
  ])('arah %p', (t, a) => expect(parseArah(t)).toBe(a));
});

describe('codes', () => {
  const sipd = { sipdSheet: true, underSubKegiatan: false };
  it('tells SIPD, rekening and outline apart', () => {
    expect(classifyCode('7.01.01', sipd)!.kind).toBe('sipd');
    expect(classifyCode('7.01.01.2.02.0001', sipd)!.kind).toBe('sipd');
    expect(classifyCode('5.1.02.01.01.0024', sipd)!.kind).toBe('rekening');
    expect(classifyCode('5.1', { sipdSheet: true, underSubKegiatan: true })!.kind).toBe('rekening');
    expect(classifyCode('5.1', { sipdSheet: false, underSubKegiatan: false })!.kind).toBe('outline');
    expect(classifyCode('1.2.1', { sipdSheet: false, underSubKegiatan: false })!.kind).toBe('outline');
    expect(classifyCode('Program', sipd)).toBeNull();
  });
  it('compares segment by segment, numerically', () => {
    expect(classifyCode('7.01.01.2.02.0001', sipd)!.key).toBe(classifyCode('7.01.01.2.02.01', sipd)!.key);
    expect(classifyCode('7.01.01.2.02.0010', sipd)!.key).not.toBe(classifyCode('7.01.01.2.02.01', sipd)!.key);
  });
});

describe('header words', () => {
  it.each([
    ['Kode Rekening', 'kode'],
    ['NO', 'nomor'],
    ['Program/ Kegiatan/ Sub Kegiatan', 'uraian'],
    ['URAIAN', 'uraian'],
    ['Anggaran (Rp,-)', 'anggaran'],
    ['Pagu', 'anggaran'],
    ['Jumlah (Rp)', 'anggaran'],
    ['Realisasi', 'realisasi'],
    ['Realisasi s.d. Bulan Ini', 'realisasi'],
    ['Realisasi s.d. Bulan Lalu', 'realisasiLalu'],
    ['Realisasi Bulan Ini', 'realisasiBulanIni'],
    ['Sisa Anggaran', 'sisa'],
    ['% Realisasi', 'persen'],
  ])('budget %p → %s', (h, role) => expect(guessBudgetRole(h)?.role).toBe(role));

  it.each([
    ['Sasaran Strategis', 'sasaran'],
    ['Indikator Kinerja', 'indikator'],
    ['Target 2024', 'target'],
    ['Target Akhir Renstra', 'targetRenstra'],
    ['Realisasi 2023', 'realisasi'],
    ['Polaritas', 'arah'],
    ['Program Pendukung', 'pendukung'],
    ['Tingkat Capaian Kinerja (% realisasi)', 'capaian'],
  ])('kinerja %p → %s', (h, role) => expect(guessKinerjaRole(h)?.role).toBe(role));
});

describe('names', () => {
  it('ignores case, punctuation and the level word', () => {
    expect(normalizeName('Sub Kegiatan Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak')).toBe(
      normalizeName('Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak'),
    );
    expect(normalizeName('PROGRAM PENUNJANG URUSAN')).toBe(normalizeName('Program Penunjang Urusan'));
  });
});
