import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Writes through a temporary file beside the target, then renames, creating the folder if needed:
 * a failed write never leaves a half-written output behind.
 */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
