/**
 * A fake Excel host with the semantics the Office.js adapter must respect: a property read before
 * `load()` and `sync()` throws like Excel's PropertyNotLoaded; writes are queued and applied at
 * `sync()`; each sync's request size is measured and over 5 MB fails like Excel on the web.
 * Pure TypeScript, so it runs under jest and in the browser demo.
 */
import { Workbook as CoreWorkbook } from '../core/grid';
import { parseAddress as parseRect, Rect, rectAddress as localAddress } from '../core/rect';

export const REQUEST_LIMIT = 5 * 1024 * 1024;

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

export interface FakeCell {
  value: string | number | boolean | null;
  format: string;
  formula?: string;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden';
  cells: (FakeCell | undefined)[][];
  merges: string[];
  /** Every format, hyperlink, layout or chart call, as `address path = value`, for tests to inspect. */
  formatting: { address: string; path: string; value: unknown }[];
  charts: { type: string; source: string }[];
  frozenRows: number;
}

interface Op {
  bytes: number;
  apply: () => void;
}

function parseAddress(address: string): Rect {
  const r = parseRect(address);
  if (!r) throw new OfficeError('InvalidArgument', `Alamat tidak valid: ${address}`);
  return r;
}

function rectAddress(sheet: string, r: Rect): string {
  return `${/^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${localAddress(r)}`;
}

function propNames(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return ['*'];
  if (Array.isArray(props)) return props;
  if (typeof props === 'object') return (props.select ?? '*').split(',').map((s) => s.trim());
  return props.split(',').map((s) => s.trim());
}

/** Keys that promises, JSON and test matchers look up on any object. */
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof', 'constructor']);

class ClientObject {
  private snapshot = new Map<string, unknown>();
  protected resolved = false;

  constructor(protected ctx: RequestContext) {
    // Anything the adapter asks of an object that this fake does not model is a mistake in the
    // fake or in the adapter, never a silent `undefined`.
    return new Proxy(this, {
      get(target, key, receiver) {
        if (typeof key === 'string' && !(key in target) && !PROBED.has(key)) {
          throw new OfficeError('NotImplemented', `The fake Excel host has no "${key}" on ${target.constructor.name}.`);
        }
        return Reflect.get(target, key, receiver);
      },
    });
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props);
    this.ctx.queueLoad(() => {
      for (const n of names) this.fill(n);
      this.resolved = true;
    });
    return this;
  }

  /** Takes the value of `prop` from the host at sync time. */
  protected fill(prop: string): void {
    const value = this.fetch(prop);
    this.ctx.responseBytes += JSON.stringify(value ?? null).length;
    this.snapshot.set(prop, value);
  }

  protected fetch(prop: string): unknown {
    throw new OfficeError('InvalidArgument', `Properti "${prop}" tidak ada.`);
  }

  protected read<T>(prop: string): T {
    if (!this.snapshot.has(prop)) {
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.snapshot.get(prop) as T;
  }

  protected write(description: unknown, apply: () => void): void {
    this.ctx.queue(description, apply);
  }
}

export class RequestContext {
  private ops: Op[] = [];
  /** What the loads of the sync under way send back. */
  responseBytes = 0;
  readonly workbook: Workbook;

  constructor(readonly host: FakeExcel) {
    this.workbook = new Workbook(this);
  }

  queue(description: unknown, apply: () => void): void {
    this.ops.push({ bytes: JSON.stringify(description).length, apply });
  }

  queueLoad(apply: () => void): void {
    this.ops.push({ bytes: 64, apply });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const bytes = ops.reduce((a, o) => a + o.bytes, 0);
    this.host.syncs += 1;
    this.host.requestBytes.push(bytes);
    if (this.host.webLimits && bytes > REQUEST_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    this.responseBytes = 0;
    try {
      for (const op of ops) op.apply();
    } finally {
      for (const listener of this.host.listeners) listener();
    }
    this.host.responseBytes.push(this.responseBytes);
    if (this.host.webLimits && this.responseBytes > REQUEST_LIMIT) {
      throw new OfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  constructor(private ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.settings = new SettingCollection(ctx);
  }

  getSelectedRange(): Range {
    const sel = this.ctx.host.selection;
    if (!sel) throw new OfficeError('ItemNotFound', 'Tidak ada pilihan.');
    return new Range(this.ctx, sel.sheet, () => parseAddress(sel.address));
  }
}

class WorksheetCollection extends ClientObject {
  load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props);
    const items = names.filter((n) => n.startsWith('items/')).map((n) => n.slice(6));
    this.ctx.queueLoad(() => {
      const ws = this.ctx.host.sheets.map((s) => {
        const w = new Worksheet(this.ctx, s.name);
        w.fillNow(items.length > 0 ? items : ['name', 'visibility']);
        return w;
      });
      this.setItems(ws);
    });
    return this;
  }

  private items_: Worksheet[] | null = null;
  private setItems(items: Worksheet[]) {
    this.items_ = items;
  }

  get items(): Worksheet[] {
    if (!this.items_) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load('items') and context.sync().");
    return this.items_;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, name);
  }

