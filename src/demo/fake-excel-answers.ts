/**
 * The fake Excel's answers: Excel's objects as far as the add-in uses them, what each answers to a
 * load and what each call does to the workbook model (fake-excel-workbook.ts). Only what the add-in
 * uses is modelled; anything else is refused by name (fake-excel-protocol.ts).
 */
import { clip, MAX_COLS, MAX_ROWS, parseAddress, Rect, rectAddress as localAddress } from '../core/rect';
import type { FakeExcel } from './fake-excel';
import { camel, Kind, OfficeError } from './fake-excel-protocol';
import {
  cellsOf,
  checkSheetName,
  clearCells,
  emptySheet,
  FakeSheet,
  FakeXmlPart,
  inside,
  local,
  mergeCells,
  nextPartId,
  quotedName,
  rewriteReferences,
  rootNamespace,
  sheetAddress,
  usedRect,
  Visibility,
  writeGrid,
  writeValue,
} from './fake-excel-workbook';

export type Node =
  | { kind: 'Workbook' }
  | { kind: 'WorkbookProtection' }
  | { kind: 'WorksheetCollection' }
  | { kind: 'Worksheet'; sheet: FakeSheet }
  | { kind: 'WorksheetProtection'; sheet: FakeSheet }
  | { kind: 'Range'; sheet: FakeSheet; rect: Rect }
  | { kind: 'RangeAreas'; sheet: FakeSheet; areas: Rect[] }
  | { kind: 'RangeCollection'; sheet: FakeSheet; areas: Rect[] }
  | { kind: 'Format'; range: RangeNode; path: string }
  | { kind: 'Borders'; range: RangeNode }
  | { kind: 'PageLayout'; sheet: FakeSheet }
  | { kind: 'FreezePanes'; sheet: FakeSheet }
  | { kind: 'ChartCollection'; sheet: FakeSheet }
  | { kind: 'Chart'; sheet: FakeSheet; chart: FakeSheet['charts'][number] }
  | { kind: 'ChartTitle'; sheet: FakeSheet; chart: FakeSheet['charts'][number] }
  | { kind: 'SettingCollection' }
  | { kind: 'Setting'; key: string }
  | { kind: 'CustomXmlPartCollection' }
  | { kind: 'CustomXmlPartScopedCollection'; namespaceUri: string }
  | { kind: 'CustomXmlPart'; part: FakeXmlPart };

export type RangeNode = Extract<Node, { kind: 'Range' }>;
type Of<K extends Node['kind']> = Extract<Node, { kind: K }>;

const notFound = (what: string) => new OfficeError('ItemNotFound', `The requested resource doesn't exist (${what}).`);

export function sheetNamed(host: FakeExcel, key: unknown): FakeSheet | undefined {
  const k = String(key).toLowerCase();
  return host.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
}

/** The sheet a node belongs to, where it belongs to one. */
export function sheetOf(n: Node): FakeSheet | null {
  if ('sheet' in n) return n.sheet;
  if ('range' in n) return n.range.sheet;
  return null;
}

/**
 * What a protected sheet refuses: any change to its cells, formats, merges, charts or page (Microsoft
 * Support, "Protect a worksheet": locked cells cannot be changed while the sheet is protected). The
 * error code Excel gives is not documented; AccessDenied is Excel.ErrorCodes' "you cannot perform the
 * requested operation".
 */
function unprotected(sheet: FakeSheet): void {
  if (sheet.protected) throw new OfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

/**
 * What a workbook whose structure is protected refuses: adding, deleting, renaming, hiding or
 * unhiding sheets (Microsoft Support, "Protect a workbook": "Protecting the workbook structure
 * prevents … adding, moving, deleting, hiding, and renaming worksheets").
 */
function structureUnprotected(host: FakeExcel): void {
  if (host.structureProtected) throw new OfficeError('AccessDenied', 'The workbook structure is protected.');
}

function record(sheet: FakeSheet, address: string, path: string, value: unknown): void {
  // A page setting is the sheet's, set anew each time; a range's formats pile up as asked.
  if (address === '') sheet.formatting = sheet.formatting.filter((f) => f.address !== '' || f.path !== path);
  sheet.formatting.push({ address, path, value });
}

/** The whole grid: what `worksheet.getRange()` without an address is. */
const WHOLE_SHEET: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };

