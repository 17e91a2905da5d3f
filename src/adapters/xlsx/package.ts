import JSZip from 'jszip';
import { countText } from '../../core/decimal';
import { InputError } from '../../core/errors';
import { Document } from '@xmldom/xmldom';
import { children, encodingOf, parseXml, root } from './xml';

/**
 * An .xlsx/.xlsm file as an OPC package: its zip through JSZip, parts found by name without regard
 * to case, relationships resolved, and every part that is read inflated within a budget. Bytes in,
 * nothing of Node: the command line and the browser page's worker read files through this alike.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  /** The file itself. */
  fileBytes: 256 * MiB,
  /** All parts read, inflated, together: sheets, shared strings, styles, the workbook's index parts. */
  inflatedBytes: 256 * MiB,
  /** Entries in the zip: JSZip writes no ZIP64 directory, so a copy could hold no more. */
  zipEntries: 65_535,
  /** Sheets the workbook lists. */
  sheets: 1_000,
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
  compressedContent: Uint8Array<ArrayBuffer>;
  compression: { magic: string };
}

const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The signature of each entry in the zip's central directory: JSZip reads no more entries than the file has of these. */
const CENTRAL_ENTRY = [0x50, 0x4b, 0x01, 0x02];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** “EncryptionInfo” in UTF-16LE: the stream an encrypted Office file carries in its OLE container. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

/** The folder of a part, '' at the package's root: `xl/workbook.xml` → `xl`. */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** A part named `name` in the folder of `part`: `xl/workbook.xml`, `styles.xml` → `xl/styles.xml`. */
export function inFolderOf(part: string, name: string): string {
  const folder = folderOf(part);
  return folder === '' ? name : `${folder}/${name}`;
}

