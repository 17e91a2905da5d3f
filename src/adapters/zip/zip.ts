/**
 * The zip container, for the .xlsx and the .docx alike: a package read from its central directory
 * as Excel reads it and written back entry by entry (every name as its raw bytes, every original
 * entry copied as it was stored), and new entries deflated by the platform's CompressionStream, a
 * large one as its text is made (`DeflatingPart`). Only the container: what a name may be is the
 * package's business (xlsx/package.ts). Host-neutral: Node, the browser's page and its worker.
 */

export interface ZipEntry {
  /** The name as stored, byte for byte. */
  rawName: Uint8Array<ArrayBuffer>;
  /** The name as UTF-8, null when its bytes are not UTF-8. */
  name: string | null;
  /** General-purpose flags: bit 11 says the name is UTF-8. */
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts, its compressed data starts, and what belongs to it ends (its data descriptor included). */
  localOffset: number;
  dataOffset: number;
  end: number;
  /** Its record in the central directory, as stored. */
  central: Uint8Array<ArrayBuffer>;
  /** Where in `central` the offset of the local header is written (in a ZIP64 field when the 32-bit one is full). */
  offsetAt: number;
  offsetBytes: 4 | 8;
  /** The names its Info-ZIP Unicode Path fields (0x7075) give, central and local. */
  unicodePaths: string[];
}

export interface Zip {
  entries: ZipEntry[];
  /** The archive's comment, kept in the copy. */
  comment: Uint8Array<ArrayBuffer>;
}

/** What is wrong with the container: `entry` names the entry when one is at fault. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'corrupt' | 'encrypted' | 'too-many' | 'name-mismatch' | 'hidden',
    readonly entry: ZipName | null = null,
    /** The name the entry's local header gives, when it is not the directory's. */
    readonly localName: ZipName | null = null,
  ) {
    super(kind);
  }
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50, descriptor: 0x08074b50 };
const FULL16 = 0xffff;
const FULL32 = 0xffffffff;
const UTF8_FLAG = 0x800;
const DESCRIPTOR_FLAG = 0x8;
const UNICODE_PATH = 0x7075;
const ZIP64_FIELD = 0x0001;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });
function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A name as stored, with its UTF-8 reading when it has one. */
export type ZipName = Pick<ZipEntry, 'rawName' | 'name'>;
export const zipName = (rawName: Uint8Array): ZipName => ({ rawName: new Uint8Array(rawName), name: utf8OrNull(rawName) });

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** An entry's extra fields by id, each its data's offset and length within `bytes`; malformed fields make the file corrupt. */
function extraFields(bytes: Uint8Array, start: number, length: number): { id: number; at: number; length: number }[] {
  const fields: { id: number; at: number; length: number }[] = [];
  let i = start;
  const end = start + length;
  // Fewer than four bytes left are padding (zipalign writes such), not a field.
  while (i + 4 <= end) {
    const size = u16(bytes, i + 2);
    if (i + 4 + size > end) throw new ZipProblem('corrupt');
    fields.push({ id: u16(bytes, i), at: i + 4, length: size });
    i += 4 + size;
  }
  return fields;
}

function unicodePathsOf(bytes: Uint8Array, fields: ReturnType<typeof extraFields>): string[] {
  return fields.filter((f) => f.id === UNICODE_PATH).map((f) => (f.length < 5 ? '' : (utf8OrNull(bytes.subarray(f.at + 5, f.at + f.length)) ?? '\uFFFD')));
}

/** The end-of-central-directory record: the last one whose comment reaches the end of the file. */
function endRecord(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - FULL16); i--) {
    if (u32(bytes, i) === SIG.end && i + 22 + u16(bytes, i + 20) === bytes.length) return i;
  }
  throw new ZipProblem('corrupt');
}

interface Directory {
  count: number;
  offset: number;
  size: number;
  /** Where the central directory must end: at the (ZIP64) end record. */
  ends: number;
}

