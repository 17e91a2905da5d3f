import { hitung } from '../../../src/core/compute/engine';
import { CellValue, Grid } from '../../../src/core/grid';
import { describeRoles, detectSheets, KEY_COLUMNS } from '../../../src/core/read/detect';
import { parseSettings, SettingError, Settings, withDefaults } from '../../../src/core/settings';

const sheet = (name: string, values: CellValue[][], origin = { row: 0, col: 0 }): Grid => ({ name, values, origin });

/** A DPA on rows 3…, a title above; two anggaran columns, the later one chosen by its name. */
const dpa = sheet('DPA 2024', [
  ['DOKUMEN PELAKSANAAN ANGGARAN'],
  [],
  ['Kode', 'Uraian', 'Anggaran Murni', 'Anggaran Perubahan'],
  ['7.01.01', 'PROGRAM A', 1000, 1200],
  ['7.01.01.2.01', 'Kegiatan A1', 1000, 1200],
]);
const realisasi = sheet('Realisasi 2024', [
  ['Kode', 'Uraian', 'Anggaran', 'Realisasi Bulan Lalu', 'Realisasi s.d. Bulan Ini'],
  ['7.01.01', 'PROGRAM A', 1200, 300, 900],
  ['7.01.01.2.01', 'Kegiatan A1', 1200, 300, 900],
]);
const kinerja = sheet('Kinerja', [
  ['Sasaran', 'Indikator', 'Target', 'Realisasi'],
  ['Sasaran 1', 'Indikator 1', 90, 80],
]);
const notes = sheet('HC Catatan Saya', [['catatan saya']]);
const book = { sheets: [dpa, realisasi, kinerja, notes] };

const detect = (settings: unknown = {}) => detectSheets(book, withDefaults(parseSettings(settings)));

