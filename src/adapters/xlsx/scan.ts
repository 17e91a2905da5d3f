/**
 * A fast reader of the XML Excel writes for sheets and shared strings: tags, the few attributes the
 * reader uses, and text, found with indexOf over the inflated text instead of one character at a
 * time. It reads only XML as plain as a spreadsheet program writes it; at anything else (a DOCTYPE,
 * CDATA, a processing instruction past the declaration, a character or reference XML forbids, tags
 * that do not nest, a second root) it gives up, and the part is read again by saxes, which reads all
 * of XML and refuses what is not well-formed. So every part gives what saxes would give it, only
 * sooner. Tested against saxes on generated and damaged parts (test/adapters/xlsx/scan.property.test.ts).
 */

/** Attributes a handler reads; any other is checked and skipped. */
export interface ScanAttributes {
  r?: string;
  t?: string;
  s?: string;
  hidden?: string;
  ref?: string;
}

/** What a reader of a part does with its elements: `name` without its prefix, text with its references replaced. */
export interface XmlHandler {
  open(name: string, attributes: ScanAttributes): void;
  text(text: string): void;
  close(name: string): void;
}

/** Thrown when the scanner meets what it does not read: the part is to be read by saxes instead. */
export class NotPlain extends Error {}

const notPlain = (): never => {
  throw new NotPlain();
};

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character XML 1.0 allows (§2.2). */
const xmlChar = (n: number) => n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

/** A character XML forbids, a lone surrogate, or `]]>` (allowed in a comment or an attribute value, where a part is then left to saxes). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\]\]>/;
/** The same, and any surrogate: four times as fast over a whole piece, so FORBIDDEN is only asked where this finds something. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|\]\]>/;
const REFERENCE = /&([^;&<]{0,12});/g;

/** Text or an attribute value with its references replaced; not plain when one is unknown or names no character XML allows. */
function decode(text: string): string {
  if (text.indexOf('&') < 0) return text;
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const ref = m[1];
    let ch: string | undefined;
    if (ref[0] !== '#') ch = ENTITY[ref];
    else {
      const hex = ref[1] === 'x';
      const digits = ref.slice(hex ? 2 : 1);
      if ((hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
        const n = parseInt(digits, hex ? 16 : 10);
        if (xmlChar(n)) ch = String.fromCodePoint(n);
      }
    }
    if (ch === undefined) notPlain();
    out += text.slice(last, m.index) + ch;
    last = m.index! + m[0].length;
    count++;
  }
  // Every & starts a reference.
  if (text.split('&').length - 1 !== count) notPlain();
  return out + text.slice(last);
}

