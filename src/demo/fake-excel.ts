/**
 * A fake Excel that answers the real Office.js client. The add-in's code runs on Microsoft's own
 * client (`Excel.RequestContext`, `load`, `sync`, tracked ranges, null objects), whose requests
 * reach this host as the JSON Excel receives (`Actions` and `ObjectPaths`); the host applies them
 * to a workbook held in memory and answers as Excel does. So the bytes measured here are the
 * client's real requests, and the answers have Excel's shape.
 *
 * Only the part of Excel's object model the add-in uses is modelled; anything else is refused with
 * a NotImplemented error naming it, never silently ignored. Pure TypeScript: it runs under jest
 * (with the client loaded from the `@microsoft/office-js` package) and in the browser demo.
 */
import { Workbook as CoreWorkbook } from '../core/grid';
import { clip, MAX_COLS, MAX_ROWS, parseAddress, Rect, rectAddress as localAddress } from '../core/rect';

/** Excel on the web refuses a request or a response over 5 MB (Microsoft's Office Scripts platform limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeCell {
  value: string | number | boolean | null;
  format: string;
  formula?: string;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  cells: (FakeCell | undefined)[][];
  merges: Rect[];
  /**
   * Every format and hyperlink asked for, as `address path = value`, and the sheet's page settings
   * (address '', the last one asked for each), for tests to inspect.
   */
  formatting: { address: string; path: string; value: unknown }[];
  /** Charts with their source (an address on their own sheet, or sheet and address elsewhere). */
  charts: { type: string; source: string; title?: string; position?: [string, string] }[];
  frozenRows: number;
}

/** A custom XML part: what `workbook.customXmlParts` holds. */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** What the client needs to talk to this host: its `Excel` and `OfficeExtension` namespaces. */
export interface OfficeClient {
  Excel: {
    RequestContext: new (session: unknown) => Excel.RequestContext;
    run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  OfficeExtension: { SessionBase: new () => object };
}

// ---------------------------------------------------------------------------------------------
// The request protocol, as the client serializes it.

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseMessage {
  ErrorCode: string | null;
  ErrorMessage?: string;
  Headers: Record<string, string>;
  Body: { Results: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; HttpStatusCode: number; Location: string } };
}

const PATH = { global: 1, method: 3, property: 4, indexer: 5, reference: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

// ---------------------------------------------------------------------------------------------
// Excel's objects, as far as the add-in uses them.

type Node =
  | { kind: 'Workbook' }
  | { kind: 'WorksheetCollection' }
  | { kind: 'Worksheet'; sheet: FakeSheet }
  | { kind: 'Range'; sheet: FakeSheet; rect: Rect }
  | { kind: 'RangeAreas'; sheet: FakeSheet; areas: Rect[] }
  | { kind: 'RangeCollection'; sheet: FakeSheet; areas: Rect[] }
  | { kind: 'Format'; range: RangeNode; path: string }
  | { kind: 'Borders'; range: RangeNode }
  | { kind: 'PageLayout'; sheet: FakeSheet }
  | { kind: 'FreezePanes'; sheet: FakeSheet }
  | { kind: 'ChartCollection'; sheet: FakeSheet }
  | { kind: 'Chart'; sheet: FakeSheet; chart: FakeSheet['charts'][number] }
  | { kind: 'ChartTitle'; chart: FakeSheet['charts'][number] }
  | { kind: 'SettingCollection' }
  | { kind: 'Setting'; key: string }
  | { kind: 'CustomXmlPartCollection' }
  | { kind: 'CustomXmlPartScopedCollection'; namespaceUri: string }
  | { kind: 'CustomXmlPart'; part: FakeXmlPart };

type RangeNode = Extract<Node, { kind: 'Range' }>;
type Of<K extends Node['kind']> = Extract<Node, { kind: K }>;

interface Kind<N extends Node> {
  /** Navigation properties: `range.format`, `worksheet.pageLayout`. */
  properties?: Record<string, (n: N) => Node>;
  /** Methods; those returning an object are object paths, the others actions (whose `result`, if any, is answered). */
  methods?: Record<string, (n: N, args: unknown[]) => Node | null | void | { result: unknown }>;
  /** `collection.getItem(key)` written as `collection[key]`. */
  indexer?: (n: N, key: unknown) => Node;
  /** Scalar properties a load may ask for. */
  get?: Record<string, (n: N) => unknown>;
  set?: Record<string, (n: N, value: unknown) => void>;
  /** A collection's items. */
  items?: (n: N) => Node[];
  /** The property Excel answers for every item of the collection, whatever was loaded: the client addresses items by it. */
  key?: string;
}

const notFound = (what: string) => new OfficeError('ItemNotFound', `The requested resource doesn't exist (${what}).`);

function sheetNamed(host: FakeExcel, key: unknown): FakeSheet | undefined {
  const k = String(key).toLowerCase();
  return host.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
}

function cellsOf(host: FakeExcel, sheet: FakeSheet, r: Rect, f: (c: FakeCell | undefined) => unknown): unknown[][] | null {
  if (r.rows * r.cols > host.cellLimit) return null;
  return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(sheet.cells[r.row + i]?.[r.col + j])));
}

