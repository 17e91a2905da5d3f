import { BudgetRow } from '../../../src/core/read/budget-rows';
import { checkSums } from '../../../src/core/compute/checks';
import { budgetSheet, sheet, sheetWith } from '../../support/sheets';

/** Each row as `level kode|- nama = computed anggaran`, indented by depth. */
function outline(rows: readonly BudgetRow[], depth = 0): string[] {
  return rows.flatMap((r) => [`${'  '.repeat(depth)}${r.level} ${r.kode ?? '-'} ${r.nama} = ${r.computedOf('anggaran')?.toString()}`, ...outline(r.children, depth + 1)]);
}

describe('reading a budget sheet into a tree', () => {
  it('ranks rows by SIPD code, down to rekening under a sub kegiatan, and sums bottom-up', () => {
    const s = budgetSheet(
      sheet(
        'DPA',
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01', 'PROGRAM PENUNJANG', 999],
        ['7.01.01.2.02', 'Administrasi Keuangan', null],
        ['7.01.01.2.02.0001', 'Penyediaan Gaji', null],
        ['5.1', 'BELANJA OPERASI', 700],
        ['5.1.02.01.01.0024', 'Belanja Alat Tulis Kantor', 700],
        ['5.2.02.05.01.0001', 'Belanja Modal Mebel', 300],
      ),
    );
    expect(outline(s.roots)).toEqual([
      'program 7.01.01 PROGRAM PENUNJANG = 1000',
      '  kegiatan 7.01.01.2.02 Administrasi Keuangan = 1000',
      '    subKegiatan 7.01.01.2.02.0001 Penyediaan Gaji = 1000',
      '      rekening 5.1 BELANJA OPERASI = 700',
      '        rekening 5.1.02.01.01.0024 Belanja Alat Tulis Kantor = 700',
      '      rekening 5.2.02.05.01.0001 Belanja Modal Mebel = 300',
    ]);
    expect(s.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.roots[0].amountOf('anggaran')!.value!.toString()).toBe('999');
  });

  it('reads outline numbers and level words; an unnumbered row takes the level of the row above; no outline number is kept as a kode', () => {
    const s = budgetSheet(
      sheet(
        'DPA',
        ['No', 'Uraian', 'Anggaran'],
        ['1', 'Program Satu', 300],
        ['1.1', 'Kegiatan Alfa', 300],
        [null, 'Penyediaan Bahan Logistik', 100],
        [null, 'Sub Kegiatan Penyediaan Gaji', 200],
      ),
    );
    expect(outline(s.roots)).toEqual([
      'program - Program Satu = 500',
      '  kegiatan - Kegiatan Alfa = 300',
      '  kegiatan - Penyediaan Bahan Logistik = 200',
      '    subKegiatan - Sub Kegiatan Penyediaan Gaji = 200',
    ]);
  });

  it('reads 1.1 after 1.9 as the 1.10 Excel made a number of', () => {
    const rows = [['1', 'Program', 0]];
    for (let k = 1; k <= 9; k++) rows.push([`1.${k}`, `Kegiatan ${k}`, 1]);
    rows.push([1.1, 'Kegiatan 10', 1]);
    const s = budgetSheet(sheet('DPA', ['No', 'Uraian', 'Anggaran'], ...rows));
    expect(s.roots[0].children.map((k) => k.nama)).toEqual([...Array.from({ length: 9 }, (_, k) => `Kegiatan ${k + 1}`), 'Kegiatan 10']);
  });

  it('takes a SIPD code written in front of the name; on such a sheet short codes are urusan and bidang', () => {
    const s = budgetSheet(sheet('DPA', ['Kode', 'Uraian', 'Anggaran'], ['7', 'URUSAN KEWILAYAHAN', 5], ['7.01', 'BIDANG', 5], [null, '7.01.02 PROGRAM KEDUA', 5]));
    expect(outline(s.roots)).toEqual(['urusan 7 URUSAN KEWILAYAHAN = 5', '  bidang 7.01 BIDANG = 5', '    program 7.01.02 PROGRAM KEDUA = 5']);
  });

  it('keeps the total line aside and stops at the source line', () => {
    const s = budgetSheet(
      sheetWith(
        'DPA',
        { above: [['Tabel 3.9 Realisasi Anggaran'], [null]] },
        ['No', 'Uraian', 'Anggaran'],
        ['1', 'Program Satu', 100],
        [null, 'JUMLAH BELANJA', 100],
        ['Sumber Data: SIPD'],
        ['2', 'Program setelah sumber', 5],
      ),
    );
    expect(s.roots.map((r) => r.nama)).toEqual(['Program Satu']);
    expect(s.totals).toEqual([expect.objectContaining({ nama: 'JUMLAH BELANJA', sheetRow: 5, scope: [s.roots[0]] })]);
    expect(s.totals[0].amountOf('anggaran')!.value!.toString()).toBe('100');
  });

  it('reports a duplicate under the same parent and leaves it out of the sums', () => {
    const s = budgetSheet(sheet('DPA', ['No', 'Uraian', 'Anggaran'], ['1', 'Program', 0], ['1.1', 'Kegiatan Alfa', 100], ['1.2', 'Kegiatan Alfa', 100]));
    expect(s.rows[2].duplicateOf).toBe(s.rows[1]);
    expect(s.roots[0].computedOf('anggaran')!.toString()).toBe('100');
    expect(s.findings).toEqual([expect.objectContaining({ jenis: 'duplikat', lembar: 'DPA', sel: 'B4' })]);
  });

  it('reports unreadable amounts and dates as nilai, counting them as 0', () => {
    const s = budgetSheet(
      sheetWith(
        'DPA',
        { formats: { C4: 'dd/mm/yyyy' } },
        ['No', 'Uraian', 'Anggaran'],
        ['1', 'Program', 0],
        ['1.1', 'Kegiatan A', { error: '#REF!' }],
        ['1.2', 'Kegiatan B', 45306],
        ['1.3', 'Kegiatan C', 'Rp 2.407.846.274,-'],
        ['1.4', 'Kegiatan D', 'seratus'],
      ),
    );
    expect(s.findings.map((f) => [f.jenis, f.sel, f.tertulis])).toEqual([
      ['nilai', 'C3', '#REF!'],
      ['nilai', 'C4', '15/01/2024'],
      ['nilai', 'C6', 'seratus'],
    ]);
    expect(s.roots[0].computedOf('anggaran')!.toString()).toBe('2407846274');
  });

  it('reads a row merged down over two lines once, and counts hidden rows', () => {
    const grid = sheetWith(
      'DPA',
      { merges: ['B2:B3'], origin: { row: 0, col: 0 } },
      ['No', 'Uraian', 'Anggaran'],
      ['1', 'Program Satu yang namanya panjang', 100],
      [null, null, null],
    );
    grid.hiddenRows = [1];
    const s = budgetSheet(grid);
    expect(s.rows).toHaveLength(1);
    expect(s.hiddenRowsCounted).toBe(1);
  });

  it('gives addresses on the user’s sheet when the grid starts elsewhere, and takes short rows', () => {
    const grid = sheetWith('DPA', { origin: { row: 4, col: 2 } }, ['No', 'Uraian', 'Anggaran'], ['1', 'Program'], ['1.1', 'Kegiatan', 'x']);
    const s = budgetSheet(grid);
    expect(s.rows[0].nameRef).toEqual(expect.objectContaining({ lembar: 'DPA', sel: 'D6' }));
    expect(s.findings.map((f) => f.sel)).toEqual(['E7']);
  });
});

