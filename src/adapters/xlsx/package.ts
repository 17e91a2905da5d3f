import { promises as fs } from 'fs';
import * as path from 'path';
import { createInflateRaw, inflateRawSync } from 'zlib';
import JSZip from 'jszip';
import { InputError } from '../../core/errors';
import { Document } from '@xmldom/xmldom';
import { children, parseXml, root } from './xml';

/**
 * An .xlsx/.xlsm file as an OPC package: its zip through JSZip, parts found by name without regard
 * to case, relationships resolved, and every part that is read inflated within a budget.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  /** The file itself. */
  fileBytes: 256 * MiB,
  /** All parts read, inflated, together: sheets, shared strings, styles, the workbook's index parts. */
  inflatedBytes: 256 * MiB,
};

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to (no leading '/'), or the target as written when external. */
  target: string;
  external: boolean;
}

/** What JSZip keeps of an entry read from a file: the central directory's sizes and the compressed bytes. */
interface CompressedEntry {
  uncompressedSize: number;
  compressedContent: Uint8Array;
  compression: { magic: string };
}

const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own: `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : dir + '/'}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split('#')[0];
  if (clean.startsWith('/')) return path.posix.normalize(clean).slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), clean)).replace(/^(\.\.\/)+/, '');
}

/** The shortest target from `source` to `part`, as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  return path.posix.relative(path.posix.dirname('/' + source), '/' + part);
}

async function readInput(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let stat;
  try {
    // stat, not open: opening a FIFO would wait for a writer.
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`Berkas “${file}” tidak ditemukan.`);
    throw new InputError(`Berkas “${file}” tidak dapat dibuka (${code ?? 'galat baca'}).`);
  }
  if (stat.isDirectory()) throw new InputError(`“${file}” adalah folder, bukan berkas .xlsx.`);
  if (!stat.isFile()) throw new InputError(`“${file}” bukan berkas biasa (melainkan perangkat, FIFO atau soket); sebutkan berkas .xlsx.`);
  if (stat.size === 0) throw new InputError(`Berkas “${name}” kosong.`);
  if (stat.size > LIMITS.fileBytes) throw new InputError(`Berkas “${name}” terlalu besar (${Math.round(stat.size / MiB)} MB; paling besar ${LIMITS.fileBytes / MiB} MB).`);
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new InputError(`Berkas “${file}” tidak dapat dibaca (${(e as NodeJS.ErrnoException).code ?? 'galat baca'}).`);
  }
}

function refuseNonZip(bytes: Buffer, name: string): void {
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new InputError(`Berkas “${name}” dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu coba lagi.`);
    }
    throw new InputError(`Berkas “${name}” berformat Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    const looksText = !bytes.subarray(0, 512).includes(0);
    if (looksText && /\.(csv|txt)$/i.test(name)) {
      throw new InputError(`Berkas “${name}” berformat CSV/teks. Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
    }
    throw new InputError(`Berkas “${name}” bukan buku kerja .xlsx.`);
  }
}

export class Package {
  private readonly byKey = new Map<string, string>();
  private inflated = 0;

  private constructor(
    readonly zip: JSZip,
    /** The file's name, for messages. */
    readonly name: string,
  ) {
    for (const entry of Object.keys(zip.files)) if (!zip.files[entry].dir) this.byKey.set(entry.toLowerCase(), entry);
  }

  static async open(file: string): Promise<Package> {
    const bytes = await readInput(file);
    const name = path.basename(file);
    refuseNonZip(bytes, name);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      if (/encrypted/i.test((e as Error).message)) throw new InputError(`Berkas “${name}” dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu coba lagi.`);
      throw new InputError(`Berkas “${name}” rusak atau bukan buku kerja .xlsx yang utuh; tidak dapat dibaca.`);
    }
    return new Package(zip, name);
  }

  /** The entry holding a part, whatever the case of its name; null when absent. */
  entryName(part: string): string | null {
    const name = this.byKey.get(part.toLowerCase());
    if (name !== undefined || !part.includes('%')) return name ?? null;
    try {
      return this.byKey.get(decodeURIComponent(part).toLowerCase()) ?? null;
    } catch {
      return null;
    }
  }

  has(part: string): boolean {
    return this.entryName(part) !== null;
  }

  /** Every part's name. */
  parts(): string[] {
    return [...this.byKey.values()];
  }

  corrupt(part: string): InputError {
    return new InputError(`Berkas “${this.name}” rusak: bagian ${part} tidak dapat dibaca.`);
  }

  /** Checks the part's size as the zip declares it against what is left of the budget, before inflating. */
  private entry(part: string): CompressedEntry {
    const name = this.entryName(part);
    if (name === null) throw this.corrupt(part);
    // JSZip keeps the central directory's sizes and the compressed bytes here and has no public accessor for them.
    const data = (this.zip.files[name] as unknown as { _data: CompressedEntry })._data;
    // JSZip reads the 32-bit size as a signed number.
    const size = data.uncompressedSize < 0 ? data.uncompressedSize + 2 ** 32 : data.uncompressedSize;
    if (this.inflated + size > LIMITS.inflatedBytes) {
      throw new InputError(`Berkas “${this.name}” terlalu besar setelah dibuka (bagian ${part}: ${Math.round(size / MiB)} MB); tidak dibaca.`);
    }
    this.inflated += size;
    return data;
  }

  /** A part's text, inflated no further than the size the zip declares. */
  text(part: string): string {
    const data = this.entry(part);
    const magic = data.compression.magic;
    if (magic === STORED) return Buffer.from(data.compressedContent).toString('utf8');
    if (magic !== DEFLATED) throw this.corrupt(part);
    try {
      return inflateRawSync(data.compressedContent, { maxOutputLength: Math.max(1, data.uncompressedSize) }).toString('utf8');
    } catch {
      throw this.corrupt(part);
    }
  }

  /** A part's text in pieces, for parts too large to hold twice; stops past the declared size. */
  async stream(part: string, onText: (text: string) => void): Promise<void> {
    const data = this.entry(part);
    const decoder = new TextDecoder('utf-8');
    if (data.compression.magic === STORED) {
      onText(decoder.decode(data.compressedContent));
      return;
    }
    if (data.compression.magic !== DEFLATED) throw this.corrupt(part);
    await new Promise<void>((resolve, reject) => {
      const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
      let total = 0;
      const fail = (e: unknown) => {
        inflater.destroy();
        reject(e instanceof InputError ? e : this.corrupt(part));
      };
      inflater.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > data.uncompressedSize) return fail(null);
        try {
          onText(decoder.decode(chunk, { stream: true }));
        } catch (e) {
          fail(e);
        }
      });
      inflater.on('error', fail);
      inflater.on('end', () => {
        try {
          onText(decoder.decode());
          resolve();
        } catch (e) {
          fail(e);
        }
      });
      inflater.end(data.compressedContent);
    });
  }

  /** A part parsed; a part that is not well-formed makes the file corrupt. */
  xml(part: string): Document {
    const text = this.text(part);
    try {
      return parseXml(text);
    } catch {
      throw this.corrupt(part);
    }
  }

  /** The relationships of a part (none when it has no .rels part). */
  relationships(source: string): Relationship[] {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    return children(root(this.xml(rels)), 'Relationship').map((r) => {
      const external = r.getAttribute('TargetMode') === 'External';
      const target = r.getAttribute('Target') ?? '';
      return { id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target: external ? target : resolveTarget(source, target), external };
    });
  }
}
