import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { FIXTURES, tempDir } from '../helpers';
import { CLI_ENV, compileCli, runCliProcess } from '../support/cli-process';

/**
 * What a clerk is told about a file they may not read or a folder they may not write in: the CLI run
 * as the user nobody, which root's permissions would not stop. Where nobody cannot reach the
 * project's packages (cloned under /root or a private folder), the tests are skipped, saying so.
 */

const NOBODY = { uid: 65534, gid: 65534 };
const input = path.join(FIXTURES, 'semboro-bersih.xlsx');

/** Why nobody cannot run the CLI here, or null when it can. */
function unreachable(): string | null {
  if (process.getuid?.() !== 0) return 'only root can run a process as nobody';
  const packages = CLI_ENV.NODE_PATH!;
  const probe = spawnSync(process.execPath, ['-e', `require.resolve('jszip'); require('fs').accessSync(${JSON.stringify(path.join(packages, '..', 'bench', 'report-rss.js'))})`], {
    env: CLI_ENV,
    ...NOBODY,
  });
  return probe.status === 0 ? null : `nobody cannot reach ${path.dirname(packages)}: clone the repository where other users may read it to run these`;
}

const why = unreachable();
const asNobody = why === null ? it : it.skip;

describe(`files a clerk may not read or write (run as nobody)${why === null ? '' : ` — skipped: ${why}`}`, () => {
  let main: string;
  beforeAll(async () => {
    if (why === null) main = await compileCli();
  }, 120_000);
  afterAll(async () => {
    if (main) await fs.rm(path.dirname(path.dirname(main)), { recursive: true, force: true });
  });

  asNobody('names a workbook and a settings file it may not read (run as nobody)', async () => {
    const dir = await tempDir();
    await fs.chmod(dir, 0o755);
    const secret = path.join(dir, 'rahasia.xlsx');
    const settings = path.join(dir, 'pengaturan.json');
    await fs.copyFile(input, secret);
    await fs.writeFile(settings, '{}');
    await fs.chmod(secret, 0o600);
    await fs.chmod(settings, 0o600);
    const galat = async (args: string[]) => (await runCliProcess(main, args, NOBODY)).stderr.split('\n').filter((l) => l.startsWith('Galat'));
    expect(await galat([secret])).toEqual([`Galat: Berkas “${secret}” tidak dapat dibaca: tidak ada izin membacanya.`]);
    expect(await galat([input, '--pengaturan', settings])).toEqual([`Galat: Berkas pengaturan “${settings}” tidak dapat dibaca: tidak ada izin membacanya.`]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  asNobody('names a folder it may not write in (run as nobody)', async () => {
    const dir = await tempDir();
    await fs.chmod(dir, 0o755);
    const readable = path.join(dir, 'buku.xlsx');
    await fs.copyFile(input, readable);
    await fs.chmod(readable, 0o644);
    const r = await runCliProcess(main, [readable, '--json', path.join(dir, 'hasil.json')], NOBODY);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('Galat'))).toEqual([
      `Galat: Berkas hasil “${path.join(dir, 'hasil.json')}” tidak dapat ditulis: tidak ada izin menulis di sana.`,
    ]);
    expect(await fs.readdir(dir)).toEqual(['buku.xlsx']);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
