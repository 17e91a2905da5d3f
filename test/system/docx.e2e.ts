import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { hitung } from '../../src/core/compute/engine';
import { buildReport } from '../../src/core/report/report';
import { FIXTURES, makeXlsx, runQuiet, tempDir } from '../helpers';
import { describeWithPrograms } from '../support/programs';

/**
 * The Word document as LibreOffice lays it out (npm run test:e2e; needs soffice with Writer and
 * pdftotext): no caption is the last line of a page, and the narrative stands beside its tables.
 */

const inputs = ['semboro-bersih.xlsx', 'semboro-tercetak.xlsx'];
/** A kinerja sheet whose earlier years are words in a narrow column (Tabel 3.3): “memuaskan” once broke as “memuaska/n”. */
const WORDS = 'kata.xlsx';

describeWithPrograms(
  [
    ['soffice', 'libreoffice-writer-nogui'],
    ['pdftotext', 'poppler-utils'],
    ['pdfinfo', 'poppler-utils'],
  ],
  'the Word document laid out by LibreOffice',
  () => {
    let dir: string;
    const pages = new Map<string, string[]>();
    /** Every page, blank ones included, and each page's size in points. */
    const raw = new Map<string, { text: string; landscape: boolean }[]>();
    const captions = new Map<string, Set<string>>();

    beforeAll(async () => {
      dir = await tempDir();
      await makeXlsx(dir, WORDS, [
        {
          name: 'IKU',
          rows: [
            ['Sasaran', 'Indikator', 'Target 2024', 'Realisasi 2021', 'Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024'],
            ['Meningkatnya kualitas pelayanan publik', 'Kepuasan masyarakat atas pelayanan kecamatan', 'Baik', 'Kurang memuaskan', 'Cukup memuaskan', 'Sangat memuaskan', 'Baik'],
            [null, 'Indeks Kepuasan Masyarakat', 90, 80, 82, 85, 88],
          ],
        },
      ]);
      const fileOf = (input: string) => (input === WORDS ? path.join(dir, input) : path.join(FIXTURES, input));
      for (const input of [...inputs, WORDS]) {
        const docx = path.join(dir, input.replace('.xlsx', '.docx'));
        expect((await runQuiet([fileOf(input), '--docx', docx])).code).toBe(0);
        const tables = buildReport(hitung(await workbookFromXlsx(fileOf(input)))).tables;
        captions.set(input, new Set(tables.flatMap((t) => [t.caption, ...(t.nomor ? [t.nomor] : [])])));
      }
      const docs = [...inputs, WORDS].map((i) => path.join(dir, i.replace('.xlsx', '.docx')));
      const soffice = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...docs], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(soffice.status).toBe(0);
      for (const input of [...inputs, WORDS]) {
        const text = spawnSync('pdftotext', ['-layout', path.join(dir, input.replace('.xlsx', '.pdf')), '-'], { encoding: 'utf8' });
        expect(text.status).toBe(0);
        pages.set(
          input,
          text.stdout.split('\f').filter((p) => p.trim() !== ''),
        );
        const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', path.join(dir, input.replace('.xlsx', '.pdf'))], { encoding: 'utf8' });
        const sizes = [...info.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
        raw.set(
          input,
          text.stdout.split('\f').map((t, i) => ({ text: t, landscape: sizes[i] ?? false })),
        );
      }
    }, 360_000);

    it.each(inputs)('%s: no page ends with a caption', (input) => {
      const lastLines = pages.get(input)!.map((page) =>
        page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .pop()!,
      );
      expect(pages.get(input)!.length).toBeGreaterThan(5);
      expect(lastLines.filter((l) => captions.get(input)!.has(l))).toEqual([]);
    });

    it.each(inputs)('%s: the narrative follows Tabel 3.2 and precedes Tabel 3.9', (input) => {
      const text = pages.get(input)!.join('\n').replace(/\s+/g, ' ');
      expect(text.indexOf('Tabel 3.2 Pengukuran')).toBeLessThan(text.indexOf('Tabel 3.2 menunjukkan bahwa'));
      expect(text.indexOf('Realisasi belanja tahun 2024 sebesar')).toBeLessThan(text.indexOf('Tabel 3.9 Realisasi Anggaran'));
    });

    /** The lines of a table, from its caption's number to the line `last`, with their pages. */
    const tableLines = (input: string, nomor: string, last: RegExp) => {
      const lines: { line: string; page: number }[] = [];
      let inside = false;
      raw.get(input)!.forEach((p, page) =>
        p.text.split('\n').forEach((line) => {
          if (line.trim() === nomor) inside = true;
          if (inside) lines.push({ line, page });
          if (inside && last.test(line)) inside = false;
        }),
      );
      return lines;
    };

    it.each(inputs)('%s: Tabel 3.9 stands on landscape pages', (input) => {
      const pagesOf = [...new Set(tableLines(input, 'Tabel 3.9', /^\s*JUMLAH\b/).map((l) => l.page))];
      expect(pagesOf.length).toBeGreaterThan(0);
      expect(pagesOf.map((page) => raw.get(input)![page].landscape)).toEqual(pagesOf.map(() => true));
    });

    it.each(inputs)('%s: Tabel 3.8 keeps each sasaran’s rows on one page, down to its rata-rata', (input) => {
      const rows = tableLines(input, 'Tabel 3.8', /^\s*Sumber: Tabel 3\.2/).flatMap(({ line, page }) =>
        /^\s*Sasaran \d+:/.test(line) ? [{ kind: 'sasaran', page }] : /^\s*Rata-rata capaian/.test(line) ? [{ kind: 'rata-rata', page }] : [],
      );
      rows.pop(); // the rata-rata of every indikator, under the last sasaran
      const sasaran = rows.flatMap((r, i) => (r.kind === 'sasaran' ? [[r.page, rows.slice(i).find((x) => x.kind === 'rata-rata')!.page]] : []));
      expect(sasaran.length).toBeGreaterThan(3);
      expect(sasaran.filter(([from, to]) => from !== to)).toEqual([]);
    });

    it('breaks no word: every “memuaskan” of Tabel 3.3 whole on its line', () => {
      const text = pages.get(WORDS)!.join('\n');
      expect(text.match(/memuask\S*/g)).toEqual(['memuaskan', 'memuaskan', 'memuaskan']);
    });

    it.each(inputs)('%s: no word of a table broken across lines', (input) => {
      // A word cut at a column's edge leaves a line ending in letters and the next line's cell starting
      // with the rest; pdftotext keeps each cell's lines apart, so a cut shows as a lone fragment of a known word.
      const text = pages.get(input)!.join('\n');
      for (const word of ['Capaian', 'Realisasi', 'Penyelenggaraan', 'Kesejahteraan']) {
        for (const m of text.matchAll(new RegExp(`\\b${word.slice(0, -2)}\\S*`, 'g'))) expect([word, m[0].startsWith(word)]).toEqual([word, true]);
      }
    });

    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });
  },
);