  add(name: string): Worksheet {
    this.write({ op: 'addWorksheet', name }, () => {
      if (this.ctx.host.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `Lembar "${name}" sudah ada.`);
      this.ctx.host.sheets.push(emptySheet(name));
    });
    return new Worksheet(this.ctx, name);
  }
}

function emptySheet(name: string): FakeSheet {
  return { name, visibility: 'Visible', cells: [], merges: [], formatting: [], charts: [], frozenRows: 0 };
}

class Worksheet extends ClientObject {
  readonly pageLayout: PageLayout;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => Chart };

  constructor(
    ctx: RequestContext,
    private sheetName: string,
  ) {
    super(ctx);
    this.pageLayout = new PageLayout(ctx, this);
    this.freezePanes = { freezeRows: (n: number) => this.write({ op: 'freezeRows', sheet: sheetName, n }, () => (this.data().frozenRows = n)) };
    this.charts = {
      add: (type: string, source: Range) => {
        this.write({ op: 'addChart', sheet: sheetName, type }, () => this.data().charts.push({ type, source: source.resolvedAddress() }));
        return new Chart(ctx, this);
      },
    };
  }

  data(): FakeSheet {
    const s = this.ctx.host.sheets.find((x) => x.name === this.sheetName);
    if (!s) throw new OfficeError('ItemNotFound', `Lembar "${this.sheetName}" tidak ada.`);
    return s;
  }

  fillNow(props: string[]): void {
    for (const p of props) this.fill(p);
  }

  protected fetch(prop: string): unknown {
    if (prop === 'name') return this.data().name;
    if (prop === 'visibility') return this.data().visibility;
    return super.fetch(prop);
  }

  get name(): string {
    return this.read('name');
  }

  get visibility(): string {
    return this.read('visibility');
  }

  getRange(address: string): Range {
    return new Range(this.ctx, this.sheetName, () => parseAddress(address));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this.sheetName, () => ({ row, col, rows, cols }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, this.sheetName, () => usedRect(this.data(), valuesOnly ?? false));
  }

  delete(): void {
    this.write({ op: 'deleteWorksheet', sheet: this.sheetName }, () => {
      const host = this.ctx.host;
      host.sheets = host.sheets.filter((s) => s.name !== this.sheetName);
    });
  }

  activate(): void {
    this.write({ op: 'activate', sheet: this.sheetName }, () => {
      this.data();
      this.ctx.host.activeSheet = this.sheetName;
    });
  }
}

/** The smallest rectangle holding `rect` and the cell (r, c). */
function cover(rect: Rect, r: number, c: number): Rect {
  const row = Math.min(rect.row, r);
  const col = Math.min(rect.col, c);
  return { row, col, rows: Math.max(rect.row + rect.rows, r + 1) - row, cols: Math.max(rect.col + rect.cols, c + 1) - col };
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      if (valuesOnly && (cell.value === null || cell.value === '') && !cell.formula) return;
      rect = rect ? cover(rect, r, c) : { row: r, col: c, rows: 1, cols: 1 };
    }),
  );
  return rect;
}

class PageLayout {
  constructor(
    private ctx: RequestContext,
    private ws: Worksheet,
  ) {}
  private record(path: string, value: unknown) {
    this.ctx.queue({ op: 'pageLayout', path, value }, () => this.ws.data().formatting.push({ address: '', path: `pageLayout.${path}`, value }));
  }
  set orientation(v: string) {
    this.record('orientation', v);
  }
  set paperSize(v: string) {
    this.record('paperSize', v);
  }
  set zoom(v: unknown) {
    this.record('zoom', v);
  }
  setPrintArea(address: string): void {
    this.record('printArea', address);
  }
  setPrintTitleRows(address: string): void {
    this.record('printTitleRows', address);
  }
}

class Chart {
  constructor(
    private ctx: RequestContext,
    private ws: Worksheet,
  ) {}
  setPosition(start: string, end?: string): void {
    this.ctx.queue({ op: 'chartPosition', start, end }, () => this.ws.data().formatting.push({ address: start, path: 'chart.position', value: end }));
  }
  readonly title = {
    set text(_v: string) {},
  };
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

export class Range extends ClientObject {
  readonly format: Record<string, unknown>;

