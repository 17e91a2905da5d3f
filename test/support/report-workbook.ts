import ExcelJS from 'exceljs';
import { CellValue, Workbook } from '../../src/core/grid';

/**
 * A whole report's input at scale: a DPA and a realisasi sheet of `subKegiatan` sub kegiatan (ten
 * under each kegiatan, ten kegiatan under each program, two rekening under each sub kegiatan,
 * every subtotal written and right) and a kinerja sheet of one sasaran per program, each with two
 * indikator and its program as support, so that every table of the report is as long as the
 * budget makes it (Tabel 3.6 and Tabel 3.9 list every sub kegiatan). For the .docx bench.
 */
export function reportWorkbook(subKegiatan: number): Workbook {
  const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
  const real: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
  const kinerja: CellValue[][] = [['Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Program Pendukung']];
  const programs = Math.max(1, Math.ceil(subKegiatan / 100));
  let made = 0;
  let total = 0;
  let totalReal = 0;
  for (let p = 1; p <= programs && made < subKegiatan; p++) {
    // SIPD's segments: urusan 7, a bidang per 99 programs, the program.
    const pKode = `7.${String(Math.ceil(p / 99)).padStart(2, '0')}.${String(((p - 1) % 99) + 1).padStart(2, '0')}`;
    const pRow = dpa.length;
    const pReal = real.length;
    const pName = `PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK NOMOR ${p}`;
    dpa.push([pKode, pName, 0]);
    real.push([pKode, pName, 0, 0]);
    kinerja.push([`Meningkatnya kualitas pelayanan publik dan tata kelola pemerintahan bidang ${p}`, `Indeks Kepuasan Masyarakat bidang ${p}`, 'Indeks', 90, 80 + (p % 15), pKode]);
    kinerja.push([null, `Persentase dokumen perencanaan dan pelaporan bidang ${p} yang tepat waktu`, '%', 100, 95 + (p % 6), null]);
    for (let k = 1; k <= 10 && made < subKegiatan; k++) {
      const kKode = `${pKode}.2.${String(k).padStart(2, '0')}`;
      const kRow = dpa.length;
      const kReal = real.length;
      dpa.push([kKode, `Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan ${p}.${k}`, 0]);
      real.push([kKode, `Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan ${p}.${k}`, 0, 0]);
      for (let s = 1; s <= 10 && made < subKegiatan; s++, made++) {
        const sKode = `${kKode}.${String(s).padStart(4, '0')}`;
        const name = `Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya ${p}.${k}.${s}`;
        const sRow = dpa.length;
        const sReal = real.length;
        dpa.push([sKode, name, 0]);
        real.push([sKode, name, 0, 0]);
        let a = 0;
        let r = 0;
        for (let i = 1; i <= 2; i++) {
          const anggaran = 1_000_000 + ((made * 2 + i) % 997) * 1_000;
          const realisasi = Math.floor(anggaran * 0.9);
          const rek = `5.${i === 2 ? 2 : 1}.02.01.01.${String(i).padStart(4, '0')}`;
          dpa.push([rek, `Belanja rekening ${i}`, anggaran]);
          real.push([rek, `Belanja rekening ${i}`, anggaran, realisasi]);
          a += anggaran;
          r += realisasi;
        }
        dpa[sRow][2] = a;
        real[sReal][2] = a;
        real[sReal][3] = r;
        for (const [sheet, row] of [
          [dpa, kRow],
          [dpa, pRow],
          [real, kReal],
          [real, pReal],
        ] as const) {
          sheet[row][2] = (sheet[row][2] as number) + a;
          if (sheet === real) sheet[row][3] = (sheet[row][3] as number) + r;
        }
        total += a;
        totalReal += r;
      }
    }
  }
  dpa.push([null, 'JUMLAH', total]);
  real.push([null, 'JUMLAH', total, totalReal]);
  const grid = (name: string, values: CellValue[][]) => ({ name, values, origin: { row: 0, col: 0 } });
  return { sheets: [grid('DPA 2024', dpa), grid('Realisasi 2024', real), grid('Kinerja 2024', kinerja)] };
}

/** reportWorkbook(subKegiatan) written by ExcelJS to `file`, as a user's Excel would save it. */
export async function writeReportWorkbook(file: string, subKegiatan: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of reportWorkbook(subKegiatan).sheets) wb.addWorksheet(sheet.name).addRows(sheet.values as ExcelJS.CellValue[][]);
  await wb.xlsx.writeFile(file);
}
