import { countText } from '../../core/decimal';
import { InputError } from '../../core/errors';
import { quoted } from '../../core/findings';
import { nameKey } from '../../core/result-sheets';
import { Document } from '@xmldom/xmldom';
import { children, parseXml, root, XmlDecoder } from './xml';
import { compressedData, NewEntry, readZip, writeZip, Zip, ZipEntry, ZipName, ZipProblem } from '../zip/zip';

/**
 * An .xlsx/.xlsm file as an OPC package, as Excel sees it: every zip entry's name checked against
 * what a part name may be, so that no entry can stand for another part; parts found by name
 * without regard to case, relationships resolved, every part that is read inflated within a budget
 * and decoded in its declared encoding. The copy keeps every entry under its own name and bytes.
 * Bytes in, nothing of Node: the command line and the browser page's worker read files through
 * this alike.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  /** The file itself. */
  fileBytes: 256 * MiB,
  /** All parts read, inflated, together: sheets, shared strings, styles, the workbook's index parts. */
  inflatedBytes: 256 * MiB,
  /** Entries in the zip: the copy is written without a ZIP64 directory, so it could hold no more. */
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

const STORED = 0;
const DEFLATED = 8;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
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
    throw new InputError(
      `Berkas “${name}” bukan buku kerja Excel: pilih buku kerja .xlsx yang berisi lembar DPA, realisasi dan kinerja, atau buka berkas itu di Excel dan simpan sebagai .xlsx (Buku Kerja Excel), lalu coba lagi.`,
    );
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/g;