/** The smallest rectangle holding every cell with content (`valuesOnly`) or any cell at all. */
function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (valuesOnly && (cell.value === null || cell.value === '') && cell.formula === undefined)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function sheetAddress(sheet: FakeSheet, r: Rect): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${localAddress(r)}`;
}

function local(address: unknown): Rect {
  const r = parseAddress(String(address));
  if (!r) throw new OfficeError('InvalidArgument', `The argument is invalid or missing (${String(address)}).`);
  return r;
}

/**
 * The namespace of a custom XML part: its root element's, declared on the root (Office reads it so
 * for getByNamespace). Text without one root element is refused, as Excel refuses XML it cannot parse.
 */
function rootNamespace(xml: unknown): string {
  const text = String(xml);
  const root = /^\s*(?:<\?xml[^]*?\?>\s*)?(?:<!--[^]*?-->\s*)*<(?:([\w.-]+):)?([\w.-]+)([^>]*?)(\/?)>([^]*)$/.exec(text);
  const closed = root && (root[4] === '/' ? root[5].trim() === '' : new RegExp(`</(?:${root[1] ?? ''}:)?${root[2]}>\\s*$`).test(root[5]));
  if (!root || !closed) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (xml).');
  const declared = new RegExp(`\\sxmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(root[3]);
  return declared?.[2] ?? '';
}

function record(sheet: FakeSheet, address: string, path: string, value: unknown): void {
  // A page setting is the sheet's, set anew each time; a range's formats pile up as asked.
  if (address === '') sheet.formatting = sheet.formatting.filter((f) => f.address !== '' || f.path !== path);
  sheet.formatting.push({ address, path, value });
}

/** The whole grid: what `worksheet.getRange()` without an address is. */
const WHOLE_SHEET: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
/** Formats a range's clear('All') leaves: the sizes of rows and columns are not the cells' (useStandardHeight/Width reset them). */
const SIZES = ['format.rowHeight', 'format.columnWidth'];

/** `a` lies wholly in `r`. */
function inside(a: Rect, r: Rect): boolean {
  const c = clip(a, r);
  return c !== null && c.rows === a.rows && c.cols === a.cols;
}

/**
 * clear('All'): values, number formats, formats and hyperlinks of the cells in `r` (Excel.ClearApplyTo:
 * "Clears everything in the range"). Merges stay: that clear undoes them is not documented, so the
 * adapter unmerges itself.
 */
function clearCells(sheet: FakeSheet, r: Rect): void {
  sheet.cells.forEach((line, i) => {
    if (!line || i < r.row || i >= r.row + r.rows) return;
    for (let j = r.col; j < Math.min(line.length, r.col + r.cols); j++) line[j] = undefined;
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
  });
  while (sheet.cells.length > 0 && !sheet.cells[sheet.cells.length - 1]?.length) sheet.cells.pop();
  sheet.formatting = sheet.formatting.filter((f) => {
    const a = SIZES.includes(f.path) ? null : parseAddress(f.address);
    return !a || !inside(a, r);
  });
}

