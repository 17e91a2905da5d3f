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

/**
 * Fails at once, saying what to install, where a program the browser and LibreOffice tests need
 * (`npm run test:e2e`; `.ci/run` installs them) is missing.
 */
export function requireProgram(program: string, debianPackage: string): void {
  if (spawnSync(program, ['--version'], { stdio: 'ignore' }).error) {
    throw new Error(`${program} tidak terpasang; pasang dengan: apt-get install --no-install-recommends ${debianPackage}`);
  }
}
