import { spawnSync } from 'child_process';
import * as path from 'path';

/** The repository, from dist-bench/bench where the benches run. */
export const root = path.join(__dirname, '..', '..');

/** The command line as built (npm run build:cli). */
export const CLI = path.join(root, 'dist', 'cli', 'main.js');

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface Timed {
  seconds: number;
  peakMb: number;
}

/** A Node script run in a process of its own: its wall time and peak resident memory (bench/report-rss.js). */
export function timed(args: string[]): Timed {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', path.join(root, 'bench', 'report-rss.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return { seconds, peakMb: Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024 };
}