const FORMAT_PROPERTIES = ['WrapText', 'HorizontalAlignment', 'VerticalAlignment', 'IndentLevel', 'ColumnWidth', 'RowHeight'];
const FONT_PROPERTIES = ['Bold', 'Italic', 'Underline', 'Color', 'Size', 'Name'];
const BORDER_PROPERTIES = ['Style', 'Weight'];
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

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
  return Object.fromEntries(
    names.map((name) => [
      name,
      (n: Of<'Format'>, value: unknown) => {
        unprotected(n.range.sheet);
        record(n.range.sheet, localAddress(n.range.rect), `${n.path}.${camel(name)}`, value);
      },
    ]),
  );
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

export type Kinds = { [K in Node['kind']]: Kind<Of<K>> };

export function kinds(host: FakeExcel): Kinds {
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
        Protection: () => ({ kind: 'WorkbookProtection' }),
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
    WorkbookProtection: { get: { Protected: () => host.structureProtected } },
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
          structureUnprotected(host);
          const sheet = emptySheet(checkSheetName(name, host.sheets, null));
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
        Protection: (n) => ({ kind: 'WorksheetProtection', sheet: n.sheet }),
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
          structureUnprotected(host);
          // Excel keeps at least one visible sheet, and refuses to delete a very hidden one (OfficeDev/office-js#365).
          if (n.sheet.visibility === 'VeryHidden') throw new OfficeError('GeneralException', 'There was an internal error while processing the request.');
          if (n.sheet.visibility === 'Visible' && visible().length === 1) throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          host.sheets = host.sheets.filter((s) => s !== n.sheet);
          rewriteReferences(host.sheets, n.sheet.name, '#REF!');
          if (host.activeSheet === n.sheet.name) host.activeSheet = visible()[0]?.name ?? null;
          if (host.selection?.sheet === n.sheet.name) host.selection = null;
        },
      },
      get: { Name: (n) => n.sheet.name, Visibility: (n) => n.sheet.visibility, Id: (n) => n.sheet.id, Position: (n) => host.sheets.indexOf(n.sheet) },
      set: {
        Name: (n, v) => {
          if (String(v) === n.sheet.name) return;
          structureUnprotected(host);
          const name = checkSheetName(v, host.sheets, n.sheet);
          if (host.activeSheet === n.sheet.name) host.activeSheet = name;
          rewriteReferences(host.sheets, n.sheet.name, `${quotedName(name)}!`);
          n.sheet.name = name;
        },
        Visibility: (n, v) => {
          if (v === n.sheet.visibility) return;
          structureUnprotected(host);
          if (v !== 'Visible' && visible().length === 1 && visible()[0] === n.sheet)
            throw new OfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          n.sheet.visibility = v as Visibility;
        },
      },
    },
    WorksheetProtection: { get: { Protected: (n) => n.sheet.protected } },
    Range: {
      properties: { Format: (n) => ({ kind: 'Format', range: n, path: 'format' }) },
      methods: {
        _KeepReference: () => {},
        GetMergedAreasOrNullObject: (n) => {
          // Excel answers the merges whose top-left cell is in the range, whole, even where they
          // reach beyond it (OfficeDev/office-js#3611).
          const r = n.rect;
          const found = n.sheet.merges.filter((m) => m.row >= r.row && m.row < r.row + r.rows && m.col >= r.col && m.col < r.col + r.cols);
          return found.length > 0 ? { kind: 'RangeAreas', sheet: n.sheet, areas: found } : null;
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
        Unmerge: (n) => {
          unprotected(n.sheet);
          n.sheet.merges = n.sheet.merges.filter((m) => !clip(m, n.rect));
        },
        Clear: (n, [applyTo]) => {
          if ((applyTo ?? 'All') !== 'All') throw new OfficeError('NotImplemented', `The fake Excel host models only clear('All') (${String(applyTo)}).`);
          unprotected(n.sheet);
          clearCells(n.sheet, n.rect);
        },
        Merge: (n, [across]) => {
          unprotected(n.sheet);
          mergeCells(n.sheet, n.rect, across === true);
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
        Values: (n) => cellsOf(n.sheet, n.rect, host.cellLimit, (c) => (c?.formula !== undefined ? '#NAME?' : (c?.value ?? ''))),
        NumberFormat: (n) => cellsOf(n.sheet, n.rect, host.cellLimit, (c) => c?.format ?? 'General'),
      },
      set: {
        Values: (n, v) => {
          unprotected(n.sheet);
          writeGrid(n.sheet, n.rect, v, writeValue, 'values');
        },
        NumberFormat: (n, v) => {
          unprotected(n.sheet);
          // An empty string is General again ("Blank and null values in Excel add-ins").
          writeGrid(n.sheet, n.rect, v, (cell, f) => (cell.format = f === '' ? 'General' : String(f)), 'numberFormat');
        },
        Hyperlink: (n, v) => {
          unprotected(n.sheet);
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
          unprotected(n.range.sheet);
          if (v === true) forgetSizes(n.range, 'format.rowHeight', (a) => ({ ...a, col: 0, cols: MAX_COLS }));
        },
        UseStandardWidth: (n, v) => {
          unprotected(n.range.sheet);
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
        SetPrintArea: (n, [address]) => {
          unprotected(n.sheet);
          record(n.sheet, '', 'pageLayout.printArea', address);
        },
        SetPrintTitleRows: (n, [address]) => {
          unprotected(n.sheet);
          record(n.sheet, '', 'pageLayout.printTitleRows', address);
        },
      },
      set: Object.fromEntries(
        ['Orientation', 'PaperSize', 'Zoom'].map((p) => [
          p,
          (n: Of<'PageLayout'>, v: unknown) => {
            unprotected(n.sheet);
            record(n.sheet, '', `pageLayout.${camel(p)}`, v);
          },
        ]),
      ),
    },
    FreezePanes: {
      methods: {
        FreezeRows: (n, [count]) => {
          unprotected(n.sheet);
          n.sheet.frozenRows = Number(count);
        },
      },
    },
    ChartCollection: {
      get: { Count: (n) => n.sheet.charts.length },
      methods: {
        GetItemAt: (n, [index]) => {
          const chart = n.sheet.charts[Number(index)];
          if (!chart) throw notFound(`chart ${String(index)}`);
          return { kind: 'Chart', sheet: n.sheet, chart };
        },
        Add: (n, [type, source]) => {
          unprotected(n.sheet);
          const from = source as RangeNode;
          const chart = { type: String(type), source: from.sheet === n.sheet ? localAddress(from.rect) : sheetAddress(from.sheet, from.rect) };
          n.sheet.charts.push(chart);
          return { kind: 'Chart', sheet: n.sheet, chart };
        },
      },
    },
    Chart: {
      properties: { Title: (n) => ({ kind: 'ChartTitle', sheet: n.sheet, chart: n.chart }) },
      methods: {
        SetPosition: (n, [start, end]) => {
          unprotected(n.sheet);
          n.chart.position = [String(start), String(end)];
        },
        Delete: (n) => {
          unprotected(n.sheet);
          n.sheet.charts = n.sheet.charts.filter((c) => c !== n.chart);
        },
      },
    },
    ChartTitle: {
      set: {
        Text: (n, v) => {
          unprotected(n.sheet);
          n.chart.title = String(v);
        },
      },
    },
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
