import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Temporary folders that remove themselves: one made inside a test goes after that test, one made
 * in beforeAll after the file's last test. For any test file that imports this module.
 */
const afterThisTest: string[] = [];
const afterThisFile: string[] = [];

let inTest = false;
beforeEach(() => {
  inTest = true;
});
afterEach(async () => {
  inTest = false;
  await removeAll(afterThisTest);
});
afterAll(() => removeAll(afterThisFile));

async function removeAll(dirs: string[]): Promise<void> {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
}

export async function temporaryFolder(prefix = 'hc-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  (inTest ? afterThisTest : afterThisFile).push(dir);
  return dir;
}
