/**
 * npm run bench:rekap: the two speed targets of the recap's issue, each measured side by side in one
 * run, in fresh processes, interleaved, medians of RUNS (default 5):
 * - a run of the command line without outputs (read and compute) on the bench's workbook of
 *   REKENING rekening rows (default 50.000), against SheetJS's read of the same file alone
 *   (bench/sheetjs-read.js); target ≤ 0,5;
 * - `hitung-capaian rekap` of BOOKS books (default 14, from 2.000 rekening up) with --json, against
 *   the same books run one after another (`hitung-capaian BUKU --json`); target ≤ 0,6.
 * Peak memory of a recap of MANY books (default 50) is measured once: target under 1 GB.
 * Prints the machine and its load, which on a shared machine moves every figure.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeBigWorkbook } from '../test/support/big-workbook';
import { CLI, median, root, timed } from './measure';

const REKENING = Number(process.env.REKENING ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 5);
const BOOKS = Number(process.env.BOOKS ?? 14);
const MANY = Number(process.env.MANY ?? 50);

/** One after another: the total of the runs. */
function oneByOne(books: string[], dir: string): number {
  return books.reduce((total, book, i) => total + timed([CLI, book, '--json', path.join(dir, `satu-${i}.json`)]).seconds, 0);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hc-bench-rekap-'));
  const load = () => os.loadavg()[0].toFixed(1);
  console.log(`Mesin: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; beban awal ${load()}`);

  const input = path.join(dir, 'besar.xlsx');
  const rows = await writeBigWorkbook(input, REKENING);
  console.log(`Buku uji: ${REKENING} rekening per lembar, ${rows} baris, ${((await fs.stat(input)).size / 1e6).toFixed(1)} MB; ${RUNS} kali.`);
  const ours: number[] = [];
  const sheetjs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timed([CLI, input]).seconds);
    sheetjs.push(timed([path.join(root, 'bench', 'sheetjs-read.js'), input]).seconds);
  }

  const folder = path.join(dir, 'opd');
  await fs.mkdir(folder);
  const books: string[] = [];
  for (let i = 0; i < BOOKS; i++) {
    const book = path.join(folder, `opd-${String(i + 1).padStart(2, '0')}.xlsx`);
    await writeBigWorkbook(book, 2000 * (i + 1));
    books.push(book);
  }
  const recap: number[] = [];
  const sequential: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    recap.push(timed([CLI, 'rekap', folder, '--json', path.join(dir, 'rekap.json')]).seconds);
    sequential.push(oneByOne(books, dir));
  }

  const many = path.join(dir, 'banyak');
  await fs.mkdir(many);
  for (let i = 0; i < MANY; i++) await fs.copyFile(books[i % books.length], path.join(many, `opd-${String(i + 1).padStart(2, '0')}.xlsx`));
  const manyRun = timed([CLI, 'rekap', many, '-o', path.join(dir, 'banyak.xlsx'), '--docx', path.join(dir, 'banyak.docx'), '--json', path.join(dir, 'banyak.json')]);

  const s = (x: number) => x.toFixed(2);
  console.table({
    'baca + hitung, baris perintah (s)': s(median(ours)),
    'SheetJS baca saja (s)': s(median(sheetjs)),
    'baca + hitung ÷ SheetJS': s(median(ours) / median(sheetjs)),
    [`rekap ${BOOKS} buku (s)`]: s(median(recap)),
    [`${BOOKS} buku satu per satu (s)`]: s(median(sequential)),
    'rekap ÷ satu per satu': s(median(recap) / median(sequential)),
    [`rekap ${MANY} buku dengan -o --docx --json: waktu (s) / memori puncak (MB)`]: `${s(manyRun.seconds)} / ${Math.round(manyRun.peakMb)}`,
  });
  console.log(`Beban akhir ${load()}`);
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
