import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/fs/xlsx-file';
import { makeXlsx, runQuiet, runWithJson, tempDir } from '../helpers';
import { renjaForm, SEMBORO_FORM_EXPECTED as EXPECTED, STANDARD_VARIANT, FormSheet } from '../support/renja-form';

/** The Evaluasi Renja form as a file through the command line. */

const asFile = (dir: string, name: string, form: FormSheet) => makeXlsx(dir, name, [{ name: form.name, rows: form.rows as never, merges: form.merges, formats: form.formats }]);

describe('the Evaluasi Renja form through the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('gives the form’s figures, its kegiatan indikator in a table of their own, and no doubt', async () => {
    const input = await asFile(dir, 'renja.xlsx', renjaForm({ ...STANDARD_VARIANT, kode: 'split5-own', unit: 'ribu', order: 'Rp-K', itemMerged: true }));
    const copy = path.join(dir, 'renja-hasil.xlsx');
    const run = await runWithJson(input, ['-o', copy]);
    expect(run.code).toBe(0);
    const j = run.json!;
    expect([j.tahun, j.anggaran!.anggaran, j.anggaran!.realisasi, j.anggaran!.serapan, j.rataRataCapaian]).toEqual([
      EXPECTED.tahun,
      EXPECTED.anggaran,
      EXPECTED.realisasi,
      EXPECTED.serapan,
      EXPECTED.rataRataCapaian,
    ]);
    expect(j.indikatorKeluaran).toHaveLength(EXPECTED.keluaran);
    expect(j.indikatorKeluaran[1]).toMatchObject({ tingkat: 'subKegiatan', kode: '7.01.02.2.01.0002', indikator: { target: '4', realisasi: '3', capaian: '75.00' } });
    expect(j.keraguan).toEqual([]);
    expect(run.out).toContain('Rata-rata capaian kinerja 98,57% dari 5 indikator');
    expect(run.out).not.toMatch(/PERHATIAN|belum dapat dipercaya/);
    expect((await readXlsxFile(copy)).sheets.map((s) => s.name)).toContain('HC Kinerja Kegiatan');
  });

  it('says a doubtful reading before any figure, and does not present the figure it touches as final', async () => {
    const form = renjaForm();
    const units = form.rows.findIndex((r) => r.includes('K') && r.includes('Rp'));
    form.rows[units] = form.rows[units].map((v) => (v === 'Rp' ? 'Rp. (000)' : v));
    const run = await runQuiet([await asFile(dir, 'ragu.xlsx', form)]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^PERHATIAN: Judul “Rp\. \(000\)” di lembar “Evaluasi Renja” menyebut ribuan rupiah, tetapi angka di kolom K tampak sudah dalam rupiah penuh/);
    expect(run.out[1]).toBe('Anggaran Rp 3.894.507.781.000, realisasi Rp 3.545.596.394.000, serapan 91,04% (belum dapat dipercaya: lihat PERHATIAN di atas)');
    expect(run.out[2]).toBe('Rata-rata capaian kinerja 98,57% dari 5 indikator');
  });

  it('takes the year from --tahun where no sheet says it, and refuses one that is not a year', async () => {
    const input = await makeXlsx(dir, 'tanpa-tahun.xlsx', [
      {
        name: 'Kinerja',
        rows: [
          ['Sasaran', 'Indikator', 'Target', 'Realisasi'],
          ['S1', 'Indeks Kepuasan', 90, 88],
        ],
      },
    ]);
    const bare = await runWithJson(input);
    expect(bare.json!.tahun).toBeNull();
    expect(bare.json!.temuan.map((t) => t.pesan)).toContain(
      'Tahun laporan tidak tertulis di judul lembar, judul kolom atau nama lembar; judul tabel ditulis tanpa tahun. Isi Tahun di pengaturan (di baris perintah: --tahun 2024).',
    );
    expect((await runWithJson(input, ['--tahun', '2024'])).json!.tahun).toBe(2024);
    const wrong = await runQuiet([input, '--tahun', '24']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Galat: Pilihan --tahun memerlukan tahun empat angka seperti 2024, bukan “24”.');
  });
});