  constructor(
    ctx: RequestContext,
    readonly sheetName: string,
    private locate: () => Rect | null,
  ) {
    super(ctx);
    this.format = rangeFormat(this);
  }

  private sheet(): FakeSheet {
    const s = this.ctx.host.sheets.find((x) => x.name === this.sheetName);
    if (!s) throw new OfficeError('ItemNotFound', `Lembar "${this.sheetName}" tidak ada.`);
    return s;
  }

  rect(): Rect | null {
    return this.locate();
  }

  resolvedAddress(): string {
    const r = this.locate();
    return r ? rectAddress(this.sheetName, r) : '';
  }

  protected fetch(prop: string): unknown {
    const r = this.locate();
    if (prop === 'isNullObject') return r === null;
    if (r === null) return null;
    const sheet = this.sheet();
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(sheet.cells[r.row + i]?.[r.col + j])));
    switch (prop) {
      case 'address':
        return rectAddress(this.sheetName, r);
      case 'values':
        return grid((c) => (c?.formula !== undefined ? '#NAME?' : (c?.value ?? '')));
      case 'numberFormat':
        return grid((c) => c?.format ?? 'General');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'rowIndex':
        return r.row;
      case 'columnIndex':
        return r.col;
      case 'rowCount':
        return r.rows;
      case 'columnCount':
        return r.cols;
      default:
        return super.fetch(prop);
    }
  }

  load(props?: string | string[] | { select?: string }): this {
    super.load(props);
    this.ctx.queueLoad(() => this.fill('isNullObject'));
    return this;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  private writeGrid(prop: 'values' | 'numberFormat', data: unknown[][]): void {
    this.write({ op: 'set', address: '?', prop, data }, () => {
      const r = this.locate();
      if (!r) throw new OfficeError('InvalidReference', 'Range kosong.');
      if (data.length !== r.rows || data.some((row) => row.length !== r.cols)) {
        throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
      }
      const sheet = this.sheet();
      data.forEach((row, i) =>
        row.forEach((v, j) => {
          const rr = r.row + i;
          const cc = r.col + j;
          sheet.cells[rr] ??= [];
          const cell = (sheet.cells[rr][cc] ??= { value: null, format: 'General' });
          if (prop === 'numberFormat') cell.format = String(v);
          else if (typeof v === 'string' && v.startsWith("'")) {
            cell.value = v.slice(1);
            delete cell.formula;
          } else if (typeof v === 'string' && /^[=+\-@]./.test(v) && cell.format !== '@' && !/^-?\d/.test(v)) {
            // What Excel does with such a string in a cell not formatted as text: a formula.
            cell.formula = v;
            cell.value = null;
          } else {
            cell.value = v as FakeCell['value'];
            delete cell.formula;
          }
        }),
      );
    });
  }

  set values(data: unknown[][]) {
    this.writeGrid('values', data);
  }
  set numberFormat(data: unknown[][]) {
    this.writeGrid('numberFormat', data);
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write({ op: 'hyperlink', link }, () => {
      if (link.address) throw new OfficeError('InvalidArgument', 'Tautan ke luar buku kerja tidak diharapkan.');
      this.sheet().formatting.push({ address: this.resolvedAddress(), path: 'hyperlink', value: link.documentReference });
    });
  }

  merge(across = false): void {
    this.write({ op: 'merge', across }, () => this.sheet().merges.push(this.resolvedAddress()));
  }

  select(): void {
    this.write({ op: 'select' }, () => {
      const r = this.locate();
      if (!r) throw new OfficeError('InvalidReference', 'Range kosong.');
      this.ctx.host.selection = { sheet: this.sheetName, address: rectAddress(this.sheetName, r).split('!')[1] };
      this.ctx.host.activeSheet = this.sheetName;
    });
  }

  getMergedAreasOrNullObject(): { areas: { items: { address: string }[] }; load: (p?: string) => unknown; isNullObject: boolean } {
    const self = this;
    let loaded: { address: string }[] | null = null;
    const areas = {
      get items() {
        if (!loaded) throw new OfficeError('PropertyNotLoaded', "The property 'areas' is not available.");
        return loaded;
      },
    };
    const obj = {
      areas,
      isNullObject: false,
      load: () => {
        self.ctx.queueLoad(() => {
          const r = self.locate();
          const inside = self
            .sheet()
            .merges.map(parseAddress)
            .filter((m) => r && m.row >= r.row && m.row + m.rows <= r.row + r.rows && m.col >= r.col && m.col + m.cols <= r.col + r.cols);
          loaded = inside.map((m) => ({ address: rectAddress(self.sheetName, m) }));
          self.ctx.responseBytes += JSON.stringify(loaded).length;
          obj.isNullObject = inside.length === 0;
        });
        return obj;
      },
    };
    return obj;
  }

  record(path: string, value: unknown): void {
    this.write({ op: 'format', path, value }, () => this.sheet().formatting.push({ address: this.resolvedAddress(), path, value }));
  }
}

