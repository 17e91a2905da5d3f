import { editedSheets } from '../../src/core/result-sheets';
import fc from 'fast-check';
import { rowsXml, SMALL_DPA } from '../helpers';
import { rawDirectory, RawEntry, unicodePath, workbookEntries, zipBytes } from '../support/zip-bytes';
import { CONTENT_TYPES, relsPartOf } from '../../src/adapters/xlsx/package';
import { existingSheets, inputSheets, readXlsx } from '../../src/adapters/xlsx/read';
import { addResultSheets } from '../../src/adapters/xlsx/write';
import { InputError } from '../../src/core/errors';
import { planRun } from '../../src/core/run/plan';

/**
 * The package reader on zips of every shape: for every input, either a refusal in one sentence, or
 * a copy in which every original entry is present byte for byte under its raw name (the parts the
 * copy rewrites under their own names), that reads again as a workbook.
 */

const CRAFTED = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml([
  ['Kode', 'Uraian', 'Anggaran'],
  ['7.01.01', 'PROGRAM A', 999_999_999_999],
])}</sheetData></worksheet>`;
const BOOK = workbookEntries({ sheets: [{ name: 'DPA', body: `<sheetData>${rowsXml(SMALL_DPA)}</sheetData>` }] });

const SEGMENTS = [
  'xl',
  'XL',
  'worksheets',
  'sheet1.xml',
  'Sheet1.XML',
  'sheet%31.xml',
  'sheet2.xml',
  '_rels',
  'workbook.xml',
  'workbook.xml.rels',
  '.rels',
  'styles.xml',
  'media',
  'a.bin',
  'café.bin',
  '..',
  '.',
  '',
  '%2e%2e',
  '%2F',
  'a\\b',
  'x.',
  'x ',
  '[Content_Types].xml',
  '[content_types].xml',
  'docProps',
  'app.xml',
  'customXml',
  'item1.xml',
];
const textName = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
/** Bytes in a folder: mostly letters and the upper half (names in a code page, seldom UTF-8), any byte now and then. */
const rawName = fc
  .tuple(
    fc.constantFrom('', 'xl/', 'xl/media/', 'xl/worksheets/'),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0x61, max: 0x7a }) },
        { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }) },
      ),
      {
        minLength: 1,
        maxLength: 10,
      },
    ),
  )
  .map(([folder, bytes]) => Buffer.concat([Buffer.from(folder), Buffer.from(bytes)]));
/** Names as text, raw bytes, or the name of an entry of the workbook, perhaps in another case. */
const name = fc.oneof(
  { weight: 4, arbitrary: textName },
  { weight: 3, arbitrary: rawName },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BOOK.map((e) => e.name as string)), fc.boolean()).map(([n, upper]) => (upper ? n.toUpperCase() : n)) },
);
/** An arbitrary's value one time in `n`, else undefined. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, n: number) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const entry: fc.Arbitrary<RawEntry> = fc
  .record({
    name,
    data: fc.oneof(fc.constant(CRAFTED), fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 40 })),
    method: fc.constantFrom<0 | 8>(0, 8),
    utf8Flag: fc.option(fc.boolean(), { nil: undefined }),
    descriptor: fc.boolean(),
    localName: sometimes(name, 8),
    unicode: sometimes(textName, 8),
    unicodeInLocal: fc.boolean(),
  })
  .map(({ unicode, unicodeInLocal, ...e }) => (unicode === undefined ? e : { ...e, [unicodeInLocal ? 'localExtra' : 'extra']: unicodePath(e.name, unicode) }));

const zipArb = fc
  .record({
    added: fc.array(entry, { maxLength: 4 }),
    order: fc.boolean(),
    between: sometimes(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constant(Buffer.from('PK\x03\x04', 'latin1'))), 6),
    comment: sometimes(fc.string({ maxLength: 20 }), 3),
    /** Bytes overwritten anywhere, or the file cut short (at a fraction of its length). */
    damage: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 2 }) },
    ),
    cut: sometimes(fc.double({ min: 0, max: 1, noNaN: true }), 10),
  })
  .chain(({ added, order, ...rest }) => {
    const entries = [...BOOK, ...added];
    return (order ? fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }) : fc.constant(entries)).map((shuffled) => ({
      entries: shuffled,
      ...rest,
    }));
  });

function zipOf({ entries, between, comment, damage, cut }: typeof zipArb extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const bytes = zipBytes(entries, { between, comment });
  for (const [at, byte] of damage) bytes[at % bytes.length] = byte;
  return cut === undefined ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
}

function expectOneSentence(e: unknown): void {
  if (!(e instanceof InputError)) throw e;
  expect(e.message).toMatch(/^\p{Lu}[^\n]*[^.]\.$/u);
  expect(e.message).not.toMatch(/\.\s+\p{Lu}/u);
}

describe('the package reader on zips of every shape', () => {
  it('refuses in one sentence, or copies every original entry byte for byte under its raw name', async () => {
    let copies = 0;
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(zipArb, async (input) => {
        const bytes = zipOf(input);
        let copy: Buffer;
        let rewritten: Set<string>;
        try {
          const book = await readXlsx(bytes, 'acak.xlsx');
          const { prepared, plan } = planRun(inputSheets(book), {}, existingSheets(book), editedSheets(existingSheets(book)), false, () => {});
          copy = Buffer.concat(await addResultSheets(book, prepared, plan));
          const parts = [CONTENT_TYPES, book.workbookPart, relsPartOf(book.workbookPart), book.stylesPart, 'docProps/app.xml', book.recordPart];
          rewritten = new Set(parts.flatMap((p) => (p && book.pkg.entry(p) ? [Buffer.from(book.pkg.entry(p)!.rawName).toString('latin1')] : [])));
        } catch (e) {
          expectOneSentence(e);
          refusals++;
          return;
        }
        copies++;
        const after = rawDirectory(copy);
        expect(new Set(after.map((e) => e.name.toString('latin1'))).size).toBe(after.length);
        for (const e of rawDirectory(bytes)) {
          const raw = e.name.toString('latin1');
          const kept = after.find((a) => a.name.equals(e.name));
          expect([raw, kept !== undefined]).toEqual([raw, true]);
          if (!rewritten.has(raw)) expect([raw, kept!.record.equals(e.record), kept!.stored.equals(e.stored)]).toEqual([raw, true, true]);
        }
        await readXlsx(copy, 'salinan.xlsx');
      }),
      { numRuns: Number(process.env.HC_FUZZ_RUNS ?? 300) },
    );
    if (process.env.HC_FUZZ) console.log({ copies, refusals });
    // Both outcomes were met: the property says something of each.
    expect(copies).toBeGreaterThan(30);
    expect(refusals).toBeGreaterThan(30);
  }, 120_000);
});
