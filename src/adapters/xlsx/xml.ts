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

/** Parses a part; throws on anything that is not well-formed. */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
}

/** A part as text, to be written in UTF-8 (JSZip's encoding): a declaration saying otherwise (UTF-16) is made to agree. */
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
