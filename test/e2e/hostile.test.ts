import ExcelJS from 'exceljs';
import { allItems, makeXlsx, runWithJson, SheetSpec, tempDir } from '../helpers';

/** Broken, odd and hostile workbooks: each gives a result with findings (exit 0), never a crash. */

const HEADER = ['Kode', 'Uraian', 'Anggaran', 'Realisasi'];

async function run(sheets: SheetSpec[]) {
  const dir = await tempDir();
  const result = await runWithJson(await makeXlsx(dir, 'buku.xlsx', sheets));
  expect(result.err).not.toMatch(/Galat internal|at .*\.ts:\d+/);
  return result;
}

const cellsOf = (r: Awaited<ReturnType<typeof run>>, jenis: string) => r.json!.temuan.filter((t) => t.jenis === jenis).map((t) => `${t.lembar}!${t.sel}`);

describe('hostile and broken input', () => {
  it('amounts that are error values or text that is not a number become nilai findings at their cells', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [
          HEADER,
          ['7.01.01', 'PROGRAM A', 300, 200],
          ['7.01.01.2.01', 'Kegiatan A1', { error: '#DIV/0!' } as ExcelJS.CellErrorValue, 100],
          ['7.01.01.2.02', 'Kegiatan A2', 'seratus', 100],
        ],
      },
    ]);
    expect(r.code).toBe(0);
    expect(cellsOf(r, 'nilai')).toEqual(['DPA!C3', 'DPA!C4']);
  });

  it('formulas: a saved result is used; a formula without one is reported, not guessed', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [
          HEADER,
          ['7.01.01', 'PROGRAM A', { formula: 'SUM(C3:C4)', result: 300 } as ExcelJS.CellFormulaValue, { formula: 'SUM(D3:D4)' } as ExcelJS.CellFormulaValue],
          ['7.01.01.2.01', 'Kegiatan A1', 100, 50],
          ['7.01.01.2.02', 'Kegiatan A2', 200, 150],
        ],
      },
    ]);
    expect(r.code).toBe(0);
    expect(r.json!.anggaran!.program[0].anggaran).toBe('300');
    expect(r.json!.anggaran!.program[0].realisasi).toBe('200');
    const nilai = r.json!.temuan.filter((t) => t.jenis === 'nilai');
    expect(nilai.map((t) => t.sel)).toEqual(['D2']);
    expect(nilai[0].pesan).toMatch(/rumus tanpa nilai tersimpan/);
  });

  it('a name merged down over two rows is one row, not a duplicate', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [HEADER, ['7.01.01', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', 300, 250], [null, null, null, null], ['7.01.01.2.01', 'Kegiatan A1', 300, 250]],
        merges: ['B2:B3', 'A2:A3'],
      },
    ]);
    expect(r.code).toBe(0);
    expect(r.json!.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    expect(r.json!.anggaran!.program).toHaveLength(1);
    expect(r.json!.anggaran!.anggaran).toBe('300');
  });

  it('hidden rows still count, and the run says so; a hidden sheet is still read', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [HEADER, ['7.01.01', 'PROGRAM A', 300, 250], ['7.01.01.2.01', 'Kegiatan A1', 100, 50], ['7.01.01.2.02', 'Kegiatan A2', 200, 200]],
        hiddenRows: [4],
      },
    ]);
    expect(r.json!.anggaran!.anggaran).toBe('300');
    expect(r.err).toMatch(/1 baris tersembunyi; baris itu tetap dihitung/);

    const dir = await tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DPA', { state: 'hidden' });
    ws.addRows([HEADER, ['7.01.01', 'PROGRAM A', 300, 250]]);
    wb.addWorksheet('Catatan').addRow(['lain-lain']);
    const file = `${dir}/tersembunyi.xlsx`;
    await wb.xlsx.writeFile(file);
    const hidden = await runWithJson(file);
    expect(hidden.json!.lembar.dpa).toBe('DPA');
    expect(hidden.err).toMatch(/tersembunyi/);
  });

  it('outline numbers Excel turned into numbers (1.10 → 1.1) are ten kegiatan, not a duplicate', async () => {
    const rows: ExcelJS.CellValue[][] = [
      ['No', 'Uraian', 'Anggaran', 'Realisasi'],
      [1, 'PROGRAM A', 1000, 1000],
    ];
    for (let k = 1; k <= 10; k++) rows.push([Number(`1.${k}`), `Kegiatan nomor ${k}`, 100, 100]);
    const r = await run([{ name: 'DPA', rows }]);
    expect(r.json!.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    expect(r.json!.anggaran!.program[0].kegiatan).toHaveLength(10);
  });

  it('a realisasi sheet whose codes match nothing: every row not found, DPA still computed', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [
          ['Kode', 'Uraian', 'Anggaran'],
          ['7.01.01', 'PROGRAM A', 300],
          ['7.01.01.2.01', 'Kegiatan A1', 300],
        ],
      },
      { name: 'Realisasi', rows: [HEADER, ['9.09.09', 'Sesuatu yang lain sama sekali', 10, 5], ['9.09.09.2.09', 'Kegiatan asing lainnya', 10, 5]] },
    ]);
    expect(r.code).toBe(0);
    expect(r.json!.anggaran!.anggaran).toBe('300');
    expect(cellsOf(r, 'tidak-ditemukan').length).toBeGreaterThanOrEqual(2);
  });

  it('enormous and negative amounts are summed exactly', async () => {
    const r = await run([
      {
        name: 'DPA',
        rows: [
          HEADER,
          ['7.01.01', 'PROGRAM A', '999.999.999.999.999.999.998,01', '(1.500.000,50)'],
          ['7.01.01.2.01', 'Kegiatan A1', '999.999.999.999.999.999.999,00', '-2.000.000,25'],
          ['7.01.01.2.02', 'Kegiatan A2', '-0,99', '499.999,75'],
        ],
      },
    ]);
    expect(r.code).toBe(0);
    expect(r.json!.anggaran!.anggaran).toBe('999999999999999999998.01');
    expect(r.json!.anggaran!.realisasi).toBe('-1500000.5');
    expect(r.json!.temuan.filter((t) => t.jenis === 'jumlah')).toEqual([]);
  });

  it('names of several thousand characters and formula-like names are read as text', async () => {
    const long = 'Penyediaan '.repeat(600).trim();
    const r = await run([{ name: 'DPA', rows: [HEADER, ['7.01.01', "=cmd|' /C calc'!A0", 300, 250], ['7.01.01.2.01', long, 300, 250]] }]);
    expect(r.code).toBe(0);
    const names = allItems(r.json!).map((i) => i.nama);
    expect(names).toContain(long);
    expect(names).toContain("=cmd|' /C calc'!A0");
  });

  it('duplicate rows are flagged and counted once', async () => {
    const r = await run([
      { name: 'DPA', rows: [HEADER, ['7.01.01', 'PROGRAM A', 300, 250], ['7.01.01.2.01', 'Kegiatan A1', 300, 250], ['7.01.01.2.01', 'Kegiatan A1', 300, 250]] },
    ]);
    expect(cellsOf(r, 'duplikat')).toEqual(['DPA!B4']);
    expect(r.json!.anggaran!.anggaran).toBe('300');
  });
});
