import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Decimal, formatIndonesian } from '../../src/core/decimal';
import { RekapJson } from '../../src/core/rekap/rekap';
import { countByTingkat } from '../../src/core/findings';
import { runQuiet, runWithJson, tempDir } from '../helpers';
import { rekapFolder, RekapFolder } from '../support/rekap-books';

/** `hitung-capaian rekap`: a kabupaten's folder of books, every book's figures those of its own run. */

interface RekapRun {
  code: number;
  out: string[];
  err: string[];
  json: RekapJson;
}

async function rekap(args: string[], dir: string): Promise<RekapRun> {
  const json = path.join(dir, 'hasil', 'rekap.json');
  const run = await runQuiet(['rekap', ...args, '--json', json, '--paralel', '1']);
  return { ...run, json: run.code === 0 ? (JSON.parse(await fs.readFile(json, 'utf8')) as RekapJson) : (null as never) };
}

describe('hitung-capaian rekap on a folder of books', () => {
  let folder: RekapFolder;
  let out: string;
  let run: RekapRun;
  beforeAll(async () => {
    folder = await rekapFolder(await tempDir());
    out = await tempDir();
    run = await rekap([folder.dir, '-o', path.join(out, 'rekap.xlsx'), '--docx', path.join(out, 'rekap.docx')], out);
  }, 60_000);

  it('takes every book in the folder and its subfolders, in the order a file list shows them, and nothing else', () => {
    expect(run.code).toBe(0);
    expect(run.json.opd.map((o) => o.berkas)).toEqual([...folder.readable, ...folder.unreadable].sort((a, b) => a.localeCompare(b, 'id', { numeric: true })));
    expect(run.err).toContain(`Di folder “${folder.dir}”: 1 berkas lain (bukan buku kerja) dilewati.`);
  });

  it('gives each book the figures, counts and year of its own run, exactly', async () => {
    for (const berkas of folder.readable) {
      const single = await runWithJson(path.join(folder.dir, berkas));
      const { galat, peringatan } = countByTingkat(single.json!.temuan as never);
      const row = run.json.opd.find((o) => o.berkas === berkas)!;
      expect(row).toMatchObject({
        tahun: single.json!.tahun,
        anggaran: single.json!.anggaran?.anggaran ?? null,
        realisasi: single.json!.anggaran?.realisasi ?? null,
        serapan: single.json!.anggaran?.serapan ?? null,
        rataRataCapaian: single.json!.rataRataCapaian,
        galat,
        peringatan,
        keraguan: single.json!.keraguan,
        kesalahan: null,
      });
      expect(typeof row.predikat).toBe(single.json!.rataRataCapaian === null ? 'object' : 'string');
    }
  }, 60_000);

  it('names each office as its title rows do', () => {
    expect(Object.fromEntries(run.json.opd.filter((o) => o.kesalahan === null).map((o) => [o.berkas, o.nama]))).toEqual({
      'bappeda-2023.xlsx': 'Badan Perencanaan Pembangunan Daerah',
      'dinas-pendidikan.xlsx': 'Dinas Pendidikan',
      'dinkes.xlsx': 'Dinas Kesehatan',
      'inspektorat.xlsx': 'Inspektorat',
      'kecamatan/semboro.xlsx': 'Kecamatan Semboro',
      'satpol-pp.xlsx': 'Satuan Polisi Pamong Praja',
    });
  });

  it('says why a book could not be read in the sentence its own run gives, and goes on with the others', async () => {
    for (const berkas of folder.unreadable) {
      const single = await runQuiet([path.join(folder.dir, berkas)]);
      expect(single.code).toBe(2);
      const row = run.json.opd.find((o) => o.berkas === berkas)!;
      expect(row).toMatchObject({ anggaran: null, rataRataCapaian: null, galat: null, peringatan: null });
      expect(single.err).toContain(`Galat: ${row.kesalahan!.replaceAll(berkas, path.basename(berkas))}`);
    }
  });

  it('sums the money exactly, takes serapan of the sums and the plain mean of the offices’ rata-rata', () => {
    const read = run.json.opd.filter((o) => o.kesalahan === null);
    const withBoth = read.filter((o) => o.anggaran !== null && o.realisasi !== null);
    const total = (xs: (string | null)[]) => xs.reduce((a, x) => a + BigInt(x ?? 0), 0n).toString();
    expect(run.json.jumlah.anggaran).toBe(total(read.map((o) => o.anggaran)));
    expect(run.json.jumlah.realisasi).toBe(total(withBoth.map((o) => o.realisasi)));
    expect(run.json.jumlah.serapan).toBe(
      new Decimal(run.json.jumlah.realisasi!)
        .div(total(withBoth.map((o) => o.anggaran)))
        .times(100)
        .toFixed(2),
    );
    // The mean of the books' unrounded averages: within half a hundredth of the mean of the rounded ones.
    const capaian = read.filter((o) => o.rataRataCapaian !== null).map((o) => Number(o.rataRataCapaian));
    expect(Math.abs(Number(run.json.jumlah.rataRataCapaian) - capaian.reduce((a, b) => a + b, 0) / capaian.length)).toBeLessThan(0.006);
    expect(Object.keys(run.json)).toEqual(['opd', 'jumlah']);
    expect(Object.keys(run.json.jumlah)).toEqual(['anggaran', 'realisasi', 'serapan', 'rataRataCapaian']);
    expect(Object.keys(run.json.opd[0])).toEqual([
      'berkas',
      'nama',
      'tahun',
      'anggaran',
      'realisasi',
      'serapan',
      'rataRataCapaian',
      'predikat',
      'galat',
      'peringatan',
      'kesalahan',
      'keraguan',
    ]);
  });

  it('reports each book on stderr as it ends, and the recap on stdout with a doubtful figure marked', () => {
    const n = run.json.opd.length;
    const progress = run.err.filter((l) => l.startsWith('Buku '));
    expect(progress).toHaveLength(n);
    expect(progress[0]).toMatch(new RegExp(`^Buku 1 dari ${n}: .+; perkiraan sisa .+ detik$`));
    expect(progress[n - 1]).toMatch(new RegExp(`^Buku ${n} dari ${n}: .+\\)$`));
    const satpol = run.out.findIndex((l) => l.includes('(satpol-pp.xlsx)'));
    expect(run.out[satpol - 1]).toMatch(/^PERHATIAN \(Satuan Polisi Pamong Praja\): Judul “Rp\. \(000\)”/);
    expect(run.out[satpol]).toContain('(belum dapat dipercaya: lihat PERHATIAN di atas)');
    expect(run.out).toContainEqual(
      expect.stringMatching(/^Jumlah kabupaten: anggaran Rp [\d.]+, realisasi Rp [\d.]+, serapan [\d,]+% \(memuat angka yang belum dapat dipercaya\)$/),
    );
  });

  it('writes the recap’s sheets, their figures those of the JSON, and the notes a reviewer needs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'rekap.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['HC Rekap OPD', 'HC Rekap Kinerja', 'HC Rekap Anggaran', 'HC Rekap Galat']);
    const opd = wb.getWorksheet('HC Rekap OPD')!;
    const rows = opd.getSheetValues().filter(Boolean) as unknown[][];
    const line = (berkas: string) => rows.find((r) => r[3] === berkas)!;
    const semboro = run.json.opd.find((o) => o.berkas === 'kecamatan/semboro.xlsx')!;
    expect(line('kecamatan/semboro.xlsx').slice(1, 12)).toEqual([
      '6',
      'Kecamatan Semboro',
      'kecamatan/semboro.xlsx',
      '2024',
      // Figures as Indonesian text, whatever Excel's locale (issue 22), each the JSON's.
      formatIndonesian(new Decimal(semboro.anggaran!), 0),
      formatIndonesian(new Decimal(semboro.realisasi!), 0),
      formatIndonesian(new Decimal(semboro.serapan!), 2),
      formatIndonesian(new Decimal(semboro.rataRataCapaian!), 2),
      'Sangat Tinggi',
      '8',
      '5',
    ]);
    expect(line('bappeda-2023.xlsx')[12]).toContain('Tahun 2023, berbeda dari buku lain (2024).');
    expect(line('satpol-pp.xlsx')[12]).toMatch(/^Angka anggaran belum dapat dipercaya: Judul “Rp\. \(000\)”/);
    expect(line('catatan.xlsx')[12]).toMatch(/^Tidak terbaca: Berkas “catatan\.xlsx” berisi teks atau CSV/);
    expect(line('kecamatan/semboro.xlsx')[12] ?? '').toBe('');
    expect(line('inspektorat.xlsx')[12]).toBe('Rata-rata capaian bersandar pada lembar kinerja yang memuat 1 galat. Tidak ada lembar anggaran.');
    const galat = wb.getWorksheet('HC Rekap Galat')!.getSheetValues().filter(Boolean) as unknown[][];
    const listed = galat.slice(2).filter((r) => typeof r[1] === 'string' && /^\d+$/.test(r[1] as string));
    // Unreadable files first, then the offices with most galat; the largest difference of a book first.
    expect(listed.slice(0, 4).map((r) => r[3])).toEqual(['catatan.xlsx', 'kosong.xlsx', 'lama.xls', 'lkjip.xlsx']);
    const semboroGalat = listed.filter((r) => r[3] === 'kecamatan/semboro.xlsx');
    expect(semboroGalat).toHaveLength(8);
    expect(semboroGalat[0].slice(4, 6)).toEqual(['Realisasi 2024', 'D27']);
    // The difference as written (Indonesian text) and as the number beside the table.
    expect(semboroGalat[0][7]).toBe('-100.000.000');
    // Those with a difference, largest first, then those without (a row not found has none).
    const sizes = semboroGalat.map((r) => (r[10] == null ? 0 : Math.abs(r[10] as number)));
    expect(sizes.filter((n) => n > 0)).toHaveLength(7);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('writes the Word document with the draft warning first and every office named', async () => {
    const doc = await (await JSZip.loadAsync(await fs.readFile(path.join(out, 'rekap.docx')))).file('word/document.xml')!.async('string');
    const body = doc.replace(/<[^>]+>/g, '');
    expect(body.indexOf('Catatan untuk penyusun')).toBeLessThan(body.indexOf('Rekapitulasi Perangkat Daerah Tahun 2024'));
    for (const o of run.json.opd) expect(body).toContain(o.nama);
  });

  it('never reads its own recap as a book, nor a recap left in the folder', async () => {
    const again = await rekap([folder.dir, path.join(out, 'rekap.xlsx')], out);
    expect(again.json.opd.map((o) => o.berkas)).toContain(path.join(out, 'rekap.xlsx'));
    expect(again.json.opd.find((o) => o.berkas === path.join(out, 'rekap.xlsx'))!.kesalahan).toBe(
      `Berkas “${path.join(out, 'rekap.xlsx')}” adalah rekap Hitung Capaian, bukan buku kerja perangkat daerah.`,
    );
    const inside = await rekap([out, '-o', path.join(out, 'rekap.xlsx')], out);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('Galat: Tidak ada buku kerja yang dapat direkap.');
  });
});

