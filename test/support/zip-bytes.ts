import { deflateRawSync } from 'zlib';

/**
 * Zips written byte by byte, for what no zip library writes: names that are not UTF-8, a local
 * header naming another entry than the central directory, Info-ZIP Unicode Path fields, entries
 * twice, bytes between entries. And the raw central directory of a zip, to compare copies by.
 */

export interface RawEntry {
  /** The name in the central directory: text (written as UTF-8) or bytes as they are. */
  name: string | Uint8Array;
  /** The name in the local header, when it is to differ. */
  localName?: string | Uint8Array;
  data?: string | Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** Bit 11, the name is UTF-8: set by default when the name is text and not ASCII. */
  utf8Flag?: boolean;
  /** Bit 3: sizes and CRC in a data descriptor after the data, zero in the local header. */
  descriptor?: boolean;
  /** Extra fields in the central directory and the local header. */
  extra?: Uint8Array;
  localExtra?: Uint8Array;
}

export interface ZipOptions {
  comment?: string;
  /** Bytes written between the last entry and the central directory. */
  between?: Uint8Array;
}

const bytesOf = (x: string | Uint8Array) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An extra field: its id, its length and its data. */
export function extraField(id: number, data: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** The Info-ZIP Unicode Path field (0x7075): version 1, the CRC of the name it stands beside, the name in UTF-8. */
export function unicodePath(stored: string | Uint8Array, unicode: string): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(1, 0);
  head.writeUInt32LE(crc(bytesOf(stored)), 1);
  return extraField(0x7075, Buffer.concat([head, Buffer.from(unicode, 'utf8')]));
}

export function zipBytes(entries: RawEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = bytesOf(e.name);
    const localName = bytesOf(e.localName ?? e.name);
    const data = bytesOf(e.data ?? '');
    const method = e.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const sum = crc(data);
    const utf8 = e.utf8Flag ?? (typeof e.name === 'string' && /\P{ASCII}/u.test(e.name));
    const flags = (utf8 ? 0x800 : 0) | (e.descriptor ? 0x8 : 0);
    const extra = Buffer.from(e.extra ?? []);
    const localExtra = Buffer.from(e.localExtra ?? e.extra ?? []);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5821, 12);
    local.writeUInt32LE(e.descriptor ? 0 : sum, 14);
    local.writeUInt32LE(e.descriptor ? 0 : stored.length, 18);
    local.writeUInt32LE(e.descriptor ? 0 : data.length, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const descriptor = Buffer.alloc(e.descriptor ? 16 : 0);
    if (e.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(sum, 4);
      descriptor.writeUInt32LE(stored.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
    }
    const whole = Buffer.concat([local, localName, localExtra, stored, descriptor]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x6000, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(sum, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0o100644 * 0x10000, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name, extra]));
    locals.push(whole);
    offset += whole.length;
  }
  const between = Buffer.from(options.between ?? []);
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset + between.length, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, between, directory, end, comment]);
}

export interface RawDirectoryEntry {
  /** The name as stored. */
  name: Buffer;
  /** The central record with the offset of its local header zeroed: what a copy keeps as it was. */
  record: Buffer;
  /** The local header, data and descriptor. */
  stored: Buffer;
}

/** The central directory of a zip as stored, read with nothing but the format (no ZIP64: the copies here need none). */
export function rawDirectory(zip: Buffer): RawDirectoryEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  const offsets: number[] = [];
  const out: RawDirectoryEntry[] = [];
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`no central record at ${p}`);
    const n = zip.readUInt16LE(p + 28);
    const length = 46 + n + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const record = Buffer.from(zip.subarray(p, p + length));
    offsets.push(record.readUInt32LE(42));
    record.writeUInt32LE(0, 42);
    out.push({ name: Buffer.from(zip.subarray(p + 46, p + 46 + n)), record, stored: Buffer.alloc(0) });
    p += length;
  }
  out.forEach((e, i) => {
    const at = offsets[i];
    const data = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const after = data + e.record.readUInt32LE(20);
    const descriptor = e.record.readUInt16LE(8) & 0x8 ? (zip.readUInt32LE(after) === 0x08074b50 ? 16 : 12) : 0;
    e.stored = Buffer.from(zip.subarray(at, after + descriptor));
  });
  return out;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface BookSpec {
  /** Each sheet's name and its XML inside <worksheet>. */
  sheets: { name: string; body: string }[];
  /** The workbook part's bytes, when they are to be other than UTF-8 (`encode`) or hold more (`workbookExtra`, after <sheets>). */
  encode?: (xml: string) => Uint8Array;
  declaration?: string;
  workbookExtra?: string;
}

/** The entries of a small workbook, in the order Excel writes them: what crafted entries are added to. */
export function workbookEntries(spec: BookSpec): RawEntry[] {
  const n = spec.sheets.length;
  const workbook =
    (spec.declaration ?? '') +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${spec.workbookExtra ?? ''}</workbook>`;
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        spec.sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: spec.encode ? spec.encode(workbook) : workbook },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    },
    ...spec.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>` })),
  ];
}