/** Line ends as XML gives them to an application (§2.11): CR LF and a lone CR become LF. */
const lineEnds = (text: string) => (text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n'));

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** The attributes of an element that has none. */
const NONE: ScanAttributes = Object.freeze({});

/** A cell as plain as most are written: the reference first, then style and type, a formula and a value with nothing to decode. */
const CELL = /<c r="([A-Z]{1,3}[0-9]{1,7})"(?: s="([0-9]{1,6})")?(?: t="([a-zA-Z]{1,9})")?(?: s="([0-9]{1,6})")?(?:\/>|>(?:<f>([^<&\r]*)<\/f>)?(?:<v>([^<&\r]*)<\/v>)?<\/c>)/y;

/** A row's start tag as plain as most are written: the reference first, attributes with nothing to decode or normalise. */
const ROW = /<row r="([0-9]{1,7})"((?: [A-Za-z_][\w.:-]*="[^"<&\t\n\r]*")*)>/y;

/**
 * Characters at most carried over from one piece to the next: a cell Excel writes holds at most
 * 32.767 characters, each written in at most ten (`&#x10FFFF;`).
 */
export const MAX_PENDING = 1 << 20;

const DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

/**
 * Scans a part given in pieces: `write` each piece as it is inflated, then `end`. Throws NotPlain
 * where saxes must read the part instead.
 */
export class PlainXmlScanner {
  private buffer = '';
  private readonly stack: string[] = [];
  private started = false;
  private rootSeen = false;
  private readonly attributes: ScanAttributes = {};
  /** The attribute names of the tag being read, for refusing one written twice. */
  private readonly seen: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  write(piece: string): void {
    // What is left of the pieces before is one unfinished tag, cell or text, scanned again with this
    // piece: longer than any a spreadsheet writes, it would be scanned again piece after piece
    // (quadratic on a cell of 40 million characters), and saxes reads the part instead.
    if (this.buffer.length > MAX_PENDING) notPlain();
    this.buffer = this.buffer.length === 0 ? piece : this.buffer + piece;
    // Checked once for the whole buffer (what is left of the last piece and this one): nowhere in
    // plain XML, so nowhere in a token, whichever it falls in.
    if (SUSPECT.test(this.buffer) && FORBIDDEN.test(this.buffer)) notPlain();
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.buffer.length > 0 || this.stack.length > 0 || !this.rootSeen) notPlain();
  }

  private scan(last: boolean): void {
    const b = this.buffer;
    let i = 0;
    for (;;) {
      const lt = b.indexOf('<', i);
      if (lt < 0) {
        // Text to the end: whole only when nothing more comes.
        if (last) {
          this.textBetween(b, i, b.length);
          i = b.length;
        }
        break;
      }
      if (lt > i) this.textBetween(b, i, lt);
      const c = b.charCodeAt(lt + 1);
      const next = (this.stack.length > 0 && ((c === 99 && this.cell(b, lt)) || (c === 114 && this.row(b, lt)))) || this.tag(b, lt, last);
      if (next < 0) {
        i = lt;
        break;
      }
      i = next;
    }
    this.buffer = i === 0 ? b : b.slice(i);
  }

  private textBetween(b: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      // Outside the root only white space.
      for (let k = from; k < to; k++) if (!isSpace(b.charCodeAt(k))) notPlain();
      this.started = true;
      return;
    }
    this.handler.text(decode(lineEnds(b.slice(from, to))));
  }

  /** Reads the tag at `lt`; returns where it ends, or -1 when the buffer ends inside it. */
  private tag(b: string, lt: number, last: boolean): number {
    const c = b.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return last ? notPlain() : -1;
    if (c === 47) return this.endTag(b, lt, last);
    if (c === 33) return this.comment(b, lt, last);
    if (c === 63) return this.declaration(b, lt, last);
    this.started = true;
    if (!isNameStart(c)) notPlain();
    let k = lt + 2;
    while (k < b.length && isNameChar(b.charCodeAt(k))) k++;
    if (k >= b.length) return last ? notPlain() : -1;
    const name = b.slice(lt + 1, k);
    const attributes = this.attributes;
    attributes.r = attributes.t = attributes.s = attributes.hidden = attributes.ref = undefined;
    const seen = this.seen;
    seen.length = 0;
    for (;;) {
      const spaceStart = k;
      while (k < b.length && isSpace(b.charCodeAt(k))) k++;
      if (k >= b.length) return last ? notPlain() : -1;
      const ch = b.charCodeAt(k);
      if (ch === 62 || ch === 47) {
        let selfClosing = false;
        if (ch === 47) {
          if (k + 1 >= b.length) return last ? notPlain() : -1;
          if (b.charCodeAt(k + 1) !== 62) notPlain();
          selfClosing = true;
          k++;
        }
        if (this.stack.length === 0) {
          if (this.rootSeen) notPlain();
          this.rootSeen = true;
        }
        const local = name.slice(name.indexOf(':') + 1);
        this.handler.open(local, attributes);
        if (selfClosing) this.handler.close(local);
        else this.stack.push(name);
        return k + 1;
      }
      // An attribute, after white space.
      if (k === spaceStart || !isNameStart(ch)) notPlain();
      const nameStart = k;
      while (k < b.length && isNameChar(b.charCodeAt(k))) k++;
      const attribute = b.slice(nameStart, k);
      while (k < b.length && isSpace(b.charCodeAt(k))) k++;
      if (k >= b.length) return last ? notPlain() : -1;
      if (b.charCodeAt(k) !== 61) notPlain();
      k++;
      while (k < b.length && isSpace(b.charCodeAt(k))) k++;
      if (k >= b.length) return last ? notPlain() : -1;
      const quote = b.charCodeAt(k);
      if (quote !== 34 && quote !== 39) notPlain();
      const close = b.indexOf(quote === 34 ? '"' : "'", k + 1);
      if (close < 0) return last ? notPlain() : -1;
      const raw = b.slice(k + 1, close);
      if (raw.indexOf('<') >= 0) notPlain();
      // Attribute values are normalised (§3.3.3): white space written as such becomes a space, one written as a reference stays.
      const value = decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
      if (seen.includes(attribute)) notPlain();
      seen.push(attribute);
      switch (attribute) {
        case 'r':
        case 't':
        case 's':
        case 'hidden':
        case 'ref':
          attributes[attribute] = value;
      }
      k = close + 1;
    }
  }

  /**
   * A whole cell at `lt` as spreadsheet programs write most of them, in one match: `<c r="B7" s="3"
   * t="s"><f>…</f><v>12</v></c>`, nothing in it to decode or normalise. Returns where it ends, or 0
   * for any other cell (or one the buffer ends inside), which is then read tag by tag.
   */
  private cell(b: string, lt: number): number {
    CELL.lastIndex = lt;
    const m = CELL.exec(b);
    if (m === null) return 0;
    // The style before or after the type (writers differ); written twice, saxes refuses the part.
    if (m[2] !== undefined && m[4] !== undefined) notPlain();
    const attributes = this.attributes;
    attributes.r = m[1];
    attributes.s = m[2] ?? m[4];
    attributes.t = m[3];
    attributes.hidden = attributes.ref = undefined;
    const h = this.handler;
    h.open('c', attributes);
    const formula = m[5];
    if (formula !== undefined) {
      h.open('f', NONE);
      if (formula !== '') h.text(formula);
      h.close('f');
    }
    const value = m[6];
    if (value !== undefined) {
      h.open('v', NONE);
      if (value !== '') h.text(value);
      h.close('v');
    }
    h.close('c');
    return CELL.lastIndex;
  }

  /** A row's start tag at `lt` as plainly written (`<row r="7" spans="1:4" ht="15">`), in one match; 0 for any other. */
  private row(b: string, lt: number): number {
    ROW.lastIndex = lt;
    const m = ROW.exec(b);
    if (m === null) return 0;
    const attributes = this.attributes;
    attributes.r = m[1];
    attributes.t = attributes.s = attributes.hidden = attributes.ref = undefined;
    const more = m[2];
    if (more) {
      const seen = this.seen;
      seen.length = 0;
      seen.push('r');
      // ` name="value"` after ` name="value"`, as the match found them.
      for (let k = 0; k < more.length;) {
        const eq = more.indexOf('="', k);
        const end = more.indexOf('"', eq + 2);
        const name = more.slice(k + 1, eq);
        if (seen.includes(name)) notPlain();
        seen.push(name);
        switch (name) {
          case 't':
          case 's':
          case 'hidden':
          case 'ref':
            attributes[name] = more.slice(eq + 2, end);
        }
        k = end + 1;
      }
    }
    this.handler.open('row', attributes);
    this.stack.push('row');
    return ROW.lastIndex;
  }

  private endTag(b: string, lt: number, last: boolean): number {
    const gt = b.indexOf('>', lt + 2);
    if (gt < 0) return last ? notPlain() : -1;
    let end = gt;
    while (end > lt + 2 && isSpace(b.charCodeAt(end - 1))) end--;
    const name = b.slice(lt + 2, end);
    if (this.stack.pop() !== name) notPlain();
    this.handler.close(name.slice(name.indexOf(':') + 1));
    return gt + 1;
  }

  private comment(b: string, lt: number, last: boolean): number {
    if (b.length < lt + 4) return last ? notPlain() : -1;
    if (!b.startsWith('<!--', lt)) notPlain();
    const end = b.indexOf('-->', lt + 4);
    if (end < 0) return last ? notPlain() : -1;
    const body = b.slice(lt + 4, end);
    if (body.includes('--') || body.endsWith('-')) notPlain();
    this.started = true;
    return end + 3;
  }

  /** The XML declaration, first in the part; any other processing instruction is left to saxes. */
  private declaration(b: string, lt: number, last: boolean): number {
    const end = b.indexOf('?>', lt + 2);
    if (end < 0) return last ? notPlain() : -1;
    if (this.started || lt !== 0 || !DECLARATION.test(b.slice(0, end + 2))) notPlain();
    this.started = true;
    return end + 2;
  }
}
