import { parseArah, parseKinerjaValue } from '../../../src/core/read/kinerja-sheet';
import { kinerjaSheet, sheet } from '../../support/sheets';

const ref = { lembar: 'K', sel: 'A1' };

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
    ['3 - 5', ['3', '5']],
    ['85 % - 90 %', ['85', '90']],
    ['85%–90%', ['85', '90']],
    ['3   s.d.   5 hari', ['3', '5']],
  ])('the range %p', (x, bounds) => {
    const r = parseKinerjaValue(x, null, ref)!.rentang;
    expect(r && [r.bawah.toString(), r.atas.toString()]).toEqual(bounds);
  });
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

describe('reading a kinerja sheet', () => {
  const s = kinerjaSheet(
    sheet(
      'Kinerja',
      ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Target 2024', 'Realisasi 2023', 'Realisasi 2024', 'Program Pendukung'],
      ['1', 'Meningkatnya pelayanan', 'Indeks kepuasan', 'Indeks', 90, 82, 83.57, '7.01.02; Program Penunjang'],
      [null, null, 'Persentase dokumen', null, '4 Dok', null, '4 Dok', null],
      [null, null, 'yang selesai tepat waktu', null, null, null, null, null],
      ['2', 'Tertibnya wilayah', 'Jumlah gangguan', 'Kejadian', 'banyak', null, null, '1. Program Ketertiban\n2. Program Linmas'],
    ),
  );

  it('groups indikator under their sasaran, the sasaran blank on continuation rows, wrapped lines joined', () => {
    expect(s.sasaran.map((x) => [x.nama, x.indikator.map((i) => i.nama)])).toEqual([
      ['Meningkatnya pelayanan', ['Indeks kepuasan', 'Persentase dokumen yang selesai tepat waktu']],
      ['Tertibnya wilayah', ['Jumlah gangguan']],
    ]);
  });

  it('reads the year, earlier years, units and supporting programs', () => {
    expect([s.tahun, s.tahunLalu]).toEqual([2024, [2023]]);
    const [a, b] = s.sasaran[0].indikator;
    expect([a.satuan, b.satuan]).toEqual(['Indeks', 'Dok']);
    expect(a.realisasiLalu.map((y) => [y.tahun, y.nilai?.nilai?.toString()])).toEqual([[2023, '82']]);
    expect(a.pendukung.map((p) => p.teks)).toEqual(['7.01.02', 'Program Penunjang']);
    expect(s.sasaran[1].indikator[0].pendukung.map((p) => p.teks)).toEqual(['Program Ketertiban', 'Program Linmas']);
  });

  it('skips the header repeated inside the table', () => {
    const paged = kinerjaSheet(
      sheet('K', ['Sasaran', 'Indikator', 'Target', 'Realisasi'], ['Sasaran A', 'Indeks', 90, 85], ['Sasaran', 'Indikator', 'Target', 'Realisasi'], [null, 'Waktu', 5, 4]),
    );
    expect(paged.sasaran.map((x) => [x.nama, x.indikator.map((i) => i.nama)])).toEqual([['Sasaran A', ['Indeks', 'Waktu']]]);
    expect(paged.findings).toEqual([]);
  });

  it('leaves text it cannot read to the capaian (a peringatan there), reporting only error values', () => {
    expect(s.findings).toEqual([]);
    const broken = kinerjaSheet(sheet('K', ['Indikator', 'Target', 'Realisasi'], ['Indeks', { error: '#REF!' }, 5]));
    expect(broken.findings.map((f) => [f.tingkat, f.jenis, f.sel])).toEqual([['galat', 'nilai', 'B2']]);
  });
});
