import { buildReport } from '../../../src/core/report/report';
import fc from 'fast-check';
import { hitung } from '../../../src/core/compute/engine';
import { toJson } from '../../../src/core/report/result-json';
import {
  ALL_VARIANTS,
  COVERING_VARIANTS,
  FormSasaran,
  formGrid,
  FormSheet,
  FormVariant,
  renjaForm,
  SEMBORO_FORM,
  SEMBORO_FORM_EXPECTED as EXPECTED,
  STANDARD_VARIANT,
} from '../../support/renja-form';

const run = (form: FormSheet) => hitung({ sheets: [formGrid(form)] });

/** The figures a clerk reports: they must not depend on how the form is laid out. */
function figures(form: FormSheet) {
  const r = run(form);
  const j = toJson(buildReport(r));
  return {
    tahun: j.tahun,
    lembar: j.lembar,
    anggaran: j.anggaran && { anggaran: j.anggaran.anggaran, realisasi: j.anggaran.realisasi, serapan: j.anggaran.serapan },
    program: j.anggaran?.program.map((p) => ({ kode: p.kode, nama: p.nama, anggaran: p.anggaran, realisasi: p.realisasi, serapan: p.serapan, kegiatan: p.kegiatan })),
    sasaran: j.sasaran.map((s) => ({
      nama: s.nama,
      capaian: s.capaian,
      efisiensi: s.efisiensi,
      serapan: s.serapan,
      indikator: s.indikator.map((i) => [i.nama, i.target, i.realisasi, i.capaian]),
    })),
    keluaran: j.indikatorKeluaran.map((k) => [k.tingkat, k.kode, k.indikator.nama, k.indikator.target, k.indikator.realisasi, k.indikator.capaian]),
    rataRataCapaian: j.rataRataCapaian,
    temuan: j.temuan.map((t) => [t.jenis, t.sel, t.tertulis, t.seharusnya]),
  };
}