/** The extension of a part's name, without the dot, '' when it has none: `xl/media/image1.PNG` → `PNG`. */
export function extensionOf(part: string): string {
  const name = part.slice(part.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

/** A path's segments with `.` and `..` applied; a `..` above the package's root stays, naming no part. */
function segments(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (s !== '' && s !== '.') out.push(s);
  }
  return out;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own: `_rels/.rels`. */
export function relsPartOf(part: string): string {
  return inFolderOf(part, `_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`);
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split('#')[0];
  return segments(clean.startsWith('/') ? clean : `${folderOf(source)}/${clean}`).join('/');
}

/** The shortest target from `source` to `part`, as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = segments(folderOf(source));
  const to = segments(part);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** Refuses an empty file, or one too large to read, before its bytes are read: `size` as the file system or the browser says it. */
export function checkFileSize(size: number, name: string): void {
  if (size === 0) throw new InputError(`Berkas “${name}” kosong.`);
  if (size > LIMITS.fileBytes) throw new InputError(`Berkas “${name}” terlalu besar (${Math.round(size / MiB)} MB; paling besar ${LIMITS.fileBytes / MiB} MB).`);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** How many times `pattern` occurs in `bytes`, counting no further than `atMost`. */
function occurrences(bytes: Uint8Array, pattern: readonly number[], atMost: number): number {
  let n = 0;
  for (let i = bytes.indexOf(pattern[0]); i >= 0 && i <= bytes.length - pattern.length && n < atMost; i = bytes.indexOf(pattern[0], i + 1)) {
    if (pattern.every((b, j) => bytes[i + j] === b)) n++;
  }
  return n;
}

const includes = (bytes: Uint8Array, pattern: readonly number[]) => occurrences(bytes, pattern, 1) > 0;

/** UTF-16 text (Excel's “Teks Unicode”) starts with its byte order mark; other text has no NUL byte in its first 512. */
const looksText = (bytes: Uint8Array) => startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || !bytes.subarray(0, 512).includes(0);

function refuseNonZip(bytes: Uint8Array, name: string): void {
  if (startsWith(bytes, OLE)) {
    if (includes(bytes, ENCRYPTION_INFO)) {
      throw new InputError(`Berkas “${name}” dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu coba lagi.`);
    }
    throw new InputError(`Berkas “${name}” berformat Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
  }
  if (!startsWith(bytes, ZIP)) {
    if (looksText(bytes)) {
      throw new InputError(`Berkas “${name}” berisi teks atau CSV, bukan buku kerja Excel: buka di Excel dan simpan sebagai .xlsx (Buku Kerja Excel), lalu coba lagi.`);
    }
    throw new InputError(`Berkas “${name}” bukan buku kerja .xlsx.`);
  }
}

/** Decodes an XML part in pieces, in the encoding its first bytes show: UTF-16 (which the package format allows) or UTF-8. */
class XmlDecoder {
  private decoder: TextDecoder | null = null;

  decode(bytes: Uint8Array): string {
    this.decoder ??= new TextDecoder(encodingOf(bytes));
    return this.decoder.decode(bytes, { stream: true });
  }

  end(): string {
    return this.decoder?.decode() ?? '';
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

  /** The package in a file's bytes; `name` is the file's name, for messages. */
  static async open(bytes: Uint8Array, name: string): Promise<Package> {
    checkFileSize(bytes.length, name);
    refuseNonZip(bytes, name);
    if (occurrences(bytes, CENTRAL_ENTRY, LIMITS.zipEntries + 1) > LIMITS.zipEntries) {
      throw new InputError(`Berkas “${name}” berisi lebih dari ${countText(LIMITS.zipEntries)} bagian; buku kerja sebesar itu tidak dibaca.`);
    }
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

  /**
   * Checks the part's size as the zip declares it against what is left of the budget, before
   * inflating; every part read is charged again, however often it is read.
   */
  private entry(part: string): { data: CompressedEntry; size: number } {
    const name = this.entryName(part);
    if (name === null) throw this.corrupt(part);
    // JSZip keeps the central directory's sizes and the compressed bytes here and has no public accessor for them.
    const data = (this.zip.files[name] as unknown as { _data: CompressedEntry })._data;
    // JSZip reads the 32-bit size as a signed number.
    const size = data.uncompressedSize < 0 ? data.uncompressedSize + 2 ** 32 : data.uncompressedSize;
    if (this.inflated + size > LIMITS.inflatedBytes) {
      throw new InputError(
        `Berkas “${this.name}” terlalu besar setelah dibuka: bagian-bagian yang dibaca melebihi ${LIMITS.inflatedBytes / MiB} MB (sampai bagian ${part}, ${Math.round(size / MiB)} MB); tidak dibaca.`,
      );
    }
    this.inflated += size;
    return { data, size };
  }

  /**
   * A part's text in pieces as it is inflated (the platform's DecompressionStream, in Node as in a
   * browser), so a large sheet is never held whole; a part holding more bytes than the zip declares
   * (the size the budget was charged) is corrupt, and inflating stops there.
   */
  async stream(part: string, onText: (text: string) => void): Promise<void> {
    const { data, size } = this.entry(part);
    const decoder = new XmlDecoder();
    if (data.compression.magic === STORED) {
      if (data.compressedContent.length > size) throw this.corrupt(part);
      onText(decoder.decode(data.compressedContent) + decoder.end());
      return;
    }
    if (data.compression.magic !== DEFLATED) throw this.corrupt(part);
    const reader = new Blob([data.compressedContent]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    let total = 0;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        total += chunk.value.length;
        if (total > size) throw this.corrupt(part);
        onText(decoder.decode(chunk.value));
      }
      onText(decoder.end());
    } catch (e) {
      void reader.cancel().catch(() => {});
      throw e instanceof InputError ? e : this.corrupt(part);
    }
  }

  /** A part's text, inflated no further than the size the zip declares. */
  async text(part: string): Promise<string> {
    const pieces: string[] = [];
    await this.stream(part, (text) => pieces.push(text));
    return pieces.join('');
  }

  /** A part parsed; a part that is not well-formed makes the file corrupt. */
  async xml(part: string): Promise<Document> {
    const text = await this.text(part);
    try {
      return parseXml(text);
    } catch {
      throw this.corrupt(part);
    }
  }

  /** The relationships of a part (none when it has no .rels part). */
  async relationships(source: string): Promise<Relationship[]> {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    return children(root(await this.xml(rels)), 'Relationship').map((r) => {
      const external = r.getAttribute('TargetMode') === 'External';
      const target = r.getAttribute('Target') ?? '';
      return { id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target: external ? target : resolveTarget(source, target), external };
    });
  }
}
