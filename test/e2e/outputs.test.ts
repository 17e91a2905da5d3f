import { spawnSync } from 'child_process';
import { createReadStream, existsSync, mkdirSync, promises as fs, rmdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, runQuiet, tempDir } from '../helpers';
import { itWithFifo, makeFifo } from '../support/programs';

/** The outputs of a run are one transaction; every write error is one sentence naming the path. */

const input = path.join(FIXTURES, 'semboro-bersih.xlsx');

/** A read-only and a full file system can be mounted only as root, where permitted. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = path.join(os.tmpdir(), `hc-mount-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmdirSync(probe);
  return ok;
}
const mounts = canMount();

describe('writing the outputs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const at = (...p: string[]) => path.join(dir, ...p);

  /** Exit 2, one sentence naming the path, and nothing of the run left in the folder. */
  async function expectRefused(args: string[], message: RegExp, before: string[] = []): Promise<void> {
    const r = await runQuiet([input, ...args]);
    expect(r.code).toBe(2);
    expect(r.err.filter((l) => l.startsWith('Galat'))).toEqual([expect.stringMatching(message)]);
    expect((await fs.readdir(dir)).sort()).toEqual(before.sort());
  }

  it('leaves none behind when one fails: the JSON and HTML written before the Word document ran out of space', async () => {
    await expectRefused(
      ['--json', at('hasil.json'), '--html', at('tabel.html'), '--docx', '/dev/full'],
      /^Galat: Berkas hasil “\/dev\/full” tidak dapat ditulis: ruang disk penuh\.$/,
    );
  });

  it('names a path too long', async () => {
    const long = at('a'.repeat(300) + '.xlsx');
    await expectRefused(['-o', long], new RegExp(`Berkas hasil “${long}” tidak dapat ditulis: namanya terlalu panjang\\.`));
  });

  it('names a path through a file', async () => {
    await fs.writeFile(at('berkas.txt'), 'x');
    await expectRefused(['--json', at('berkas.txt', 'hasil.json')], /berkas.txt\/hasil.json” tidak dapat ditulis: salah satu bagian jalurnya bukan folder\./, ['berkas.txt']);
  });

  it('names a folder given as output, existing or written as one, before reading the workbook', async () => {
    await fs.mkdir(at('folder'));
    await expectRefused(['--json', at('folder')], /folder” adalah folder; sebutkan nama berkas untuk hasil\./, ['folder']);
    await expectRefused(['-o', at('folder')], /folder” adalah folder; sebutkan nama berkas untuk hasil\./, ['folder']);
    await expectRefused(['--html', at('baru') + '/'], /baru\/” adalah folder; sebutkan nama berkas untuk hasil\./, ['folder']);
  });

  (mounts ? it : it.skip)('names a read-only place and a full disk (mounted here as root)', async () => {
    for (const [options, message] of [
      ['ro,size=64k', /hanya dapat dibaca \(read-only\)/],
      ['size=16k', /ruang disk penuh/],
    ] as const) {
      await fs.mkdir(at('mnt'));
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at('mnt')]).status).toBe(0);
      try {
        await expectRefused(['--json', at('hasil.json'), '-o', at('mnt', 'hasil.xlsx')], message, ['mnt']);
        expect(await fs.readdir(at('mnt'))).toEqual([]);
      } finally {
        spawnSync('umount', [at('mnt')]);
        await fs.rmdir(at('mnt'));
      }
    }
  });

  it('refuses two outputs naming the same file, also through a link, and an output naming the input', async () => {
    await expectRefused(['-o', at('a.xlsx'), '--docx', at('a.xlsx')], /-o dan --docx menunjuk berkas yang sama/);
    await fs.writeFile(at('a.json'), '{}');
    await fs.symlink(at('a.json'), at('tautan.html'));
    await expectRefused(['--json', at('a.json'), '--html', at('tautan.html')], /--json dan --html menunjuk berkas yang sama/, ['a.json', 'tautan.html']);
    await fs.link(input, at('salinan.xlsx'));
    await expectRefused(['-o', at('salinan.xlsx')], /sama dengan berkas masukan/, ['a.json', 'salinan.xlsx', 'tautan.html']);
  });

  it('writes the JSON to stdout with --json -, and the summary to stderr', async () => {
    const r = await runQuiet([input, '--json', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n')).anggaran.anggaran).toBe('3894507781');
    expect(r.err.join('\n')).toMatch(/Anggaran Rp 3\.894\.507\.781/);
  });

  const shm = existsSync('/dev/shm') ? it : it.skip;
  shm('writes a regular file under /dev/shm through the same staging and rename as anywhere: two runs leave one JSON and one zip', async () => {
    const json = `/dev/shm/hc-uji-${process.pid}.json`;
    const xlsx = `/dev/shm/hc-uji-${process.pid}.xlsx`;
    try {
      for (let run = 0; run < 2; run++) expect((await runQuiet([input, '--json', json, '-o', xlsx])).code).toBe(0);
      expect(JSON.parse(await fs.readFile(json, 'utf8')).anggaran.anggaran).toBe('3894507781');
      const again = await runQuiet([xlsx, '--json', at('lagi.json')]);
      expect(again.code).toBe(0);
      expect((await fs.readdir('/dev/shm')).filter((f) => f.includes(`hc-uji-${process.pid}`)).sort()).toEqual([path.basename(json), path.basename(xlsx)]);
    } finally {
      await Promise.all([json, xlsx].map((f) => fs.rm(f, { force: true })));
    }
  });

  (existsSync('/proc/self') ? it : it.skip)('says what is true of a folder that takes no new file (/proc) and of one that cannot be made there', async () => {
    await expectRefused(['-o', '/proc/hasil.xlsx'], /^Galat: Berkas hasil “\/proc\/hasil\.xlsx” tidak dapat ditulis: folder “\/proc” tidak menerima berkas baru\.$/);
    await expectRefused(
      ['--json', '/proc/baru/hasil.json'],
      /^Galat: Berkas hasil “\/proc\/baru\/hasil\.json” tidak dapat ditulis: folder “\/proc\/baru” tidak ada dan tidak dapat dibuat\.$/,
    );
  });

  it('creates a missing folder for an output, as anywhere', async () => {
    const r = await runQuiet([input, '--json', at('baru', 'dalam', 'hasil.json')]);
    expect(r.code).toBe(0);
    expect(await fs.readdir(at('baru', 'dalam'))).toEqual(['hasil.json']);
  });

  itWithFifo('writes into an existing FIFO, which stays a FIFO', async () => {
    const fifo = makeFifo(at('antrian'));
    const reader = createReadStream(fifo);
    let read = '';
    reader.on('data', (d) => (read += d));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    expect((await runQuiet([input, '--json', fifo])).code).toBe(0);
    await closed;
    expect(JSON.parse(read).anggaran.anggaran).toBe('3894507781');
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['antrian']);
  });
});
