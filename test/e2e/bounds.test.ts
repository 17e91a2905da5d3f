import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { Cell, declareSize, FIXTURES, rowsXml, SMALL_DPA, tempDir, writePackage } from '../helpers';
import { bigWorkbook } from '../support/big-workbook';
import { CLI_ENV, compileCli, ProcessRun, runCliProcess } from '../support/cli-process';
import { CAN_MAKE_FIFO, itWithFifo, makeFifo } from '../support/programs';
import { LISTED_PER_KIND } from '../../src/core/findings';
import { ResultJson } from '../../src/core/report/result-json';

/**
 * Time and memory are bounded by the data, not by what the package claims: each hostile input,
 * generated here and small on disk, ends with exit 0 or 2 within 30 s and under 1 GB, measured in
 * a process of its own. HC_BOUNDS=1 prints the measurements.
 */

const SECONDS = 30;
const MEGABYTES = 1024;

const dpaRows = (n: number) => rowsXml(bigWorkbook(n).sheets[0].values as (string | number | null)[][]);

/** The package again with its parts STORED (not deflated) and its first sheet listed `times` more under other names. */
async function storedListedAgain(file: string, times: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const more = Array.from({ length: times }, (_, i) => `<sheet name="S${i}" sheetId="${i + 2}" r:id="rId1"/>`).join('');
  zip.file('xl/workbook.xml', workbook.replace('</sheets>', `${more}</sheets>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
const stray = (rowNumber: number, ref: string) => `<row r="${rowNumber}"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row>`;

const LONG_SPACES = `1${' '.repeat(32_765)}x`;
/** A styles part whose one custom number format is `n` “[”; `formatted` gives every number cell that style. */
const bracketStyles = (n: number) =>
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(n)}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>`;
const formatted = (xml: string) => xml.replace(/<c r="([A-Z]+\d+)"><v>/g, '<c r="$1" s="1"><v>');

let main: string;
beforeAll(async () => {
  main = await compileCli();
}, 120_000);
afterAll(async () => {
  await fs.rm(path.dirname(path.dirname(main)), { recursive: true, force: true });
});

describe('bounded by the data', () => {
  let dir: string;
  const measured: [string, ProcessRun][] = [];
  beforeAll(async () => {
    dir = await tempDir();
  });

  const file = (name: string) => path.join(dir, name);
  const sheet = async (name: string, body: string) => writePackage(file(name), { sheets: [{ name: 'DPA', body }] });
  /** A small workbook with `count` more entries, stored: `${prefix}1.xml` … */
  const withEntries = async (name: string, count: number, prefix: string) => {
    const f = await sheet(name, `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>`);
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    for (let i = 1; i <= count; i++) zip.file(`${prefix}${i}.xml`, '<a/>', { createFolders: false });
    await fs.writeFile(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    return f;
  };

  const cases: [string, () => Promise<string>, number, RegExp | null, string[]?][] = [
    [
      '50.000 rekening rows and one stray cell at XFD1',
      () => sheet('xfd1.xlsx', `<sheetData>${dpaRows(50_000).replace('</row>', '<c r="XFD1"><v>1</v></c></row>')}</sheetData>`),
      0,
      null,
    ],
    ['5.000 rows and a cell at XFD1', () => sheet('xfd1-kecil.xlsx', `<sheetData>${dpaRows(5_000).replace('</row>', '<c r="XFD1"><v>1</v></c></row>')}</sheetData>`), 0, null],
    [
      'a used range reaching XFD1048576',
      () => sheet('xfd1048576.xlsx', `<dimension ref="A1:XFD1048576"/><sheetData>${rowsXml(SMALL_DPA)}${stray(1_048_576, 'XFD1048576')}</sheetData>`),
      0,
      null,
    ],
    [
      'a million empty formatted rows after the table',
      () =>
        sheet(
          'sejuta-baris.xlsx',
          `<sheetData>${rowsXml(SMALL_DPA)}${Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 5}" s="1" customFormat="1" ht="15" customHeight="1"/>`).join('')}</sheetData>`,
        ),
      0,
      null,
    ],
    [
      'a cell at row 99.999.999, beyond Excel',
      () => sheet('baris-99999999.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${stray(99_999_999, 'A99999999')}</sheetData>`),
      2,
      /sel A99999999 di luar batas Excel/,
    ],
    ['a cell in column XFE, beyond Excel', () => sheet('kolom-xfe.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${stray(5, 'XFE5')}</sheetData>`), 2, /sel XFE5 di luar batas Excel/],
    [
      '50.000 two-cell merges',
      () =>
        sheet(
          'gabungan.xlsx',
          `<sheetData>${dpaRows(50_000)}</sheetData><mergeCells count="50000">${Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="E${i + 2}:F${i + 2}"/>`).join('')}</mergeCells>`,
        ),
      0,
      null,
    ],
    [
      'merges covering the whole sheet with a stray cell at the far corner',
      () =>
        sheet(
          'gabungan-luas.xlsx',
          `<sheetData>${rowsXml(SMALL_DPA)}${stray(1_048_576, 'XFD1048576')}</sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>`,
        ),
      2,
      /sel gabungan yang terlalu luas/,
    ],
    [
      'a zip bomb: a sheet declaring 2 GB',
      async () => {
        const f = await sheet('bom.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>`);
        await fs.writeFile(f, declareSize(await fs.readFile(f), 'xl/worksheets/sheet1.xml', 2 ** 31));
        return f;
      },
      2,
      /terlalu besar setelah dibuka: bagian-bagian yang dibaca melebihi 256 MB \(sampai bagian xl\/worksheets\/sheet1.xml, 2048 MB\)/,
    ],
    [
      'a zip bomb lying about its size: inflating stops at the size declared',
      async () => {
        const f = await sheet('bom-bohong.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${'<row/>'.repeat(2_000_000)}</sheetData>`);
        await fs.writeFile(f, declareSize(await fs.readFile(f), 'xl/worksheets/sheet1.xml', 1000));
        return f;
      },
      2,
      /rusak: bagian xl\/worksheets\/sheet1.xml tidak dapat dibaca/,
    ],
    [
      'parts that together would expand past the limit',
      async () => {
        const f = await writePackage(file('bom-jumlah.xlsx'), {
          sheets: [
            { name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` },
            { name: 'Lain', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` },
          ],
        });
        let bytes = declareSize(await fs.readFile(f), 'xl/worksheets/sheet1.xml', 200 * 2 ** 20);
        bytes = declareSize(bytes, 'xl/worksheets/sheet2.xml', 200 * 2 ** 20);
        await fs.writeFile(f, bytes);
        return f;
      },
      2,
      /terlalu besar setelah dibuka: bagian-bagian yang dibaca melebihi 256 MB \(sampai bagian xl\/worksheets\/sheet2.xml/,
    ],
    [
      'a stored sheet of 20 MB declaring 100 bytes, listed 500 times: what is read is what is charged',
      async () => {
        const f = await sheet('simpan-bohong.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${'<row r="9"/>'.repeat(1_700_000)}</sheetData>`);
        await fs.writeFile(f, declareSize(await storedListedAgain(f, 500), 'xl/worksheets/sheet1.xml', 100));
        return f;
      },
      2,
      /rusak: bagian xl\/worksheets\/sheet1.xml tidak dapat dibaca/,
    ],
    [
      'one sheet part listed as 100.000 sheets',
      async () => {
        const f = await sheet('lembar-banyak.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>`);
        await fs.writeFile(f, await storedListedAgain(f, 100_000));
        return f;
      },
      2,
      /berisi 100\.001 lembar, lebih dari 1\.000; buku kerja sebesar itu tidak dibaca/,
    ],
    [
      '1.000 sheets, the most read',
      () =>
        writePackage(file('seribu-lembar.xlsx'), { sheets: Array.from({ length: 1_000 }, (_, i) => ({ name: `DPA ${i}`, body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` })) }),
      0,
      null,
    ],
    [
      'a cell of 40 million characters, beyond Excel: read cut to 32.767',
      () => sheet('teks-panjang.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${rowsXml([['7.01.01.2.03', 'é'.repeat(40_000_000), 1]], 5)}</sheetData>`),
      0,
      null,
    ],
    [
      'a target of “1”, 32.765 spaces and “x”, the longest cell (the range pattern once went quadratic on it)',
      () =>
        writePackage(file('target-spasi.xlsx'), {
          sheets: [
            { name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` },
            {
              name: 'Kinerja',
              body: `<sheetData>${rowsXml([
                ['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program'],
                ['Sasaran A', 'Indeks A', LONG_SPACES, 85, '7.01.01'],
              ])}</sheetData>`,
            },
          ],
        }),
      0,
      null,
    ],
    [
      'a % cell of “1”, 32.765 spaces and “x”, the longest cell (parsePercent and its decimals)',
      () => sheet('persen-spasi.xlsx', `<sheetData>${rowsXml([[...SMALL_DPA[0], '%'], [...SMALL_DPA[1], LONG_SPACES], ...SMALL_DPA.slice(2)])}</sheetData>`),
      0,
      null,
    ],
    [
      'a number format of 500.000 “[” on an amount',
      () =>
        writePackage(file('format-kurung.xlsx'), { sheets: [{ name: 'DPA', body: `<sheetData>${formatted(rowsXml(SMALL_DPA))}</sheetData>` }], styles: bracketStyles(500_000) }),
      0,
      null,
    ],
    [
      'a 1904 workbook with 1.000 amounts in a format of 20.000 “[” (the format read once)',
      () =>
        writePackage(file('format-1904.xlsx'), {
          sheets: [{ name: 'DPA', body: `<sheetData>${formatted(rowsXml(bigWorkbook(1_000).sheets[0].values as (string | number | null)[][]))}</sheetData>` }],
          styles: bracketStyles(20_000),
          workbookPr: 'date1904="1"',
        }),
      0,
      null,
    ],
    [
      '399 × 399 rows without codes named by 4.000 words each (the similarity fallback)',
      () => {
        const name = (side: string, i: number) => `Kegiatan ${side}${i} ${Array.from({ length: 4000 }, (_, k) => `k${side}${(i * 7919 + k) % 50_000}`).join(' ')}`;
        const rows = (side: string, head: string) => rowsXml([['Uraian', head], ...Array.from({ length: 399 }, (_, i) => [name(side, i), 1000])]);
        return writePackage(file('mirip.xlsx'), {
          sheets: [
            { name: 'DPA', body: `<sheetData>${rows('a', 'Anggaran')}</sheetData>` },
            { name: 'Realisasi', body: `<sheetData>${rows('b', 'Realisasi s.d. Bulan Ini')}</sheetData>` },
          ],
        });
      },
      0,
      null,
    ],
    [
      '20.000 sub kegiatan and 10.000 supporting names that are not in the DPA',
      () => {
        const dpa: Cell[][] = [['Kode', 'Uraian', 'Anggaran']];
        for (let k = 1; k <= 50; k++) {
          const kegiatan = `7.01.01.2.${String(k).padStart(2, '0')}`;
          dpa.push([kegiatan, `Kegiatan ${k}`, 400]);
          for (let s = 1; s <= 400; s++) dpa.push([`${kegiatan}.${String(s).padStart(4, '0')}`, `Sub kegiatan layanan ${k} ${s}`, 1]);
        }
        const kinerja: Cell[][] = [['Sasaran', 'Indikator', 'Target', 'Realisasi', 'Program Pendukung']];
        for (let i = 1; i <= 1000; i++)
          kinerja.push([`Sasaran ${i}`, `Indikator ${i}`, 90, 80, Array.from({ length: 10 }, (_, j) => `layanan sub kegiatan lain ${i} ${j}`).join('; ')]);
        return writePackage(file('pendukung-nama.xlsx'), {
          sheets: [
            { name: 'DPA', body: `<sheetData>${rowsXml(dpa)}</sheetData>` },
            { name: 'Kinerja', body: `<sheetData>${rowsXml(kinerja)}</sheetData>` },
          ],
        });
      },
      0,
      null,
    ],
    ['/dev/zero as input', async () => '/dev/zero', 2, /bukan berkas biasa/],
    [
      'a FIFO as input',
      async () => {
        return makeFifo(file('antrian.xlsx'));
      },
      2,
      /bukan berkas biasa/,
    ],
    [
      '70.000 zip entries: refused before the zip is opened',
      () => withEntries('bagian-banyak.xlsx', 70_000, 'x/'),
      2,
      /“bagian-banyak\.xlsx” berisi lebih dari 65\.535 bagian; buku kerja sebesar itu tidak dibaca/,
      ['--json', 'JSON'],
    ],
    [
      '65.520 custom XML parts: read, and the copy refused (no ZIP64 directory)',
      () => withEntries('custom-xml.xlsx', 65_520, 'customXml/item'),
      2,
      /berisi lebih dari 65\.535 bagian; salinan dengan lembar hasil tidak dapat ditulis utuh/,
      ['--json', 'JSON'],
    ],
  ];

  it.each(cases.filter(([name]) => CAN_MAKE_FIFO || !name.includes('FIFO')))(
    '%s',
    async (name, make, code, message, extra = []) => {
      const input = await make();
      const out = file(`hasil-${measured.length}.xlsx`);
      const args = [input, '-o', out, ...extra.map((a) => (a === 'JSON' ? file(`hasil-${measured.length}.json`) : a))];
      const run = await runCliProcess(main, args, { limitSeconds: SECONDS * 2 });
      measured.push([name, run]);
      expect({ code: run.code, internal: /Galat internal/.test(run.stderr) }).toEqual({ code, internal: false });
      if (message) expect(run.stderr.split('\n').filter((l) => l.startsWith('Galat'))).toEqual([expect.stringMatching(message)]);
      expect(run.seconds).toBeLessThan(SECONDS);
      expect(run.peakMb).toBeLessThan(MEGABYTES);
      if (code === 2) await expect(fs.readdir(dir)).resolves.not.toContain(path.basename(out));
    },
    120_000,
  );

  it('200.000 rekening rows whose two amounts are #REF!: the findings listed within their bounds, all counted', async () => {
    const t = (x: string) => `<c t="inlineStr"><is><t>${x}</t></is></c>`;
    const bad = Array.from({ length: 200_000 }, (_, i) => `<row>${t(`5.1.02.01.01.${i}`)}${t('Belanja')}<c t="e"><v>#REF!</v></c><c t="e"><v>#N/A</v></c></row>`);
    const input = await sheet('temuan-banjir.xlsx', `<sheetData>${rowsXml(SMALL_DPA)}${bad.join('')}</sheetData>`);
    const json = file('temuan-banjir.json');
    const run = await runCliProcess(main, [input, '-o', file('temuan-banjir-hasil.xlsx'), '--json', json], { limitSeconds: SECONDS * 2 });
    measured.push(['200.000 rows of #REF! (400.000 nilai findings)', run]);
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(SECONDS);
    expect(run.peakMb).toBeLessThan(MEGABYTES);
    const temuan = (JSON.parse(await fs.readFile(json, 'utf8')) as ResultJson).temuan;
    const nilai = temuan.filter((f) => f.jenis === 'nilai');
    expect(nilai.length).toBe(LISTED_PER_KIND + 1);
    expect(nilai[LISTED_PER_KIND]).toMatchObject({ tingkat: 'galat', lembar: 'DPA', sel: 'C255', tidakDicantumkan: 400_000 - LISTED_PER_KIND });
    expect(nilai[LISTED_PER_KIND].pesan).toMatch(
      /^399\.500 temuan lain “Nilai yang tidak terbaca” di lembar “DPA” tidak dicantumkan .* yang pertama di DPA!C255\. 500 yang tercantum mulai di DPA!C5\./,
    );
    expect(run.stdout).toMatch(/^Temuan: 400\.\d{3} galat/m);
  }, 120_000);

  afterAll(async () => {
    if (process.env.HC_BOUNDS) for (const [name, r] of measured) console.log(`${name}: exit ${r.code}, ${r.seconds.toFixed(2)} s, ${Math.round(r.peakMb)} MB`);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('outputs that need a process of their own', () => {
  const input = path.join(FIXTURES, 'semboro-bersih.xlsx');

  it('writes into /dev/stdout, whatever stdout is', async () => {
    const r = await runCliProcess(main, [input, '--json', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))).anggaran.anggaran).toBe('3894507781');
  });

  (CAN_MAKE_FIFO ? it.each : it.skip.each)(['SIGINT', 'SIGTERM'] as const)(
    'interrupted by %s while writing, leaves no temporary file behind',
    async (signal) => {
      const dir = await tempDir();
      // The JSON goes to its temporary file; then opening the FIFO, which no one reads, waits.
      const fifo = makeFifo(path.join(dir, 'antrian.html'));
      const child = spawn(process.execPath, [main, input, '--json', path.join(dir, 'hasil.json'), '--html', fifo], { stdio: 'ignore', env: CLI_ENV });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, s) => resolve(s)));
      const deadline = Date.now() + SECONDS * 1000;
      while (!(await fs.readdir(dir)).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(await fs.readdir(dir)).toEqual(['antrian.html']);
      await fs.rm(dir, { recursive: true, force: true });
    },
    60_000,
  );

  it('exits quietly when its output is cut short (| head -1), and still writes its files', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'hasil.xlsx');
    // Its standard output a pipe whose reader has gone before the first line, as `| true` leaves it.
    const child = spawn(process.execPath, [main, input, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'], env: CLI_ENV });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
    await expect(fs.access(out)).resolves.toBeUndefined();
    await fs.rm(dir, { recursive: true, force: true });
  }, 60_000);

  itWithFifo('refuses /dev/zero or a FIFO as the settings file at once, without opening it', async () => {
    const dir = await tempDir();
    const fifo = makeFifo(path.join(dir, 'pengaturan.json'));
    for (const settings of ['/dev/zero', fifo]) {
      const r = await runCliProcess(main, [input, '--pengaturan', settings], { limitSeconds: SECONDS });
      expect({ code: r.code, galat: r.stderr.split('\n').filter((l) => l.startsWith('Galat')) }).toEqual({
        code: 2,
        galat: [`Galat: “${settings}” bukan berkas biasa (melainkan perangkat, FIFO atau soket); sebutkan berkas .json.`],
      });
      expect(r.peakMb).toBeLessThan(MEGABYTES);
    }
    await fs.rm(dir, { recursive: true, force: true });
  });
});
