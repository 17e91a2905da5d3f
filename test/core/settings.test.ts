import { InputError } from '../../src/core/errors';
import { DEFAULT_PREDIKAT, parseAngka, parseSettings, SettingError, withDefaults } from '../../src/core/settings';

/** The SettingError parseSettings throws for `value`: its field and message. */
function refusal(value: unknown): { field: string; message: string } {
  try {
    parseSettings(value);
  } catch (e) {
    expect(e).toBeInstanceOf(SettingError);
    expect(e).toBeInstanceOf(InputError);
    return { field: (e as SettingError).field.join('/'), message: (e as SettingError).message };
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('a number as a clerk types it', () => {
  it.each([
    ['1.000', false, 1000],
    ['1.000.000', false, 1000000],
    ['1.000,5', false, 1000.5],
    ['90,5', false, 90.5],
    ['90.5', false, 90.5],
    [',5', false, 0.5],
    ['  66 ', false, 66],
    ['66%', true, 66],
    [' 66 % ', true, 66],
    ['90,5%', true, 90.5],
    ['66%', false, null],
    ['1,000', false, 1],
    ['1.00', false, 1],
    ['1.0000', false, 1],
    ['abc', true, null],
    ['%', true, null],
    ['', false, null],
    ['1.2.3', false, null],
    ['12,345.6', false, null],
  ])('%j (percent %j) reads as %j', (text, percent, value) => {
    expect(parseAngka(text, percent)).toBe(value);
  });
});

describe('parseSettings', () => {
  it('takes every field at its valid values, and only the fields given', () => {
    const all = {
      batasCapaian: 120,
      predikat: [
        { nama: 'Baik', min: 80 },
        { nama: 'Kurang', min: null },
      ],
      efisiensi: 'berjenjang',
      ambangEfisiensi: 2.5,
      skalaOrdinal: [['Kurang', 'Cukup', 'Memuaskan']],
      lembar: { dpa: 'DPA 2024', realisasi: 'LRA', kinerja: 'IKU' },
      kolom: { 'DPA 2024': { barisJudul: 4, kolom: { anggaran: 'd', realisasi: ' G ' } }, IKU: {} },
    };
    expect(parseSettings(all)).toEqual({
      ...all,
      predikat: [
        { nama: 'Baik', min: 80 },
        { nama: 'Kurang', min: Number.NEGATIVE_INFINITY },
      ],
      kolom: { 'DPA 2024': { barisJudul: 4, kolom: { anggaran: 'D', realisasi: 'G' } }, IKU: {} },
    });
    expect(parseSettings({})).toEqual({});
    expect(parseSettings({ batasCapaian: null })).toEqual({ batasCapaian: null });
  });

  it('takes back what withDefaults gives and JSON keeps: the saved settings of a run', () => {
    const saved = JSON.parse(JSON.stringify(withDefaults({ efisiensi: 'berjenjang' })));
    expect(withDefaults(parseSettings(saved))).toEqual(withDefaults({ efisiensi: 'berjenjang' }));
    expect(parseSettings({ predikat: DEFAULT_PREDIKAT }).predikat).toEqual(DEFAULT_PREDIKAT);
  });

  it.each([
    [null, '', /harus berupa objek/],
    [[1], '', /harus berupa objek/],
    [{ predikt: [] }, 'predikt', /tidak dikenal; yang dikenal: batasCapaian, predikat/],
    [{ batasCapaian: 'seratus' }, 'batasCapaian', /harus berupa angka, bukan “seratus”/],
    [{ batasCapaian: '1.000,5' }, 'batasCapaian', /harus antara 1 dan 1\.000, bukan 1\.000,5/],
    [{ batasCapaian: '66 %%' }, 'batasCapaian', /harus berupa angka/],
    [{ batasCapaian: 0 }, 'batasCapaian', /harus antara 1 dan 1\.000, bukan 0/],
    [{ batasCapaian: Number.POSITIVE_INFINITY }, 'batasCapaian', /harus berupa angka/],
    [{ predikat: 5 }, 'predikat', /harus berupa daftar 1 sampai 10 predikat/],
    [{ predikat: [] }, 'predikat', /daftar 1 sampai 10/],
    [{ predikat: ['Baik'] }, 'predikat/0', /harus berupa objek/],
    [{ predikat: [{ nama: 'Baik', min: 80, warna: 'hijau' }] }, 'predikat/0/warna', /tidak dikenal/],
    [{ predikat: [{ nama: '', min: 80 }] }, 'predikat/0/nama', /teks yang tidak kosong/],
    [{ predikat: [{ nama: 'Baik' }] }, 'predikat/0/min', /harus diisi dengan angka/],
    [{ predikat: [{ nama: 'Baik', min: 'x' }] }, 'predikat/0/min', /bukan “x”/],
    [{ predikat: [{ nama: 'Baik', min: 1200 }] }, 'predikat/0/min', /antara 0 dan 1\.000/],
    [
      {
        predikat: [
          { nama: 'Baik', min: 80 },
          { nama: 'baik ', min: 70 },
        ],
      },
      'predikat/1/nama',
      /sama dengan nama predikat ke-1/,
    ],
    [
      {
        predikat: [
          { nama: 'Tinggi', min: 80 },
          { nama: 'Sangat Tinggi', min: 90.5 },
        ],
      },
      'predikat/1/min',
      /harus lebih kecil dari batas bawah “Tinggi” \(80\)/,
    ],
    [
      {
        predikat: [
          { nama: 'A', min: null },
          { nama: 'B', min: 10 },
        ],
      },
      'predikat/1/min',
      /tanpa batas bawah/,
    ],
    [{ efisiensi: 'Berjenjang' }, 'efisiensi', /harus “sederhana” atau “berjenjang”, bukan “Berjenjang”/],
    [{ efisiensi: true }, 'efisiensi', /bukan true/],
    [{ ambangEfisiensi: -1 }, 'ambangEfisiensi', /antara 0 dan 100/],
    [{ ambangEfisiensi: '5 poin' }, 'ambangEfisiensi', /harus berupa angka poin persen/],
    [{ ambangEfisiensi: ' ' }, 'ambangEfisiensi', /harus diisi dengan angka poin persen/],
    [{ skalaOrdinal: 'Kurang < Baik' }, 'skalaOrdinal', /daftar skala/],
    [{ skalaOrdinal: [['Baik']] }, 'skalaOrdinal/0', /daftar 2 sampai 20 tingkatan/],
    [{ skalaOrdinal: [['Kurang', '']] }, 'skalaOrdinal/0/1', /tidak kosong/],
    [{ skalaOrdinal: [['Baik', 'baik']] }, 'skalaOrdinal/0/1', /sama dengan tingkatan ke-1/],
    [{ lembar: 'DPA' }, 'lembar', /harus berupa objek/],
    [{ lembar: { anggaran: 'DPA' } }, 'lembar/anggaran', /tidak dikenal; yang dikenal: dpa, realisasi, kinerja/],
    [{ lembar: { dpa: '' } }, 'lembar/dpa', /tidak kosong/],
    [{ lembar: { dpa: 7 } }, 'lembar/dpa', /bukan 7/],
    [{ lembar: { dpa: 'x'.repeat(32) } }, 'lembar/dpa', /paling panjang 31 huruf/],
    [{ kolom: [] }, 'kolom', /harus berupa objek/],
    [{ kolom: { DPA: 3 } }, 'kolom/DPA', /harus berupa objek/],
    [{ kolom: { DPA: { baris: 3 } } }, 'kolom/DPA/baris', /tidak dikenal; yang dikenal: barisJudul, kolom/],
    [{ kolom: { DPA: { barisJudul: 0 } } }, 'kolom/DPA/barisJudul', /antara 1 dan 1\.048\.576/],
    [{ kolom: { DPA: { barisJudul: 2.5 } } }, 'kolom/DPA/barisJudul', /nomor baris bulat/],
    [{ kolom: { DPA: { barisJudul: '4%' } } }, 'kolom/DPA/barisJudul', /harus berupa nomor baris, bukan “4%”/],
    [{ kolom: { DPA: { barisJudul: '4,5' } } }, 'kolom/DPA/barisJudul', /nomor baris bulat, bukan 4,5/],
    [{ kolom: { DPA: { kolom: { Realisasi: 'C' } } } }, 'kolom/DPA/kolom/Realisasi', /bukan peran kolom yang dikenal; yang dikenal: kode, nomor, uraian, anggaran, realisasi/],
    [{ kolom: { DPA: { kolom: { realisasi: 'C3' } } } }, 'kolom/DPA/kolom/realisasi', /huruf kolom seperti “D”, bukan “C3”/],
    [{ kolom: { DPA: { kolom: { realisasi: 'XFE' } } } }, 'kolom/DPA/kolom/realisasi', /huruf kolom/],
    [{ kolom: { DPA: { kolom: { realisasi: 3 } } } }, 'kolom/DPA/kolom/realisasi', /huruf kolom/],
  ])('refuses %j, naming %s', (value, field, why) => {
    const r = refusal(value);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(why);
    expect(r.message).toMatch(field === '' ? /^Pengaturan harus .+\.$/ : /^Pengaturan “[^”]+” .+\.$/);
    expect(r.message).not.toMatch(/\.\.$/);
  });

  it('reads numbers as a clerk types them, in every number field', () => {
    expect(parseSettings({ batasCapaian: '1.000', ambangEfisiensi: '2,5%', tahun: '2024', kolom: { DPA: { barisJudul: '1.200' } } })).toEqual({
      batasCapaian: 1000,
      ambangEfisiensi: 2.5,
      tahun: 2024,
      kolom: { DPA: { barisJudul: 1200 } },
    });
    expect(
      parseSettings({
        predikat: [
          { nama: 'Baik', min: '80,5%' },
          { nama: 'Kurang', min: null },
        ],
      }).predikat![0].min,
    ).toBe(80.5);
  });

  it('marks every band that cannot be used, the one out of order among those that cannot be read', () => {
    const bands = [
      { nama: 'Sangat Tinggi', min: 90 },
      { nama: 'Tinggi', min: 'x' },
      { nama: 'Sedang', min: 95 },
      { nama: '', min: 51 },
      { nama: 'Sangat Rendah', min: null },
    ];
    const fields = (() => {
      try {
        parseSettings({ predikat: bands, kolom: { A: { barisJudul: 'satu' }, B: { kolom: { anggaran: '7', realisasi: 'Z9' } } } });
      } catch (e) {
        return [e as SettingError, ...(e as SettingError).others].map((f) => f.field.join('.'));
      }
      throw new Error('accepted');
    })();
    expect(fields).toEqual(['predikat.1.min', 'predikat.3.nama', 'predikat.2.min', 'kolom.A.barisJudul', 'kolom.B.kolom.anggaran', 'kolom.B.kolom.realisasi']);
  });

  it('takes “tidak ada” for a sheet role as null', () => {
    expect(parseSettings({ lembar: { realisasi: null, dpa: 'DPA' } })).toEqual({ lembar: { realisasi: null, dpa: 'DPA' } });
  });

  it('names the field as the JSON has it', () => {
    expect(refusal({ kolom: { 'DPA 2024': { barisJudul: 0 } } }).message).toMatch(/^Pengaturan “kolom\.DPA 2024\.barisJudul” /);
    expect(refusal({ predikat: [{ nama: 'A', min: 'x' }] }).message).toMatch(/^Pengaturan “predikat\[0\]\.min” /);
  });

  it('checks every field, not only up to the first that cannot be used: the others ride with it', () => {
    const bands = [...DEFAULT_PREDIKAT.slice(0, 1), { ...DEFAULT_PREDIKAT[1], min: 95 }, ...DEFAULT_PREDIKAT.slice(2)];
    const r = (() => {
      try {
        parseSettings({ batasCapaian: 'abc', predikat: bands, efisiensi: 'Berjenjang', ambangEfisiensi: 2 });
      } catch (e) {
        return e as SettingError;
      }
      throw new Error('accepted');
    })();
    expect([r.field, ...r.others.map((o) => o.field)].map((f) => f.join('.'))).toEqual(['batasCapaian', 'predikat.1.min', 'efisiensi']);
    expect(r.message).toMatch(/^Pengaturan “batasCapaian” /);
  });
});
