import { promises as fs } from 'fs';
import * as path from 'path';
import { HELP, runCli } from '../../src/cli/run';
import { FIXTURES, makeXlsx, tempDir } from '../helpers';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('unusable input: exit 2, one Indonesian message, no output left behind', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  const cases: [string, (d: string) => Promise<string>, RegExp][] = [
    ['a missing file', async (d) => path.join(d, 'tidak-ada.xlsx'), /tidak ditemukan/],
    [
      'an empty file',
      async (d) => {
        const f = path.join(d, 'kosong.xlsx');
        await fs.writeFile(f, '');
        return f;
      },
      /kosong/,
    ],
    [
      'a text file named .xlsx',
      async (d) => {
        const f = path.join(d, 'teks.xlsx');
        await fs.writeFile(f, 'Uraian;Anggaran\nProgram A;1.000\n');
        return f;
      },
      /^Galat: Berkas “teks\.xlsx” berisi teks atau CSV, bukan buku kerja Excel: buka di Excel dan simpan sebagai \.xlsx \(Buku Kerja Excel\), lalu coba lagi\.$/,
    ],
    [
      'a binary file that is not a workbook',
      async (d) => {
        const f = path.join(d, 'gambar.xlsx');
        await fs.writeFile(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
        return f;
      },
      /^Galat: Berkas “gambar\.xlsx” bukan buku kerja Excel: pilih buku kerja \.xlsx yang berisi lembar DPA, realisasi dan kinerja, atau buka berkas itu di Excel dan simpan sebagai \.xlsx \(Buku Kerja Excel\), lalu coba lagi\.$/,
    ],
    [
      'a .csv',
      async (d) => {
        const f = path.join(d, 'data.csv');
        await fs.writeFile(f, 'Uraian;Anggaran\nA;1\n');
        return f;
      },
      /^Galat: Berkas “data\.csv” berisi teks atau CSV, bukan buku kerja Excel: /,
    ],
    [
      'a .csv saved by Excel as Unicode text (UTF-16)',
      async (d) => {
        const f = path.join(d, 'unicode.txt');
        await fs.writeFile(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Uraian\tAnggaran\r\n', 'utf16le')]));
        return f;
      },
      /^Galat: Berkas “unicode\.txt” berisi teks atau CSV, bukan buku kerja Excel: /,
    ],
    [
      'an old .xls',
      async (d) => {
        const f = path.join(d, 'lama.xls');
        await fs.writeFile(f, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
        return f;
      },
      /\.xls\)/,
    ],
    [
      'a password-protected workbook',
      async (d) => {
        const f = path.join(d, 'sandi.xlsx');
        await fs.writeFile(f, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]));
        return f;
      },
      /kata sandi/,
    ],
    [
      'a corrupted .xlsx',
      async (d) => {
        const f = path.join(d, 'rusak.xlsx');
        const b = await fs.readFile(path.join(FIXTURES, 'semboro-bersih.xlsx'));
        await fs.writeFile(f, b.subarray(0, 3000));
        return f;
      },
      /rusak/,
    ],
    [
      'a workbook without any recognisable header',
      async (d) => makeXlsx(d, 'tanpa-judul.xlsx', [{ name: 'Catatan', rows: [['Rapat tanggal 3'], ['Hadir', 12]] }]),
      /Tidak ada lembar yang dikenali/,
    ],
    ['a workbook without sheets', async (d) => makeXlsx(d, 'tanpa-lembar.xlsx', []), /tidak memiliki lembar|Tidak ada lembar/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const input = await make(dir);
    const out = path.join(dir, `hasil-${path.basename(input)}.xlsx`);
    const json = path.join(dir, `hasil-${path.basename(input)}.json`);
    const r = await run([input, '-o', out, '--json', json]);
    expect(r.code).toBe(2);
    const galat = r.err.filter((l) => l.startsWith('Galat'));
    expect(galat).toHaveLength(1);
    expect(galat[0]).toMatch(message);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
    await expect(fs.access(out)).rejects.toThrow();
    await expect(fs.access(json)).rejects.toThrow();
  });

  it('names a missing sheet given with --dpa', async () => {
    const r = await run([path.join(FIXTURES, 'semboro-bersih.xlsx'), '--dpa', 'DPA 2025']);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toBe('Galat: Pengaturan “lembar.dpa” menunjuk lembar “DPA 2025”, yang tidak ada di buku kerja ini.');
  });

  it('refuses to overwrite the input', async () => {
    const input = path.join(dir, 'buku.xlsx');
    await fs.copyFile(path.join(FIXTURES, 'semboro-bersih.xlsx'), input);
    const r = await run([input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toMatch(/sama dengan berkas masukan; berkas masukan tidak pernah ditimpa/);
  });

  it.each([
    ['{"predikat":5}', 'Galat: Pengaturan “predikat” harus berupa daftar 1 sampai 10 predikat [{ "nama": …, "min": … }].'],
    ['{"efisiensi":"Berjenjang"}', 'Galat: Pengaturan “efisiensi” harus “sederhana” atau “berjenjang”, bukan “Berjenjang”.'],
    ['{"kolom":{"DPA 2024":{"kolom":{"Realisasi":"C"}}}}', expect.stringMatching(/^Galat: Pengaturan “kolom\.DPA 2024\.kolom\.Realisasi” bukan peran kolom yang dikenal; /)],
    ['{"kolom":{"DPA 2024":{"barisJudul":99}}}', expect.stringMatching(/^Galat: Pengaturan “kolom\.DPA 2024\.barisJudul” menunjuk baris 99, yang tidak berisi judul kolom/)],
    ['{"batasCapaian":100,}', 'Galat: Berkas pengaturan “p.json” tidak dapat dibaca sebagai JSON.'],
    ['[1]', 'Galat: Berkas pengaturan “p.json” harus berisi satu objek JSON { … }.'],
  ])('refuses --pengaturan %s with exit 2, naming the field, and writes nothing', async (settings, message) => {
    const file = path.join(dir, 'p.json');
    await fs.writeFile(file, settings);
    const json = path.join(dir, 'tidak-ditulis.json');
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const r = await run([path.join(FIXTURES, 'semboro-bersih.xlsx'), '--pengaturan', 'p.json', '--json', json]);
      expect(r.code).toBe(2);
      expect(r.err.at(-1)).toEqual(message);
    } finally {
      process.chdir(previous);
    }
    await expect(fs.access(json)).rejects.toThrow();
  });

  it('names every field of --pengaturan that cannot be used, each on its own line', async () => {
    const file = path.join(dir, 'p.json');
    await fs.writeFile(file, '{"batasCapaian":"abc","efisiensi":"Berjenjang"}');
    const r = await run([path.join(FIXTURES, 'semboro-bersih.xlsx'), '--pengaturan', file]);
    expect([r.code, ...r.err.slice(-2).map((l) => l.slice(0, 40))]).toEqual([2, 'Galat: Pengaturan “batasCapaian” harus b', 'Galat: Pengaturan “efisiensi” harus “sed']);
  });

  const semboro = path.join(FIXTURES, 'semboro-bersih.xlsx');
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it.each([
    ['nesting 100.000 deep', `{"batasCapaian":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'Galat: Pengaturan “batasCapaian” harus berupa angka, bukan daftar [ … ].'],
    ['a value of 100.000 characters', `{"efisiensi":"${'x'.repeat(100_000)}"}`, `Galat: Pengaturan “efisiensi” harus “sederhana” atau “berjenjang”, bukan “${'x'.repeat(59)}…”.`],
    ['a key of 100.000 characters', `{"${'k'.repeat(100_000)}":1}`, expect.stringMatching(new RegExp(`^Galat: Pengaturan “${'k'.repeat(159)}…” tidak dikenal; yang dikenal: `))],
    ['more bytes than a settings file has', `{"batasCapaian":100}${' '.repeat(300_000)}`, 'Galat: Berkas pengaturan “p.json” terlalu besar (lebih dari 256 KB).'],
    [
      'bytes neither UTF-8 nor UTF-16',
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d]),
      'Galat: Berkas pengaturan “p.json” bukan teks UTF-8 atau UTF-16; simpan sebagai UTF-8, lalu coba lagi.',
    ],
    ['a sheet named “__proto__”', '{"kolom":{"__proto__":{"barisJudul":3}}}', 'Galat: Pengaturan “kolom.__proto__” menunjuk lembar “__proto__”, yang tidak ada di buku kerja ini.'],
    [
      'a sheet the workbook does not have',
      '{"kolom":{"DPA 2025":{"barisJudul":4}}}',
      'Galat: Pengaturan “kolom.DPA 2025” menunjuk lembar “DPA 2025”, yang tidak ada di buku kerja ini.',
    ],
  ])('refuses --pengaturan with %s: one sentence', async (_name, contents, message) => {
    const file = path.join(dir, 'p.json');
    await fs.writeFile(file, contents);
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const r = await run([semboro, '--pengaturan', 'p.json']);
      expect({ code: r.code, last: r.err.at(-1) }).toEqual({ code: 2, last: message });
    } finally {
      process.chdir(previous);
    }
  });

  it.each([
    ['missing', async () => path.join(dir, 'tidak-ada.json'), (f: string) => `Galat: Berkas pengaturan “${f}” tidak ditemukan.`],
    ['a folder', async () => dir, (f: string) => `Galat: “${f}” adalah folder, bukan berkas .json.`],
  ])('refuses a settings file that is %s with one sentence', async (_name, make, message) => {
    const file = await make();
    const r = await run([semboro, '--pengaturan', file]);
    expect({ code: r.code, last: r.err.at(-1) }).toEqual({ code: 2, last: message(file) });
  });

  it.each([
    ['with a UTF-8 byte order mark', '\ufeff{"batasCapaian":120}'],
    ['in UTF-16 with a byte order mark (Notepad’s “Unicode”)', utf16('{"batasCapaian":120}')],
    ['in UTF-16 big-endian without one', Buffer.from('{"batasCapaian":120}', 'utf16le').swap16()],
  ])('reads a settings file %s', async (_name, contents) => {
    const file = path.join(dir, 'p.json');
    const json = path.join(dir, 'dibaca.json');
    await fs.writeFile(file, contents);
    expect((await run([semboro, '--pengaturan', file, '--json', json])).code).toBe(0);
    expect(JSON.parse(await fs.readFile(json, 'utf8')).pengaturan.batasCapaian).toBe(120);
  });

  it('rejects an unknown option', async () => {
    const r = await run(['buku.xlsx', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toMatch(/Pilihan “--format” tidak dikenal/);
  });
});

describe('options', () => {
  it('--help prints the Indonesian usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toBe(HELP);
    expect(HELP).toMatch(/^Pemakaian: hitung-capaian <buku.xlsx>/);
  });

  it('--dpa/--realisasi/--kinerja override the detection', async () => {
    const r = await run([path.join(FIXTURES, 'semboro-bersih.xlsx'), '--dpa', 'Realisasi 2024', '--realisasi', 'Realisasi 2024']);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toMatch(/Lembar “Realisasi 2024”: DPA dan realisasi/);
    expect(r.out[0]).toBe('Anggaran Rp 3.894.507.781, realisasi Rp 3.545.596.394, serapan 91,04%');
  });

  it('--pengaturan sets the cap and the efisiensi rule', async () => {
    const dir = await tempDir();
    const settings = path.join(dir, 'p.json');
    await fs.writeFile(settings, JSON.stringify({ batasCapaian: null, efisiensi: 'berjenjang' }));
    const json = path.join(dir, 'h.json');
    expect((await run([path.join(FIXTURES, 'semboro-bersih.xlsx'), '--pengaturan', settings, '--json', json])).code).toBe(0);
    const result = JSON.parse(await fs.readFile(json, 'utf8'));
    // Without the cap the SAKIP indikator's 108,92 counts in full: (500 + 92,857… + 108,918…) / 6.
    expect(result.rataRataCapaian).toBe('100.30');
    expect(result.sasaran.map((s: { efisiensi: string | null }) => s.efisiensi)).toEqual([null, 'Tidak efisien', 'Efisien', 'Efisien', null, 'Efisien']);
    // 100 − 94,53 = 5,47 is just beyond the ±5 band; 92,86 − 99,67 = −6,81 beyond it the other way.
  });
});
