/**
 * A fake Excel that answers the real Office.js client. The add-in's code runs on Microsoft's own
 * client (`Excel.RequestContext`, `load`, `sync`, tracked ranges, null objects), whose requests
 * reach this host as the JSON Excel receives (`Actions` and `ObjectPaths`); the host applies them
 * to a workbook held in memory and answers as Excel does. So the bytes measured here are the
 * client's real requests, and the answers have Excel's shape.
 *
 * In three parts: the client protocol (fake-excel-protocol.ts), the workbook model with Excel's
 * rules for what is written into it (fake-excel-workbook.ts), and Excel's objects and their answers
 * (fake-excel-answers.ts); this host holds the workbook and what Excel is like at the moment (its
 * ExcelApi version, web limits, cell editing, protection, refusals). Only the part of Excel's object
 * model the add-in uses is modelled; anything else is refused with a NotImplemented error naming
 * it, never silently ignored. Pure TypeScript: it runs under jest (with the client loaded from the
 * `@microsoft/office-js` package) and in the browser demo.
 */
import { Workbook as CoreWorkbook } from '../core/grid';
import { kinds, Kinds, Node, sheetOf } from './fake-excel-answers';
import { applyRequest, camel, DELAY_FOR_CELL_EDIT, Kind, ModelNode, OfficeError, RequestBody, ResponseMessage } from './fake-excel-protocol';
import { emptySheet, FakeSheet, FakeXmlPart, nextPartId, rootNamespace } from './fake-excel-workbook';

export { OfficeError } from './fake-excel-protocol';
export type { RequestBody, ResponseMessage } from './fake-excel-protocol';
export type { FakeCell, FakeSheet, FakeXmlPart, Visibility } from './fake-excel-workbook';

