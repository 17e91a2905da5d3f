import { buildReport } from '../../../src/core/report/report';
/**
 * The forms staff keep besides the Renja form: RFK and LRA sheets with periods and cumulative
 * columns, kinerja sheets with realisasi per triwulan, units in a header or a title, the year in a
 * title, and our own result sheets handed back.
 */
import { hitung } from '../../../src/core/compute/engine';
import { Grid } from '../../../src/core/grid';
import { layoutSheets } from '../../../src/core/report/sheet-layout';
import { resultSheets } from '../../../src/core/report/tables';
import { parseSettings } from '../../../src/core/settings';
import { sheet, sheetWith } from '../../support/sheets';

const kinerja = sheet('Kinerja', ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program Pendukung'], ['Sasaran 1', 'Indeks Kepuasan Masyarakat', 90, 88, '7.01.01']);

describe('periods and cumulative columns', () => {
  it('takes the cumulative “s.d. Triwulan IV” of an RFK, never one triwulan nor the physical progress', () => {
    const rfk = sheetWith(
      'RFK TW IV',
      { above: [['LAPORAN REALISASI FISIK DAN KEUANGAN TAHUN ANGGARAN 2024']], merges: ['D2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'I2:I3'] },
      ['Kode', 'Program/Kegiatan', 'Pagu Anggaran', 'Realisasi Keuangan', null, null, null, null, 'Realisasi Fisik (%)'],
      [null, null, null, 'Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV', 's.d. Triwulan IV', null],
      ['7.01.01', 'PROGRAM A', 1_000_000, 100_000, 200_000, 300_000, 250_000, 850_000, 90],
      ['7.01.01.2.01', 'Kegiatan A1', 1_000_000, 100_000, 200_000, 300_000, 250_000, 850_000, 90],
    );
    const r = hitung({ sheets: [rfk, kinerja] });
    expect(r.anggaran!.realisasi!.toFixed()).toBe('850000');
    expect(r.deteksi[0].kolom.find((k) => k.peran === 'realisasi')).toMatchObject({ kolom: 'H' });
    expect(r.tahun).toBe(2024);
  });

  it('sums the triwulan when no cumulative column exists, and says so', () => {
    const lra = sheetWith(
      'Realisasi',
      { merges: ['C1:F1'] },
      ['Uraian', 'Anggaran', 'Realisasi', null, null, null],
      [null, null, 'I', 'II', 'III', 'IV'],
      ['PROGRAM A', 1_000_000, 100_000, 200_000, 300_000, 250_000],
    );
    lra.values[1][0] = null;
    const dpa = sheet('DPA', ['Uraian', 'Anggaran'], ['PROGRAM A', 1_000_000]);
    const r = hitung({ sheets: [dpa, lra] });
    expect(r.anggaran!.realisasi!.toFixed()).toBe('850000');
    expect(r.deteksi[1].catatan).toContain(
      'Tidak ada kolom realisasi kumulatif (s.d. periode ini): realisasi dijumlahkan dari Triwulan I, Triwulan II, Triwulan III, Triwulan IV (kolom C, D, E, F).',
    );
  });

  it('takes “s.d. Triwulan ini” over “Triwulan ini” and “s.d. Triwulan lalu”', () => {
    const lra = sheet(
      'LRA',
      ['Uraian', 'Anggaran', 'Realisasi s.d. Triwulan Lalu', 'Realisasi Triwulan Ini', 'Realisasi s.d. Triwulan Ini'],
      ['PROGRAM A', 1_000_000, 600_000, 250_000, 850_000],
    );
    expect(hitung({ sheets: [lra] }).anggaran!.realisasi!.toFixed()).toBe('850000');
  });

  it('doubts a realisasi read from one period by the user’s choice while a cumulative column exists', () => {
    const lra = sheet('LRA', ['Uraian', 'Anggaran', 'Realisasi Triwulan IV', 'Realisasi s.d. Triwulan IV'], ['PROGRAM A', 1_000_000, 250_000, 850_000]);
    const r = hitung({ sheets: [lra] }, parseSettings({ kolom: { LRA: { kolom: { realisasi: 'C' } } } }));
    expect(r.anggaran!.realisasi!.toFixed()).toBe('250000');
    expect(r.keraguan).toEqual([
      {
        lembar: 'LRA',
        bagian: 'anggaran',
        pesan: 'Realisasi lembar “LRA” dibaca dari kolom C (“Realisasi Triwulan IV”), satu periode saja, padahal kolom D (“Realisasi s.d. Triwulan IV”) kumulatif.',
      },
    ]);
  });

  it('reads a kinerja sheet’s realisasi per triwulan: a count summed, a percentage or an index the latest, never summed', () => {
    const k = sheetWith(
      'PK',
      { merges: ['D1:G1', 'A1:A2', 'B1:B2', 'C1:C2'] },
      ['Sasaran', 'Indikator', 'Target', 'Realisasi', null, null, null],
      [null, null, null, 'TW I', 'TW II', 'TW III', 'TW IV'],
      ['Sasaran 1', 'Jumlah Dokumen Perencanaan', 12, 3, 3, 3, 2],
      ['Sasaran 1', 'Indeks Kepuasan Masyarakat', 90, 84.1, 85, 86.2, 83.57],
      ['Sasaran 1', 'Persentase Laporan Tepat Waktu', '100%', '100%', '100%', '90%', null],
    );
    const r = hitung({ sheets: [k] });
    const ind = r.kinerja!.sasaran[0].indikator;
    expect(ind.map((i) => i.realisasi!.teks)).toEqual(['11', '83.57', '90%']);
    expect(ind.map((i) => i.capaian!.toFixed(2))).toEqual(['91.67', '92.86', '90.00']);
    expect(r.deteksi[0].catatan.join(' ')).toContain('realisasi tiap indikator dibaca dari Triwulan I, Triwulan II, Triwulan III, Triwulan IV (kolom D, E, F, G)');
  });

  it('takes a kinerja sheet’s cumulative realisasi over its triwulan', () => {
    const k = sheet('PK', ['Indikator', 'Target', 'Realisasi TW I', 'Realisasi TW II', 'Realisasi s.d. TW II'], ['Indeks Kepuasan', 90, 84, 85, 85]);
    expect(hitung({ sheets: [k] }).kinerja!.sasaran[0].indikator[0].realisasi!.teks).toBe('85');
  });
});

describe('units', () => {
  it('reads “Anggaran (Rp 000)” and a title “dalam ribuan rupiah” exactly in rupiah', () => {
    const inHeader = sheet('DPA', ['Uraian', 'Anggaran (Rp 000)'], ['PROGRAM A', 2_700_414.981], ['Kegiatan A1', 2_700_414.981]);
    const inTitle = sheetWith(
      'DPA',
      { above: [['Anggaran Kecamatan (dalam ribuan rupiah)']] },
      ['Uraian', 'Anggaran'],
      ['PROGRAM A', '2.700.414,981'],
      ['Kegiatan A1', '2.700.414,981'],
    );
    for (const dpa of [inHeader, inTitle]) {
      const r = hitung({ sheets: [dpa] });
      expect(r.anggaran!.anggaran.toFixed()).toBe('2700414981');
      expect(r.deteksi[0].catatan.join(' ')).toContain('dibaca dalam ribuan rupiah; semua angka hasil dalam rupiah');
    }
  });

  it('doubts amounts far too small for whole rupiah when no unit is said', () => {
    const dpa = sheet('DPA', ['Uraian', 'Anggaran'], ['PROGRAM A', 2_700.41], ['Kegiatan A1', 1_200.5], ['Kegiatan A2', 1_499.91]);
    expect(hitung({ sheets: [dpa] }).keraguan.map((k) => k.pesan)).toEqual([
      'Angka di kolom B lembar “DPA” sangat kecil untuk rupiah penuh: mungkin ditulis dalam ribuan atau jutaan, tetapi judulnya tidak menyebut satuan. Tulis satuannya di judul kolom, misalnya “Anggaran (Rp 000)”.',
    ]);
  });
});

describe('the year reported on', () => {
  const titled = (name: string, title: string, header: string[], ...rows: (string | number)[][]) => sheetWith(name, { above: [[title], []] }, header, ...rows);
  const dpa = titled('DPA', 'DOKUMEN PELAKSANAAN ANGGARAN TAHUN ANGGARAN 2024', ['Uraian', 'Anggaran'], ['PROGRAM A', 1_000_000]);
  const real = titled('Realisasi', 'LAPORAN REALISASI ANGGARAN T.A. 2024', ['Uraian', 'Anggaran', 'Realisasi'], ['PROGRAM A', 1_000_000, 900_000]);
  const kin = titled('Kinerja', 'PERIODE PELAKSANAAN : TAHUN 2024', ['Sasaran', 'Indikator', 'Target', 'Realisasi'], ['S1', 'Indeks', 90, 88]);

  it('is read from title rows when neither the headers nor the sheet names say it', () => {
    const r = hitung({ sheets: [dpa, real, kin] });
    expect(r.tahun).toBe(2024);
    expect(r.temuan.map((t) => t.perihal)).not.toContain('tahun-tidak-diketahui');
  });

  it('never from last year’s column or a Renstra period', () => {
    const k = titled('Kinerja', 'RENSTRA 2021-2026', ['Sasaran', 'Indikator', 'Realisasi Tahun Lalu (2023)', 'Target', 'Realisasi'], ['S1', 'Indeks', 84, 90, 88]);
    const r = hitung({ sheets: [k] });
    expect(r.tahun).toBeNull();
    expect(r.kinerja!.sasaran[0].indikator[0].realisasi!.teks).toBe('88');
  });

  it('is a peringatan when no sheet says it, and can be given', () => {
    const bare = sheet('Kinerja', ['Sasaran', 'Indikator', 'Target', 'Realisasi'], ['S1', 'Indeks', 90, 88]);
    const r = hitung({ sheets: [bare] });
    expect(r.tahun).toBeNull();
    expect(r.temuan.find((t) => t.perihal === 'tahun-tidak-diketahui')).toMatchObject({ tingkat: 'peringatan', lembar: null });
    const given = hitung({ sheets: [bare] }, parseSettings({ tahun: 2024 }));
    expect(given.tahun).toBe(2024);
    expect(given.temuan.map((t) => t.perihal)).not.toContain('tahun-tidak-diketahui');
  });

  it('says when the sheets name different years', () => {
    const old = titled('DPA', 'TAHUN ANGGARAN 2023', ['Uraian', 'Anggaran'], ['PROGRAM A', 1_000_000]);
    const r = hitung({ sheets: [old, real, kin] });
    expect(r.tahun).toBe(2024);
    expect(r.catatan).toContain('Tahun laporan 2024 (dari judul lembar “Kinerja”); judul lembar “DPA” menyebut tahun 2023. Bila keliru, isi Tahun di pengaturan.');
  });

  it('refuses a year that is not one', () => {
    expect(() => parseSettings({ tahun: 24 })).toThrow('Pengaturan “tahun” harus antara 2000 dan 2100, bukan 24.');
    expect(() => parseSettings({ tahun: 2024.5 })).toThrow('Pengaturan “tahun” harus berupa tahun bulat seperti 2024, bukan 2024.5.');
  });
});

describe('doubtful readings', () => {
  it('doubts a kinerja sheet whose targets are mostly not values', () => {
    const k = sheet(
      'Kinerja',
      ['Sasaran', 'Indikator', 'Target', 'Realisasi'],
      ['S1', 'Indeks A', 'sesuai rencana kerja tahunan', 'terlaksana dengan baik'],
      ['S1', 'Indeks B', 'sesuai rencana kerja tahunan', 'terlaksana dengan baik'],
      ['S1', 'Indeks C', 90, 88],
    );
    expect(hitung({ sheets: [k] }).keraguan).toEqual([
      {
        lembar: 'Kinerja',
        bagian: 'kinerja',
        pesan: 'Sebagian besar target atau realisasi di lembar “Kinerja” bukan angka (2 dari 3 indikator): kolom target C dan realisasi D mungkin bukan yang dimaksud.',
      },
    ]);
  });

  it('doubts a sheet with Rp columns whose anggaran is not recognised', () => {
    const odd = sheet('Belanja', ['Nama', 'Rp'], ['Belanja Pegawai', 1_000_000]);
    const r = hitung({ sheets: [odd, kinerja] });
    expect(r.anggaran).toBeNull();
    expect(r.keraguan.map((k) => k.pesan)).toEqual(['Lembar “Belanja” memiliki kolom Rp, tetapi anggarannya tidak dikenali: serapan dan efisiensi tidak dihitung.']);
  });
});

describe('our own result sheets handed back', () => {
  const dpa = sheet('DPA 2024', ['Kode', 'Uraian', 'Anggaran'], ['7.01.01', 'PROGRAM A', 1_000_000], ['7.01.01.2.01', 'Kegiatan A1', 1_000_000]);
  const real = sheet(
    'Realisasi 2024',
    ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
    ['7.01.01', 'PROGRAM A', 1_000_000, 900_000],
    ['7.01.01.2.01', 'Kegiatan A1', 1_000_000, 900_000],
  );
  const first = hitung({ sheets: [dpa, real, kinerja] });
  /** Our sheets as a host reads them back, an edit made in one, no record: kept by the user, or saved by another program. */
  const ours: Grid[] = layoutSheets(resultSheets(buildReport(first).tables)).map((l) => ({ name: l.name, values: l.values.map((row) => [...row]), origin: { row: 0, col: 0 } }));
  ours[0].values[4][2] = 'diubah oleh pengguna';

  it('are never read as data, edited or not, and each says why', () => {
    const again = hitung({ sheets: [dpa, real, kinerja, ...ours] });
    expect(again.lembar).toEqual(first.lembar);
    expect(again.kinerja!.sasaran.map((s) => s.nama)).toEqual(first.kinerja!.sasaran.map((s) => s.nama));
    expect(again.anggaran!.anggaran.toFixed()).toBe(first.anggaran!.anggaran.toFixed());
    for (const d of again.deteksi.filter((x) => x.lembar.startsWith('HC '))) {
      expect(d.peran).toEqual([]);
      expect(d.catatan[0]).toMatch(/^Berisi tabel hasil Hitung Capaian \(.+\), jadi tidak dibaca sebagai data\./);
    }
  });

  it('are read when the user names one', () => {
    const named = hitung({ sheets: [dpa, real, ...ours] }, parseSettings({ lembar: { kinerja: 'HC Pengukuran Kinerja' } }));
    expect(named.lembar.kinerja).toBe('HC Pengukuran Kinerja');
  });

  it('leave the figures of a workbook that holds only them empty rather than made up', () => {
    expect(() => hitung({ sheets: ours })).toThrow(/Tidak ada lembar yang dikenali sebagai DPA, realisasi atau kinerja/);
  });
});
