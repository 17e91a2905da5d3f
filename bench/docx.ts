/**
 * npm run bench:docx: what the Word document adds to a run of the command line. A workbook of SUB
 * sub kegiatan (default 6.000 and 60.000; test/support/report-workbook.ts) is computed RUNS times
 * (default 3) with `--json`, and as often with `--docx` besides, each run in a process of its own;
 * medians of the time and of the peak resident memory. Then the browser page (the release build in
 * dist-web/, opened from the disk in Chromium) on the same workbook, once: from the click on the
 * .docx button to the download, and the longest main-thread task meanwhile.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, measuredDocx, measuredRun, watchLongTasks } from '../test/support/peramban-run';
import { writeReportWorkbook } from '../test/support/report-workbook';
import { CLI, median, root, timed } from './measure';

const SIZES = (process.env.SUB ?? '6000,60000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hc-bench-docx-'));
  const rows: Record<string, string>[] = [];
  for (const sub of SIZES) {
    const input = path.join(dir, `buku-${sub}.xlsx`);
    await writeReportWorkbook(input, sub);
    const common = [input, '--json', path.join(dir, 'hasil.json')];
    const without: { seconds: number; peakMb: number }[] = [];
    const withDocx: { seconds: number; peakMb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(timed([CLI, ...common]));
      withDocx.push(timed([CLI, ...common, '--docx', path.join(dir, 'tabel.docx')]));
    }
    const t0 = median(without.map((r) => r.seconds));
    const t1 = median(withDocx.map((r) => r.seconds));
    const m0 = median(without.map((r) => r.peakMb));
    const m1 = median(withDocx.map((r) => r.peakMb));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    let page: Awaited<ReturnType<typeof measuredDocx>>;
    try {
      const tab = await browser.newPage();
      await watchLongTasks(tab);
      await tab.goto(pathToFileURL(path.join(root, 'dist-web', 'peramban.html')).href);
      await measuredRun(tab, input);
      page = await measuredDocx(tab, /\(\.docx\)$/);
    } finally {
      await browser.close();
    }
    rows.push({
      'sub kegiatan': sub.toLocaleString('id-ID'),
      'tanpa --docx (s)': t0.toFixed(2),
      'dengan --docx (s)': t1.toFixed(2),
      'tambahan ÷ tanpa': ((t1 - t0) / t0).toFixed(2),
      'memori tanpa / dengan (MB)': `${Math.round(m0)} / ${Math.round(m1)}`,
      'memori dengan ÷ tanpa': (m1 / m0).toFixed(2),
      '.docx (KB)': String(Math.round((await fs.stat(path.join(dir, 'tabel.docx'))).size / 1024)),
      'halaman: .docx (s)': page.seconds.toFixed(2),
      'halaman: tugas utas utama terpanjang (ms)': String(page.longestTaskMs),
    });
  }
  console.table(rows);
  console.log(`Mesin: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ${RUNS} kali.`);
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