describe('hitung-capaian rekap, its edges', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('exits 2 and writes nothing when no book can be read', async () => {
    await fs.writeFile(path.join(dir, 'a.xlsx'), 'bukan');
    const run = await runQuiet(['rekap', path.join(dir, 'a.xlsx'), path.join(dir, 'tidak-ada.xlsx'), '-o', path.join(dir, 'r.xlsx'), '--paralel', '1']);
    expect(run.code).toBe(2);
    expect(run.out).toContain(`2. ${path.join(dir, 'tidak-ada.xlsx')}: tidak terbaca. Berkas “${path.join(dir, 'tidak-ada.xlsx')}” tidak ditemukan.`);
    expect(run.err).toContain('Galat: tidak ada buku yang terbaca; rekap tidak ditulis.');
    await expect(fs.stat(path.join(dir, 'r.xlsx'))).rejects.toThrow();
  });

  it('keeps stdout for the JSON alone with --json -', async () => {
    const book = path.join(dir, 'semboro.xlsx');
    await fs.copyFile(path.join(__dirname, '..', 'fixtures', 'semboro-bersih.xlsx'), book);
    const run = await runQuiet(['rekap', book, '--json', '-', '--paralel', '1']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out.join('\n')) as RekapJson;
    expect(json.opd[0]).toMatchObject({ nama: 'Kecamatan Semboro', anggaran: '3894507781', serapan: '91.04', rataRataCapaian: '98.81', galat: 0 });
    expect(run.err).toContainEqual(expect.stringMatching(/^Jumlah kabupaten: anggaran Rp 3\.894\.507\.781/));
  });

  it('counts one file named twice once, and refuses an output naming a book or another output', async () => {
    const dir = await tempDir();
    const book = path.join(dir, 'semboro.xlsx');
    await fs.copyFile(path.join(__dirname, '..', 'fixtures', 'semboro-bersih.xlsx'), book);
    const twice = await runQuiet(['rekap', book, book, dir, '--json', path.join(dir, 'r.json'), '--paralel', '1']);
    expect(twice.out[0]).toBe('Rekap 1 buku: 1 terbaca; tahun 2024');
    expect((await runQuiet(['rekap', book, '-o', book])).err).toContainEqual(expect.stringMatching(/^Galat: Berkas hasil .* sama dengan berkas masukan/));
    expect((await runQuiet(['rekap', book, '-o', path.join(dir, 'r.json')])).err).toEqual(['Galat: Berkas rekap “' + path.join(dir, 'r.json') + '” harus berakhiran .xlsx.']);
  });

  it('refuses settings for one book’s sheets and a --paralel that is not a count', async () => {
    const settings = path.join(dir, 'p.json');
    await fs.writeFile(settings, JSON.stringify({ kolom: { DPA: { barisJudul: 3 } } }));
    expect((await runQuiet(['rekap', dir, '--pengaturan', settings])).err[0]).toMatch(/^Galat: Pengaturan “kolom” menyebut lembar satu buku/);
    expect((await runQuiet(['rekap', dir, '--paralel', '0'])).err).toEqual(['Galat: Pilihan --paralel memerlukan bilangan bulat 1 atau lebih, bukan “0”.']);
  });

  it('says when two books have the same figures, which the sums count twice', async () => {
    const a = path.join(dir, 'semboro.xlsx');
    const b = path.join(dir, 'semboro-hasil.xlsx');
    await fs.copyFile(path.join(__dirname, '..', 'fixtures', 'semboro-bersih.xlsx'), a);
    expect((await runQuiet([a, '-o', b])).code).toBe(0);
    const out = await tempDir();
    const run = await runQuiet(['rekap', a, b, '-o', path.join(out, 'r.xlsx'), '--paralel', '1']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'r.xlsx'));
    const notes = (wb.getWorksheet('HC Rekap OPD')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => String(r[12] ?? ''));
    expect(notes.filter((n) => n.includes('Angkanya sama dengan No'))).toHaveLength(2);
    expect(run.code).toBe(0);
  });
});