function directory(bytes: Uint8Array, end: number): Directory {
  const eocd = {
    disk: u16(bytes, end + 4),
    cdDisk: u16(bytes, end + 6),
    here: u16(bytes, end + 8),
    count: u16(bytes, end + 10),
    size: u32(bytes, end + 12),
    offset: u32(bytes, end + 16),
  };
  const locator = end - 20;
  if (locator < 0 || u32(bytes, locator) !== SIG.locator64) {
    if (eocd.disk !== 0 || eocd.cdDisk !== 0 || eocd.here !== eocd.count) throw new ZipProblem('corrupt');
    return { count: eocd.count, offset: eocd.offset, size: eocd.size, ends: end };
  }
  const at = u64(bytes, locator + 8);
  if (at + 56 > locator || u32(bytes, at) !== SIG.end64) throw new ZipProblem('corrupt');
  const z = {
    disk: u32(bytes, at + 16),
    cdDisk: u32(bytes, at + 20),
    here: u64(bytes, at + 24),
    count: u64(bytes, at + 32),
    size: u64(bytes, at + 40),
    offset: u64(bytes, at + 48),
  };
  const agrees = (short: number, full: number, long: number) => short === full || short === long;
  if (
    z.disk !== 0 ||
    z.cdDisk !== 0 ||
    z.here !== z.count ||
    !agrees(eocd.count, FULL16, z.count) ||
    !agrees(eocd.size, FULL32, z.size) ||
    !agrees(eocd.offset, FULL32, z.offset) ||
    !agrees(eocd.disk, FULL16, 0)
  ) {
    throw new ZipProblem('corrupt');
  }
  return { count: z.count, offset: z.offset, size: z.size, ends: at };
}

/** The sizes and offset a ZIP64 field (0x0001) holds for the 32-bit fields that are full, in its order. */
function zip64Values(bytes: Uint8Array, fields: ReturnType<typeof extraFields>, full: { size: boolean; compressed: boolean; offset: boolean }) {
  const field = fields.find((f) => f.id === ZIP64_FIELD);
  const out: { size?: number; compressed?: number; offset?: number; offsetAt?: number } = {};
  if (!full.size && !full.compressed && !full.offset) return out;
  if (!field) throw new ZipProblem('corrupt');
  let i = field.at;
  const take = () => {
    if (i + 8 > field.at + field.length) throw new ZipProblem('corrupt');
    const v = u64(bytes, i);
    i += 8;
    return v;
  };
  if (full.size) out.size = take();
  if (full.compressed) out.compressed = take();
  if (full.offset) {
    out.offsetAt = i;
    out.offset = take();
  }
  return out;
}

/**
 * Reads the central directory and each entry's local header. The file is corrupt when they
 * disagree on anything a reader could take either way (sizes, method, CRC), when entries overlap,
 * or when bytes outside every listed entry hold another local header (an entry only some readers
 * would see); `maxEntries` bounds the walk.
 */
export function readZip(bytes: Uint8Array<ArrayBuffer>, maxEntries: number): Zip {
  const end = endRecord(bytes);
  const dir = directory(bytes, end);
  if (dir.count > maxEntries) throw new ZipProblem('too-many');
  if (dir.offset + dir.size !== dir.ends) throw new ZipProblem('corrupt');
  const entries: ZipEntry[] = [];
  for (let p = dir.offset; p < dir.ends;) {
    if (entries.length === maxEntries) throw new ZipProblem('too-many');
    if (p + 46 > dir.ends || u32(bytes, p) !== SIG.central) throw new ZipProblem('corrupt');
    const n = u16(bytes, p + 28);
    const m = u16(bytes, p + 30);
    const k = u16(bytes, p + 32);
    const next = p + 46 + n + m + k;
    if (next > dir.ends) throw new ZipProblem('corrupt');
    entries.push(entryAt(bytes, p, next, dir.offset));
    p = next;
  }
  if (entries.length !== dir.count) throw new ZipProblem('corrupt');
  checkLayout(bytes, entries, dir.offset);
  return { entries, comment: bytes.slice(end + 22) };
}