/** Excel on the web refuses a request or a response over 5 MB (Microsoft's Office Scripts platform limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What the client needs to talk to this host: its `Excel` and `OfficeExtension` namespaces. */
export interface OfficeClient {
  Excel: {
    RequestContext: new (session: unknown) => Excel.RequestContext;
    run<T>(options: Excel.RunOptions | Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  OfficeExtension: { SessionBase: new () => object };
}

/** Members of the object model newer than ExcelApi 1.9, by the requirement set that brought them. */
const SINCE: Record<string, string> = { 'Range.getMergedAreasOrNullObject': '1.13' };

const utf8 = new TextEncoder();
const byteLength = (json: string) => utf8.encode(json).length;

const versionOf = (s: string) => s.split('.').map(Number) as [number, number];
const atLeast = (have: string, need: string) => {
  const [x, y] = versionOf(have);
  const [a, b] = versionOf(need);
  return x > a || (x === a && y >= b);
};

/** The host: sheets, settings, selection, and what was asked of it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  customXmlParts: FakeXmlPart[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Objects the client asked Excel to keep between requests (ranges inside `Excel.run`). */
  references = new Map<string, ModelNode>();
  /** Bytes of each request and each response, as sent. */
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Excel on the web refuses requests and responses over 5 MB; the desktop does not. */
  webLimits = true;
  /** Called after every request, for a view of the workbook (the browser demo). */
  listeners: (() => void)[] = [];
  /** Past this many cells a range's `values` and `numberFormat` come back null, as Excel's five million. */
  cellLimit = 5_000_000;
  /** The ExcelApi requirement set this Excel claims; a member newer than it is refused with ApiNotFound. */
  apiVersion = '1.13';
  /**
   * Whether Excel lets a request call methods or set properties on a null object (and answers null)
   * is not documented; only loading one is (the *OrNullObject pattern). By default this host lets
   * it; told to refuse, it fails the request as Excel might.
   */
  refusesCallsOnNullObjects = false;
  /** The workbook's structure is protected (Review › Protect Workbook): no sheet is added, deleted, renamed, hidden or shown. */
  structureProtected = false;
  /**
   * An unsaved workbook in Excel on iPad: every request touching `customXmlParts` fails with
   * GeneralException (OfficeDev/office-js#3936; Excel on the web, Windows and Mac answer it).
   */
  unsavedOnIpad = false;
  /** Members refused with a code, by the place Excel names (`SettingCollection.add`, `CustomXmlPart.setXml`). */
  refusals = new Map<string, string>();
  private nextReference = 0;
  private editing = false;
  private editDone: (() => void)[] = [];
  private model: Kinds | null = null;

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

  /**
   * The user is editing a cell: a request is refused with InvalidOperationInCellEditMode, or, sent
   * with `delayForCellEdit`, waits until the editing ends (Excel.RunOptions.delayForCellEdit).
   */
  get cellEditing(): boolean {
    return this.editing;
  }

  set cellEditing(editing: boolean) {
    this.editing = editing;
    if (!editing) for (const done of this.editDone.splice(0)) done();
  }

  /** Requests answered so far: one per `context.sync()` that had something to send. */
  get syncs(): number {
    return this.requestBytes.length;
  }

  kindOf(n: ModelNode): Kind<ModelNode> {
    this.model ??= kinds(this);
    return this.model[n.kind as Node['kind']] as unknown as Kind<ModelNode>;
  }

  /** Refuses `member` of `n` where Excel would now: a deleted sheet, a member newer than this Excel, a refused part of the workbook. */
  check(n: ModelNode, member: string): void {
    const sheet = sheetOf(n as Node);
    if (sheet && !this.sheets.includes(sheet)) throw new OfficeError('ItemNotFound', `The worksheet "${sheet.name}" was deleted.`);
    const place = `${n.kind}.${camel(member)}`;
    const since = SINCE[place];
    if (since && !atLeast(this.apiVersion, since)) throw new OfficeError('ApiNotFound', `The API you are trying to use could not be found (${place}, ExcelApi ${since}).`);
    if (this.unsavedOnIpad && n.kind.startsWith('CustomXmlPart')) throw new OfficeError('GeneralException', 'There was an internal error while processing the request.');
    const refused = this.refusals.get(place);
    if (refused) throw new OfficeError(refused, `Refused: ${place}.`);
  }

  /** Answers one request of the client; `flags` are the client's request flags. */
  execute(body: RequestBody, flags = 0): ResponseMessage {
    const requestJson = JSON.stringify(body);
    const requestBytes = byteLength(requestJson);
    this.requestBytes.push(requestBytes);
    if (this.webLimits && requestBytes > PAYLOAD_LIMIT) {
      this.responseBytes.push(0);
      return this.refuse('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const response: ResponseMessage = { ErrorCode: null, Headers: {}, Body: { Results: [] } };
    try {
      if (this.editing && !(flags & DELAY_FOR_CELL_EDIT))
        throw new OfficeError('InvalidOperationInCellEditMode', 'The operation is not available while Excel is in cell edit mode.');
      applyRequest(this, JSON.parse(requestJson) as RequestBody, response.Body.Results);
    } catch (e) {
      if (!(e instanceof OfficeError)) throw e;
      response.Body.Error = { Code: e.code, Message: e.message, HttpStatusCode: 400, Location: e.location };
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

  /** A call on a null object: nothing (null), or the request refused. */
  onNullObject(member: string): null {
    if (this.refusesCallsOnNullObjects) throw new OfficeError('GeneralException', `There was an internal error while processing the request (${member} on a null object).`);
    return null;
  }

  keep(n: ModelNode): string {
    this.nextReference += 1;
    const id = `ref${this.nextReference}`;
    this.references.set(id, n);
    return id;
  }

  /** A request is sent now, or, sent with delayForCellEdit while a cell is edited, once the editing ends. */
  private send(body: RequestBody, flags: number): Promise<ResponseMessage> {
    if (!this.editing || !(flags & DELAY_FOR_CELL_EDIT)) return Promise.resolve(this.execute(body, flags));
    return new Promise((resolve) => this.editDone.push(() => resolve(this.execute(body, flags))));
  }

  /** A session of the real client whose requests this host answers. */
  private session(client: OfficeClient): object {
    const send = (body: RequestBody, flags: number) => this.send(body, flags);
    class Session extends client.OfficeExtension.SessionBase {
      _resolveRequestUrlAndHeaderInfo() {
        return Promise.resolve({ url: 'fake-excel', headers: {} });
      }
      _createRequestExecutorOrNull() {
        return { executeAsync: (_customData: unknown, flags: number, message: { Body: RequestBody }) => send(message.Body, flags) };
      }
    }
    return new Session();
  }

  /** A request context of the real client whose requests this host answers. */
  context(client: OfficeClient): Excel.RequestContext {
    return new client.Excel.RequestContext(this.session(client));
  }

  /** `Excel.run` of the real client on this host, with the options the add-in gives it (`delayForCellEdit`). */
  run<T>(client: OfficeClient, batch: (context: Excel.RequestContext) => Promise<T>, options: Excel.RunOptions = {}): Promise<T> {
    return client.Excel.run({ ...options, session: this.session(client) } as Excel.RunOptions, batch);
  }

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && atLeast(this.apiVersion, version);
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