/** A sheet reference in a formula, as Excel writes it: `'HC Efisiensi'!` or `DPA!`. */
function sheetReference(name: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:${literal(quotedName(name))}|(?<![\\w.'])${literal(name)})!`, 'gi');
}

const quotedName = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * What Excel does to the formulas of every sheet when a sheet is renamed (they follow it) or deleted
 * (they turn into #REF!, for good: Microsoft's "How to correct a #REF! error").
 */
function rewriteReferences(host: FakeExcel, name: string, to: string): void {
  const pattern = sheetReference(name);
  for (const sheet of host.sheets) for (const line of sheet.cells) for (const cell of line ?? []) if (cell?.formula) cell.formula = cell.formula.replace(pattern, to);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel makes of a value written to a cell. In a cell formatted as text (`@`), the text as it
 * is: Excel's Text format keeps an entry as typed, `=…` too. That it keeps a leading apostrophe there
 * as well is not documented (the README's "not verified"); the adapter sends none. Elsewhere a
 * leading apostrophe is the quote prefix, not part of the value (Microsoft's example for
 * ErrorCheckingOptions.NumberAsText writes `'1` to store a number as text); `=…` is a formula; a
 * number is a number.
 */
function writeValue(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  if (typeof v !== 'string') {
    cell.value = (v ?? null) as FakeCell['value'];
  } else if (cell.format === '@') {
    cell.value = v;
  } else if (v.startsWith("'")) {
    cell.value = v.slice(1);
  } else if (/^[=+\-@]./.test(v) && !NUMBER_TEXT.test(v)) {
    cell.formula = v;
    cell.value = null;
  } else {
    cell.value = NUMBER_TEXT.test(v.trim()) ? Number(v) : v;
  }
}

function writeGrid(range: RangeNode, data: unknown, apply: (cell: FakeCell, v: unknown) => void, what: string): void {
  const r = range.rect;
  const rows = data as unknown[][];
  if (!Array.isArray(rows) || rows.length !== r.rows || rows.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
    throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  const cells = range.sheet.cells;
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const line = (cells[r.row + i] ??= []);
      apply((line[r.col + j] ??= { value: null, format: 'General' }), v);
    }),
  );
}

const FORMAT_PROPERTIES = ['WrapText', 'HorizontalAlignment', 'VerticalAlignment', 'IndentLevel', 'ColumnWidth', 'RowHeight'];
const FONT_PROPERTIES = ['Bold', 'Italic', 'Underline', 'Color', 'Size', 'Name'];
const BORDER_PROPERTIES = ['Style', 'Weight'];
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

const camel = (name: string) => name[0].toLowerCase() + name.slice(1);
const upper = (name: string) => name[0].toUpperCase() + name.slice(1);

/** Forgets the row heights (or column widths) set on the rows (columns) of `range`: `widen` makes a set size's address cover them whole. */
function forgetSizes(range: RangeNode, path: string, widen: (a: Rect) => Rect): void {
  const sheet = range.sheet;
  sheet.formatting = sheet.formatting.filter((f) => {
    const a = f.path === path ? parseAddress(f.address) : null;
    return !a || !inside(widen(a), widen(range.rect));
  });
}

/** Setters that only record what was asked, under `path.property`. */
function recorders(names: string[]): Record<string, (n: Of<'Format'>, value: unknown) => void> {
  return Object.fromEntries(names.map((name) => [name, (n: Of<'Format'>, value: unknown) => record(n.range.sheet, localAddress(n.range.rect), `${n.path}.${camel(name)}`, value)]));
}

function kinds(host: FakeExcel): { [K in Node['kind']]: Kind<Of<K>> } {
  const range = (sheet: FakeSheet, rect: Rect): RangeNode => ({ kind: 'Range', sheet, rect });
  const worksheet = (key: unknown): Node => {
    const sheet = sheetNamed(host, key);
    if (!sheet) throw notFound(`worksheet ${String(key)}`);
    return { kind: 'Worksheet', sheet };
  };
  const visible = () => host.sheets.filter((s) => s.visibility === 'Visible');
  const inNamespace = (n: Of<'CustomXmlPartScopedCollection'>) => host.customXmlParts.filter((p) => p.namespaceUri === n.namespaceUri);
  return {
    Workbook: {
      properties: {
        Worksheets: () => ({ kind: 'WorksheetCollection' }),
        Settings: () => ({ kind: 'SettingCollection' }),
        CustomXmlParts: () => ({ kind: 'CustomXmlPartCollection' }),
      },
      methods: {
        GetSelectedRange: () => {
          const sel = host.selection;
          if (!sel) throw notFound('selection');
          return range(sheetNamed(host, sel.sheet)!, local(sel.address));
        },
        _RemoveReference: (_n, [id]) => void host.references.delete(String(id)),
      },
    },
    WorksheetCollection: {
      indexer: (_n, key) => worksheet(key),
      methods: {
        GetItem: (_n, [key]) => worksheet(key),
        GetFirst: () => worksheet(host.sheets[0]?.id),
        GetItemOrNullObject: (_n, [key]) => {
          const sheet = sheetNamed(host, key);
          return sheet ? { kind: 'Worksheet', sheet } : null;
        },
        Add: (_n, [name]) => {
          const text = String(name);
          if (text.length === 0 || text.length > 31 || /[:\\/?*[\]]/.test(text)) throw new OfficeError('InvalidArgument', `The argument is invalid or missing (${text}).`);
          if (sheetNamed(host, text)) throw new OfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (${text}).`);
          const sheet = emptySheet(text);
          host.sheets.push(sheet);
          return { kind: 'Worksheet', sheet };
        },
      },
      items: () => host.sheets.map((sheet) => ({ kind: 'Worksheet', sheet })),
      key: 'Id',
    },
    Worksheet: {
      properties: {
        PageLayout: (n) => ({ kind: 'PageLayout', sheet: n.sheet }),
        FreezePanes: (n) => ({ kind: 'FreezePanes', sheet: n.sheet }),
        Charts: (n) => ({ kind: 'ChartCollection', sheet: n.sheet }),
      },
      methods: {
        GetNextOrNullObject: (n) => {
          const next = host.sheets[host.sheets.indexOf(n.sheet) + 1];
          return next ? { kind: 'Worksheet', sheet: next } : null;
        },
        /** How the client finds again a sheet it got from a method, by the Id Excel answered. */
        _GetSheetById: (_n, [id]) => worksheet(id),
        GetRange: (n, [address]) => range(n.sheet, address === null || address === undefined ? WHOLE_SHEET : local(address)),
        GetRangeByIndexes: (n, [row, col, rows, cols]) => range(n.sheet, { row: Number(row), col: Number(col), rows: Number(rows), cols: Number(cols) }),
        GetUsedRangeOrNullObject: (n, [valuesOnly]) => {
          const r = usedRect(n.sheet, valuesOnly === true);
          return r ? range(n.sheet, r) : null;
        },
        Activate: (n) => {
          // Excel shows only visible sheets; the add-in checks visibility before activating.
          if (n.sheet.visibility !== 'Visible') throw new OfficeError('GeneralException', `There was an internal error while processing the request (activate ${n.sheet.name}).`);
          host.activeSheet = n.sheet.name;
        },
        Delete: (n) => {
          // Excel keeps at least one visible sheet, and refuses to delete a very hidden one (OfficeDev/office-js#365).
          if (n.sheet.visibility === 'VeryHidden') throw new OfficeError('GeneralException', 'There was an internal error while processing the request.');
          if (n.sheet.visibility === 'Visible' && visible().length === 1) throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          host.sheets = host.sheets.filter((s) => s !== n.sheet);
          rewriteReferences(host, n.sheet.name, '#REF!');
          if (host.activeSheet === n.sheet.name) host.activeSheet = visible()[0]?.name ?? null;
          if (host.selection?.sheet === n.sheet.name) host.selection = null;
        },
      },
      get: { Name: (n) => n.sheet.name, Visibility: (n) => n.sheet.visibility, Id: (n) => n.sheet.id, Position: (n) => host.sheets.indexOf(n.sheet) },
      set: {
        Name: (n, v) => {
          const other = sheetNamed(host, v);
          if (other && other !== n.sheet) throw new OfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (${String(v)}).`);
          if (host.activeSheet === n.sheet.name) host.activeSheet = String(v);
          rewriteReferences(host, n.sheet.name, `${quotedName(String(v))}!`);
          n.sheet.name = String(v);
        },
        Visibility: (n, v) => {
          if (v !== 'Visible' && visible().length === 1 && visible()[0] === n.sheet)
            throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          n.sheet.visibility = v as Visibility;
        },
      },
    },
    Range: {
      properties: { Format: (n) => ({ kind: 'Format', range: n, path: 'format' }) },
      methods: {
        _KeepReference: () => {},
        GetMergedAreasOrNullObject: (n) => {
          // Excel answers the merges whose top-left cell is in the range, whole, even where they
          // reach beyond it (OfficeDev/office-js#3611).
          const r = n.rect;
          const inside = n.sheet.merges.filter((m) => m.row >= r.row && m.row < r.row + r.rows && m.col >= r.col && m.col < r.col + r.cols);
          return inside.length > 0 ? { kind: 'RangeAreas', sheet: n.sheet, areas: inside } : null;
        },
        GetCell: (n, [row, col]) => range(n.sheet, { row: n.rect.row + Number(row), col: n.rect.col + Number(col), rows: 1, cols: 1 }),
        GetRow: (n, [row]) => range(n.sheet, { ...n.rect, row: n.rect.row + Number(row), rows: 1 }),
        GetBoundingRect: (n, [other]) => {
          const o = (other as RangeNode).rect;
          const row = Math.min(n.rect.row, o.row);
          const col = Math.min(n.rect.col, o.col);
          const rows = Math.max(n.rect.row + n.rect.rows, o.row + o.rows) - row;
          return range(n.sheet, { row, col, rows, cols: Math.max(n.rect.col + n.rect.cols, o.col + o.cols) - col });
        },
        _ValidateArraySize: (n, [rows, cols]) => {
          if (rows !== n.rect.rows || cols !== n.rect.cols)
            throw new OfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        },
        Unmerge: (n) => void (n.sheet.merges = n.sheet.merges.filter((m) => !clip(m, n.rect))),
        Clear: (n, [applyTo]) => {
          if ((applyTo ?? 'All') !== 'All') throw new OfficeError('NotImplemented', `The fake Excel host models only clear('All') (${String(applyTo)}).`);
          clearCells(n.sheet, n.rect);
        },
        Merge: (n, [across]) => {
          const r = n.rect;
          const rows = across ? Array.from({ length: r.rows }, (_, i) => ({ ...r, row: r.row + i, rows: 1 })) : [r];
          n.sheet.merges.push(...rows);
        },
        Select: (n) => {
          if (n.sheet.visibility !== 'Visible') throw new OfficeError('GeneralException', 'There was an internal error while processing the request (select on a hidden sheet).');
          host.selection = { sheet: n.sheet.name, address: localAddress(n.rect) };
          host.activeSheet = n.sheet.name;
        },
      },
      get: {
        Address: (n) => sheetAddress(n.sheet, n.rect),
        RowIndex: (n) => n.rect.row,
        ColumnIndex: (n) => n.rect.col,
        RowCount: (n) => n.rect.rows,
        ColumnCount: (n) => n.rect.cols,
        CellCount: (n) => n.rect.rows * n.rect.cols,
        Values: (n) => cellsOf(host, n.sheet, n.rect, (c) => (c?.formula !== undefined ? '#NAME?' : (c?.value ?? ''))),
        NumberFormat: (n) => cellsOf(host, n.sheet, n.rect, (c) => c?.format ?? 'General'),
      },
      set: {
        Values: (n, v) => writeGrid(n, v, writeValue, 'values'),
        NumberFormat: (n, v) => writeGrid(n, v, (cell, f) => (cell.format = String(f)), 'numberFormat'),
        Hyperlink: (n, v) => {
          const link = v as { documentReference?: string; address?: string };
          if (link.address) throw new OfficeError('NotImplemented', 'The fake Excel host models no links out of the workbook.');
          record(n.sheet, localAddress(n.rect), 'hyperlink', link.documentReference);
        },
      },
    },
    RangeAreas: {
      properties: { Areas: (n) => ({ kind: 'RangeCollection', sheet: n.sheet, areas: n.areas }) },
      methods: { _KeepReference: () => {} },
      get: { AreaCount: (n) => n.areas.length },
    },
    RangeCollection: { items: (n) => n.areas.map((rect) => range(n.sheet, rect)) },
    Format: {
      properties: {
        Font: (n) => ({ kind: 'Format', range: n.range, path: `${n.path}.font` }),
        Fill: (n) => ({ kind: 'Format', range: n.range, path: `${n.path}.fill` }),
        Borders: (n) => ({ kind: 'Borders', range: n.range }),
      },
      set: {
        ...recorders([...FORMAT_PROPERTIES, ...FONT_PROPERTIES, ...BORDER_PROPERTIES]),
        // Back to the sheet's standard height or width: only `true` does anything (Excel.RangeFormat).
        UseStandardHeight: (n, v) => {
          if (v === true) forgetSizes(n.range, 'format.rowHeight', (a) => ({ ...a, col: 0, cols: MAX_COLS }));
        },
        UseStandardWidth: (n, v) => {
          if (v === true) forgetSizes(n.range, 'format.columnWidth', (a) => ({ ...a, row: 0, rows: MAX_ROWS }));
        },
      },
    },
    Borders: {
      indexer: (n, edge) => {
        if (!EDGES.includes(String(edge))) throw new OfficeError('InvalidArgument', `The argument is invalid or missing (${String(edge)}).`);
        return { kind: 'Format', range: n.range, path: `format.borders.${String(edge)}` };
      },
    },
    PageLayout: {
      methods: {
        SetPrintArea: (n, [address]) => record(n.sheet, '', 'pageLayout.printArea', address),
        SetPrintTitleRows: (n, [address]) => record(n.sheet, '', 'pageLayout.printTitleRows', address),
      },
      set: Object.fromEntries(['Orientation', 'PaperSize', 'Zoom'].map((p) => [p, (n: Of<'PageLayout'>, v: unknown) => record(n.sheet, '', `pageLayout.${camel(p)}`, v)])),
    },
    FreezePanes: { methods: { FreezeRows: (n, [count]) => void (n.sheet.frozenRows = Number(count)) } },
    ChartCollection: {
      get: { Count: (n) => n.sheet.charts.length },
      methods: {
        GetItemAt: (n, [index]) => {
          const chart = n.sheet.charts[Number(index)];
          if (!chart) throw notFound(`chart ${String(index)}`);
          return { kind: 'Chart', sheet: n.sheet, chart };
        },
        Add: (n, [type, source]) => {
          const from = source as RangeNode;
          const chart = { type: String(type), source: from.sheet === n.sheet ? localAddress(from.rect) : sheetAddress(from.sheet, from.rect) };
          n.sheet.charts.push(chart);
          return { kind: 'Chart', sheet: n.sheet, chart };
        },
      },
    },
    Chart: {
      properties: { Title: (n) => ({ kind: 'ChartTitle', chart: n.chart }) },
      methods: {
        SetPosition: (n, [start, end]) => void (n.chart.position = [String(start), String(end)]),
        Delete: (n) => void (n.sheet.charts = n.sheet.charts.filter((c) => c !== n.chart)),
      },
    },
    ChartTitle: { set: { Text: (n, v) => void (n.chart.title = String(v)) } },
    SettingCollection: {
      methods: {
        Add: (_n, [key, value]) => {
          host.settings.set(String(key), value);
          return { kind: 'Setting', key: String(key) };
        },
        GetItemOrNullObject: (_n, [key]) => (host.settings.has(String(key)) ? { kind: 'Setting', key: String(key) } : null),
      },
    },
    Setting: {
      get: { Key: (n) => n.key, Value: (n) => host.settings.get(n.key) },
      methods: { Delete: (n) => void host.settings.delete(n.key) },
    },
    CustomXmlPartCollection: {
      indexer: (_n, id) => xmlPart(id, host.customXmlParts),
      methods: {
        Add: (_n, [xml]) => {
          const part = { id: nextPartId(), namespaceUri: rootNamespace(xml), xml: String(xml) };
          host.customXmlParts.push(part);
          return { kind: 'CustomXmlPart', part };
        },
        GetByNamespace: (_n, [namespaceUri]) => {
          if (typeof namespaceUri !== 'string' || namespaceUri === '') throw new OfficeError('InvalidArgument', 'The argument is invalid or missing (namespaceUri).');
          return { kind: 'CustomXmlPartScopedCollection', namespaceUri };
        },
        GetItemOrNullObject: (_n, [id]) => xmlPartOrNull(id, host.customXmlParts),
      },
      items: () => host.customXmlParts.map((part) => ({ kind: 'CustomXmlPart', part })),
      key: 'Id',
    },
    CustomXmlPartScopedCollection: {
      indexer: (n, id) => xmlPart(id, inNamespace(n)),
      methods: { GetItemOrNullObject: (n, [id]) => xmlPartOrNull(id, inNamespace(n)) },
      items: (n) => inNamespace(n).map((part) => ({ kind: 'CustomXmlPart', part })),
      key: 'Id',
    },
    CustomXmlPart: {
      get: { Id: (n) => n.part.id, NamespaceUri: (n) => n.part.namespaceUri },
      methods: {
        GetXml: (n) => ({ result: n.part.xml }),
        SetXml: (n, [xml]) => {
          n.part.namespaceUri = rootNamespace(xml);
          n.part.xml = String(xml);
        },
        Delete: (n) => void (host.customXmlParts = host.customXmlParts.filter((p) => p !== n.part)),
      },
    },
  };
}

function xmlPartOrNull(id: unknown, parts: FakeXmlPart[]): Of<'CustomXmlPart'> | null {
  const part = parts.find((p) => p.id === id);
  return part ? { kind: 'CustomXmlPart', part } : null;
}

function xmlPart(id: unknown, parts: FakeXmlPart[]): Of<'CustomXmlPart'> {
  const found = xmlPartOrNull(id, parts);
  if (!found) throw notFound(`custom XML part ${String(id)}`);
  return found;
}

let partIds = 0;
const nextPartId = () => `{${String(++partIds).padStart(8, '0')}-0002-0000-0000-000000000000}`;

function emptySheet(name: string): FakeSheet {
  sheetIds += 1;
  return {
    id: `{${String(sheetIds).padStart(8, '0')}-0001-0000-0000-000000000000}`,
    name,
    visibility: 'Visible',
    cells: [],
    merges: [],
    formatting: [],
    charts: [],
    frozenRows: 0,
  };
}
let sheetIds = 0;

const utf8 = new TextEncoder();
const byteLength = (json: string) => utf8.encode(json).length;

/** One request's object paths, resolved once each, in the order the actions reach them. */
class Resolver {
  private resolved = new Map<number, Node | null>();

  constructor(
    private host: FakeExcel,
    private table: ReturnType<typeof kinds>,
    private paths: Record<string, ObjectPathInfo>,
  ) {}

  kind(n: Node): Kind<Node> {
    return this.table[n.kind] as unknown as Kind<Node>;
  }

  args(info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? this.node(refs[i]) : a));
  }

  node(id: number): Node | null {
    if (this.resolved.has(id)) return this.resolved.get(id)!;
    const path = this.paths[String(id)];
    if (!path) throw new OfficeError('InvalidObjectPath', `Object path ${id} is not in the request.`);
    const node = this.resolve(path);
    this.resolved.set(id, node);
    return node;
  }

  /** The node of `id`, which must not be a null object. */
  live(id: number): Node {
    const n = this.node(id);
    if (!n) throw new OfficeError('InvalidObjectPath', 'The object path is a null object.');
    if ('sheet' in n && !this.host.sheets.includes(n.sheet)) throw new OfficeError('ItemNotFound', `The worksheet "${n.sheet.name}" was deleted.`);
    return n;
  }

  private resolve(path: ObjectPathInfo): Node | null {
    switch (path.ObjectPathType) {
      case PATH.global:
        return { kind: 'Workbook' };
      case PATH.nullObject:
        return null;
      case PATH.reference: {
        const n = this.host.references.get(path.Name);
        if (!n) throw new OfficeError('InvalidObjectPath', `No object is kept under ${path.Name}.`);
        return n;
      }
    }
    // What a null object is asked for is null too, unless the host is told to refuse it.
    if (this.node(path.ParentObjectPathId!) === null) return this.host.onNullObject(path.Name || '[indexer]');
    const parent = this.live(path.ParentObjectPathId!);
    const kind = this.kind(parent);
    const args = this.args(path.ArgumentInfo);
    const member =
      path.ObjectPathType === PATH.property
        ? kind.properties?.[path.Name]
        : path.ObjectPathType === PATH.indexer
          ? kind.indexer
          : path.ObjectPathType === PATH.method
            ? kind.methods?.[path.Name]
            : undefined;
    if (!member) throw unmodelled(parent, path.Name || '[indexer]');
    const node = (member as (n: Node, a: unknown) => Node | null | { result: unknown })(parent, path.ObjectPathType === PATH.indexer ? args[0] : args) ?? null;
    if (node !== null && !('kind' in node)) throw new OfficeError('InvalidObjectPath', `"${path.Name}" answers a value, not an object.`);
    return node;
  }
}

