/**
 * npm run bench: a DPA and a realisasi sheet of REKENING rekening rows each (default 50.000), and
 * medians of RUNS runs (default 5) of: the CLI against the floor (ExcelJS read + write of the same
 * file), the engine alone (bench/engine-runs.ts) and peak memory. The Office adapter is measured by
 * npm run measure:office (bench/measure-office.ts).
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeBigWorkbook } from '../test/support/big-workbook';
import { CLI, median, root, timed } from './measure';

const REKENING = Number(process.env.REKENING ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 5);

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hc-bench-'));
  const input = path.join(dir, 'besar.xlsx');
  const rows = await writeBigWorkbook(input, REKENING);
  console.log(`Buku uji: ${REKENING} rekening per lembar, ${rows} baris di dua lembar, ${((await fs.stat(input)).size / 1e6).toFixed(1)} MB; ${RUNS} kali.`);

  const cli: { seconds: number; peakMb: number }[] = [];
  const floor: { seconds: number; peakMb: number }[] = [];
  const readOwn: { seconds: number; peakMb: number }[] = [];
  const readExcelJS: { seconds: number; peakMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(timed([path.join(root, 'bench', 'floor.js'), input, path.join(dir, 'floor.xlsx')]));
    cli.push(timed([CLI, input, '-o', path.join(dir, 'hasil.xlsx')]));
    readOwn.push(timed([path.join(root, 'dist-bench', 'bench', 'read.js'), 'xlsx', input]));
    readExcelJS.push(timed([path.join(root, 'dist-bench', 'bench', 'read.js'), 'exceljs', input]));
  }

  // In a process of its own: this one's heap is full of the generated workbook's leftovers.
  const engineRun = spawnSync(process.execPath, [path.join(root, 'dist-bench', 'bench', 'engine-runs.js'), input, String(RUNS)], { encoding: 'utf8' });
  if (engineRun.status !== 0) throw new Error(`engine runs failed: ${engineRun.stderr}`);
  const engine: number[] = JSON.parse(engineRun.stdout).seconds;

  const cliS = median(cli.map((c) => c.seconds));
  const floorS = median(floor.map((c) => c.seconds));
  const figures = {
    'CLI (s)': cliS.toFixed(2),
    'ExcelJS baca+tulis (s)': floorS.toFixed(2),
    'CLI ÷ floor': (cliS / floorS).toFixed(2),
    'Mesin saja (baris/s)': Math.round(rows / median(engine)),
    'Memori puncak CLI (MB)': Math.round(median(cli.map((c) => c.peakMb))),
    'Memori puncak floor (MB)': Math.round(median(floor.map((c) => c.peakMb))),
    'Baca saja: pembaca sendiri / ExcelJS (s)': `${median(readOwn.map((c) => c.seconds)).toFixed(2)} / ${median(readExcelJS.map((c) => c.seconds)).toFixed(2)}`,
    'Baca saja: pembaca sendiri / ExcelJS (MB)': `${Math.round(median(readOwn.map((c) => c.peakMb)))} / ${Math.round(median(readExcelJS.map((c) => c.peakMb)))}`,
  };
  console.table(figures);
  console.log(`Mesin: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
