import { levelWord, nameTokens, normalizeName, similarity } from '../../../src/core/read/names';

describe('names', () => {
  it('ignores case, punctuation and the level word', () => {
    expect(normalizeName('Sub Kegiatan Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak')).toBe(
      normalizeName('Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak'),
    );
    expect(normalizeName('PROGRAM PENUNJANG URUSAN')).toBe(normalizeName('Program Penunjang Urusan'));
  });
});

describe('level words and similarity', () => {
  it('reads the level a name says', () => {
    expect(levelWord('PROGRAM PENUNJANG')).toBe('program');
    expect(levelWord('Sub Kegiatan Penyediaan')).toBe('subKegiatan');
    expect(levelWord('Sub Keg Penyediaan')).toBe('subKegiatan');
    expect(levelWord('Kegiatan Administrasi')).toBe('kegiatan');
    expect(levelWord('Penyediaan Gaji')).toBeNull();
  });
  it('scores shared words, ignoring stop words and order', () => {
    expect(similarity(nameTokens('Penyediaan Gaji dan Tunjangan'), nameTokens('Tunjangan Gaji Penyediaan'))).toBe(1);
    expect(similarity(nameTokens('Penyediaan Gaji'), nameTokens('Belanja Modal'))).toBe(0);
    expect(similarity(nameTokens('Penyediaan Gaji ASN'), nameTokens('Penyediaan Gaji'))).toBeCloseTo(0.8);
  });

  it('compares the first 64 words of a name, however long', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `kata${i}`);
    expect(nameTokens(`Program ${words.join(' dan ')}`)).toEqual(words.slice(0, 64));
  });
});