describe('layouts of issue 14', () => {
  it('reads Roman-numeral and lettered outlines, in the number column or in front of the name', () => {
    const s = budgetSheet(
      sheet(
        'DPA',
        ['No', 'Uraian', 'Anggaran'],
        ['I', 'Penunjang Urusan', null],
        ['A', 'Administrasi Keuangan', null],
        ['a.', 'Penyediaan Gaji', 200],
        ['b.', 'Penyediaan Alat Tulis', 100],
        ['B', 'Administrasi Umum', null],
        [null, 'a) Penyediaan Listrik', 40],
        ['II', 'Penyelenggaraan Pemerintahan', null],
        ['A', 'Koordinasi Kecamatan', 50],
      ),
    );
    expect(outline(s.roots)).toEqual([
      'program - Penunjang Urusan = 340',
      '  kegiatan - Administrasi Keuangan = 300',
      '    subKegiatan - Penyediaan Gaji = 200',
      '    subKegiatan - Penyediaan Alat Tulis = 100',
      '  kegiatan - Administrasi Umum = 40',
      '    subKegiatan - Penyediaan Listrik = 40',
      'program - Penyelenggaraan Pemerintahan = 50',
      '  kegiatan - Koordinasi Kecamatan = 50',
    ]);
  });

  it('checks each intermediate total line against what it sums: a named row, the rows since the last total line, or the whole table', () => {
    const s = budgetSheet(
      sheet(
        'LRA',
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01.2.01.0001', 'Penyediaan Gaji', null],
        ['5.1.02.01.01.0024', 'Belanja ATK', 600],
        ['5.1.02.01.01.0025', 'Belanja Cetak', 150],
        [null, 'Jumlah Belanja Operasi', 750],
        ['5.2.02.05.01.0001', 'Belanja Mebel', 250],
        [null, 'Jumlah Belanja Modal', 240],
        [null, 'JUMLAH BELANJA', 1000],
      ),
    );
    expect(s.totals.map((t) => [t.nama, t.scope.map((r) => r.nama)])).toEqual([
      ['Jumlah Belanja Operasi', ['Belanja ATK', 'Belanja Cetak']],
      ['Jumlah Belanja Modal', ['Belanja Mebel']],
      ['JUMLAH BELANJA', ['Penyediaan Gaji']],
    ]);
    expect(checkSums(s, 'anggaran').map((f) => [f.sel, f.tertulis, f.seharusnya])).toEqual([['C7', '240', '250']]);
    expect(checkSums(s, 'anggaran')[0].pesan).toMatch(/^Anggaran baris “Jumlah Belanja Modal” tertulis 240/);
  });

  it('takes a last total after subtotal lines as the grand total, and a total naming a row as that row', () => {
    const s = budgetSheet(
      sheet(
        'DPA',
        ['Kode', 'Uraian', 'Anggaran'],
        ['7.01.01', 'Program Satu', 100],
        [null, 'JUMLAH', 100],
        ['7.01.02', 'Program Dua', null],
        ['7.01.02.2.01', 'Kegiatan Alfa', 50],
        [null, 'Jumlah Program Dua', 50],
        [null, 'JUMLAH', 150],
      ),
    );
    expect(s.totals.map((t) => t.scope.map((r) => r.nama))).toEqual([['Program Satu'], ['Program Dua'], ['Program Satu', 'Program Dua']]);
    expect(checkSums(s, 'anggaran')).toEqual([]);
    const grand = budgetSheet(sheet('DPA', ['No', 'Uraian', 'Anggaran'], ['1', 'Program Satu', 100], [null, 'Jumlah', 100], ['2', 'Program Dua', 50], [null, 'JUMLAH', 150]));
    expect(grand.totals.map((t) => t.scope.map((r) => r.nama))).toEqual([['Program Satu'], ['Program Satu', 'Program Dua']]);
  });

  it('skips the header row repeated inside the table, as paginated exports have it', () => {
    const s = budgetSheet(
      sheet(
        'LRA',
        ['No', 'Program/ Kegiatan/ Sub Kegiatan', 'Anggaran', 'Realisasi'],
        ['1', 'Program Satu', 300, 200],
        ['1.1', 'Kegiatan Alfa', 300, 200],
        ['No', 'Program/ Kegiatan/ Sub Kegiatan', 'Anggaran', 'Realisasi'],
        ['1', '2', '3', '4'],
        ['1.2', 'Kegiatan Beta', 100, 50],
      ),
    );
    expect(outline(s.roots)).toEqual(['program - Program Satu = 400', '  kegiatan - Kegiatan Alfa = 300', '  kegiatan - Kegiatan Beta = 100']);
    expect(s.findings).toEqual([]);
  });

  it('reads a second table of the same kind below the first, with its own columns; a table of another kind is left alone', () => {
    const s = budgetSheet(
      sheetWith(
        'LRA',
        { above: [['Tabel 1 Program Satu']] },
        ['No', 'Uraian', 'Anggaran', 'Realisasi'],
        ['1', 'Program Satu', 100, 90],
        [null, 'JUMLAH', 100, 90],
        ['Sumber: LRA'],
        [null],
        ['Tabel 2 Program Dua'],
        [null, 'Kode', 'Uraian', 'Keterangan', 'Pagu (Rp)', 'Realisasi (Rp)'],
        [null, '2', 'Program Dua', 'lanjutan', 70, 60],
        [null, null, 'JUMLAH', null, 70, 60],
        ['Tabel 3 Anggaran'],
        ['No', 'Uraian', 'Anggaran'],
        ['3', 'Program Tiga', 10],
      ),
    );
    expect(outline(s.roots)).toEqual(['program - Program Satu = 100', 'program - Program Dua = 70']);
    expect(s.totals.map((t) => [t.sheetRow, t.amountOf('realisasi')!.sel, t.scope.map((r) => r.nama)])).toEqual([
      [4, 'D4', ['Program Satu']],
      [10, 'F10', ['Program Dua']],
    ]);
    expect(s.findings).toEqual([]);
  });
});

