import { findHeader, guessBudgetRole, guessKinerjaRole, isColumnNumberingRow } from '../../../src/core/read/header';

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

describe('finding the header row', () => {
  const isBudget = (c: Partial<Record<string, number>>) => c.uraian !== undefined && c.anggaran !== undefined;

  it('skips title rows and takes the row whose words name the most columns', () => {
    const values = [['PEMERINTAH KABUPATEN JEMBER'], ['Tabel 3.9 Realisasi Anggaran'], [null], ['Kode', 'Uraian', 'Anggaran', 'Realisasi'], ['1', 'Program', 100, 90]];
    const h = findHeader(values, guessBudgetRole, isBudget)!;
    expect(h).toMatchObject({ row: 3, height: 1, columns: { kode: 0, uraian: 1, anggaran: 2, realisasi: 3 } });
  });

  it('joins two header rows under a merged group title, preferring the cumulative realisasi', () => {
    const values = [
      ['Uraian', 'Anggaran', 'Realisasi', 'Realisasi', 'Realisasi'],
      ['Uraian', 'Anggaran', 's.d. Bulan Lalu', 'Bulan Ini', 's.d. Bulan Ini'],
      ['Program', 100, 40, 50, 90],
    ];
    const h = findHeader(values, guessBudgetRole, isBudget)!;
    expect(h).toMatchObject({ row: 0, height: 2, columns: { uraian: 0, anggaran: 1, realisasiLalu: 2, realisasiBulanIni: 3, realisasi: 4 } });
  });

  it('takes the row it is told, or nothing when that row names no such columns', () => {
    const values = [
      ['Uraian', 'Anggaran'],
      ['Belanja Pegawai', 100],
      ['Belanja Barang', 50],
      ['Uraian', 'Pagu'],
    ];
    expect(findHeader(values, guessBudgetRole, isBudget, 3)!.row).toBe(3);
    expect(findHeader(values, guessBudgetRole, isBudget, 1)).toBeNull();
  });

  it('keeps the years of earlier realisasi columns on a kinerja sheet', () => {
    const values = [['Sasaran', 'Indikator', 'Target 2024', 'Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024']];
    const h = findHeader(values, guessKinerjaRole, (c) => c.indikator !== undefined && c.target !== undefined)!;
    expect(h.years).toEqual([
      { year: 2022, col: 3 },
      { year: 2023, col: 4 },
      { year: 2024, col: 5 },
    ]);
  });

  it('tells a "1 2 3 …" numbering row from data', () => {
    expect(isColumnNumberingRow(['1', '2', '3', '4'])).toBe(true);
    expect(isColumnNumberingRow([1, 2, 3, '4 (5/3)'])).toBe(true);
    expect(isColumnNumberingRow(['1', 'Program', 100])).toBe(false);
    expect(isColumnNumberingRow(['1', '3', '2'])).toBe(false);
  });
});
