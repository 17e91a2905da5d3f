import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import JSZip from 'jszip';
import { FIXTURES, packageParts, rowsXml, runQuiet, runWithJson, sheetXml, SMALL_DPA, tempDir } from '../helpers';
import { crc, extraField, rawDirectory, RawEntry, unicodePath, workbookEntries, zipBytes } from '../support/zip-bytes';
import { existingSheets, inputSheets, readXlsx } from '../../src/adapters/xlsx/read';
import { addResultSheets } from '../../src/adapters/xlsx/write';
import { XmlDecoder } from '../../src/adapters/xlsx/xml';
import { planRun } from '../../src/core/run/plan';
import { editedSheets } from '../../src/core/result-sheets';

/** The package as Excel sees it: no zip entry can stand for another part, every entry kept under its own name and bytes. */

const DPA = { name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` };
/** What a crafted entry would make the DPA say, had it stood for the real sheet. */
const CRAFTED = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml([
  ['Kode', 'Uraian', 'Anggaran', 'Realisasi'],
  ['7.01.01', 'PROGRAM A', 999_999_999_999, 999_999_999_999],
])}</sheetData></worksheet>`;
const book = () => workbookEntries({ sheets: [DPA] });
const concat = (pieces: Uint8Array[]) => Buffer.concat(pieces);

/** Every line starting “Galat”, which must be one: a single sentence ending in one full stop. */
function refusal(err: string[]): string {
  const lines = err.filter((l) => l.startsWith('Galat'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Galat: [^\n]*[^.]\.$/);
  expect(lines[0]).not.toMatch(/\.\s+\p{Lu}/u);
  return lines[0];
}

describe('entries that could stand for another part', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  const tampered = (reason: string) =>
    new RegExp(
      `^Galat: Berkas “buku\\.xlsx” tidak dibaca karena ${reason}: buku kerja yang disimpan Excel tidak seperti itu, jadi berkas ini mungkin telah diubah di luar Excel\\.$`,
    );
  const named = (name: string, why: string) => tampered(`di dalamnya ada bagian bernama “${name.replace(/[\\.()?[\]]/g, '\\$&')}”, yang bukan nama bagian buku kerja \\(${why}\\)`);

  it.each<[string, RawEntry[], RegExp]>([
    [
      'a name climbing out of its folder',
      [...book(), { name: '../xl/worksheets/sheet1.xml', data: CRAFTED }],
      named('../xl/worksheets/sheet1.xml', 'memuat “\\.” atau “\\.\\.” sebagai nama folder'),
    ],
    [
      'a name through “.” and an empty folder',
      [...book(), { name: 'xl/./worksheets//sheet1.xml', data: CRAFTED }],
      named('xl/./worksheets//sheet1.xml', 'memuat “\\.” atau “\\.\\.” sebagai nama folder'),
    ],
    ['an empty folder name', [...book(), { name: 'xl/worksheets//sheet1.xml', data: CRAFTED }], named('xl/worksheets//sheet1.xml', 'memuat nama folder yang kosong \\(“//”\\)')],
    ['a leading slash', [...book(), { name: '/xl/worksheets/sheet1.xml', data: CRAFTED }], named('/xl/worksheets/sheet1.xml', 'diawali garis miring “/”')],
    ['backslashes', [...book(), { name: 'xl\\worksheets\\sheet1.xml', data: CRAFTED }], named('xl\\worksheets\\sheet1.xml', 'memuat garis miring terbalik “\\\\”')],
    [
      'a trailing dot, which Windows drops',
      [...book(), { name: 'xl/worksheets/sheet1.xml.', data: CRAFTED }],
      named('xl/worksheets/sheet1.xml.', 'memuat nama yang diakhiri titik atau spasi'),
    ],
    [
      '%-codes for “..”',
      [...book(), { name: 'xl/%2e%2e/xl/worksheets/sheet1.xml', data: CRAFTED }],
      named('xl/%2e%2e/xl/worksheets/sheet1.xml', 'memuat “\\.” atau “\\.\\.” sebagai nama folder, setelah kode %… di dalamnya diuraikan'),
    ],
    ['a path out of the package', [...book(), { name: '../../../../tmp/x.txt', data: 'x' }], named('../../../../tmp/x.txt', 'memuat “\\.” atau “\\.\\.” sebagai nama folder')],
    ['a control character', [...book(), { name: 'xl/worksheets/sheet1.xml\u0000.txt', data: 'x' }], named('xl/worksheets/sheet1.xml\\x00.txt', 'memuat karakter kendali')],
    [
      'the same name twice, the second crafted',
      [...book(), { name: 'xl/worksheets/sheet1.xml', data: CRAFTED }],
      tampered('bagian “xl/worksheets/sheet1\\.xml” ada dua kali di dalamnya'),
    ],
    [
      'the same name twice, the first crafted',
      [{ name: 'xl/worksheets/sheet1.xml', data: CRAFTED }, ...book()],
      tampered('bagian “xl/worksheets/sheet1\\.xml” ada dua kali di dalamnya'),
    ],
    [
      'the name in another case',
      [...book(), { name: 'XL/Worksheets/SHEET1.xml', data: CRAFTED }],
      tampered('bagian “xl/worksheets/sheet1\\.xml” dan “XL/Worksheets/SHEET1\\.xml” di dalamnya dapat dibaca sebagai bagian yang sama'),
    ],
    [
      'the name with a %-code',
      [...book(), { name: 'xl/worksheets/sheet%31.xml', data: CRAFTED }],
      tampered('bagian “xl/worksheets/sheet1\\.xml” dan “xl/worksheets/sheet%31\\.xml” di dalamnya dapat dibaca sebagai bagian yang sama'),
    ],
    [
      'a local header naming the sheet where the directory names another entry',
      [...book(), { name: 'xl/media/gambar.bin', localName: 'xl/worksheets/sheet1.xml', data: CRAFTED }],
      tampered('bagian “xl/media/gambar\\.bin” di dalamnya bernama lain \\(“xl/worksheets/sheet1\\.xml”\\) di tempat isinya'),
    ],
    [
      'a Unicode Path field naming the sheet',
      [...book(), { name: 'xl/media/gambar.bin', extra: unicodePath('xl/media/gambar.bin', 'xl/worksheets/sheet1.xml'), data: CRAFTED }],
      tampered('bagian “xl/media/gambar\\.bin” di dalamnya membawa nama kedua “xl/worksheets/sheet1\\.xml” yang dibaca sebagian program'),
    ],
    [
      'a Unicode Path field in the local header only',
      [...book(), { name: 'xl/media/gambar.bin', localExtra: unicodePath('xl/media/gambar.bin', 'xl/worksheets/sheet1.xml'), data: CRAFTED }],
      tampered('bagian “xl/media/gambar\\.bin” di dalamnya membawa nama kedua “xl/worksheets/sheet1\\.xml” yang dibaca sebagian program'),
    ],
    [
      'a name in code page 437 that reads as a UTF-8 name beside it',
      [...book(), { name: 'xl/media/café.bin', data: 'a' }, { name: Buffer.from('xl/media/caf\x82.bin', 'latin1'), utf8Flag: false, data: 'b' }],
      tampered('bagian “xl/media/café\\.bin” dan “xl/media/caf\\\\x82\\.bin” di dalamnya dapat dibaca sebagai bagian yang sama'),
    ],
  ])('refuses %s in one sentence naming it, and writes nothing', async (_case, entries, message) => {
    const input = path.join(dir, 'buku.xlsx');
    await fs.writeFile(input, zipBytes(entries));
    const out = path.join(dir, 'hasil.xlsx');
    const r = await runQuiet([input, '-o', out, '--json', path.join(dir, 'hasil.json')]);
    expect(r.code).toBe(2);
    expect(refusal(r.err)).toMatch(message);
    expect((await fs.readdir(dir)).sort()).toEqual(['buku.xlsx']);
  });

  it('refuses a local header hidden between entries, which only a reader going through the file from its start would see', async () => {
    const input = path.join(dir, 'buku.xlsx');
    const hidden = zipBytes([{ name: 'xl/worksheets/sheet1.xml', data: CRAFTED }]);
    await fs.writeFile(input, zipBytes(book(), { between: hidden.subarray(0, hidden.indexOf(Buffer.from('PK\x01\x02', 'latin1'))) }));
    const r = await runQuiet([input]);
    expect(r.code).toBe(2);
    expect(refusal(r.err)).toMatch(tampered('di dalamnya ada bagian yang tidak tercatat di daftar isinya'));
  });

  it('reads the same entries without the crafted one: what was refused would have changed the figures', async () => {
    const input = path.join(dir, 'buku.xlsx');
    await fs.writeFile(input, zipBytes(book()));
    const r = await runWithJson(input);
    expect(r.json!.anggaran!.anggaran).toBe('300');
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('the copy keeps every entry under its own name and bytes', () => {
  it('compares the raw central directories: names that are not UTF-8, a stale [content_types].xml, extra fields, a data descriptor, a stored entry, the comment', async () => {
    const dir = await tempDir();
    const timestamp = extraField(0x5455, Buffer.from([1, 0x10, 0x20, 0x30, 0x40]));
    const entries: RawEntry[] = [
      ...book(),
      // Two names that are not UTF-8 and would both decode to “caf\uFFFD.bin”.
      { name: Buffer.from('xl/media/caf\xe9.bin', 'latin1'), utf8Flag: false, data: 'satu' },
      { name: Buffer.from('xl/media/caf\xe8.bin', 'latin1'), utf8Flag: false, data: 'dua' },
      { name: '[content_types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'customXml/catatan saya.xml', data: '<catatan>milik pengguna</catatan>', extra: timestamp },
      { name: 'xl/media/gambar.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), method: 0 },
      { name: 'docProps/custom.xml', data: '<Properties/>', descriptor: true },
      { name: 'xl/media/', data: '' },
    ];
    const input = path.join(dir, 'buku.xlsx');
    await fs.writeFile(input, zipBytes(entries, { comment: 'dibuat dengan tangan' }));
    const out = path.join(dir, 'hasil.xlsx');
    const r = await runWithJson(input, ['-o', out]);
    expect(r.code).toBe(0);
    expect(r.json!.anggaran!.anggaran).toBe('300');

    const before = rawDirectory(await fs.readFile(input));
    const copy = await fs.readFile(out);
    const after = rawDirectory(copy);
    const rewritten = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
    expect(new Set(after.map((e) => e.name.toString('latin1'))).size).toBe(after.length);
    for (const e of before) {
      const kept = after.find((a) => a.name.equals(e.name));
      expect(kept).toBeDefined();
      if (rewritten.has(e.name.toString('latin1'))) continue;
      expect([e.name.toString('latin1'), kept!.record.equals(e.record), kept!.stored.equals(e.stored)]).toEqual([e.name.toString('latin1'), true, true]);
    }
    expect(copy.subarray(copy.length - 'dibuat dengan tangan'.length).toString()).toBe('dibuat dengan tangan');
    // Every entry of the copy holds what its directory says: its CRC, its sizes.
    for (const e of after) {
      const method = e.record.readUInt16LE(10);
      const data = e.stored.subarray(
        30 + e.stored.readUInt16LE(26) + e.stored.readUInt16LE(28),
        30 + e.stored.readUInt16LE(26) + e.stored.readUInt16LE(28) + e.record.readUInt32LE(20),
      );
      const content = method === 8 ? inflateRawSync(data) : data;
      expect([e.name.toString('latin1'), content.length, crc(content)]).toEqual([e.name.toString('latin1'), e.record.readUInt32LE(24), e.record.readUInt32LE(16)]);
    }
    // And the copy is read again as a workbook, its result sheets ours.
    const again = await runQuiet([out, '-o', path.join(dir, 'lagi.xlsx')]);
    expect(again.code).toBe(0);
    expect(again.err.join('\n')).not.toMatch(/telah diubah|tidak ditulis alat ini/);
  });

  it('ignores a stale [content_types].xml beside the real one, and names it when it is the only one', async () => {
    const dir = await tempDir();
    const stale = { name: '[content_types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };
    const beside = path.join(dir, 'beside.xlsx');
    await fs.writeFile(beside, zipBytes([stale, ...book()]));
    expect((await runWithJson(beside)).json!.anggaran!.anggaran).toBe('300');

    const only = path.join(dir, 'only.xlsx');
    await fs.writeFile(only, zipBytes([{ ...stale, data: book()[0].data }, ...book().slice(1)]));
    const r = await runQuiet([only]);
    expect(r.code).toBe(2);
    expect(refusal(r.err)).toBe('Galat: Berkas “only.xlsx” rusak: daftar jenis isinya bernama “[content_types].xml”, bukan “[Content_Types].xml” yang dibaca Excel.');
  });
});

describe('XML as declared', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  const latin1 = (xml: string) => Buffer.from(xml, 'latin1');

  it('decodes a workbook part declared ISO-8859-1 as such, and writes it back as UTF-8 with the same characters', async () => {
    const input = path.join(dir, 'latin1.xlsx');
    const spec = { sheets: [{ ...DPA, name: 'Realisasi 2024 é' }], declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>', encode: latin1 };
    await fs.writeFile(input, zipBytes(workbookEntries(spec)));
    const out = path.join(dir, 'latin1-hasil.xlsx');
    const r = await runWithJson(input, ['-o', out]);
    expect(r.code).toBe(0);
    expect(r.json!.lembar.dpa).toBe('Realisasi 2024 é');
    const workbook = (await packageParts(out)).get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(workbook).toContain('name="Realisasi 2024 é"');
    expect(texts(await sheetXml(out, 'Realisasi 2024 é'))).toContain('PROGRAM A');
  });

  it('reads windows-1252 as windows-1252 and ISO-8859-1 as ISO-8859-1, where they differ', async () => {
    for (const [encoding, name] of [
      ['windows-1252', 'Anggaran €'],
      ['ISO-8859-1', 'Anggaran \u0080'],
    ]) {
      const input = path.join(dir, `${encoding}.xlsx`);
      await fs.writeFile(
        input,
        zipBytes(workbookEntries({ sheets: [{ ...DPA, name: 'Anggaran \x80' }], declaration: `<?xml version="1.0" encoding="${encoding}"?>`, encode: latin1 })),
      );
      expect((await runWithJson(input)).json!.lembar.dpa).toBe(name);
    }
  });

  it('finds the declaration and every character however the inflated text comes in pieces', () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>é\x80</a>', 'latin1'), '<?xml version="1.0" encoding="ISO-8859-1"?><a>é\u0080</a>'],
      [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>é€😀</a>', 'utf8'), '<?xml version="1.0" encoding="UTF-8"?><a>é€😀</a>'],
      [Buffer.from('<a>é</a>', 'utf8'), '<a>é</a>'],
    ];
    for (const [bytes, text] of cases) {
      for (const size of [1, 2, 7, 44, bytes.length]) {
        const decoder = new XmlDecoder(() => new Error('bukan teks'));
        let out = '';
        for (let i = 0; i < bytes.length; i += size) out += decoder.decode(bytes.subarray(i, i + size));
        expect([size, out + decoder.end()]).toEqual([size, text]);
      }
    }
  });

  it.each([
    [
      'an encoding no decoder knows',
      '<?xml version="1.0" encoding="x-hitung"?>',
      latin1,
      'Galat: Berkas “sandi.xlsx” tidak dapat dibaca: bagian xl/workbook.xml menyatakan penyandian teks yang tidak dikenal.',
    ],
    [
      'bytes that are not the UTF-8 they are declared as',
      '<?xml version="1.0" encoding="UTF-8"?>',
      latin1,
      'Galat: Berkas “sandi.xlsx” rusak: bagian xl/workbook.xml bukan teks UTF-8 seperti yang dinyatakannya.',
    ],
    [
      'bytes that are not the US-ASCII they are declared as',
      '<?xml version="1.0" encoding="US-ASCII"?>',
      latin1,
      'Galat: Berkas “sandi.xlsx” rusak: bagian xl/workbook.xml bukan teks US-ASCII seperti yang dinyatakannya.',
    ],
    [
      'UTF-16 declared over bytes that are not',
      '<?xml version="1.0" encoding="UTF-16"?>',
      latin1,
      'Galat: Berkas “sandi.xlsx” rusak: bagian xl/workbook.xml bukan teks UTF-16 seperti yang dinyatakannya.',
    ],
  ])('refuses %s in one sentence, never reading other characters', async (_case, declaration, encode, message) => {
    const input = path.join(dir, 'sandi.xlsx');
    await fs.writeFile(input, zipBytes(workbookEntries({ sheets: [{ ...DPA, name: 'Anggaran é' }], declaration, encode })));
    const r = await runQuiet([input]);
    expect(r.code).toBe(2);
    expect(refusal(r.err)).toBe(message);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
});

const texts = (sheet: Awaited<ReturnType<typeof sheetXml>>) => Array.from(sheet.getElementsByTagName('t')).map((t) => t.textContent);
const sheetNames = (workbook: string) => [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);

describe('names and ids', () => {
  it('sees a user sheet whose name Excel takes for ours (ſ for s) as taken, and names the new one beside it', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'nama.xlsx');
    await fs.writeFile(input, zipBytes(workbookEntries({ sheets: [DPA, { name: 'HC Realiſasi Anggaran', body: `<sheetData>${rowsXml([['catatan saya']])}</sheetData>` }] })));
    const out = path.join(dir, 'nama-hasil.xlsx');
    expect((await runQuiet([input, '-o', out])).code).toBe(0);
    const names = sheetNames((await packageParts(out)).get('xl/workbook.xml')!.toString());
    expect(names).toEqual(['DPA', 'HC Realiſasi Anggaran', 'HC Realisasi Anggaran (2)', 'HC Narasi', 'HC Pemeriksaan']);
  });

  it('gives new sheets ids within xsd:unsignedInt when the last id is the largest, reusing the ids free below it', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'id.xlsx');
    const entries = workbookEntries({ sheets: [DPA, { name: 'Lain', body: '<sheetData/>' }] });
    entries[2].data = (entries[2].data as string).replace('sheetId="2"', 'sheetId="4294967295"');
    await fs.writeFile(input, zipBytes(entries));
    const out = path.join(dir, 'id-hasil.xlsx');
    expect((await runQuiet([input, '-o', out])).code).toBe(0);
    const ids = [
      ...(await packageParts(out))
        .get('xl/workbook.xml')!
        .toString()
        .matchAll(/sheetId="(\d+)"/g),
    ].map((m) => Number(m[1]));
    expect(ids).toEqual([1, 4294967295, 2, 3, 4]);
  });
});

interface Attachment {
  /** The sheet part's relationships, their targets relative to xl/worksheets. */
  rels: string;
  /** The element that refers to them in the sheet part, before </worksheet>. */
  element: string;
  parts: Record<string, string>;
  /** Content types to add to [Content_Types].xml. */
  types: string;
}

const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A note on a sheet, as Excel writes one: comments, their VML drawing, the sheet's relationships to both. */
const NOTE: Attachment = {
  rels:
    `<Relationship Id="rIdKomentar" Type="${DOC_RELS}/comments" Target="../comments1.xml"/>` +
    `<Relationship Id="rIdCatatan" Type="${DOC_RELS}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
  element: '<legacyDrawing r:id="rIdCatatan"/>',
  parts: {
    'xl/comments1.xml':
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Bendahara</author></authors><commentList><comment ref="B2" authorId="0"><text><t>sudah dicek</t></text></comment></commentList></comments>',
    'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape/></xml>',
  },
  types:
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>',
};

/** A drawing of `anchors` anchors on a sheet, the first holding a chart, as Excel saves the add-in's chart on HC Efisiensi. */
const chartDrawing = (anchors: number): Attachment => ({
  rels: `<Relationship Id="rIdGambar" Type="${DOC_RELS}/drawing" Target="../drawings/drawing1.xml"/>`,
  element: '<drawing r:id="rIdGambar"/>',
  parts: {
    'xl/drawings/drawing1.xml':
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">' +
      '<xdr:twoCellAnchor><xdr:graphicFrame/></xdr:twoCellAnchor>'.repeat(anchors) +
      '</xdr:wsDr>',
    'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  },
  types:
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
});

/** The workbook in `file` with `attachment` on `sheet`, written to `into`. */
async function attach(file: string, sheet: string, attachment: Attachment, into: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(rels)![0].match(/Target="([^"]+)"/)![1];
  const part = `xl/${target}`;
  zip.file(part, (await zip.file(part)!.async('string')).replace('</worksheet>', `${attachment.element}</worksheet>`));
  zip.file(`xl/worksheets/_rels/${path.posix.basename(part)}.rels`, `<Relationships xmlns="${PKG_RELS}">${attachment.rels}</Relationships>`);
  for (const [name, text] of Object.entries(attachment.parts)) zip.file(name, text);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${attachment.types}</Types>`));
  await fs.writeFile(into, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Every override names a part of the copy, and every relationship's target is in it. */
async function expectNoOrphans(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(m[1]);
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const folder = path.posix.dirname(path.posix.dirname(rels));
    for (const m of (await zip.file(rels)!.async('string')).matchAll(/Target="([^"]+)"(?![^>]*External)/g)) {
      expect([rels, names.includes(path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, m[1])).replace(/^\//, ''))]).toEqual([rels, true]);
    }
  }
  return names;
}

describe('our sheets carrying what we did not write', () => {
  let dir: string;
  let noted: string;
  beforeAll(async () => {
    dir = await tempDir();
    const first = path.join(dir, 'pertama.xlsx');
    expect((await runQuiet([path.join(FIXTURES, 'semboro-bersih.xlsx'), '-o', first])).code).toBe(0);
    noted = path.join(dir, 'catatan.xlsx');
    await attach(first, 'HC Efisiensi', NOTE, noted);
  });

  it('the command line keeps a sheet of ours with a note added, values unchanged, and says so', async () => {
    const out = path.join(dir, 'kedua.xlsx');
    const r = await runQuiet([noted, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Lembar “HC Efisiensi” berisi catatan yang tidak ditulis alat ini; lembar itu dibiarkan dan hasil baru ditulis ke lembar “HC Efisiensi (2)”.');
    const parts = await packageParts(out);
    expect(parts.get('xl/comments1.xml')!.toString()).toContain('sudah dicek');
    expect(sheetNames(parts.get('xl/workbook.xml')!.toString()).filter((n) => n.startsWith('HC Efisiensi'))).toEqual(['HC Efisiensi', 'HC Efisiensi (2)']);
  });

  it('asks before replacing it (the page without the add-in), and replaced, it leaves no orphan part or content type behind', async () => {
    const bytes = await fs.readFile(noted);
    const book = await readXlsx(bytes, 'catatan.xlsx');
    expect(book.extras).toEqual(new Map([['HC Efisiensi', 'catatan']]));
    expect(editedSheets(existingSheets(book))).toEqual(['HC Efisiensi']);

    const { prepared, plan } = planRun(inputSheets(book), {}, existingSheets(book), [], true, () => {});
    expect(plan.remove).toContain('HC Efisiensi');
    const zip = await JSZip.loadAsync(concat(await addResultSheets(book, prepared, plan)));
    const names = await expectNoOrphans(zip);
    expect(names.filter((n) => /comments|vmlDrawing/.test(n))).toEqual([]);
    expect(await zip.file('[Content_Types].xml')!.async('string')).not.toContain('/xl/comments1.xml');
    expect(sheetNames(await zip.file('xl/workbook.xml')!.async('string')).filter((n) => n.startsWith('HC Efisiensi'))).toEqual(['HC Efisiensi']);
  });

  it('takes the one chart the registry gives HC Efisiensi for ours, replacing it with its drawing; a second anchor is the user’s', async () => {
    const first = path.join(dir, 'pertama.xlsx');
    const charted = path.join(dir, 'bagan.xlsx');
    await attach(first, 'HC Efisiensi', chartDrawing(1), charted);
    const book = await readXlsx(await fs.readFile(charted), 'bagan.xlsx');
    expect(book.extras).toEqual(new Map());
    const { prepared, plan } = planRun(inputSheets(book), {}, existingSheets(book), editedSheets(existingSheets(book)), false, () => {});
    expect([plan.edited, plan.remove.includes('HC Efisiensi')]).toEqual([[], true]);
    const names = await expectNoOrphans(await JSZip.loadAsync(concat(await addResultSheets(book, prepared, plan))));
    expect(names.filter((n) => /drawing|chart/.test(n)).sort()).toEqual(['xl/charts/chart2.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/drawings/drawing2.xml']);

    const more = path.join(dir, 'bagan-lain.xlsx');
    await attach(first, 'HC Efisiensi', chartDrawing(2), more);
    const r = await runQuiet([more, '-o', path.join(dir, 'bagan-lain-hasil.xlsx')]);
    expect(r.err).toContain(
      'Lembar “HC Efisiensi” berisi gambar atau bagan yang tidak ditulis alat ini; lembar itu dibiarkan dan hasil baru ditulis ke lembar “HC Efisiensi (2)”.',
    );
  });
});

describe('a signed workbook, a locked structure', () => {
  it('says that the copy breaks the signature and that the structure is locked, and writes the copy as asked', async () => {
    const dir = await tempDir();
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(FIXTURES, 'semboro-bersih.xlsx')));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'));
    zip.file('_xmlsignatures/sig1.xml', '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>');
    zip.file('_xmlsignatures/origin.sigs', '');
    const input = path.join(dir, 'bertanda.xlsx');
    await fs.writeFile(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(workbook).toMatch(/<workbookPr[^>]*\/>/);

    const out = path.join(dir, 'bertanda-hasil.xlsx');
    const r = await runQuiet([input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(
      expect.arrayContaining([
        'Buku kerja “bertanda.xlsx” ditandatangani secara digital; tanda tangan itu tidak berlaku lagi pada salinannya, karena salinan berisi lembar hasil yang tidak ikut ditandatangani.',
        'Struktur buku kerja “bertanda.xlsx” dikunci (Lindungi Buku Kerja); salinannya tetap ditulis dengan lembar hasil seperti diminta, dan kunci itu tetap berlaku di salinan.',
      ]),
    );
    const parts = await packageParts(out);
    expect(parts.get('_xmlsignatures/sig1.xml')!.toString()).toContain('Signature');
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('lockStructure="1"');
    expect(sheetNames(parts.get('xl/workbook.xml')!.toString())).toContain('HC Efisiensi');

    // Without -o there is no copy, and nothing to say of one.
    expect((await runQuiet([input])).err.join('\n')).not.toMatch(/tanda tangan|dikunci/);
  });
});
