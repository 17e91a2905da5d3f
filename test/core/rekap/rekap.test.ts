import fc from 'fast-check';
import { BukuRekap, failedBook } from '../../../src/core/rekap/book';
import { rekap, rekapJson } from '../../../src/core/rekap/rekap';
import { rekapTables, rekapWarning } from '../../../src/core/rekap/tables';
import { displayCell } from '../../../src/core/report/table';
import { InputError } from '../../../src/core/errors';

/** A book read, with figures as a run gives them (exact decimal text). */
function book(berkas: string, figures: Partial<BukuRekap> = {}): BukuRekap {
  return {
    ...failedBook(berkas, new Error('-')),
    nama: berkas.replace('.xlsx', ''),
    namaDari: 'judul',
    tahun: 2024,
    anggaran: '1000',
    realisasi: '900',
    serapan: '90',
    rataRataCapaian: '95',
    predikat: 'Sangat Tinggi',
    galat: 0,
    peringatan: 0,
    kesalahan: null,
    ...figures,
  };
}

/** Money as a run writes it: digits, sometimes with sen. */
const moneyArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`),
);
const bookArb = fc.record({
  anggaran: fc.option(moneyArb, { nil: null }),
  realisasi: fc.option(moneyArb, { nil: null }),
  rataRataCapaian: fc.option(
    fc.double({ min: 0, max: 200, noNaN: true }).map((x) => x.toFixed(6)),
    { nil: null },
  ),
  failed: fc.boolean(),
});

/** In sen, as a bigint: sums no rounding can touch. */
const sen = (text: string) => {
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole + frac.padEnd(2, '0'));
};

describe('the kabupaten’s sums (property)', () => {
  it('sums the money of the books read exactly, whatever their order; serapan is that of the sums', () => {
    fc.assert(
      fc.property(fc.array(bookArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const books = specs.map((s, i) =>
          s.failed
            ? failedBook(`b${i}.xlsx`, new InputError('rusak'))
            : book(`b${i}.xlsx`, { anggaran: s.anggaran, realisasi: s.anggaran === null ? null : s.realisasi, rataRataCapaian: s.rataRataCapaian }),
        );
        const read = books.filter((b) => b.kesalahan === null);
        const j = rekapJson(rekap(books)).jumlah;
        const withAnggaran = read.filter((b) => b.anggaran !== null);
        const withBoth = withAnggaran.filter((b) => b.realisasi !== null);
        const total = (xs: string[]) => xs.reduce((a, x) => a + sen(x), 0n);
        expect(j.anggaran === null ? null : sen(j.anggaran)).toEqual(withAnggaran.length === 0 ? null : total(withAnggaran.map((b) => b.anggaran!)));
        expect(j.realisasi === null ? null : sen(j.realisasi)).toEqual(withBoth.length === 0 ? null : total(withBoth.map((b) => b.realisasi!)));
        const base = total(withBoth.map((b) => b.anggaran!));
        if (withBoth.length > 0 && base > 0n) {
          // Half-up to two decimals, in integers: serapan × 100 = realisasi × 10.000 ÷ anggaran.
          const expected = (sen(j.realisasi!) * 10_000n * 2n + base) / (2n * base);
          expect(sen(j.serapan!)).toBe(expected);
        }
        const capaian = read.filter((b) => b.rataRataCapaian !== null).map((b) => Number(b.rataRataCapaian));
        if (capaian.length > 0) expect(Number(j.rataRataCapaian)).toBeCloseTo(capaian.reduce((a, b) => a + b, 0) / capaian.length, 2);
        else expect(j.rataRataCapaian).toBeNull();
        expect(rekapJson(rekap([...books].reverse())).jumlah).toEqual(j);
      }),
    );
  });

  it('gives a book’s figures in its JSON as its own run’s JSON does: money whole, percentages with two decimals', () => {
    const json = rekapJson(
      rekap([book('a.xlsx', { anggaran: '3894507781', realisasi: '3545596394', serapan: '91.04253585713474889849484447898006395727', rataRataCapaian: '98.8095238095238095' })]),
    );
    expect(json.opd[0]).toMatchObject({ anggaran: '3894507781', realisasi: '3545596394', serapan: '91.04', rataRataCapaian: '98.81' });
  });
});

describe('the recap’s tables', () => {
  const books = [
    book('dinkes.xlsx', {
      galat: 3,
      daftarGalat: [1, -500, 20].map((s, i) => ({
        lembar: 'DPA',
        sel: `C${i + 2}`,
        jenis: 'Jumlah tidak sama dengan rinciannya',
        selisih: String(s),
        persen: false,
        pesan: `g${i}`,
      })),
    }),
    failedBook('rusak.xlsx', new InputError('Berkas “rusak.xlsx” rusak.')),
    book('dinsos.xlsx', {
      galat: 1,
      daftarGalat: [{ lembar: 'Kinerja', sel: 'D5', jenis: 'Nilai yang tidak terbaca', selisih: null, persen: false, pesan: 'n' }],
      galatKinerja: 1,
    }),
  ];
  const [opd, kinerja, anggaran, galat] = rekapTables(rekap(books));
  const column = (t: typeof opd, c: number) => t.rows.map((r) => displayCell(r.cells[c]));

  it('keeps every book on its line in the order given, the kabupaten’s line last', () => {
    expect(column(opd, 1)).toEqual(['dinkes', 'rusak', 'dinsos', '']);
    expect(column(opd, 0)).toEqual(['1', '2', '3', 'Jumlah kabupaten']);
    expect(column(opd, 4)).toEqual(['1.000', '-', '1.000', '2.000']);
    expect(column(opd, 11)[1]).toBe('Tidak terbaca: Berkas “rusak.xlsx” rusak.');
    expect(column(kinerja, 7)[2]).toBe('Rata-rata capaian bersandar pada lembar kinerja yang memuat 1 galat.');
    expect(anggaran.header[0].slice(0, 4)).toEqual(['No', 'Perangkat Daerah', 'Pagu Anggaran (Rp)', 'Realisasi (Rp)']);
  });

  it('lists the galat worst first: unreadable files, then most galat, then the largest difference', () => {
    expect(galat.rows.map((r) => [displayCell(r.cells[2]), displayCell(r.cells[4]), displayCell(r.cells[7])])).toEqual([
      ['rusak.xlsx', '', 'Berkas “rusak.xlsx” rusak.'],
      ['dinkes.xlsx', 'C3', 'g1'],
      ['dinkes.xlsx', 'C4', 'g2'],
      ['dinkes.xlsx', 'C2', 'g0'],
      ['dinsos.xlsx', 'D5', 'n'],
    ]);
  });

  it('cuts a book’s galat in the Word document and says how many more, and leaves the files’ column to the workbook', () => {
    const [docOpd, , , docGalat] = rekapTables(rekap(books), { dokumen: { galatPerBuku: 2 } });
    expect(docGalat.rows.filter((r) => displayCell(r.cells[2]) === 'dinkes.xlsx').map((r) => displayCell(r.cells[7]))).toEqual([
      'g1',
      'g2',
      '… dan 1 galat lain di berkas ini (lihat lembar HC Rekap Galat di buku kerja rekap, atau HC Pemeriksaan di salinan hasil berkas ini).',
    ]);
    expect(docOpd.header[0]).not.toContain('Berkas');
    expect(docOpd.text.after.map((p) => p.text)).toContain('2. rusak (rusak.xlsx): Tidak terbaca: Berkas “rusak.xlsx” rusak.');
  });

  it('warns before the figures when a book was not read, is doubtful or holds galat, and not otherwise', () => {
    expect(rekapWarning(rekap(books))).toMatch(/^1 berkas tidak terbaca dan tidak ikut dijumlahkan .* Buku 2 perangkat daerah masih memuat galat/);
    expect(rekapWarning(rekap([book('a.xlsx'), book('b.xlsx', { anggaran: '2000' })]))).toBeNull();
  });
});
