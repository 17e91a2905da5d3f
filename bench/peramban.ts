/**
 * npm run bench:peramban: the page without the add-in (the release build in dist-web/, opened from the
 * disk) against the command line on the bench's workbook of REKENING rekening rows (default 50.000),
 * medians of RUNS runs (default 5): the page from the file set to the summary shown, reading and
 * computing in its worker and writing the copy; the CLI with -o, as `npm run bench` times it; and the
 * longest main-thread task of the page over all runs (PerformanceObserver 'longtask').
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium } from 'playwright-core';
import { writeBigWorkbook } from '../test/support/big-workbook';
import { CHROMIUM, CHROMIUM_ARGS, measuredRun, watchLongTasks } from '../test/support/peramban-run';
import { CLI, median, root } from './measure';

const REKENING = Number(process.env.REKENING ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 5);

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hc-bench-peramban-'));
  const input = path.join(dir, 'besar.xlsx');
  const rows = await writeBigWorkbook(input, REKENING);
  console.log(`Buku uji: ${REKENING} rekening per lembar, ${rows} baris, ${((await fs.stat(input)).size / 1e6).toFixed(1)} MB; ${RUNS} kali.`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page: { open: number; total: number; longest: number }[] = [];
  const cli: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [CLI, input, '-o', path.join(dir, 'hasil.xlsx')], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
      cli.push(Number(process.hrtime.bigint() - start) / 1e9);

      const tab = await browser.newPage();
      await watchLongTasks(tab);
      await tab.goto(pathToFileURL(path.join(root, 'dist-web', 'peramban.html')).href);
      const measured = await measuredRun(tab, input);
      page.push({ open: measured.openSeconds, total: measured.totalSeconds, longest: measured.longestTaskMs });
      await tab.close();
    }
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  const pageS = median(page.map((p) => p.total));
  const cliS = median(cli);
  console.table({
    'Halaman: berkas → ringkasan (s)': pageS.toFixed(2),
    'Halaman: membaca berkas (s)': median(page.map((p) => p.open)).toFixed(2),
    'CLI dengan -o (s)': cliS.toFixed(2),
    'Halaman ÷ CLI': (pageS / cliS).toFixed(2),
    'Tugas utas utama terpanjang (ms)': Math.max(...page.map((p) => p.longest)),
  });
  console.log(`Mesin: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