describe('the Evaluasi Renja form (Permendagri 86/2017)', () => {
  const standard = run(renjaForm());

  it('is read as DPA, realisasi and kinerja at once, and says so column by column', () => {
    const [d] = standard.deteksi;
    expect(d.peran).toEqual(['dpa', 'realisasi', 'kinerja']);
    expect(d.barisJudul).toBe(6);
    expect(d.catatan[0]).toMatch(/^Dibaca sebagai formulir Evaluasi terhadap Hasil Renja Perangkat Daerah \(Permendagri 86\/2017\)/);
    expect(d.catatan[0]).toContain('anggaran dari kolom K (Rp, target tahun berjalan)');
    expect(d.catatan[0]).toContain('realisasi anggaran dari kolom U (Rp, realisasi tahun berjalan, diperiksa terhadap jumlah triwulan di kolom M, O, Q, S)');
    expect(d.catatan[0]).toContain('realisasi kinerja dari kolom T (K) apa adanya, tidak dijumlahkan dari triwulan');
    expect(d.catatan).toContain('Judul kolom di baris 6–8; baris 9 (nomor kolom) dilewati, bukan data.');
    expect(d.kolom.map((k) => `${k.peran}=${k.kolom}`)).toEqual(
      expect.arrayContaining(['sasaran=B', 'kode=C', 'uraian=D', 'indikator=E', 'target=J', 'anggaran=K', 'realisasi=T', 'capaian=V', 'persen=W']),
    );
  });

  it('gives the Semboro figures: anggaran from the year’s Rp, realisasi from column 13, capaian from the program indikator', () => {
    const f = figures(renjaForm());
    expect(f.tahun).toBe(EXPECTED.tahun);
    expect(f.anggaran).toEqual({ anggaran: EXPECTED.anggaran, realisasi: EXPECTED.realisasi, serapan: EXPECTED.serapan });
    expect(f.program!.map(({ nama, anggaran, realisasi, serapan }) => ({ nama, anggaran, realisasi, serapan }))).toEqual(EXPECTED.program);
    expect(f.sasaran.map((s) => ({ capaian: s.capaian, efisiensi: s.efisiensi, indikator: s.indikator.map((i) => i[3]) }))).toEqual(EXPECTED.sasaran);
    expect(f.rataRataCapaian).toBe(EXPECTED.rataRataCapaian);
    expect(f.temuan).toEqual([]);
    expect(standard.keraguan).toEqual([]);
  });

  it('takes the index as written in column 13, never the sum of its triwulan (84,1 + 85 + 86,2 + 83,57)', () => {
    const ikm = standard.kinerja!.sasaran[0].indikator[0];
    expect(ikm.nama).toBe('Indeks Kepuasan Masyarakat');
    expect(ikm.realisasi!.teks).toBe('83.57');
    expect(ikm.capaian!.toFixed(2)).toBe('92.86');
  });

  it('lists the kegiatan and sub kegiatan (output) indikator apart: computed, never in a sasaran’s capaian', () => {
    const outputs = SEMBORO_FORM.flatMap((s) => s.items.filter((i) => i.level !== 'program').flatMap((i) => i.indikator));
    const keluaran = standard.kinerja!.keluaran;
    expect(keluaran).toHaveLength(EXPECTED.keluaran);
    expect(keluaran.map((k) => k.indikator.nama)).toEqual(outputs.map((o) => o.nama));
    // 3 of 4 laporan: 75 %, and the sasaran above it still 92,86 from its program's IKM alone.
    const short = keluaran.find((k) => k.indikator.nama === 'Jumlah Laporan Efektivitas Kegiatan Pemerintahan')!;
    expect(short.item).toMatchObject({ level: 'subKegiatan', kode: '7.01.02.2.01.0002' });
    expect(short.indikator.capaian!.toFixed(2)).toBe('75.00');
    expect(standard.kinerja!.sasaran[0].capaian!.toFixed(2)).toBe('92.86');
    expect(standard.catatan).toContain(
      'Capaian sasaran dihitung dari 5 indikator program (hasil) di bawah sasarannya; 26 indikator kegiatan dan sub kegiatan (keluaran) dihitung tersendiri (HC Kinerja Kegiatan) dan tidak ikut rata-rata.',
    );
    const table = buildReport(standard).tables.find((t) => t.id === 'kinerja-keluaran')!;
    expect(table.header[0]).toEqual(['No', 'Program/Kegiatan/Sub Kegiatan', 'Indikator Kinerja Keluaran', 'Target 2024', 'Realisasi 2024', 'Tingkat Capaian (%)', 'Rumus Capaian']);
    expect(table.rows).toHaveLength(26);
    const row = table.rows.find((r) => (r.cells[2] as { value: string }).value === short.indikator.nama)!;
    expect((row.cells[6] as { value: string }).value).toBe('realisasi ÷ target × 100');
    expect(table.source).toMatch(/tidak ikut dalam capaian sasaran \(Tabel 3\.2\)/);
  });

  it('links each sasaran to the programs under it, for serapan and efisiensi', () => {
    const s = standard.kinerja!.sasaran;
    expect(s.map((x) => x.pendukung.map((p) => p.kode))).toEqual([['7.01.02'], ['7.01.03'], ['7.01.04'], ['7.01.01']]);
    expect(s.map((x) => x.serapan!.toFixed(2))).toEqual(['99.67', '80.91', '94.53', '89.17']);
  });

  it('reads no row that is not data: the column numbers, K | Rp, JUMLAH, the average and predikat rows, the closing lines, the signatures', () => {
    const k = standard.kinerja!;
    const names = [...k.sasaran.flatMap((s) => [s.nama, ...s.indikator.map((i) => i.nama)]), ...k.keluaran.map((x) => x.indikator.nama)];
    for (const n of names) expect(n).not.toMatch(/^\d|JUMLAH|Rata-rata|Predikat|Faktor|Tindak lanjut|Disusun|NIP|^K$/);
    expect(k.sasaran).toHaveLength(4);
    // The JUMLAH line is checked as a total (it adds up here), never read as an item.
    expect(standard.anggaran!.program.map((p) => p.nama)).not.toContain('JUMLAH');
  });

  it('takes the evaluated year, never last year’s (2023) or the Renstra’s (2026)', () => {
    expect(standard.tahun).toBe(2024);
    const noTarget = renjaForm();
    // Without the year in the target's header, the title's “PERIODE PELAKSANAAN : TAHUN 2024”.
    const at = noTarget.rows.findIndex((row) => row.some((v) => typeof v === 'string' && v.startsWith('Target Kinerja dan Anggaran')));
    noTarget.rows[at] = noTarget.rows[at].map((v) => (typeof v === 'string' ? v.replace(' (2024)', '') : v));
    expect(run(noTarget).tahun).toBe(2024);
  });

  it('flags what does not add up: the year’s realisasi against its triwulan, the printed %, a program against its kegiatan', () => {
    const form = renjaForm();
    const row = form.rows.findIndex((r) => r[3] === 'Penyediaan Gaji dan Tunjangan ASN');
    form.rows[row][20] = 1911915000; // column 13 Rp: 924 less than its triwulan
    form.rows[row][22] = 95; // column 14 Rp: the printed % of realisasi
    const program = form.rows.findIndex((r) => r[3] === 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN');
    form.rows[program][10] = 164088001;
    const found = figures(form).temuan;
    expect(found).toEqual(
      expect.arrayContaining([
        ['jumlah', `U${row + 1}`, '1911915000', '1911915924'],
        ['persen', `W${row + 1}`, '95.00', '88.40'],
        ['jumlah', `K${program + 1}`, '164088001', '164088000'],
      ]),
    );
  });

  it('reads amounts in thousands or millions exactly into rupiah, and says so', () => {
    for (const unit of ['ribu', 'juta'] as const) {
      const r = run(renjaForm({ ...STANDARD_VARIANT, unit }));
      expect(r.anggaran!.anggaran.toFixed()).toBe(EXPECTED.anggaran);
      expect(r.deteksi[0].catatan.join(' ')).toContain(
        unit === 'ribu' ? '“Rp. (000)” (kolom K, M, O, Q, S, U): dibaca dalam ribuan rupiah' : '“Rp (Juta)” (kolom K, M, O, Q, S, U): dibaca dalam jutaan rupiah',
      );
    }
  });

  it('doubts a unit the amounts do not fit: “Rp. (000)” over amounts in whole rupiah', () => {
    const form = renjaForm();
    const units = form.rows.findIndex((r) => r.includes('K') && r.includes('Rp'));
    form.rows[units] = form.rows[units].map((v) => (v === 'Rp' ? 'Rp. (000)' : v));
    const r = run(form);
    expect(r.keraguan).toEqual([
      {
        lembar: 'Evaluasi Renja',
        bagian: 'anggaran',
        pesan:
          'Judul “Rp. (000)” di lembar “Evaluasi Renja” menyebut ribuan rupiah, tetapi angka di kolom K tampak sudah dalam rupiah penuh: bila dibaca dalam ribuan rupiah, hasilnya 1.000 kali terlalu besar.',
      },
    ]);
  });

  it('gives the same figures in every layout it is kept in (kode split or whole, units, number row, sasaran merged, repeated or once, items merged over their indikator, K and Rp in either order)', () => {
    const want = figures(renjaForm());
    for (const variant of COVERING_VARIANTS) expect({ variant, ...figures(renjaForm(variant)) }).toEqual({ variant, ...want });
  });

  it('gives the same figures in every layout for any book', () => {
    const amount = fc.bigInt({ min: 1n, max: 99_999_999_999n }).map((n) => n * 1000n);
    // Figures only: a doubt about a unit depends on how the amounts are written, and is meant to.
    const book = fc
      .array(fc.tuple(amount, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 250 })), {
        minLength: SEMBORO_FORM.flatMap((s) => s.items).length,
        maxLength: SEMBORO_FORM.flatMap((s) => s.items).length,
      })
      .map((draws): FormSasaran[] => {
        let i = 0;
        return SEMBORO_FORM.map((s) => ({
          ...s,
          items: s.items.map((item) => {
            const [anggaran, percent, target, realisasi] = draws[i++];
            const outcome = { nama: item.indikator[0].nama, satuan: 'Dokumen', target, tw: [null, null, null, realisasi] as [null, null, null, number], realisasi };
            return item.anggaran === undefined ? { ...item, indikator: [outcome] } : { ...item, indikator: [outcome], anggaran, realisasi: (anggaran * BigInt(percent)) / 100n };
          }),
        }));
      });
    fc.assert(
      fc.property(book, fc.constantFrom(...ALL_VARIANTS), (b: FormSasaran[], variant: FormVariant) => {
        expect(figures(renjaForm(variant, b))).toEqual(figures(renjaForm(STANDARD_VARIANT, b)));
      }),
      { numRuns: 60 },
    );
  });
});