function entryAt(bytes: Uint8Array<ArrayBuffer>, p: number, next: number, directoryStart: number): ZipEntry {
  const n = u16(bytes, p + 28);
  const m = u16(bytes, p + 30);
  const central = bytes.slice(p, next);
  const rawName = bytes.slice(p + 46, p + 46 + n);
  const fields = extraFields(bytes, p + 46 + n, m);
  const flags = u16(bytes, p + 8);
  const method = u16(bytes, p + 10);
  const crc = u32(bytes, p + 16);
  const compressed32 = u32(bytes, p + 20);
  const size32 = u32(bytes, p + 24);
  const offset32 = u32(bytes, p + 42);
  const z = zip64Values(bytes, fields, { size: size32 === FULL32, compressed: compressed32 === FULL32, offset: offset32 === FULL32 });
  const partial: ZipName = { rawName, name: utf8OrNull(rawName) };
  if (u16(bytes, p + 34) !== 0 && u16(bytes, p + 34) !== FULL16) throw new ZipProblem('corrupt', partial);
  const compressedSize = z.compressed ?? compressed32;
  const size = z.size ?? size32;
  const localOffset = z.offset ?? offset32;
  // Bit 0: encrypted, bit 6: strong encryption.
  if (flags & 0x41) throw new ZipProblem('encrypted', partial);

  const at = localOffset;
  if (at + 30 > directoryStart || u32(bytes, at) !== SIG.local) throw new ZipProblem('corrupt', partial);
  const localFlags = u16(bytes, at + 6);
  const ln = u16(bytes, at + 26);
  const lm = u16(bytes, at + 28);
  const localName = bytes.subarray(at + 30, at + 30 + ln);
  const localFields = extraFields(bytes, at + 30 + ln, lm);
  const dataOffset = at + 30 + ln + lm;
  const entry: ZipEntry = {
    ...partial,
    flags,
    method,
    crc,
    compressedSize,
    size,
    localOffset,
    dataOffset,
    end: dataOffset + compressedSize,
    central,
    offsetAt: z.offsetAt !== undefined ? z.offsetAt - p : 42,
    offsetBytes: z.offsetAt !== undefined ? 8 : 4,
    unicodePaths: [...unicodePathsOf(bytes, fields), ...unicodePathsOf(bytes, localFields)],
  };
  if (u16(bytes, at + 8) !== method) throw new ZipProblem('corrupt', entry);
  if (!sameBytes(localName, rawName) || ((localFlags ^ flags) & UTF8_FLAG && rawName.some((b) => b >= 0x80))) throw new ZipProblem('name-mismatch', entry, zipName(localName));
  // Sizes and CRC in the local header, where it holds them, must be those of the directory.
  const local = { crc: u32(bytes, at + 14), compressed: u32(bytes, at + 18), size: u32(bytes, at + 22) };
  const localZip64 = zip64Values(bytes, localFields, { size: local.size === FULL32, compressed: local.compressed === FULL32, offset: false });
  if (!(localFlags & DESCRIPTOR_FLAG)) {
    if (local.crc !== crc || (localZip64.compressed ?? local.compressed) !== compressedSize || (localZip64.size ?? local.size) !== size) throw new ZipProblem('corrupt', entry);
  } else entry.end += descriptorLength(bytes, entry, z.size !== undefined || z.compressed !== undefined || localZip64.size !== undefined);
  if (entry.end > directoryStart) throw new ZipProblem('corrupt', entry);
  return entry;
}

/** The data descriptor after an entry's data (its signature optional, its sizes 8 bytes in ZIP64), which must agree with the directory. */
function descriptorLength(bytes: Uint8Array, entry: ZipEntry, zip64: boolean): number {
  const at = entry.end;
  const signed = u32(bytes, at) === SIG.descriptor ? 4 : 0;
  const wide = zip64 ? 8 : 4;
  const read = (i: number) => (wide === 8 ? u64(bytes, i) : u32(bytes, i));
  const crc = u32(bytes, at + signed);
  if (at + signed + 4 + 2 * wide > bytes.length) throw new ZipProblem('corrupt', entry);
  if (crc !== entry.crc || read(at + signed + 4) !== entry.compressedSize || read(at + signed + 4 + wide) !== entry.size) throw new ZipProblem('corrupt', entry);
  return signed + 4 + 2 * wide;
}

/** Entries that overlap, or a local header in bytes no entry claims, make the file ambiguous. */
function checkLayout(bytes: Uint8Array, entries: ZipEntry[], directoryStart: number): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let from = 0;
  for (const e of byOffset) {
    if (e.localOffset < from) throw new ZipProblem('corrupt', e);
    if (hasLocalHeader(bytes, from, e.localOffset)) throw new ZipProblem('hidden');
    from = e.end;
  }
  if (hasLocalHeader(bytes, from, directoryStart)) throw new ZipProblem('hidden');
}

function hasLocalHeader(bytes: Uint8Array, from: number, to: number): boolean {
  const gap = bytes.subarray(from, to);
  for (let i = gap.indexOf(0x50); i >= 0 && i + 4 <= gap.length; i = gap.indexOf(0x50, i + 1)) if (u32(gap, i) === SIG.local) return true;
  return false;
}

/** The compressed bytes of an entry. */
export const compressedData = (bytes: Uint8Array<ArrayBuffer>, e: ZipEntry): Uint8Array<ArrayBuffer> => bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of `bytes`, or of what came before them (`crc`) followed by them. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry's content once deflated: what its headers need, and the compressed bytes in pieces. */
export interface Deflated {
  crc: number;
  size: number;
  compressed: Uint8Array[];
}

/**
 * A new entry: its name's bytes and its content, deflated when written (`data`), or already
 * deflated as it was made (`deflated`, from a DeflatingPart).
 */
export type NewEntry = {
  rawName: Uint8Array;
  /** Bit 11: the name is UTF-8 (needed only when it is not ASCII). */
  utf8: boolean;
} & ({ data: Uint8Array } | { deflated: Deflated });

const encoder = new TextEncoder();