describe('what a total line adds up', () => {
  it('the rows it was written from, even where a wrong leaf below makes another subtotal look nearer', () => {
    // Found by the engine's property test: the programs as written give the JUMLAH exactly, while a
    // sub kegiatan of 0 was nearer to it by bottom-up sums.
    const s = budgetSheet(
      sheet(
        'DPA',
        ['No', 'Uraian', 'Anggaran'],
        ['1', 'Program 1', 0.01],
        ['1.1', 'Kegiatan 1.1', 0.01],
        ['1.1.1', 'Sub kegiatan 1.1.1', -0.01],
        ['1.2', 'Kegiatan 1.2', 0],
        ['1.2.1', 'Sub kegiatan 1.2.1', 0],
        [null, 'JUMLAH', 0.01],
      ),
    );
    expect(s.totals[0].scope.map((r) => r.nama)).toEqual(['Program 1']);
  });
});

describe('a long text where an amount belongs', () => {
  it('is quoted in the finding cut to a length a message carries', () => {
    const s = budgetSheet(sheet('DPA', ['No', 'Uraian', 'Anggaran'], ['1', 'Program', 'catatan bendahara '.repeat(200)]));
    expect(s.findings[0].pesan).toMatch(/\(“catatan bendahara catatan bendahara catatan bendahara catat…”\); dihitung sebagai 0\.$/);
    expect(s.findings[0].pesan.length).toBeLessThan(160);
  });
});
