import ExcelJS from 'exceljs';
import { CellValue, Workbook } from '../../src/core/grid';

/**
 * A DPA and a realisasi sheet with `rekening` rekening rows under 10 programs × 5 kegiatan × 10 sub
 * kegiatan, every subtotal written and right, codes as SIPD writes them. For scale tests and the bench.
 */
export function bigWorkbook(rekening: number): Workbook {
  const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
  const real: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
  const perSub = Math.max(1, Math.ceil(rekening / 500));
  let made = 0;
  let total = 0;
  let totalReal = 0;
  for (let p = 1; p <= 10; p++) {
    const pRow = dpa.length;
    const pReal = real.length;
    dpa.push([`7.01.${String(p).padStart(2, '0')}`, `PROGRAM NOMOR ${p}`, 0]);
    real.push([`7.01.${String(p).padStart(2, '0')}`, `PROGRAM NOMOR ${p}`, 0, 0]);
    for (let k = 1; k <= 5; k++) {
      const kode = `7.01.${String(p).padStart(2, '0')}.2.${String(k).padStart(2, '0')}`;
      const kRow = dpa.length;
      const kReal = real.length;
      dpa.push([kode, `Kegiatan ${p}.${k} Penyelenggaraan Urusan`, 0]);
      real.push([kode, `Kegiatan ${p}.${k} Penyelenggaraan Urusan`, 0, 0]);
      for (let s = 1; s <= 10; s++) {
        const sRow = dpa.length;
        const sReal = real.length;
        const sub = `${kode}.${String(s).padStart(4, '0')}`;
        dpa.push([sub, `Sub Kegiatan ${p}.${k}.${s} Penyediaan Layanan`, 0]);
        real.push([sub, `Sub Kegiatan ${p}.${k}.${s} Penyediaan Layanan`, 0, 0]);
        let a = 0;
        let r = 0;
        for (let i = 1; i <= perSub && made < rekening; i++, made++) {
          const anggaran = 1_000_000 + (made % 997) * 1_000;
          const realisasi = Math.floor(anggaran * 0.9);
          const rek = `5.${i % 7 === 0 ? 2 : 1}.02.01.01.${String(i).padStart(4, '0')}`;
          dpa.push([rek, `Belanja rekening ${i}`, anggaran]);
          real.push([rek, `Belanja rekening ${i}`, anggaran, realisasi]);
          a += anggaran;
          r += realisasi;
        }
        dpa[sRow][2] = a;
        real[sReal][2] = a;
        real[sReal][3] = r;
        dpa[kRow][2] = (dpa[kRow][2] as number) + a;
        real[kReal][2] = (real[kReal][2] as number) + a;
        real[kReal][3] = (real[kReal][3] as number) + r;
        dpa[pRow][2] = (dpa[pRow][2] as number) + a;
        real[pReal][2] = (real[pReal][2] as number) + a;
        real[pReal][3] = (real[pReal][3] as number) + r;
        total += a;
        totalReal += r;
      }
    }
  }
  dpa.push([null, 'JUMLAH', total]);
  real.push([null, 'JUMLAH', total, totalReal]);
  return {
    sheets: [
      { name: 'DPA', values: dpa, origin: { row: 0, col: 0 } },
      { name: 'Realisasi', values: real, origin: { row: 0, col: 0 } },
    ],
  };
}

/** bigWorkbook(rekening) written by ExcelJS to `file`, as a user's Excel would save it; returns how many rows it holds. */
export async function writeBigWorkbook(file: string, rekening: number): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const book = bigWorkbook(rekening);
  for (const sheet of book.sheets) wb.addWorksheet(sheet.name).addRows(sheet.values as ExcelJS.CellValue[][]);
  await wb.xlsx.writeFile(file);
  return book.sheets.reduce((n, s) => n + s.values.length, 0);
}