function unmodelled(n: Node, member: string): OfficeError {
  return new OfficeError('NotImplemented', `The fake Excel host has no "${member}" on ${n.kind}.`);
}

/** The answer to a load: Excel's property names, collections as `_Items`. */
function query(resolver: Resolver, n: Node | null, select: string[] | undefined): unknown {
  if (n === null) return null;
  const kind = resolver.kind(n);
  if (kind.items) {
    // A collection's own properties (`count`) are answered beside its items; the rest are the items'.
    const own = (select ?? []).filter((f) => kind.get?.[upper(f)]);
    const forItems = select?.filter((f) => !own.includes(f));
    const out: Record<string, unknown> = Object.fromEntries(own.map((f) => [upper(f), kind.get![upper(f)](n)]));
    if (forItems === undefined || forItems.length > 0) {
      const key = kind.key;
      out._Items = kind
        .items(n)
        .map((item) => (key ? { [key]: resolver.kind(item).get![key](item), ...(query(resolver, item, forItems) as object) } : query(resolver, item, forItems)));
    }
    return out;
  }
  const fields = select ?? Object.keys(kind.get ?? {}).map(camel);
  const out: Record<string, unknown> = {};
  const nested = new Map<string, string[]>();
  for (const field of fields) {
    const [head, ...rest] = field.split('/');
    const name = upper(head);
    if (rest.length > 0 || kind.properties?.[name]) {
      nested.set(name, [...(nested.get(name) ?? []), ...(rest.length > 0 ? [rest.join('/')] : [])]);
    } else {
      const get = kind.get?.[name];
      if (!get) throw unmodelled(n, head);
      out[name] = get(n);
    }
  }
  for (const [name, sub] of nested) {
    const child = kind.properties?.[name];
    if (!child) throw unmodelled(n, name);
    out[name] = query(resolver, child(n), sub.length > 0 ? sub : undefined);
  }
  return out;
}