describe('detecting which sheet serves as what', () => {
  it('says what every sheet serves as, each column by its role and its label apart, and the header row', () => {
    const d = detect();
    expect(d.masalah).toEqual([]);
    expect(d.deteksi.map((s) => [s.lembar, describeRoles(s.peran), s.kind, s.barisJudul])).toEqual([
      ['DPA 2024', 'DPA', 'anggaran', 3],
      ['Realisasi 2024', 'realisasi', 'anggaran', 1],
      ['Kinerja', 'kinerja', 'kinerja', 1],
      ['HC Catatan Saya', 'tidak dipakai', null, null],
    ]);
    expect(d.deteksi[1].kolom).toEqual([
      { peran: 'kode', label: 'Kode', kolom: 'A', judul: 'Kode' },
      { peran: 'uraian', label: 'Uraian', kolom: 'B', judul: 'Uraian' },
      { peran: 'anggaran', label: 'Anggaran', kolom: 'C', judul: 'Anggaran' },
      { peran: 'realisasiLalu', label: 'Realisasi s.d. bulan lalu', kolom: 'D', judul: 'Realisasi Bulan Lalu' },
      { peran: 'realisasi', label: 'Realisasi', kolom: 'E', judul: 'Realisasi s.d. Bulan Ini' },
    ]);
    expect(d.deteksi[3].catatan[0]).toMatch(/^Tidak ditemukan baris judul kolom yang dikenali \(misalnya “Uraian” dan “Anggaran”/);
  });

  it('names roles for people', () => {
    expect(describeRoles(['dpa', 'realisasi'])).toBe('DPA dan realisasi');
    expect(describeRoles(['dpa', 'realisasi', 'kinerja'])).toBe('DPA, realisasi dan kinerja');
    expect(describeRoles([])).toBe('tidak dipakai');
  });

  it('takes a column the user names by its role: the figures change accordingly', () => {
    const detected = hitung(book, {});
    const overridden = hitung(book, parseSettings({ kolom: { 'Realisasi 2024': { kolom: { realisasi: 'D' } } } }));
    expect(detected.anggaran!.realisasi!.toString()).toBe('900');
    expect(overridden.anggaran!.realisasi!.toString()).toBe('300');
    expect(overridden.deteksi[1].kolom.filter((k) => k.peran === 'realisasi')).toEqual([{ peran: 'realisasi', label: 'Realisasi', kolom: 'D', judul: 'Realisasi Bulan Lalu' }]);
    // The user's word over detection's: column D is no longer read as the realisasi of the month before.
    expect(overridden.deteksi[1].kolom.map((k) => k.peran)).not.toContain('realisasiLalu');
    const dpaOverride = hitung(book, parseSettings({ lembar: { dpa: 'DPA 2024' }, kolom: { 'DPA 2024': { kolom: { anggaran: 'C' } } } }));
    expect(dpaOverride.anggaran!.anggaran.toString()).toBe('1000');
  });

  it('keeps a sheet whose given header row finds nothing, and names the field instead of dropping the sheet', () => {
    const d = detect({ kolom: { 'DPA 2024': { barisJudul: 99 } } });
    expect(d.deteksi.map((s) => s.lembar)).toContain('DPA 2024');
    expect(d.masalah).toHaveLength(1);
    expect(d.masalah[0].field).toEqual(['kolom', 'DPA 2024', 'barisJudul']);
    expect(d.masalah[0].message).toBe(
      'Pengaturan “kolom.DPA 2024.barisJudul” menunjuk baris 99, yang tidak berisi judul kolom yang dikenali (misalnya “Uraian” dan “Anggaran”, atau “Indikator” dan “Target”).',
    );
    // The engine computes nothing with it: anggaran is never read from another sheet instead.
    expect(() => hitung(book, parseSettings({ kolom: { 'DPA 2024': { barisJudul: 99 } } }))).toThrow(SettingError);
    // Two such fields: both said, the second riding with the first.
    let refused: SettingError | null = null;
    try {
      hitung(book, parseSettings({ kolom: { 'DPA 2024': { barisJudul: 99 }, Kinerja: { barisJudul: 98 } } }));
    } catch (e) {
      refused = e as SettingError;
    }
    expect([refused!.field, ...refused!.others.map((o) => o.field)]).toEqual([
      ['kolom', 'DPA 2024', 'barisJudul'],
      ['kolom', 'Kinerja', 'barisJudul'],
    ]);
  });

  it('changes no other sheet’s role for a slip in one sheet’s header row: that sheet is read as if the row were not given', () => {
    const roles = (settings: unknown) => detect(settings).deteksi.map((s) => [s.lembar, describeRoles(s.peran), s.barisJudul]);
    for (const typed of ['DPA 2024', 'Realisasi 2024', 'Kinerja']) expect(roles({ kolom: { [typed]: { barisJudul: 2 } } })).toEqual(roles({}));
    expect(detect({ kolom: { 'DPA 2024': { barisJudul: 2 } } }).masalah.map((m) => m.field)).toEqual([['kolom', 'DPA 2024', 'barisJudul']]);
  });

  it('leaves a role without a sheet where the user chose none, and never takes another sheet for it', () => {
    const d = detect({ lembar: { realisasi: null } });
    expect(d.masalah).toEqual([]);
    expect(d.deteksi.map((s) => describeRoles(s.peran))).toEqual(['DPA', 'tidak dipakai', 'kinerja', 'tidak dipakai']);
    const noDpa = detect({ lembar: { dpa: null } });
    // The realisasi sheet has an anggaran column, yet it does not become the DPA.
    expect(noDpa.deteksi.map((s) => describeRoles(s.peran))).toEqual(['tidak dipakai', 'realisasi', 'kinerja', 'tidak dipakai']);
    expect(hitung(book, parseSettings({ lembar: { realisasi: null } })).anggaran!.realisasi).toBeNull();
  });

  it('takes a header row the user gives where detection would find another', () => {
    const shifted = sheet('LRA', [
      ['Uraian', 'Anggaran', 'Realisasi'],
      ['Catatan', 'di atas', 'tabel'],
      ['Uraian', 'Pagu', 'Realisasi s.d.'],
      ['Program Satu', 500, 200],
    ]);
    const settings: Partial<Settings> = parseSettings({ kolom: { LRA: { barisJudul: 3 } } });
    expect(detectSheets({ sheets: [shifted] }, withDefaults(settings)).deteksi[0].barisJudul).toBe(3);
  });

  it.each([
    [{ lembar: { dpa: 'DPA 2025' } }, ['lembar', 'dpa'], 'menunjuk lembar “DPA 2025”, yang tidak ada di buku kerja ini'],
    [{ lembar: { dpa: 'Kinerja' } }, ['lembar', 'dpa'], 'menunjuk lembar “Kinerja”, yang judul kolomnya tidak dikenali sebagai lembar DPA'],
    [{ lembar: { realisasi: 'DPA 2024' } }, ['lembar', 'realisasi'], 'menunjuk lembar “DPA 2024”, yang tidak memiliki kolom realisasi'],
    [{ kolom: { Kinerja: { kolom: { anggaran: 'B' } } } }, ['kolom', 'Kinerja', 'kolom', 'anggaran'], 'tidak berlaku untuk lembar kinerja'],
    [{ kolom: { 'DPA 2024': { kolom: { anggaran: 'K' } } } }, ['kolom', 'DPA 2024', 'kolom', 'anggaran'], 'menunjuk kolom K, yang kosong di lembar “DPA 2024”'],
  ])('lists %j as a problem of its field, and detects on without it', (settings, field, alasan) => {
    const d = detect(settings);
    expect(d.masalah.map((m) => [m.field, m.alasan])).toEqual([[field, alasan]]);
    expect(d.dpa?.grid.name).toBe('DPA 2024');
    expect(d.kinerja?.grid.name).toBe('Kinerja');
  });

  describe('a column that cannot hold what its role reads', () => {
    /** A Semboro-like DPA: outline numbers as text in “No”, the names in B, the amounts in C. */
    const numbered = sheet('DPA', [
      ['No', 'Program/ Kegiatan/ Sub Kegiatan', 'Anggaran (Rp,-)'],
      ['1', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', 2700],
      ['1.2', 'Administrasi Keuangan Perangkat Daerah', 2700],
      ['1.2.1', 'Penyediaan Gaji dan Tunjangan ASN', 2700],
      ['', 'JUMLAH', 2700],
    ]);
    const kinerjaWords = sheet('IKU', [
      ['Sasaran', 'Indikator', 'Target', 'Realisasi'],
      ['Meningkatnya kualitas pelayanan publik', 'Indeks kepuasan masyarakat terhadap pelayanan', 'WTP', 'WTP'],
      ['Meningkatnya akuntabilitas kinerja', 'Opini BPK atas laporan keuangan daerah', 'Wajar Tanpa Pengecualian', 'WDP'],
    ]);
    const problems = (sheets: Grid[], settings: unknown) =>
      detectSheets({ sheets }, withDefaults(parseSettings(settings))).masalah.map((m) => [m.field.join(' / '), capitalise(m.alasan)]);
    const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

    it.each([
      ['the names', 'B'],
      ['the outline numbers written as text', 'A'],
    ])('refuses %s for the anggaran, naming the column, and keeps the detected one', (_what, letter) => {
      const settings = { kolom: { DPA: { kolom: { anggaran: letter } } } };
      expect(problems([numbered], settings)).toEqual([[`kolom / DPA / kolom / anggaran`, `Menunjuk kolom ${letter}, yang berisi teks, bukan angka`]]);
      const d = detectSheets({ sheets: [numbered] }, withDefaults(parseSettings(settings)));
      expect(d.deteksi[0].kolom.find((k) => k.peran === 'anggaran')?.kolom).toBe('C');
      // The engine computes nothing with it, rather than 54 nilai galat and Rp 0.
      expect(() => hitung({ sheets: [numbered] }, parseSettings(settings))).toThrow(
        'Pengaturan “kolom.DPA.kolom.anggaran” menunjuk kolom ' + letter + ', yang berisi teks, bukan angka.',
      );
    });

    it('takes a column not yet filled in, though a signature block stands in it under the table', () => {
      const signed = sheet('DPA', [
        ['No', 'Program/ Kegiatan/ Sub Kegiatan', 'Anggaran (Rp,-)', 'Realisasi TW IV'],
        ['1', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', 2700, null],
        ['1.2', 'Administrasi Keuangan Perangkat Daerah', 2700, null],
        ['', 'JUMLAH', 2700, null],
        [null, null, null, 'Semboro, 31 Desember 2024'],
        [null, null, null, 'Camat Semboro'],
        [null, null, null, 'NIP. 19700101 199003 1 010'],
      ]);
      expect(problems([signed], { kolom: { DPA: { kolom: { realisasi: 'D' } } } })).toEqual([]);
      expect(problems([signed], { kolom: { DPA: { kolom: { anggaran: 'B' } } } })).toEqual([['kolom / DPA / kolom / anggaran', 'Menunjuk kolom B, yang berisi teks, bukan angka']]);
    });

    it('refuses words for a kinerja target or realisasi, and takes levels of a scale and figures', () => {
      expect(problems([kinerjaWords], { kolom: { IKU: { kolom: { target: 'B' } } } })).toEqual([
        ['kolom / IKU / kolom / target', 'Menunjuk kolom B, yang berisi teks, bukan angka'],
      ]);
      expect(problems([kinerjaWords], { kolom: { IKU: { kolom: { realisasi: 'A', target: 'D' } } } })).toEqual([
        ['kolom / IKU / kolom / realisasi', 'Menunjuk kolom A, yang berisi teks, bukan angka'],
        ['kolom / IKU / kolom / target', 'Menunjuk kolom D, yang sudah dipakai untuk Realisasi'],
      ]);
      // Opini BPK written out is a target: the column of levels is taken.
      const swapped = detectSheets({ sheets: [kinerjaWords] }, withDefaults(parseSettings({ kolom: { IKU: { kolom: { target: 'D', realisasi: 'C' } } } })));
      expect(swapped.masalah).toEqual([]);
      expect(swapped.kinerja!.header.columns).toMatchObject({ target: 3, realisasi: 2 });
    });

    it('takes amounts written as text, and a column of row numbers the sheet holds as numbers', () => {
      const written = sheet('DPA', [
        ['No', 'Uraian', 'Anggaran', 'Pagu Murni'],
        [1, 'Program A', '2.700.414.981', 'Rp 2.600.000.000,-'],
        [2, 'Program B', '1.000', '-'],
      ]);
      expect(problems([written], { kolom: { DPA: { kolom: { anggaran: 'D' } } } })).toEqual([]);
      const numbers = detectSheets({ sheets: [written] }, withDefaults(parseSettings({ kolom: { DPA: { kolom: { anggaran: 'A' } } } })));
      expect(numbers.masalah).toEqual([]);
      expect(numbers.deteksi[0].kolom.map((k) => [k.peran, k.kolom])).toEqual([
        ['anggaran', 'A'],
        ['uraian', 'B'],
      ]);
    });

    it('refuses two roles in one column, each naming it; two columns may change places', () => {
      expect(problems([realisasi], { kolom: { 'Realisasi 2024': { kolom: { realisasi: 'C' } } } })).toEqual([
        ['kolom / Realisasi 2024 / kolom / realisasi', 'Menunjuk kolom C, yang sudah dipakai untuk Anggaran'],
      ]);
      expect(problems([realisasi], { kolom: { 'Realisasi 2024': { kolom: { anggaran: 'E', realisasi: 'E' } } } })).toEqual([
        ['kolom / Realisasi 2024 / kolom / realisasi', 'Menunjuk kolom E, yang sudah dipakai untuk Anggaran'],
      ]);
      // The refused realisasi does not go back to E, which the anggaran now reads.
      const both = detectSheets({ sheets: [realisasi] }, withDefaults(parseSettings({ kolom: { 'Realisasi 2024': { kolom: { anggaran: 'E', realisasi: 'E' } } } })));
      expect(both.deteksi[0].kolom.filter((k) => k.kolom === 'E').map((k) => k.peran)).toEqual(['anggaran']);
      const swapped = hitung({ sheets: [realisasi] }, parseSettings({ kolom: { 'Realisasi 2024': { kolom: { anggaran: 'E', realisasi: 'C' } } } }));
      expect([swapped.anggaran!.anggaran.toString(), swapped.anggaran!.realisasi!.toString()]).toEqual(['900', '1200']);
    });
  });

  it('offers the arah among the kinerja sheet’s columns, as a range target needs it', () => {
    expect(KEY_COLUMNS.kinerja).toContain('arah');
  });

  it('reads a user’s own sheet named HC … like any other', () => {
    const own = sheet('HC Kinerja Saya', kinerja.values);
    const d = detectSheets({ sheets: [own] }, withDefaults({}));
    expect(d.kinerja?.grid.name).toBe('HC Kinerja Saya');
  });
});
