import fc from 'fast-check';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { MAX_PENDING, NotPlain, PlainXmlScanner, ScanAttributes, XmlHandler } from '../../../src/adapters/xlsx/scan';
import { localName } from '../../../src/adapters/xlsx/xml';

/**
 * The plain scanner against saxes: on every part, either it gives up (and the part is read by saxes)
 * or its handler hears exactly what saxes's would, and where saxes refuses a part it never reads one.
 */

type Event = ['open', string, ScanAttributes] | ['text', string] | ['close', string];

function recorder(): XmlHandler & { events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    open: (name, a) => events.push(['open', name, Object.fromEntries((['r', 't', 's', 'hidden', 'ref'] as const).filter((k) => a[k] !== undefined).map((k) => [k, a[k]]))]),
    // Text as one piece between tags: saxes may hand it over in several.
    text: (t) => {
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += t;
      else events.push(['text', t]);
    },
    close: (name) => events.push(['close', name]),
  };
}

/** Text outside the root (white space, the only text allowed there) is no element's: handlers never see it as theirs. */
function inRoot(events: Event[]): Event[] {
  let depth = 0;
  return events.filter((e) => {
    if (e[0] === 'open') depth++;
    if (e[0] === 'close') depth--;
    return e[0] !== 'text' || (e[1] !== '' && depth > 0);
  });
}

function bySaxes(pieces: string[]): Event[] | 'refused' {
  const h = recorder();
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => h.open(localName(tag.name), tag.attributes));
  parser.on('text', (t) => h.text(t));
  parser.on('closetag', (tag) => h.close(localName(tag.name)));
  try {
    for (const p of pieces) parser.write(p);
    parser.close();
  } catch {
    return 'refused';
  }
  return inRoot(h.events);
}

function byScanner(pieces: string[]): Event[] | 'not plain' {
  const h = recorder();
  const scanner = new PlainXmlScanner(h);
  try {
    for (const p of pieces) scanner.write(p);
    scanner.end();
  } catch (e) {
    if (e instanceof NotPlain) return 'not plain';
    throw e;
  }
  return inRoot(h.events);
}

/** Text of a cell as writers write it: plain, with the five entities, character references, line ends, tabs, other scripts. */
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Program',
        'Belanja Pegawai',
        '1.02',
        ' ',
        '  ',
        'é',
        'ü',
        '中文',
        '😀',
        '&amp;',
        '&lt;',
        '&gt;',
        '&quot;',
        '&apos;',
        '&#233;',
        '&#x1F600;',
        '&#10;',
        '&#13;',
        '\n',
        '\r\n',
        '\t',
        '>',
        ']]',
      ),
      fc.string({ maxLength: 4 }).map((s) => s.replace(/[<&]/g, '')),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const numberArb = fc.oneof(fc.integer().map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('1e5', '-0', '.5', '0x10', 'NaN', ''));

interface Style {
  prefix: '' | 'x:';
  sOrder: 'before' | 'after';
  space: '' | '\n' | '\r\n  ';
  quote: '"' | "'";
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  sOrder: fc.constantFrom('before', 'after'),
  space: fc.constantFrom('', '\n', '\r\n  '),
  quote: fc.constantFrom('"', "'"),
});

const cellArb = fc.record({
  col: fc.integer({ min: 0, max: 30 }),
  withRef: fc.boolean(),
  s: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 3 }),
  t: fc.option(fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd'), { nil: null, freq: 2 }),
  formula: fc.option(fc.oneof(fc.constant({ kind: 'plain' as const }), fc.constant({ kind: 'shared' as const })), { nil: null, freq: 1 }),
  value: fc.option(fc.oneof(numberArb, textArb), { nil: null }),
  inline: fc.option(fc.tuple(textArb, fc.option(textArb, { nil: null })), { nil: null }),
  selfClosing: fc.boolean(),
});

const rowArb = fc.record({ gap: fc.integer({ min: 1, max: 3 }), withRef: fc.boolean(), hidden: fc.boolean(), extra: fc.boolean(), cells: fc.array(cellArb, { maxLength: 5 }) });

const docArb = fc.record({
  style: styleArb,
  declaration: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>"),
  comment: fc.boolean(),
  rows: fc.array(rowArb, { maxLength: 6 }),
  merges: fc.array(fc.constantFrom('A1:B2', 'C3:C9', 'A1'), { maxLength: 2 }),
});

type Doc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

const column = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : 'A' + String.fromCharCode(65 + c - 26));