/** The host: sheets, settings, selection, and what was asked of it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  customXmlParts: FakeXmlPart[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Objects the client asked Excel to keep between requests (ranges inside `Excel.run`). */
  references = new Map<string, Node>();
  /** Bytes of each request and each response, as sent. */
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Excel on the web refuses requests and responses over 5 MB; the desktop does not. */
  webLimits = true;
  /** Called after every request, for a view of the workbook (the browser demo). */
  listeners: (() => void)[] = [];
  /** Past this many cells a range's `values` and `numberFormat` come back null, as Excel's five million. */
  cellLimit = 5_000_000;
  /** The ExcelApi requirement set this Excel claims. */
  apiVersion = '1.13';
  /**
   * Whether Excel lets a request call methods or set properties on a null object (and answers null)
   * is not documented; only loading one is (the *OrNullObject pattern). By default this host lets
   * it; told to refuse, it fails the request as Excel might.
   */
  refusesCallsOnNullObjects = false;
  private nextReference = 0;

  /** A host holding the sheets of a workbook read by the .xlsx adapter, and the custom XML parts given. */
  static fromWorkbook(wb: CoreWorkbook, customXml: string[] = []): FakeExcel {
    const host = new FakeExcel();
    host.customXmlParts = customXml.map((xml) => ({ id: nextPartId(), namespaceUri: rootNamespace(xml), xml }));
    for (const g of wb.sheets) {
      const sheet = emptySheet(g.name);
      sheet.visibility = g.hidden ? 'Hidden' : 'Visible';
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const format = g.numberFormats?.[r]?.[c] ?? 'General';
          if (v === null && format === 'General') return;
          const line = (sheet.cells[g.origin.row + r] ??= []);
          line[g.origin.col + c] = { value: v !== null && typeof v === 'object' ? v.error : v, format };
        }),
      );
      sheet.merges = (g.merges ?? []).map((m) => ({ ...m }));
      host.sheets.push(sheet);
    }
    return host;
  }

  /** Requests answered so far: one per `context.sync()` that had something to send. */
  get syncs(): number {
    return this.requestBytes.length;
  }

  /** Answers one request of the client. */
  execute(body: RequestBody): ResponseMessage {
    const requestJson = JSON.stringify(body);
    const requestBytes = byteLength(requestJson);
    this.requestBytes.push(requestBytes);
    if (this.webLimits && requestBytes > PAYLOAD_LIMIT) {
      this.responseBytes.push(0);
      return this.refuse('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const response: ResponseMessage = { ErrorCode: null, Headers: {}, Body: { Results: [] } };
    try {
      this.apply(JSON.parse(requestJson) as RequestBody, response.Body.Results);
    } catch (e) {
      if (!(e instanceof OfficeError)) throw e;
      response.Body.Error = { Code: e.code, Message: e.message, HttpStatusCode: 400, Location: '' };
    } finally {
      for (const listener of this.listeners) listener();
    }
    const responseBytes = byteLength(JSON.stringify(response.Body));
    this.responseBytes.push(responseBytes);
    if (this.webLimits && responseBytes > PAYLOAD_LIMIT) {
      return this.refuse('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    return response;
  }

  private refuse(code: string, message: string): ResponseMessage {
    return { ErrorCode: code, ErrorMessage: message, Headers: {}, Body: { Results: [] } };
  }

  /** Runs the actions in order; the first that fails stops the request, as in Excel. */
  private apply(body: RequestBody, results: ResponseMessage['Body']['Results']): void {
    const resolver = new Resolver(this, kinds(this), body.ObjectPaths);
    const kept = new Set<number>();
    for (const action of body.Actions) {
      switch (action.ActionType) {
        case ACTION.instantiate: {
          const n = resolver.node(action.ObjectPathId);
          if (n === null) results.push({ ActionId: action.Id, Value: null });
          else if (kept.has(action.ObjectPathId)) results.push({ ActionId: action.Id, Value: { _ReferenceId: this.keep(n) } });
          else if (n.kind === 'Worksheet') results.push({ ActionId: action.Id, Value: { Id: n.sheet.id } });
          break;
        }
        case ACTION.query:
          results.push({ ActionId: action.Id, Value: query(resolver, resolver.node(action.ObjectPathId), action.QueryInfo?.Select) });
          break;
        case ACTION.method: {
          if (resolver.node(action.ObjectPathId) === null) {
            this.onNullObject(action.Name);
            break;
          }
          const n = resolver.live(action.ObjectPathId);
          const method = resolver.kind(n).methods?.[action.Name];
          if (!method) throw unmodelled(n, action.Name);
          if (action.Name === '_KeepReference') kept.add(action.ObjectPathId);
          const answer = method(n, resolver.args(action.ArgumentInfo));
          if (answer && 'result' in answer) results.push({ ActionId: action.Id, Value: answer.result });
          break;
        }
        case ACTION.setProperty: {
          if (resolver.node(action.ObjectPathId) === null) {
            this.onNullObject(action.Name);
            break;
          }
          const n = resolver.live(action.ObjectPathId);
          const set = resolver.kind(n).set?.[action.Name];
          if (!set) throw unmodelled(n, action.Name);
          set(n, resolver.args(action.ArgumentInfo)[0]);
          break;
        }
        default:
          throw new OfficeError('NotImplemented', `The fake Excel host has no action of type ${action.ActionType}.`);
      }
    }
  }

  /** A call on a null object: nothing (null), or the request refused. */
  onNullObject(member: string): null {
    if (this.refusesCallsOnNullObjects) throw new OfficeError('GeneralException', `There was an internal error while processing the request (${member} on a null object).`);
    return null;
  }

  private keep(n: Node): string {
    this.nextReference += 1;
    const id = `ref${this.nextReference}`;
    this.references.set(id, n);
    return id;
  }

  /** A request context of the real client whose requests this host answers. */
  context(client: OfficeClient): Excel.RequestContext {
    const execute = (body: RequestBody) => this.execute(body);
    class Session extends client.OfficeExtension.SessionBase {
      _resolveRequestUrlAndHeaderInfo() {
        return Promise.resolve({ url: 'fake-excel', headers: {} });
      }
      _createRequestExecutorOrNull() {
        return { executeAsync: (_customData: unknown, _flags: number, message: { Body: RequestBody }) => Promise.resolve(execute(message.Body)) };
      }
    }
    return new client.Excel.RequestContext(new Session());
  }

  /** `Excel.run` of the real client on this host. */
  run<T>(client: OfficeClient, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return client.Excel.run(this.context(client), batch);
  }

  isSetSupported(name: string, version: string): boolean {
    const v = (s: string) => s.split('.').map(Number);
    const [a, b] = v(version);
    const [x, y] = v(this.apiVersion);
    return name === 'ExcelApi' && (x > a || (x === a && y >= b));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The sheet's cells and merges, for before/after comparisons. */
  snapshot(name: string): string {
    const s = this.sheet(name);
    return JSON.stringify(s ? { cells: s.cells, merges: s.merges, visibility: s.visibility } : null);
  }

  largestRequest(): number {
    return Math.max(0, ...this.requestBytes);
  }

  largestResponse(): number {
    return Math.max(0, ...this.responseBytes);
  }
}
