import { promises as fs } from 'fs';
import { InputError } from '../../core/errors';
import { encodingOf } from '../xlsx/xml';

/** Reading a file the user named, every failure one sentence naming it: the workbook, the settings. */

const REASON: Record<string, string> = {
  EACCES: 'tidak ada izin membacanya',
  EPERM: 'tidak ada izin membacanya',
  EIO: 'galat pada disk',
  ELOOP: 'jalurnya berputar lewat tautan simbolik',
  ENAMETOOLONG: 'namanya terlalu panjang',
};

export interface FileKind {
  /** How messages name it: `Berkas`, `Berkas pengaturan`. */
  label: string;
  /** What the user should name instead of a folder or a device: `.xlsx`. */
  extension: string;
}

function unreadable(file: string, kind: FileKind, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${kind.label} “${file}” tidak ditemukan.`);
  return new InputError(`${kind.label} “${file}” tidak dapat dibaca: ${REASON[code] ?? `galat ${code || 'baca'}`}.`);
}

/**
 * The bytes of a regular file; a folder, a device, a FIFO or a socket is refused without being
 * opened (opening a FIFO would wait for a writer), and `checkSize` sees the size before any byte is read.
 */
export async function readRegularFile(file: string, kind: FileKind, checkSize: (size: number) => void): Promise<Uint8Array> {
  const stat = await fs.stat(file).catch((e: unknown) => Promise.reject(unreadable(file, kind, e)));
  if (stat.isDirectory()) throw new InputError(`“${file}” adalah folder, bukan berkas ${kind.extension}.`);
  if (!stat.isFile()) throw new InputError(`“${file}” bukan berkas biasa (melainkan perangkat, FIFO atau soket); sebutkan berkas ${kind.extension}.`);
  checkSize(stat.size);
  return fs.readFile(file).catch((e: unknown) => Promise.reject(unreadable(file, kind, e)));
}

/** A text file the user wrote, at most `maxBytes`: UTF-8 (a byte order mark allowed) or UTF-16, as Windows Notepad saves “Unicode”. */
export async function readTextFile(file: string, kind: FileKind, maxBytes: number): Promise<string> {
  const bytes = await readRegularFile(file, kind, (size) => {
    if (size > maxBytes) throw new InputError(`${kind.label} “${file}” terlalu besar (lebih dari ${Math.round(maxBytes / 1024)} KB).`);
  });
  let text: string | null;
  try {
    text = new TextDecoder(encodingOf(bytes), { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text === null || text.includes('\0')) throw new InputError(`${kind.label} “${file}” bukan teks UTF-8 atau UTF-16; simpan sebagai UTF-8, lalu coba lagi.`);
  return text;
}
