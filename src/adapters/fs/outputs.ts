import { existsSync, promises as fs, rmSync } from 'fs';
import * as path from 'path';
import { InputError } from '../../core/errors';

/**
 * Every output of a run as one transaction: each is written to a temporary file beside its target,
 * and only when all are complete are they renamed into place, so a failure leaves none behind. That
 * holds for a regular file anywhere, /dev/shm included. An existing character device or FIFO, and
 * this process's own descriptors (/dev/stderr, /dev/fd/3), are written into, never replaced; `-`
 * and /dev/stdout are standard output.
 */

export const STDOUT = '-';

/** `-` and the names of this process's standard output: written through it (it may be a socket, which cannot be opened). */
export function isStdout(file: string): boolean {
  return file === STDOUT || ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'].includes(path.resolve(file));
}

export interface Output {
  /** The path the user gave, or `-`. */
  path: string;
  /** Writes the whole output into `file`: a new file (flags `w`), or an existing special one (flags `a`). */
  write: (file: string, flags: 'w' | 'a') => Promise<void>;
  /** The output as text, for standard output. */
  text?: () => string;
}

const REASON: Record<string, string> = {
  EACCES: 'tidak ada izin menulis di sana',
  EPERM: 'tidak ada izin menulis di sana',
  EROFS: 'tempatnya hanya dapat dibaca (read-only)',
  ENOSPC: 'ruang disk penuh',
  EDQUOT: 'kuota disk habis',
  ENAMETOOLONG: 'namanya terlalu panjang',
  ENOTDIR: 'salah satu bagian jalurnya bukan folder',
  EISDIR: 'itu adalah folder',
  ELOOP: 'jalurnya berputar lewat tautan simbolik',
  ENXIO: 'perangkat atau soket itu tidak dapat dibuka untuk ditulis',
};

/** Why a file could not be made where its folder says it does not exist: the folder is missing, or it is one that takes no new file (/proc). */
function missing(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return existsSync(dir) ? `folder “${dir}” tidak menerima berkas baru` : `folder “${dir}” tidak ada dan tidak dapat dibuat`;
}

/** One sentence for a write that failed, naming the path; other errors pass unchanged. */
export function writeError(file: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined || e instanceof InputError) return e;
  return new InputError(`Berkas hasil “${file}” tidak dapat ditulis: ${code === 'ENOENT' ? missing(file) : (REASON[code] ?? `galat ${code}`)}.`);
}

/** Same file: the same path, or the same inode reached another way (a link). */
async function identity(file: string): Promise<string> {
  try {
    const s = await fs.stat(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return path.resolve(file);
  }
}

/** Refuses an output naming a folder, two outputs naming the same file, and any output naming the input. */
export async function checkDistinct(input: string, outputs: { flag: string; path: string }[]): Promise<void> {
  const seen = new Map<string, string>();
  seen.set(await identity(input), '');
  seen.set(path.resolve(input), '');
  for (const { flag, path: p } of outputs) {
    if (isStdout(p)) {
      if (flag !== '--json') throw new InputError(`Hanya --json yang dapat ditulis ke keluaran standar ("-"); sebutkan nama berkas untuk ${flag}.`);
      if (seen.has(STDOUT)) throw new InputError('Hanya satu hasil yang dapat ditulis ke keluaran standar ("-").');
      seen.set(STDOUT, flag);
      continue;
    }
    if (/[\\/]$/.test(p) || (await fs.stat(p).catch(() => null))?.isDirectory()) throw new InputError(`“${p}” adalah folder; sebutkan nama berkas untuk hasil.`);
    for (const key of new Set([await identity(p), path.resolve(p)])) {
      const other = seen.get(key);
      if (other === '') throw new InputError(`Berkas hasil “${p}” (${flag}) sama dengan berkas masukan; berkas masukan tidak pernah ditimpa.`);
      if (other !== undefined) throw new InputError(`${other} dan ${flag} menunjuk berkas yang sama (“${p}”); sebutkan berkas yang berbeda.`);
      seen.set(key, flag);
    }
  }
}

interface Staged {
  output: Output;
  /** The file written into: a temporary file, or the special file itself. */
  target: string;
  tmp: string | null;
}

/** This process's descriptors by name: links to what the shell opened (`2> log.txt`, `3> hasil.json`), written into as they are. */
const DESCRIPTOR = /^\/(dev\/(stdin|stdout|stderr|fd\/\d+)|proc\/(self|thread-self|\d+)\/fd\/\d+)$/;

/** Where a path leads through its links; a link to a file not there yet leads to that file. */
async function linkTarget(file: string): Promise<string> {
  if (!(await fs.lstat(file).catch(() => null))?.isSymbolicLink()) return file;
  return fs.realpath(file).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
    return path.resolve(path.dirname(file), await fs.readlink(file));
  });
}

