import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Programs of the system, which `npm test` must not need. A FIFO is made with the system's mkfifo
 * (Node has no call for it): where there is none, the tests on FIFOs are skipped, not failed.
 */
function fifoSupported(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hc-fifo-'));
  try {
    return spawnSync('mkfifo', [path.join(dir, 'probe')]).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const CAN_MAKE_FIFO = fifoSupported();

/** `it`, where this system can make a FIFO; skipped elsewhere. */
export const itWithFifo = CAN_MAKE_FIFO ? it : it.skip;

export function makeFifo(file: string): string {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file}: ${made.stderr}`);
  return file;
}

/** `program` runs here. */
const installed = (program: string) => !spawnSync(program, ['--version'], { stdio: 'ignore' }).error;

/**
 * `describe` for the tests that need programs of the system (LibreOffice, poppler: `npm run
 * test:e2e`, never `npm test`). Where one is missing they are skipped, saying what to install;
 * `.ci/run`, which installs them, sets HC_REQUIRE_PROGRAMS=1 so that a missing one fails instead.
 */
export function describeWithPrograms(programs: [program: string, debianPackage: string][], name: string, tests: () => void): void {
  const missing = programs.filter(([program]) => !installed(program));
  if (missing.length === 0) return describe(name, tests);
  const install = `${missing.map(([p]) => p).join(', ')} tidak terpasang; pasang dengan: apt-get install --no-install-recommends ${[...new Set(missing.map(([, d]) => d))].join(' ')}`;
  if (process.env.HC_REQUIRE_PROGRAMS === '1') throw new Error(install);
  console.warn(`Dilewati: ${name} (${install}).`);
  describe.skip(name, tests);
}
