import { Document, Element } from '@xmldom/xmldom';
import { CellStyle } from '../../core/report/sheet-layout';
import { addElement, child, children, NS, parseXml, root, serializeXml, XML_DECLARATION } from './xml';

/**
 * The workbook's style part, grown by appended entries only: every existing font, fill, border,
 * number format and cell style keeps its index, so every original cell looks as it did.
 */

/** Excel's built-in number formats, used by id instead of being added. */
const BUILTIN_IDS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The elements of a style sheet, in the order the schema requires. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const EMPTY_STYLES =
  XML_DECLARATION +
  `<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleSheet {
  private readonly doc: Document;
  private readonly sheet: Element;
  private readonly xfByKey = new Map<string, number>();
  private readonly numFmtByCode = new Map<string, number>();
  private readonly heldByCollection = new Map<string, Map<string, number>>();
  private nextNumFmt: number;

  constructor(xml: string) {
    this.doc = parseXml(xml);
    this.sheet = root(this.doc);
    const custom = children(this.collection('numFmts'), 'numFmt');
    for (const f of custom) this.numFmtByCode.set(f.getAttribute('formatCode') ?? '', Number(f.getAttribute('numFmtId')));
    this.nextNumFmt = Math.max(163, ...custom.map((f) => Number(f.getAttribute('numFmtId')) || 0)) + 1;
    if (children(this.collection('cellStyleXfs'), 'xf').length === 0) {
      this.append('cellStyleXfs', 'xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 });
    }
  }

  /** The collection element, created in its place when the part has none. */
  private collection(name: string): Element {
    const found = child(this.sheet, name);
    if (found) return found;
    const later = ORDER.slice(ORDER.indexOf(name) + 1)
      .map((n) => child(this.sheet, n))
      .find((e) => e !== null);
    return addElement(this.sheet, name, { count: 0 }, later ?? null);
  }

  /** Appends an entry to a collection and returns its index. */
  private append(collection: string, name: string, attributes: Record<string, string | number | undefined> = {}): { el: Element; index: number } {
    const parent = this.collection(collection);
    const index = children(parent, name).length;
    const el = addElement(parent, name, attributes);
    parent.setAttribute('count', String(index + 1));
    return { el, index };
  }

  /** The index of each entry the part already holds in a collection, by its XML. */
  private held(collection: string, name: string): Map<string, number> {
    let byXml = this.heldByCollection.get(collection);
    if (!byXml) {
      byXml = new Map();
      for (const [i, el] of children(this.collection(collection), name).entries()) {
        const xml = serializeXml(el);
        if (!byXml.has(xml)) byXml.set(xml, i);
      }
      this.heldByCollection.set(collection, byXml);
    }
    return byXml;
  }

  /**
   * The index of an entry as `fill` makes it: one the part holds already (an earlier run's, on its
   * own result copy) when identical, so that re-running never grows the part; appended otherwise.
   */
  private entry(collection: string, name: string, attributes: Record<string, string | number | undefined>, fill: (el: Element) => void): number {
    const held = this.held(collection, name);
    const { el, index } = this.append(collection, name, attributes);
    fill(el);
    const xml = serializeXml(el);
    const same = held.get(xml);
    if (same === undefined) {
      held.set(xml, index);
      return index;
    }
    el.parentNode!.removeChild(el);
    this.collection(collection).setAttribute('count', String(index));
    return same;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_IDS) return BUILTIN_IDS[code];
    let id = this.numFmtByCode.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.append('numFmts', 'numFmt', { numFmtId: id, formatCode: code });
      this.numFmtByCode.set(code, id);
    }
    return id;
  }

  private font(s: CellStyle): number {
    return this.entry('fonts', 'font', {}, (el) => {
      if (s.bold) addElement(el, 'b');
      if (s.italic) addElement(el, 'i');
      if (s.underline) addElement(el, 'u');
      addElement(el, 'sz', { val: s.size ?? 10 });
      if (s.color) addElement(el, 'color', { rgb: 'FF' + s.color });
      addElement(el, 'name', { val: 'Arial' });
      addElement(el, 'family', { val: 2 });
    });
  }

  private fill(s: CellStyle): number {
    return this.entry('fills', 'fill', {}, (el) => {
      const pattern = addElement(el, 'patternFill', { patternType: s.fill ? 'solid' : 'none' });
      if (s.fill) addElement(pattern, 'fgColor', { rgb: 'FF' + s.fill });
    });
  }

  private border(s: CellStyle): number {
    return this.entry('borders', 'border', {}, (el) => {
      for (const side of ['left', 'right', 'top', 'bottom']) {
        const edge = addElement(el, side, { style: s.border ? 'thin' : undefined });
        if (s.border) addElement(edge, 'color', { indexed: 64 });
      }
      addElement(el, 'diagonal');
    });
  }

  /** The cellXfs index of a cell style with a number format, appended the first time it is asked for. */
  xf(s: CellStyle, numberFormat: string): number {
    const key = JSON.stringify([s.bold, s.italic, s.underline, s.color, s.size, s.fill, s.border, s.wrap, s.hAlign, s.vAlign, s.indent, numberFormat]);
    let index = this.xfByKey.get(key);
    if (index === undefined) {
      const attributes = {
        numFmtId: this.numFmtId(numberFormat),
        fontId: this.font(s),
        fillId: this.fill(s),
        borderId: this.border(s),
        xfId: 0,
        applyNumberFormat: 1,
        applyFont: 1,
        applyFill: 1,
        applyBorder: 1,
        applyAlignment: 1,
      };
      index = this.entry('cellXfs', 'xf', attributes, (el) =>
        addElement(el, 'alignment', {
          horizontal: s.hAlign,
          vertical: s.vAlign === 'middle' ? 'center' : s.vAlign,
          wrapText: s.wrap ? 1 : undefined,
          indent: s.indent ? s.indent : undefined,
        }),
      );
      this.xfByKey.set(key, index);
    }
    return index;
  }

  toString(): string {
    return serializeXml(this.doc);
  }
}
