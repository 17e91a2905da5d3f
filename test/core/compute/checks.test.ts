import { checkPercentages, checkSums } from '../../../src/core/compute/checks';
import { Decimal, percent } from '../../../src/core/decimal';
import { budgetSheet, sheet, sheetWith } from '../../support/sheets';

const HEADER = ['No', 'Uraian', 'Anggaran'];

describe('jumlah: written sums against their children', () => {
  it('finds nothing where every written subtotal and the total add up', () => {
    const s = budgetSheet(sheet('DPA', HEADER, ['1', 'Program', 300], ['1.1', 'Kegiatan A', 100], ['1.2', 'Kegiatan B', 200], [null, 'JUMLAH', 300]));
    expect(checkSums(s, 'anggaran')).toEqual([]);
  });

  it('flags a wrong leaf once, at its parent, with what is written, what it should be and the difference', () => {
    const s = budgetSheet(sheet('DPA', HEADER, ['1', 'Program', 300], ['1.1', 'Kegiatan A', 100], ['1.1.1', 'Sub A', 100], ['1.2', 'Kegiatan B', 200], ['1.2.1', 'Sub B', 150]));
    expect(checkSums(s, 'anggaran')).toEqual([
      expect.objectContaining({ jenis: 'jumlah', tingkat: 'galat', lembar: 'DPA', sel: 'C5', tertulis: '200', seharusnya: '150', selisih: '50' }),
    ]);
  });

  it('flags a wrong subtotal once, not again at the program above it', () => {
    const s = budgetSheet(sheet('DPA', HEADER, ['1', 'Program', 300], ['1.1', 'Kegiatan A', 90], ['1.1.1', 'Sub A', 100], ['1.2', 'Kegiatan B', 200], ['1.2.1', 'Sub B', 200]));
    const found = checkSums(s, 'anggaran');
    expect(found.map((f) => [f.sel, f.tertulis, f.seharusnya])).toEqual([['C3', '90', '100']]);
  });

  it('checks the total line against the rows above it and says the bottom-up sum where it differs', () => {
    const s = budgetSheet(sheet('DPA', HEADER, ['1', 'Program', 290], ['1.1', 'Kegiatan A', 300], [null, 'JUMLAH', 100]));
    const found = checkSums(s, 'anggaran');
    expect(found.map((f) => f.sel)).toEqual(['C2', 'C4']);
    expect(found[1].pesan).toMatch(/baris “JUMLAH” tertulis 100, tetapi jumlah rinciannya 290 \(tertulis lebih kecil 190\)\. Menurut rincian terbawah jumlahnya 300\./);
  });

  it('adds the DPA’s anggaran of rows the realisasi sheet leaves out, and names them for realisasi', () => {
    const s = budgetSheet(sheet('LRA', ['No', 'Uraian', 'Anggaran', 'Realisasi'], ['1', 'Kegiatan', 300, 250], ['1.1', 'Sub Kegiatan A', 100, 100]));
    const missing = () => ({ amount: new Decimal(200), names: ['Sub Hilang'] });
    expect(checkSums(s, 'anggaran', missing)).toEqual([]);
    const realisasi = checkSums(s, 'realisasi', missing);
    expect(realisasi).toHaveLength(1);
    expect(realisasi[0].pesan).toMatch(/Tidak ada di lembar ini: “Sub Hilang”\./);
  });
});

describe('persen: written percentages against their own row', () => {
  const grid = sheetWith(
    'LRA',
    { formats: { D2: '0.00%', D3: '0.00%' } },
    ['Uraian', 'Anggaran', 'Realisasi', '%'],
    ['Program A', 1000, 891.65, 0.8917],
    ['Program B', 1000, 500, 0.6],
    ['Program C', 1000, 250, '25,00'],
    ['Program D', 1000, 250, '25,01'],
    ['Program E', 1000, 250, '25,02'],
  );
  const s = budgetSheet(grid);
  const own = (i: number) => percent(s.rows[i].amountOf('realisasi')!.value!, s.rows[i].amountOf('anggaran')!.value!);

  it('reads %-formatted numbers and text, at the decimals written, within 0,01', () => {
    const found = checkPercentages(s, () => null);
    expect(found.map((f) => [f.sel, f.tertulis, f.seharusnya])).toEqual([
      ['D3', '60.00', '50.00'],
      ['D6', '25.02', '25.00'],
    ]);
  });

  it('accepts a percentage already right for the corrected amounts', () => {
    expect(checkPercentages(s, (row) => (!('index' in row) ? null : row.index === 1 ? new Decimal(60) : own(row.index))).map((f) => f.sel)).toEqual(['D6']);
  });
});