/** A worksheet part as a writer might write it. */
function sheetXml(d: Doc): string {
  const { prefix: p, space: w, quote: q } = d.style;
  const attr = (name: string, value: string | number | null) => (value === null ? '' : ` ${name}=${q}${value}${q}`);
  let row = 0;
  const rows = d.rows.map((r) => {
    row += r.gap;
    const cells = r.cells.map((c) => {
      const ref = c.withRef ? attr('r', `${column(c.col)}${row}`) : '';
      const st = d.style.sOrder === 'before' ? attr('s', c.s) + attr('t', c.t) : attr('t', c.t) + attr('s', c.s);
      if (c.selfClosing && c.value === null) return `<${p}c${ref}${st}/>`;
      const f = c.formula === null ? '' : c.formula.kind === 'plain' ? `<${p}f>SUM(A1:A2)&amp;&quot;x&quot;</${p}f>` : `<${p}f t="shared" si="0"/>`;
      const v =
        c.t === 'inlineStr' && c.inline
          ? `<${p}is><${p}t>${c.inline[0]}</${p}t>${c.inline[1] === null ? '' : `<${p}rPh><${p}t>${c.inline[1]}</${p}t></${p}rPh>`}</${p}is>`
          : c.value === null
            ? ''
            : `<${p}v>${c.value}</${p}v>`;
      return `<${p}c${ref}${st}>${f}${v}</${p}c>`;
    });
    return `<${p}row${r.withRef ? attr('r', row) : ''}${r.hidden ? attr('hidden', 1) : ''}${r.extra ? ' spans="1:4" x14ac:dyDescent="0.25"' : ''}>${w}${cells.join(w)}</${p}row>`;
  });
  const merges = d.merges.length === 0 ? '' : `<${p}mergeCells count="${d.merges.length}">${d.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`;
  const ns = p === 'x:' ? 'xmlns:x' : 'xmlns';
  return `${d.declaration}${d.comment ? '<!-- dibuat oleh uji -->' : ''}<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${w}<${p}sheetData>${rows.join(w)}</${p}sheetData>${merges}</${p}worksheet>${w}`;
}

/** The text cut into pieces at the given places, as the inflater hands it over. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((x) => Math.floor(x * text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces.filter((x) => x !== '');
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

/** The part with one of its attributes written twice, which XML forbids. */
function repeatAttribute(xml: string, at: number, name = '[\\w:]+'): string {
  const attributes = [...xml.matchAll(new RegExp(` ${name}=(["'])[^"']*\\1`, 'g'))];
  const a = attributes[Math.floor(at * attributes.length)];
  return a ? xml.slice(0, a.index + a[0].length) + a[0] + xml.slice(a.index + a[0].length) : xml;
}

describe('the plain scanner (property)', () => {
  it('hears in every part what saxes hears, giving up only on what it does not read', () => {
    let read = 0;
    fc.assert(
      fc.property(docArb, cutsArb, (doc, cuts) => {
        const xml = sheetXml(doc);
        const pieces = cut(xml, cuts);
        const expected = bySaxes(pieces);
        const actual = byScanner(pieces);
        if (actual === 'not plain') return;
        read++;
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    // What writers write is read by the scanner itself, not left to saxes.
    expect(read).toBeGreaterThan(300);
  });

  it('never reads a part saxes refuses, nor reads a damaged part otherwise than saxes', () => {
    const edits = fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        kind: fc.constantFrom('delete', 'insert', 'insert', 'repeat'),
        char: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', '!', '?', '-', ']', ' ', 'a', ':', '\u0001', '\uD800', '\uFFFE', '#', ';'),
      }),
      { minLength: 1, maxLength: 3 },
    );
    let refused = 0;
    fc.assert(
      fc.property(docArb, edits, cutsArb, (doc, changes, cuts) => {
        let xml = sheetXml(doc);
        for (const e of changes) {
          const i = Math.floor(e.at * xml.length);
          if (e.kind === 'repeat') xml = repeatAttribute(xml, e.at);
          else xml = e.kind === 'delete' ? xml.slice(0, i) + xml.slice(i + 1) : xml.slice(0, i) + e.char + xml.slice(i);
        }
        const pieces = cut(xml, cuts);
        const expected = bySaxes(pieces);
        const actual = byScanner(pieces);
        if (expected === 'refused') refused++;
        if (actual === 'not plain') return;
        expect(expected).not.toBe('refused');
        expect(actual).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  });

  it.each([
    '<w><c r="A1" s="3" s="3"><v>1</v></c></w>',
    '<w><c r="A1" s="1" t="n" s="2"/></w>',
    '<w><c r="A1" t="s" t="s"><v>1</v></c></w>',
    '<w><row r="1" hidden="1" hidden="1"/></w>',
    '<w><row r="1" spans="1:2" hidden="1" spans="1:2"><c r="A1"/></row></w>',
  ])('leaves %s, with an attribute written twice, to saxes, which refuses it', (xml) => {
    expect(bySaxes([xml])).toBe('refused');
    expect(byScanner([xml])).toBe('not plain');
  });

  it('never reads a part with an attribute written twice', () => {
    fc.assert(
      fc.property(docArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(undefined, 'r', 's', 't', 'hidden', 'ref'), (doc, at, name) => {
        const xml = repeatAttribute(sheetXml(doc), at, name);
        fc.pre(bySaxes([xml]) === 'refused');
        expect(byScanner([xml])).toBe('not plain');
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a cell', (n: number) => `<c r="A1" t="str"><v>${'é'.repeat(n)}</v></c>`],
    ['an inline string’s text', (n: number) => `<c r="A1" t="inlineStr"><is><t>${'é'.repeat(n)}</t></is></c>`],
  ])('leaves %s longer than any a spreadsheet writes, coming in many pieces, to saxes, which reads it', (_, cell) => {
    const xml = `<w><sheetData><row r="1">${cell(MAX_PENDING + 100_000)}</row></sheetData></w>`;
    const pieces = xml.match(/[^]{1,65536}/g)!;
    expect(byScanner(pieces)).toBe('not plain');
    expect(bySaxes(pieces)).not.toBe('refused');
    // Within the bound, the same cell in pieces is read as saxes reads it.
    const short = `<w><sheetData><row r="1">${cell(200_000)}</row></sheetData></w>`;
    const shortPieces = short.match(/[^]{1,65536}/g)!;
    expect(byScanner(shortPieces)).toEqual(bySaxes(shortPieces));
  });
});
