import { nameInTitle, opdName } from '../../../src/core/rekap/opd';
import { sheet } from '../../support/sheets';

describe('the perangkat daerah a book is about', () => {
  it.each([
    ['Anggaran Kecamatan Semboro Tahun 2024', 'Kecamatan Semboro'],
    ['RENJA DINAS KESEHATAN KABUPATEN JEMBER', 'Dinas Kesehatan'],
    ['Realisasi Anggaran Badan Pengelola Keuangan dan Aset Daerah T.A. 2024', 'Badan Pengelola Keuangan dan Aset Daerah'],
    ['Perangkat Daerah : 1.02.0.00.0.00.01.0000 DINAS KESEHATAN', 'Dinas Kesehatan'],
    ['SKPD: Sekretariat DPRD', 'Sekretariat DPRD'],
    ['Capaian Kinerja Inspektorat Tahun 2024', 'Inspektorat'],
    ['LAPORAN REALISASI SATUAN POLISI PAMONG PRAJA PERIODE TRIWULAN IV', 'Satuan Polisi Pamong Praja'],
    ['RSUD dr. Soebandi Kabupaten Jember', 'RSUD dr. Soebandi'],
    ['Dinas Pekerjaan Umum (DPU) 2024', 'Dinas Pekerjaan Umum'],
  ])('reads %s as %s', (title, name) => {
    expect(nameInTitle(title)).toBe(name);
  });

  it.each([
    'EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN JEMBER',
    'Perjanjian Kinerja dan Realisasi Tahun 2024',
    'PERIODE PELAKSANAAN : TAHUN 2024',
    'Tabel 3.9',
    'Dinas',
    'Realisasi Anggaran Kecamatan',
  ])('finds no office in %s', (title) => {
    expect(nameInTitle(title)).toBeNull();
  });

  const lookup = { deteksi: [], lembar: { dpa: 'DPA', realisasi: null, kinerja: null } };

  it('takes the title above the tables, then a sheet named for the office, then the file', () => {
    const titled = sheet('DPA', ['Anggaran Dinas Sosial Tahun 2024'], [], ['Kode', 'Uraian', 'Anggaran']);
    expect(opdName('dinsos.xlsx', { sheets: [titled] }, lookup)).toEqual({ nama: 'Dinas Sosial', dari: 'judul', lain: [] });
    const bare = sheet('Kecamatan Tanggul', ['Kode', 'Uraian', 'Anggaran']);
    expect(opdName('x.xlsx', { sheets: [bare] }, lookup)).toEqual({ nama: 'Kecamatan Tanggul', dari: 'lembar', lain: [] });
    expect(opdName('laporan/dinsos 2024.xlsx', { sheets: [sheet('DPA', ['Kode', 'Uraian', 'Anggaran'])] }, lookup)).toEqual({ nama: 'dinsos 2024', dari: 'berkas', lain: [] });
  });

  it('names another office that one of the sheets is titled for', () => {
    const dpa = sheet('DPA', ['Anggaran Dinas Sosial Tahun 2024'], ['Kode', 'Uraian', 'Anggaran']);
    const real = sheet('LRA', ['Realisasi DINAS SOSIAL 2024'], ['Kode', 'Uraian', 'Realisasi']);
    const pasted = sheet('PK', ['Perjanjian Kinerja Dinas Perhubungan Tahun 2024'], ['Sasaran', 'Indikator']);
    expect(opdName('x.xlsx', { sheets: [dpa, real, pasted] }, lookup)).toEqual({ nama: 'Dinas Sosial', dari: 'judul', lain: [{ nama: 'Dinas Perhubungan', lembar: 'PK' }] });
  });
});