const FORMAT_PROPERTIES = new Set(['wrapText', 'horizontalAlignment', 'verticalAlignment', 'indentLevel', 'columnWidth', 'rowHeight']);

/**
 * A range's format: setting a property records what was asked (reading it back is not needed by
 * the adapter and throws, as it would unloaded); a property the fake does not model throws.
 */
function rangeFormat(range: Range): Record<string, unknown> {
  const recorder = (prefix: string, known?: Set<string>) =>
    new Proxy({} as Record<string, unknown>, {
      set: (_t, key, value) => {
        if (known && !known.has(String(key))) throw new OfficeError('NotImplemented', `The fake Excel host has no format "${String(key)}".`);
        range.record(`${prefix}${String(key)}`, value);
        return true;
      },
      get: (_t, key) => {
        throw new OfficeError('PropertyNotLoaded', `The property '${prefix}${String(key)}' is not available.`);
      },
    });
  const own = recorder('', FORMAT_PROPERTIES);
  const parts: Record<string, unknown> = {
    font: recorder('font.'),
    fill: recorder('fill.'),
    borders: {
      getItem: (edge: string) => {
        if (!EDGES.includes(edge)) throw new OfficeError('InvalidArgument', `Tepi ${edge} tidak dikenal.`);
        return recorder(`borders.${edge}.`);
      },
    },
  };
  return new Proxy(own, { get: (_t, key) => (typeof key === 'string' && key in parts ? parts[key] : (own as Record<string | symbol, unknown>)[key]) });
}

class SettingCollection {
  constructor(private ctx: RequestContext) {}

  add(key: string, value: string): void {
    this.ctx.queue({ op: 'setting', key, value }, () => this.ctx.host.settings.set(key, value));
  }

  getItemOrNullObject(key: string): { load: (p?: string) => unknown; readonly value: string; readonly isNullObject: boolean } {
    const ctx = this.ctx;
    let state: { value: string | null } | null = null;
    const item = {
      load: () => {
        ctx.queueLoad(() => (state = { value: ctx.host.settings.get(key) ?? null }));
        return item;
      },
      get isNullObject() {
        if (!state) throw new OfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available.");
        return state.value === null;
      },
      get value() {
        if (!state) throw new OfficeError('PropertyNotLoaded', "The property 'value' is not available.");
        if (state.value === null) throw new OfficeError('ItemNotFound', 'Pengaturan tidak ada.');
        return state.value;
      },
    };
    return item;
  }
}

/** The host: sheets, settings, selection, and what was asked of it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, string>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Excel on the web refuses requests and responses over 5 MB; the desktop does not. */
  webLimits = true;
  /** Called after every sync, for a view of the workbook (the browser demo). */
  listeners: (() => void)[] = [];
  /** Requirement sets the host claims to support. */
  apiVersion = '1.13';

  /** A host holding the sheets of a workbook read by the ExcelJS adapter. */
  static fromWorkbook(wb: CoreWorkbook): FakeExcel {
    const host = new FakeExcel();
    for (const g of wb.sheets) {
      const sheet = emptySheet(g.name);
      sheet.visibility = g.hidden ? 'Hidden' : 'Visible';
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const format = g.numberFormats?.[r]?.[c] ?? 'General';
          if (v === null && format === 'General') return;
          const rr = g.origin.row + r;
          sheet.cells[rr] ??= [];
          sheet.cells[rr][g.origin.col + c] = { value: v !== null && typeof v === 'object' ? v.error : v, format };
        }),
      );
      sheet.merges = (g.merges ?? []).map(localAddress);
      host.sheets.push(sheet);
    }
    return host;
  }

  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    return batch(new RequestContext(this));
  }

  isSetSupported(name: string, version: string): boolean {
    const v = (s: string) => s.split('.').map(Number);
    const [a, b] = v(version);
    const [x, y] = v(this.apiVersion);
    return name === 'ExcelApi' && (x > a || (x === a && y >= b));
  }

  /** The sheet's values as the user sees them, for before/after comparisons. */
  snapshot(name: string): string {
    const s = this.sheets.find((x) => x.name === name);
    return JSON.stringify(s ? { cells: s.cells, merges: s.merges } : null);
  }

  /** The largest request so far, in bytes. */
  largestRequest(): number {
    return Math.max(0, ...this.requestBytes);
  }

  /** The largest response so far, in bytes. */
  largestResponse(): number {
    return Math.max(0, ...this.responseBytes);
  }
}