/** No ZIP64 for a new entry: one above 4 GiB is refused, which no report or sheet comes near. */
const MAX_NEW_SIZE = FULL32;

/**
 * One new entry deflated as its content is made, so that only the compressed bytes are held: text
 * or bytes in, as much at a time as the caller likes, then `close()` for `NewEntry.deflated`.
 */
export class DeflatingPart {
  private crc = 0;
  private size = 0;
  private readonly chunks: Uint8Array[] = [];
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly drained: Promise<void>;

  constructor() {
    const stream = new CompressionStream('deflate-raw');
    this.writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    this.drained = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) this.chunks.push(chunk.value);
    })();
  }

  async write(content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.size > MAX_NEW_SIZE) throw new Error('Bagian berkas terlalu besar untuk satu berkas zip (di atas 4 GiB).');
    await this.writer.write(bytes as Uint8Array<ArrayBuffer>);
  }

  async close(): Promise<Deflated> {
    await this.writer.close();
    await this.drained;
    return { crc: this.crc, size: this.size, compressed: this.chunks };
  }
}

/** Bytes deflated in one piece. */
async function deflated(data: Uint8Array): Promise<Deflated> {
  const part = new DeflatingPart();
  await part.write(data);
  return part.close();
}

/** Time and date as MS-DOS writes them, as a zip entry holds them. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

class Writer {
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  length = 0;
  push(chunk: Uint8Array<ArrayBuffer>): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  done(): Uint8Array<ArrayBuffer>[] {
    return this.chunks;
  }
}

function header(size: number, fill: (v: DataView) => void): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer, bytes.byteOffset, bytes.length));
  return bytes;
}

/**
 * A zip of these entries, in this order, as pieces to write one after another: an original entry
 * is its local header, data and descriptor as they were stored, and its central record as stored
 * but for the offset of its local header; a new one is deflated. The archive's comment is kept.
 */
export async function writeZip(
  source: Uint8Array<ArrayBuffer>,
  entries: readonly (ZipEntry | NewEntry)[],
  comment: Uint8Array<ArrayBuffer>,
  now = new Date(),
): Promise<Uint8Array<ArrayBuffer>[]> {
  const out = new Writer();
  const centrals: Uint8Array<ArrayBuffer>[] = [];
  const { time, date } = dosTime(now);
  for (const e of entries) {
    const offset = out.length;
    if ('central' in e) {
      out.push(source.subarray(e.localOffset, e.end));
      const central = e.central.slice();
      const view = new DataView(central.buffer, central.byteOffset, central.length);
      if (e.offsetBytes === 8) view.setBigUint64(e.offsetAt, BigInt(offset), true);
      else view.setUint32(e.offsetAt, offset, true);
      centrals.push(central);
      continue;
    }
    const { crc, size, compressed } = 'deflated' in e ? e.deflated : await deflated(e.data);
    const compressedSize = compressed.reduce((n, c) => n + c.length, 0);
    const flags = e.utf8 ? UTF8_FLAG : 0;
    const name = new Uint8Array(e.rawName);
    out.push(
      header(30, (v) => {
        v.setUint32(0, SIG.local, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, flags, true);
        v.setUint16(8, 8, true);
        v.setUint16(10, time, true);
        v.setUint16(12, date, true);
        v.setUint32(14, crc, true);
        v.setUint32(18, compressedSize, true);
        v.setUint32(22, size, true);
        v.setUint16(26, name.length, true);
      }),
    );
    out.push(name);
    for (const c of compressed) out.push(c as Uint8Array<ArrayBuffer>);
    const central = header(46 + name.length, (v) => {
      v.setUint32(0, SIG.central, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, flags, true);
      v.setUint16(10, 8, true);
      v.setUint16(12, time, true);
      v.setUint16(14, date, true);
      v.setUint32(16, crc, true);
      v.setUint32(20, compressedSize, true);
      v.setUint32(24, size, true);
      v.setUint16(28, name.length, true);
      v.setUint32(42, offset, true);
    });
    central.set(name, 46);
    centrals.push(central);
  }
  const directoryStart = out.length;
  for (const c of centrals) out.push(c);
  const directorySize = out.length - directoryStart;
  out.push(
    header(22, (v) => {
      v.setUint32(0, SIG.end, true);
      v.setUint16(8, entries.length, true);
      v.setUint16(10, entries.length, true);
      v.setUint32(12, directorySize, true);
      v.setUint32(16, directoryStart, true);
      v.setUint16(20, comment.length, true);
    }),
  );
  out.push(comment);
  return out.done();
}

/** writeZip's pieces as one array, where one is needed (a Blob or a file takes the pieces as they are). */
export function joinPieces(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
