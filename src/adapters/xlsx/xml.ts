import { Document, DOMParser, Element, onErrorStopParsing, XMLSerializer } from '@xmldom/xmldom';

/** The XML of the package's small parts, through @xmldom/xmldom; sheets are streamed with saxes (read-sheet.ts). */

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The encoding of a text by its first bytes (XML 1.0, appendix F): UTF-16 by its byte order mark, or
 * by a NUL beside the first character (`<` or `{`) when it has none; UTF-8 otherwise.
 */
export function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] !== 0 && bytes[1] === 0)) return 'utf-16le';
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] !== 0)) return 'utf-16be';
  return 'utf-8';
}

/** Labels of ISO-8859-1, which the WHATWG decoder takes for windows-1252 (different in 0x80–0x9F): decoded here byte for code point, as XML parsers do. */
const LATIN1 = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'iso_8859-1:1987']);
const ASCII = new Set(['us-ascii', 'ascii', 'iso646-us', 'csascii']);

/** The encoding a part's XML declaration names (`<?xml … encoding="ISO-8859-1"?>`), lower-case; null without one. */
function declaredEncoding(start: Uint8Array): string | null {
  const head = String.fromCharCode(...start.subarray(0, Math.min(start.length, DECLARATION_BYTES)));
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(head)?.[2].toLowerCase() ?? null;
}

/** How far into a part its declaration is looked for. */
const DECLARATION_BYTES = 512;

type Decode = (bytes: Uint8Array, stream: boolean) => string;

function byteDecoder(allowed: number): Decode {
  return (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const piece = bytes.subarray(i, i + 8192);
      if (piece.some((b) => b > allowed)) throw new RangeError('byte out of range');
      out += String.fromCharCode(...piece);
    }
    return out;
  };
}

function textDecoder(label: string): Decode {
  const decoder = new TextDecoder(label, { fatal: true });
  return (bytes, stream) => decoder.decode(bytes, { stream });
}

/**
 * Decodes an XML part in pieces in its encoding (XML 1.0, 4.3.3 and appendix F): UTF-16 by its
 * first bytes, otherwise the encoding its declaration names, UTF-8 when it names none. Bytes that
 * are not of that encoding, or an encoding no decoder here knows, are `fail`ed with the encoding's
 * name (null when unknown), never read as other characters.
 */
export class XmlDecoder {
  private decode1: Decode | null = null;
  private encoding = 'UTF-8';
  private head: Uint8Array | null = null;

  constructor(private readonly fail: (encoding: string | null) => Error) {}

  private choose(start: Uint8Array): Decode {
    const sniffed = encodingOf(start);
    if (sniffed !== 'utf-8') {
      this.encoding = 'UTF-16';
      return textDecoder(sniffed);
    }
    const declared = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? null : declaredEncoding(start);
    if (declared === null || declared === 'utf-8' || declared === 'utf8') return textDecoder('utf-8');
    this.encoding = declared.toUpperCase();
    if (LATIN1.has(declared)) return byteDecoder(0xff);
    if (ASCII.has(declared)) return byteDecoder(0x7f);
    // UTF-16 declared over bytes that are not: the declaration is wrong, and the text is not what it says.
    if (declared.startsWith('utf-16') || declared.startsWith('ucs-') || declared.startsWith('utf-32')) throw this.fail(this.encoding);
    try {
      return textDecoder(declared);
    } catch {
      throw this.fail(null);
    }
  }

  private run(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decode1!(bytes, stream);
    } catch {
      throw this.fail(this.encoding);
    }
  }

  decode(bytes: Uint8Array): string {
    if (this.decode1 === null) {
      const head = this.head ? concat(this.head, bytes) : bytes;
      // The declaration is read whole: a first piece may be shorter than it.
      if (head.length < DECLARATION_BYTES && !head.includes(0x3e)) {
        this.head = head.slice();
        return '';
      }
      this.head = null;
      this.decode1 = this.choose(head);
      return this.run(head, true);
    }
    return this.run(bytes, true);
  }

  end(): string {
    if (this.decode1 === null) {
      const head = this.head ?? new Uint8Array();
      this.head = null;
      this.decode1 = this.choose(head);
      return this.run(head, false);
    }
    return this.run(new Uint8Array(), false);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Parses a part; throws on anything that is not well-formed. */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
}

/** A part as text, to be written in UTF-8: a declaration saying otherwise (UTF-16, ISO-8859-1 …) is made to agree, the characters the same. */
export function serializeXml(node: Document | Element): string {
  return new XMLSerializer().serializeToString(node).replace(/^(<\?xml[^>]*?\sencoding=)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/** The name without its prefix: `x:row` → `row`. */
export function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

/** Child elements of `parent` with this local name, in any namespace. */
export function children(parent: Element | Document, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === n.ELEMENT_NODE && localName(n.nodeName) === name) out.push(n as Element);
  return out;
}

export function child(parent: Element | Document, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

/** The root element of a parsed part. */
export function root(doc: Document): Element {
  const el = doc.documentElement;
  if (!el) throw new Error('XML part without a root element');
  return el;
}

/**
 * Adds an element in the parent's namespace, with attributes in the order given (null ones left
 * out), before `before` when given.
 */
export function addElement(parent: Element, name: string, attributes: Record<string, string | number | null | undefined> = {}, before: Element | null = null): Element {
  const doc = parent.ownerDocument!;
  const el = doc.createElementNS(parent.namespaceURI, parent.prefix ? `${parent.prefix}:${name}` : name);
  for (const [k, v] of Object.entries(attributes)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  parent.insertBefore(el, before);
  return el;
}

/**
 * Text as SpreadsheetML stores it (ST_Xstring): characters XML 1.0 cannot carry, and a literal
 * `_xHHHH_`, are written `_xHHHH_`, as Excel does; a carriage return too, which XML would turn into
 * a line feed.
 */
export function encodeXstring(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escaped = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff || (code === 0x5f && /^x[0-9A-Fa-f]{4}_/.test(text.slice(i + 1, i + 7)));
    out += escaped ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : text[i];
  }
  return out;
}

export function decodeXstring(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