/** A zip entry's name for a message: control characters and bytes that are not UTF-8 written `\xHH`. */
function shownName(entry: ZipName): string {
  const text = entry.name ?? [...entry.rawName].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase()}`)).join('');
  return quoted(
    text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
    160,
  );
}

/** The IBM PC code page zip names without the UTF-8 flag are in, by the zip specification: its upper half. */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const cp437 = (bytes: Uint8Array) => [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80])).join('');

/** The names a reader may take an entry's to be: UTF-8 when flagged so; otherwise code page 437, as the zip specification says, and UTF-8, as most tools read it. */
function readings(entry: ZipEntry): string[] {
  if (entry.rawName.every((b) => b < 0x80)) return [entry.name!];
  const flagged = (entry.flags & 0x800) !== 0;
  return [...(entry.name !== null ? [entry.name] : []), ...(flagged ? [] : [cp437(entry.rawName)])];
}

const decodePercent = (name: string) => {
  if (!name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

/**
 * Why a name cannot be a part's (the part names of ECMA-376 part 2), as the end of a sentence; null
 * when it can. A segment ending in a dot or a space is one Windows would read as another.
 */
function unclean(name: string, directory: boolean): string | null {
  const decoded = decodePercent(name);
  const why = uncleanText(directory ? decoded.replace(/\/$/, '') : decoded);
  return why && decoded !== name ? `${why}, setelah kode %… di dalamnya diuraikan` : why;
}

function uncleanText(name: string): string | null {
  if (name.search(CONTROL) >= 0) return 'memuat karakter kendali';
  if (name.includes('\\')) return 'memuat garis miring terbalik “\\”';
  if (name.startsWith('/')) return 'diawali garis miring “/”';
  const segments = name.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return 'memuat “.” atau “..” sebagai nama folder';
  if (segments.some((s) => s === '')) return 'memuat nama folder yang kosong (“//”)';
  if (segments.some((s) => /[. ]$/.test(s))) return 'memuat nama yang diakhiri titik atau spasi';
  return null;
}

/** The content types stream, exactly so named (ECMA-376 part 2). */
export const CONTENT_TYPES = '[Content_Types].xml';

/** How a part name is looked up: without regard to case (OPC), its %-codes decoded. */
const partKey = (name: string) => nameKey(decodePercent(name));

export class Package {
  /** Every part by partKey(). */
  private readonly byKey = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    readonly bytes: Uint8Array<ArrayBuffer>,
    readonly zip: Zip,
    /** The file's name, for messages. */
    readonly name: string,
  ) {}

  /** The package in a file's bytes; `name` is the file's name, for messages. */
  static async open(input: Uint8Array, name: string): Promise<Package> {
    checkFileSize(input.length, name);
    refuseNonZip(input, name);
    // A plain view (a Node Buffer's slice() would share its memory) on an ArrayBuffer (what Blob takes).
    const bytes = input.buffer instanceof ArrayBuffer ? new Uint8Array(input.buffer, input.byteOffset, input.length) : new Uint8Array(input);
    let zip: Zip;
    try {
      zip = readZip(bytes, LIMITS.zipEntries);
    } catch (e) {
      if (e instanceof ZipProblem) throw zipError(e, name);
      throw e;
    }
    const pkg = new Package(bytes, zip, name);
    pkg.index();
    return pkg;
  }

  /** Refuses an entry that could be taken for another part, and finds every part by its key. */
  private index(): void {
    const seen = new Map<string, ZipEntry>();
    const twins: ZipEntry[] = [];
    for (const entry of this.zip.entries) {
      const second = entry.unicodePaths.find((p) => p !== entry.name);
      if (second !== undefined)
        this.refuse(
          `bagian ${shownName(entry)} di dalamnya membawa nama kedua ${shownName({ rawName: new TextEncoder().encode(second), name: second })} yang dibaca sebagian program`,
        );
      const directory = entry.size === 0 && entry.rawName[entry.rawName.length - 1] === 0x2f;
      for (const reading of readings(entry)) {
        const why = unclean(reading, directory);
        if (why) this.refuse(`di dalamnya ada bagian bernama ${shownName(entry)}, yang bukan nama bagian buku kerja (${why})`);
      }
      if (directory) continue;
      // The content types stream is named exactly so; a twin in another case is no part, and is kept as it is.
      const twin = entry.name !== CONTENT_TYPES && entry.name?.toLowerCase() === CONTENT_TYPES.toLowerCase();
      if (twin) twins.push(entry);
      for (const reading of readings(entry)) {
        const key = (twin ? 'twin:' : '') + partKey(reading);
        const other = seen.get(key);
        if (other !== undefined && other !== entry) {
          this.refuse(
            other.name === entry.name && entry.name !== null
              ? `bagian ${shownName(entry)} ada dua kali di dalamnya`
              : `bagian ${shownName(other)} dan ${shownName(entry)} di dalamnya dapat dibaca sebagai bagian yang sama`,
          );
        }
        seen.set(key, entry);
      }
      if (entry.name !== null && !twin) this.byKey.set(partKey(entry.name), entry);
    }
    if (twins.length > 0 && !this.byKey.has(partKey(CONTENT_TYPES))) {
      throw new InputError(`Berkas “${this.name}” rusak: daftar jenis isinya bernama ${shownName(twins[0])}, bukan “${CONTENT_TYPES}” yang dibaca Excel.`);
    }
  }

  private refuse(what: string): never {
    throw tampered(this.name, what);
  }

  /** The entry holding a part, whatever the case of its name; null when absent. */
  entry(part: string): ZipEntry | null {
    return this.byKey.get(partKey(part)) ?? null;
  }

  /** The name of the entry holding a part, as stored; null when absent. */
  entryName(part: string): string | null {
    return this.entry(part)?.name ?? null;
  }

  has(part: string): boolean {
    return this.entry(part) !== null;
  }

  /** Every part's name. */
  parts(): string[] {
    return [...this.byKey.values()].map((e) => e.name!);
  }

  corrupt(part: string): InputError {
    return new InputError(`Berkas “${this.name}” rusak: bagian ${part} tidak dapat dibaca.`);
  }

  /**
   * Checks the part's size as the zip declares it against what is left of the budget, before
   * inflating; every part read is charged again, however often it is read.
   */
  private charged(part: string): ZipEntry {
    const entry = this.entry(part);
    if (entry === null) throw this.corrupt(part);
    if (this.inflated + entry.size > LIMITS.inflatedBytes) {
      throw new InputError(
        `Berkas “${this.name}” terlalu besar setelah dibuka: bagian-bagian yang dibaca melebihi ${LIMITS.inflatedBytes / MiB} MB (sampai bagian ${part}, ${Math.round(entry.size / MiB)} MB); tidak dibaca.`,
      );
    }
    this.inflated += entry.size;
    return entry;
  }

  /**
   * A part's text in pieces as it is inflated (the platform's DecompressionStream, in Node as in a
   * browser), so a large sheet is never held whole, decoded in the encoding it declares; a part
   * holding more bytes than the zip declares (the size the budget was charged) is corrupt, and
   * inflating stops there.
   */
  async stream(part: string, onText: (text: string) => void): Promise<void> {
    const entry = this.charged(part);
    const decoder = new XmlDecoder((encoding) => this.undecodable(part, encoding));
    const data = compressedData(this.bytes, entry);
    if (entry.method === STORED) {
      if (data.length > entry.size) throw this.corrupt(part);
      onText(decoder.decode(data) + decoder.end());
      return;
    }
    if (entry.method !== DEFLATED) throw this.corrupt(part);
    // Written straight into the inflater rather than piped through it: a third faster in Node.
    const inflater = new DecompressionStream('deflate-raw');
    const writer = inflater.writable.getWriter();
    writer.write(data).catch(() => {});
    writer.close().catch(() => {});
    const reader = inflater.readable.getReader();
    let total = 0;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        total += chunk.value.length;
        if (total > entry.size) throw this.corrupt(part);
        onText(decoder.decode(chunk.value));
      }
      onText(decoder.end());
    } catch (e) {
      void reader.cancel().catch(() => {});
      throw e instanceof InputError ? e : this.corrupt(part);
    }
  }

  private undecodable(part: string, encoding: string | null): InputError {
    return encoding === null
      ? new InputError(`Berkas “${this.name}” tidak dapat dibaca: bagian ${part} menyatakan penyandian teks yang tidak dikenal.`)
      : new InputError(`Berkas “${this.name}” rusak: bagian ${part} bukan teks ${encoding} seperti yang dinyatakannya.`);
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

  /** A copy to change: every entry as it is until a part is written or removed. */
  copy(): PackageCopy {
    return new PackageCopy(this);
  }
}

/** A package no tool that writes workbooks makes, refused for `what`. */
function tampered(file: string, what: string): InputError {
  return new InputError(`Berkas “${file}” tidak dibaca karena ${what}: buku kerja yang disimpan Excel tidak seperti itu, jadi berkas ini mungkin telah diubah di luar Excel.`);
}

function zipError(e: ZipProblem, name: string): InputError {
  const entry = e.entry && shownName(e.entry);
  switch (e.kind) {
    case 'too-many':
      return new InputError(`Berkas “${name}” berisi lebih dari ${countText(LIMITS.zipEntries)} bagian; buku kerja sebesar itu tidak dibaca.`);
    case 'encrypted':
      return new InputError(`Berkas “${name}” dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu coba lagi.`);
    case 'name-mismatch':
      return tampered(name, `bagian ${entry} di dalamnya bernama lain (${shownName(e.localName!)}) di tempat isinya`);
    case 'hidden':
      return tampered(name, 'di dalamnya ada bagian yang tidak tercatat di daftar isinya');
    case 'corrupt':
      return new InputError(
        entry
          ? `Berkas “${name}” rusak: bagian ${entry} tidak utuh atau tidak sesuai dengan daftar isinya; tidak dapat dibaca.`
          : `Berkas “${name}” rusak atau bukan buku kerja .xlsx yang utuh; tidak dapat dibaca.`,
      );
  }
}

/** The copy of a package: every entry as it was stored until a part is written or removed. */
export class PackageCopy {
  private readonly written = new Map<ZipEntry, string>();
  private readonly removed = new Set<ZipEntry>();
  private readonly added = new Map<string, { name: string; text: string }>();

  constructor(private readonly pkg: Package) {}

  has(part: string): boolean {
    const entry = this.pkg.entry(part);
    return (entry !== null && !this.removed.has(entry)) || this.added.has(partKey(part));
  }

  /** Writes a part: one the package holds keeps its entry's name and place; a new one comes last. */
  put(part: string, text: string): void {
    const entry = this.pkg.entry(part);
    if (entry !== null && !this.removed.has(entry)) this.written.set(entry, text);
    else this.added.set(partKey(part), { name: part, text });
  }

  remove(part: string): void {
    const entry = this.pkg.entry(part);
    if (entry !== null) {
      this.removed.add(entry);
      this.written.delete(entry);
    }
    this.added.delete(partKey(part));
  }

  /** How many entries the copy holds. */
  get size(): number {
    return this.pkg.zip.entries.length - this.removed.size + this.added.size;
  }

  /** The copy's zip, as pieces to write one after another. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>[]> {
    const utf8 = new TextEncoder();
    const entries: (ZipEntry | NewEntry)[] = [];
    for (const entry of this.pkg.zip.entries) {
      if (this.removed.has(entry)) continue;
      const text = this.written.get(entry);
      entries.push(text === undefined ? entry : { rawName: entry.rawName, utf8: (entry.flags & 0x800) !== 0, data: utf8.encode(text) });
    }
    for (const { name, text } of this.added.values()) entries.push({ rawName: utf8.encode(name), utf8: /\P{ASCII}/u.test(name), data: utf8.encode(text) });
    return writeZip(this.pkg.bytes, entries, this.pkg.zip.comment);
  }
}
