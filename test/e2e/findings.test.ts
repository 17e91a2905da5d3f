import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeXlsx, runWithJson, tempDir } from '../helpers';

describe('each kind of finding at its cell', () => {
  let run: Awaited<ReturnType<typeof runWithJson>>;
  beforeAll(async () => {
    const dir = await tempDir();
    const dpa: ExcelJS.CellValue[][] = [
      ['No', 'Uraian', 'Anggaran'],
      ['1', 'Program Satu', 1000],
      ['1.1', 'Kegiatan Alfa', 600],
      ['1.1.1', 'Sub Kegiatan Alfa Satu', 600],
      ['1.2', 'Kegiatan Beta', 400],
      ['1.2.1', 'Sub Kegiatan Beta Satu', 300],
      ['1.2.2', 'Sub Kegiatan Beta Dua', { error: '#REF!' as ExcelJS.CellErrorValue['error'] }],
      ['1.2.3', 'Sub Kegiatan Beta Satu', 300],
      ['', 'JUMLAH', 1000],
    ];
    const lra: ExcelJS.CellValue[][] = [
      ['No', 'Uraian', 'Anggaran', 'Realisasi', '%'],
      ['1', 'Program Satu', 1000, 1100, '110,00'],
      ['1.1', 'Kegiatan Alfa', 600, 700, '90,00'],
      ['1.1.1', 'Sub Kegiatan Alfa Satu', 600, 700, '116,67'],
      ['1.2', 'Kegiatan Beta', 400, 400, '100,00'],
      ['1.2.1', 'Sub Kegiatan Beta Satu', 300, 300, '100'],
      ['1.2.2', 'Sub Kegiatan Beta Dua', 100, 100, '100'],
      ['1.2.4', 'Sub Kegiatan Gamma Baru', 0, 0, '-'],
    ];
    run = await runWithJson(
      await makeXlsx(dir, 'temuan.xlsx', [
        { name: 'DPA', rows: dpa },
        { name: 'LRA', rows: lra },
      ]),
    );
  });
  const kinds = () => run.json!.temuan.map((t) => `${t.jenis} ${t.lembar}!${t.sel}`);

  it('nilai: an unreadable amount', () => expect(kinds()).toContain('nilai DPA!C7'));
  it('duplikat: the same item twice under one parent', () => expect(kinds()).toContain('duplikat DPA!B8'));
  it('persen: a percentage its own row does not give', () => {
    expect(run.json!.temuan.find((t) => t.jenis === 'persen')).toMatchObject({ lembar: 'LRA', sel: 'E3', tertulis: '90.00', seharusnya: '116.67' });
  });
  it('melebihi: realisasi above anggaran, at the deepest row only', () => {
    expect(run.json!.temuan.filter((t) => t.jenis === 'melebihi').map((t) => t.sel)).toEqual(['D4']);
  });
  it('tidak-ditemukan: a realisasi row the DPA does not have', () => expect(kinds()).toContain('tidak-ditemukan LRA!B8'));
  it('every finding has a plain Indonesian message', () => {
    for (const t of run.json!.temuan) {
      expect(t.pesan).toMatch(/^[A-Z“].{20,}/);
      // Names are quoted typographically, as everywhere the clerk reads.
      expect(t.pesan).not.toContain('"');
    }
  });
});

describe('column and header overrides', () => {
  it('takes the anggaran column the user names instead of the detected one', async () => {
    const dir = await tempDir();
    const rows = [
      ['Uraian', 'Anggaran Murni', 'Anggaran Perubahan', 'Realisasi'],
      ['Program Satu', 1000, 1200, 600],
    ];
    const file = await makeXlsx(dir, 'p.xlsx', [{ name: 'LRA', rows }]);
    const detected = await runWithJson(file);
    expect(detected.json!.anggaran!.anggaran).toBe('1200');
    const settings = path.join(dir, 'p.json');
    await fs.writeFile(settings, JSON.stringify({ kolom: { LRA: { barisJudul: 1, kolom: { anggaran: 'B' } } } }));
    const overridden = await runWithJson(file, ['--pengaturan', settings]);
    expect(overridden.json!.anggaran!.anggaran).toBe('1000');
    expect(overridden.err).toMatch(/Anggaran=B/);
  });
});
