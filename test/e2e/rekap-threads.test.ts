import { promises as fs } from 'fs';
import * as path from 'path';
import { RekapJson } from '../../src/core/rekap/rekap';
import { runQuiet, tempDir } from '../helpers';
import { runCliProcess, transpileCli } from '../support/cli-process';
import { rekapFolder } from '../support/rekap-books';

/** The recap as built, in worker threads: the same recap as one book after another in one thread. */

describe('hitung-capaian rekap in worker threads', () => {
  let main: string;
  beforeAll(async () => {
    main = await transpileCli();
  }, 60_000);

  it('gives the same recap as one book after another, each book read by a worker, progress on stderr and the JSON alone on stdout', async () => {
    const folder = await rekapFolder(await tempDir());
    const out = await tempDir();
    const threads = await runCliProcess(main, ['rekap', folder.dir, '--paralel', '3', '--json', '-', '-o', path.join(out, 'rekap.xlsx')]);
    expect(threads.code).toBe(0);
    expect(threads.stderr).toContain('Merekap 10 buku, 3 sekaligus…');
    expect(threads.stderr.split('\n').filter((l) => /^Buku \d+ dari 10: /.test(l))).toHaveLength(10);
    const json = JSON.parse(threads.stdout) as RekapJson;
    const one = await runQuiet(['rekap', folder.dir, '--paralel', '1', '--json', path.join(out, 'satu.json')]);
    expect(one.code).toBe(0);
    expect(json).toEqual(JSON.parse(await fs.readFile(path.join(out, 'satu.json'), 'utf8')));
  }, 120_000);
});