/**
 * Makes the folders missing above an output, one level at a time: a recursive mkdir goes on for ever
 * where a folder cannot be made (/proc/baru), and this says which one.
 */
async function makeFolders(dir: string, file: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    const absent = await fs.stat(d).then(
      () => false,
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
    if (!absent) break;
    missing.unshift(d);
  }
  for (const d of missing) {
    await fs.mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return;
      throw e.code === 'ENOENT' ? new InputError(`Berkas hasil “${file}” tidak dapat ditulis: folder “${d}” tidak ada dan tidak dapat dibuat.`) : e;
    });
  }
}

async function stage(output: Output, n: number): Promise<Staged> {
  if (DESCRIPTOR.test(path.resolve(output.path))) return { output, target: output.path, tmp: null };
  try {
    const target = await linkTarget(output.path);
    const stat = await fs.stat(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (stat && (stat.isCharacterDevice() || stat.isFIFO())) return { output, target, tmp: null };
    if (stat && !stat.isFile()) throw new InputError(`Berkas hasil “${output.path}” bukan berkas biasa, perangkat karakter atau FIFO; sebutkan nama berkas untuk hasil.`);
    const dir = path.dirname(path.resolve(target));
    await makeFolders(dir, output.path);
    return { output, target, tmp: path.join(dir, `.${path.basename(target)}.${process.pid}.${n}.tmp`) };
  } catch (e) {
    throw writeError(output.path, e);
  }
}

/** Signals that end a run from outside: Ctrl+C, kill, a closed terminal. */
const INTERRUPTIONS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Writes all outputs or none; returns only when every one is in place. Interrupted, it removes its temporary files and ends as the signal would. */
export async function writeAll(outputs: Output[], stdout: (text: string) => void): Promise<void> {
  const staged: Staged[] = [];
  const interrupted = (signal: NodeJS.Signals) => {
    for (const s of staged) if (s.tmp) rmSync(s.tmp, { force: true });
    for (const other of INTERRUPTIONS) process.off(other, interrupted);
    process.kill(process.pid, signal);
  };
  for (const signal of INTERRUPTIONS) process.on(signal, interrupted);
  try {
    for (const [n, output] of outputs.entries()) {
      if (isStdout(output.path)) continue;
      const s = await stage(output, n);
      staged.push(s);
      if (s.tmp) await output.write(s.tmp, 'w').catch((e) => Promise.reject(writeError(output.path, e)));
    }
    for (const s of staged) if (!s.tmp) await s.output.write(s.target, 'a').catch((e) => Promise.reject(writeError(s.output.path, e)));
    for (const output of outputs) if (isStdout(output.path)) stdout(output.text!());
    for (const s of staged) {
      if (!s.tmp) continue;
      await fs.rename(s.tmp, s.target).catch((e) => Promise.reject(writeError(s.output.path, e)));
      s.tmp = null;
    }
  } finally {
    for (const signal of INTERRUPTIONS) process.off(signal, interrupted);
    await Promise.all(staged.map((s) => (s.tmp ? fs.rm(s.tmp, { force: true }) : undefined)));
  }
}
