import { matchSheets } from '../../../src/core/compute/match';
import { BudgetSheet } from '../../../src/core/read/budget-rows';
import { budgetSheet, sheet } from '../../support/sheets';

const HEADER = ['Kode', 'Uraian', 'Anggaran', 'Realisasi'];

/** Each DPA row's name with the name of the realisasi row matched to it ('—' for none). */
function pairs(dpa: BudgetSheet, real: BudgetSheet): string[] {
  const m = matchSheets(dpa, real);
  return dpa.rows.map((d) => `${d.nama} ↔ ${m.realisasiOf(d)?.nama ?? '—'}`);
}

describe('matching the realisasi sheet to the DPA', () => {
  it('by kode, segment by segment, whatever the names and the order', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER.slice(0, 3), ['7.01.01', 'Program A', 1], ['7.01.01.2.02', 'Keg Satu', 1], ['7.01.01.2.03', 'Keg Dua', 1]));
    const real = budgetSheet(sheet('LRA', HEADER, ['7.01.01', 'PROGRAM A (LRA)', 1, 1], ['7.1.1.2.3', 'Dua', 1, 1], ['7.01.01.2.02', 'Satu', 1, 1]));
    expect(pairs(dpa, real)).toEqual(['Program A ↔ PROGRAM A (LRA)', 'Keg Satu ↔ Satu', 'Keg Dua ↔ Dua']);
    expect(matchSheets(dpa, real).findings).toEqual([]);
  });

  it('by name within a matched parent where the outline numbers differ, ignoring case and level words', () => {
    const dpa = budgetSheet(sheet('DPA', ['No', 'Uraian', 'Anggaran'], ['1', 'Program A', 1], ['1.1', 'Administrasi Umum', 1], ['1.2', 'Administrasi Keuangan', 1]));
    const real = budgetSheet(
      sheet('LRA', ['No', 'Uraian', 'Anggaran', 'Realisasi'], ['1', 'PROGRAM A', 1, 1], ['1.1', 'Kegiatan Administrasi Keuangan', 1, 1], ['1.2', 'administrasi umum', 1, 1]),
    );
    expect(pairs(dpa, real)).toEqual(['Program A ↔ PROGRAM A', 'Administrasi Umum ↔ administrasi umum', 'Administrasi Keuangan ↔ Kegiatan Administrasi Keuangan']);
  });

  it('by similarity, and an only child by position, each reported for the user to confirm', () => {
    const dpa = budgetSheet(
      sheet(
        'DPA',
        ['No', 'Uraian', 'Anggaran'],
        ['1', 'Program A', 1],
        ['1.1', 'Penyediaan Jasa Komunikasi Sumber Daya Air dan Listrik', 1],
        ['2', 'Program B', 1],
        ['2.1', 'Fasilitasi', 1],
      ),
    );
    const real = budgetSheet(
      sheet(
        'LRA',
        ['No', 'Uraian', 'Anggaran', 'Realisasi'],
        ['1', 'Program A', 1, 1],
        ['1.1', 'Penyediaan Jasa Komunikasi, Sumber Daya Air', 1, 1],
        ['2', 'Program B', 1, 1],
        ['2.1', 'Koordinasi Kecamatan', 1, 1],
      ),
    );
    expect(pairs(dpa, real)).toEqual([
      'Program A ↔ Program A',
      'Penyediaan Jasa Komunikasi Sumber Daya Air dan Listrik ↔ Penyediaan Jasa Komunikasi, Sumber Daya Air',
      'Program B ↔ Program B',
      'Fasilitasi ↔ Koordinasi Kecamatan',
    ]);
    const findings = matchSheets(dpa, real).findings;
    expect(findings.map((f) => [f.jenis, f.tingkat, f.sel, f.terkait?.sel])).toEqual([
      ['pencocokan', 'peringatan', 'B3', 'B3'],
      ['pencocokan', 'peringatan', 'B5', 'B5'],
    ]);
    expect(findings[0].pesan).toMatch(/namanya mirip/);
    expect(findings[1].pesan).toMatch(/satu-satunya rincian/);
  });

  it('never pairs two different codes, and reports what one side lacks', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER.slice(0, 3), ['7.01.01', 'Program A', 1], ['7.01.01.2.02', 'Keg Satu', 1]));
    const real = budgetSheet(sheet('LRA', HEADER, ['7.01.01', 'Program A', 1, 1], ['7.01.01.2.09', 'Keg Satu', 1, 1]));
    const m = matchSheets(dpa, real);
    expect(pairs(dpa, real)).toEqual(['Program A ↔ Program A', 'Keg Satu ↔ —']);
    expect(m.findings.map((f) => [f.jenis, f.lembar, f.sel])).toEqual([
      ['tidak-ditemukan', 'DPA', 'B3'],
      ['tidak-ditemukan', 'LRA', 'B3'],
    ]);
    expect(m.dpaOf(real.rows[0])).toBe(dpa.rows[0]);
  });

  it('across a level one sheet skips: a realisasi sheet going from program to sub kegiatan, and the rekening levels of the DPA', () => {
    const dpa = budgetSheet(
      sheet(
        'DPA',
        HEADER.slice(0, 3),
        ['7.01.01', 'Program A', 300],
        ['7.01.01.2.01', 'Keg Satu', 300],
        ['7.01.01.2.01.0001', 'Sub Satu', 100],
        ['5.1', 'BELANJA OPERASI', 100],
        ['5.1.02.01.01.0024', 'Belanja ATK', 100],
        ['7.01.01.2.01.0002', 'Sub Dua', 200],
      ),
    );
    const real = budgetSheet(
      sheet(
        'LRA',
        HEADER,
        ['7.01.01', 'Program A', 300, 250],
        ['7.01.01.2.01.0001', 'Sub Satu', 100, 90],
        ['5.1.02.01.01.0024', 'Belanja ATK', 100, 90],
        ['7.01.01.2.01.0002', 'Sub Dua', 200, 160],
      ),
    );
    expect(pairs(dpa, real)).toEqual(['Program A ↔ Program A', 'Keg Satu ↔ —', 'Sub Satu ↔ Sub Satu', 'BELANJA OPERASI ↔ —', 'Belanja ATK ↔ Belanja ATK', 'Sub Dua ↔ Sub Dua']);
    const m = matchSheets(dpa, real);
    expect(m.findings).toEqual([]);
    expect(m.absentUnder(real.rows[0])).toEqual([]);
  });
});

describe('a name of thousands of words in a message', () => {
  it('is cut, the row still named by its cell', () => {
    const long = `Program ${'Penunjang Urusan '.repeat(5000)}`;
    const dpa = budgetSheet(sheet('DPA', HEADER.slice(0, 3), ['7.01.01', long, 1], ['7.01.02', 'Program B', 1]));
    const real = budgetSheet(sheet('LRA', HEADER, ['7.01.02', 'Program B', 1, 1]));
    const [absent] = matchSheets(dpa, real).findings;
    expect(absent.pesan).toMatch(/^“Program Penunjang Urusan Penunjang .*…” \(DPA!B2\) tidak ada di lembar LRA; realisasinya dihitung 0\.$/);
    expect(absent.pesan.length).toBeLessThan(250);
  });
});
