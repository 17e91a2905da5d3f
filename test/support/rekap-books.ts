import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FIXTURES, makeXlsx } from '../helpers';
import { FormSheet, renjaForm, STANDARD_VARIANT } from './renja-form';

/**
 * A kabupaten's folder of books, as a Bagian Organisasi receives them: the Semboro books under other
 * offices' titles, Evaluasi Renja forms, a book whose units are doubtful, one of another year, one
 * with kinerja only, and files that cannot be read (text named .xlsx, an old .xls, a Word document,
 * a workbook without any recognised sheet), with Excel's lock file and a PDF beside them.
 */

export interface RekapFolder {
  dir: string;
  /** The books, by the path the recap names them with (relative to `dir`). */
  readable: string[];
  unreadable: string[];
}

/** A Semboro book under another office's name: its title cells say it. */
async function retitled(source: string, target: string, office: string, year = 2024): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, source));
  wb.getWorksheet('DPA 2024')!.getCell('A2').value = `Anggaran ${office} Tahun ${year}`;
  wb.getWorksheet('Realisasi 2024')!.getCell('A2').value = `Realisasi Anggaran ${office} Tahun ${year}`;
  wb.getWorksheet('Kinerja 2024')!.getCell('A1').value = `Perjanjian Kinerja dan Realisasi ${office} Tahun ${year}`;
  for (const ws of wb.worksheets) ws.name = ws.name.replace('2024', String(year));
  await wb.xlsx.writeFile(target);
}

/** The Evaluasi Renja form of `office`, for `year`. */
function form(office: string, year = 2024, edit: (f: FormSheet) => void = () => {}, variant = STANDARD_VARIANT): FormSheet {
  const f = renjaForm(variant);
  f.rows[1][0] = `RENJA ${office.toUpperCase()} KABUPATEN JEMBER`;
  f.rows[2][0] = `PERIODE PELAKSANAAN : TAHUN ${year}`;
  edit(f);
  return f;
}

const formFile = (dir: string, name: string, f: FormSheet) => makeXlsx(dir, name, [{ name: f.name, rows: f.rows as never, merges: f.merges, formats: f.formats }]);

export async function rekapFolder(dir: string): Promise<RekapFolder> {
  await fs.mkdir(path.join(dir, 'kecamatan'), { recursive: true });
  await fs.copyFile(path.join(FIXTURES, 'semboro-tercetak.xlsx'), path.join(dir, 'kecamatan', 'semboro.xlsx'));
  await retitled('semboro-bersih.xlsx', path.join(dir, 'dinas-pendidikan.xlsx'), 'Dinas Pendidikan');
  await retitled('semboro-tercetak.xlsx', path.join(dir, 'bappeda-2023.xlsx'), 'Badan Perencanaan Pembangunan Daerah', 2023);
  await formFile(
    dir,
    'dinkes.xlsx',
    form('Dinas Kesehatan', 2024, () => {}, { ...STANDARD_VARIANT, kode: 'split5', unit: 'ribu' }),
  );
  // “Rp. (000)” over amounts in whole rupiah: a doubt about the anggaran, said before the figure.
  await formFile(
    dir,
    'satpol-pp.xlsx',
    form('Satuan Polisi Pamong Praja', 2024, (f) => {
      const units = f.rows.findIndex((r) => r.includes('K') && r.includes('Rp'));
      f.rows[units] = f.rows[units].map((v) => (v === 'Rp' ? 'Rp. (000)' : v));
    }),
  );
  await makeXlsx(dir, 'inspektorat.xlsx', [
    {
      name: 'Kinerja',
      rows: [
        ['Capaian Kinerja Inspektorat Tahun 2024'],
        [],
        ['Sasaran', 'Indikator', 'Target', 'Realisasi'],
        ['Meningkatnya akuntabilitas', 'Nilai SAKIP', 70, 72.5],
        [null, 'Opini BPK', 'WTP', 'WTP'],
        // A realisasi Excel could not compute: a galat the rata-rata capaian rests on.
        [null, 'Persentase rekomendasi ditindaklanjuti', 90, { error: '#REF!' }],
      ],
    },
  ]);
  // Files that cannot be read, each with the sentence a run on it alone gives.
  await fs.writeFile(path.join(dir, 'catatan.xlsx'), 'Kode;Uraian;Anggaran\n1;Program;100\n');
  await fs.writeFile(path.join(dir, 'lama.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]));
  const word = new JSZip();
  word.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  word.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  await fs.writeFile(path.join(dir, 'lkjip.xlsx'), await word.generateAsync({ type: 'nodebuffer' }));
  await makeXlsx(dir, 'kosong.xlsx', [{ name: 'Sheet1', rows: [['Daftar hadir'], ['Nama', 'Jabatan'], ['Ani', 'Staf']] }]);
  // Not books: Excel's lock file of an open book, and a report in PDF.
  await fs.writeFile(path.join(dir, '~$dinkes.xlsx'), Buffer.alloc(165));
  await fs.writeFile(path.join(dir, 'lkjip.pdf'), '%PDF-1.4\n');
  return {
    dir,
    readable: ['bappeda-2023.xlsx', 'dinas-pendidikan.xlsx', 'dinkes.xlsx', 'inspektorat.xlsx', 'kecamatan/semboro.xlsx', 'satpol-pp.xlsx'],
    unreadable: ['catatan.xlsx', 'kosong.xlsx', 'lama.xls', 'lkjip.xlsx'],
  };
}
