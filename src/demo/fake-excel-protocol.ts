/**
 * The fake Excel's client protocol: the requests of Microsoft's Office.js client as it serializes
 * them (`Actions` and `ObjectPaths`), resolved against the objects of `fake-excel-answers.ts` and
 * answered in Excel's shape (PascalCase properties, collections as `_Items`, null objects, errors
 * with their code and the member they happened in).
 */

export class OfficeError extends Error {
  /** The member Excel was running, as `debugInfo.errorLocation` names it (`CustomXmlPart.setXml`). */
  location = '';
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface ActionInfo {
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

/** The client's request flag for `Excel.run({ delayForCellEdit: true }, …)` (its `_requestFlagModifier |= 64`). */
export const DELAY_FOR_CELL_EDIT = 64;

const PATH = { global: 1, method: 3, property: 4, indexer: 5, reference: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

/** An object of Excel's model: its kind names the table of `Kind`s that answers for it. */
export interface ModelNode {
  kind: string;
}

export interface Kind<N extends ModelNode> {
  /** Navigation properties: `range.format`, `worksheet.pageLayout`. */
  properties?: Record<string, (n: N) => ModelNode>;
  /** Methods; those returning an object are object paths, the others actions (whose `result`, if any, is answered). */
  methods?: Record<string, (n: N, args: unknown[]) => ModelNode | null | void | { result: unknown }>;
  /** `collection.getItem(key)` written as `collection[key]`. */
  indexer?: (n: N, key: unknown) => ModelNode;
  /** Scalar properties a load may ask for. */
  get?: Record<string, (n: N) => unknown>;
  set?: Record<string, (n: N, value: unknown) => void>;
  /** A collection's items. */
  items?: (n: N) => ModelNode[];
  /** The property Excel answers for every item of the collection, whatever was loaded: the client addresses items by it. */
  key?: string;
}

/** What the protocol needs of the host: the model's kinds and what the host keeps between requests. */
export interface ProtocolHost {
  kindOf(n: ModelNode): Kind<ModelNode>;
  /** Objects the client asked Excel to keep between requests (ranges inside `Excel.run`). */
  references: Map<string, ModelNode>;
  /** Refuses what is asked of `n` now (a deleted sheet, a refused part of the workbook), or lets it through. */
  check(n: ModelNode, member: string): void;
  /** A call on a null object: nothing (null), or the request refused. */
  onNullObject(member: string): null;
  keep(n: ModelNode): string;
}

export const camel = (name: string) => name[0].toLowerCase() + name.slice(1);
export const upper = (name: string) => name[0].toUpperCase() + name.slice(1);

export function unmodelled(n: ModelNode, member: string): OfficeError {
  return new OfficeError('NotImplemented', `The fake Excel host has no "${member}" on ${n.kind}.`);
}

/** Names the member an error happened in, as Excel does, unless a deeper one was named already. */
function located<T>(n: ModelNode, member: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof OfficeError && e.location === '') e.location = `${n.kind}.${camel(member)}`;
    throw e;
  }
}

/** One request's object paths, resolved once each, in the order the actions reach them. */
class Resolver {
  private resolved = new Map<number, ModelNode | null>();

  constructor(
    private host: ProtocolHost,
    private paths: Record<string, ObjectPathInfo>,
  ) {}

  args(info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? this.node(refs[i]) : a));
  }

  node(id: number): ModelNode | null {
    if (this.resolved.has(id)) return this.resolved.get(id)!;
    const path = this.paths[String(id)];
    if (!path) throw new OfficeError('InvalidObjectPath', `Object path ${id} is not in the request.`);
    const node = this.resolve(path);
    this.resolved.set(id, node);
    return node;
  }

  /** The node of `id`, which must not be a null object, and may be asked for `member`. */
  live(id: number, member: string): ModelNode {
    const n = this.node(id);
    if (!n) throw new OfficeError('InvalidObjectPath', 'The object path is a null object.');
    located(n, member, () => this.host.check(n, member));
    return n;
  }

  private resolve(path: ObjectPathInfo): ModelNode | null {
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
    const name = path.Name || '[indexer]';
    // What a null object is asked for is null too, unless the host is told to refuse it.
    if (this.node(path.ParentObjectPathId!) === null) return this.host.onNullObject(name);
    const parent = this.live(path.ParentObjectPathId!, name);
    const kind = this.host.kindOf(parent);
    const args = this.args(path.ArgumentInfo);
    const member =
      path.ObjectPathType === PATH.property
        ? kind.properties?.[path.Name]
        : path.ObjectPathType === PATH.indexer
          ? kind.indexer
          : path.ObjectPathType === PATH.method
            ? kind.methods?.[path.Name]
            : undefined;
    if (!member) throw unmodelled(parent, name);
    const node = located(
      parent,
      name,
      () => (member as (n: ModelNode, a: unknown) => ModelNode | null | { result: unknown })(parent, path.ObjectPathType === PATH.indexer ? args[0] : args) ?? null,
    );
    if (node !== null && !('kind' in node)) throw new OfficeError('InvalidObjectPath', `"${path.Name}" answers a value, not an object.`);
    if (node !== null) located(node, name, () => this.host.check(node, name));
    return node;
  }
}

/** The answer to a load: Excel's property names, collections as `_Items`. */
function query(host: ProtocolHost, n: ModelNode | null, select: string[] | undefined): unknown {
  if (n === null) return null;
  const kind = host.kindOf(n);
  if (kind.items) {
    // A collection's own properties (`count`) are answered beside its items; the rest are the items'.
    const own = (select ?? []).filter((f) => kind.get?.[upper(f)]);
    const forItems = select?.filter((f) => !own.includes(f));
    const out: Record<string, unknown> = Object.fromEntries(own.map((f) => [upper(f), kind.get![upper(f)](n)]));
    if (forItems === undefined || forItems.length > 0) {
      const key = kind.key;
      out._Items = kind.items(n).map((item) => (key ? { [key]: host.kindOf(item).get![key](item), ...(query(host, item, forItems) as object) } : query(host, item, forItems)));
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
    const node = child(n);
    host.check(node, name);
    out[name] = query(host, node, sub.length > 0 ? sub : undefined);
  }
  return out;
}

/** Runs a request's actions in order; the first that fails stops the request, those before it stay done, as in Excel. */
export function applyRequest(host: ProtocolHost, body: RequestBody, results: ResponseMessage['Body']['Results']): void {
  const resolver = new Resolver(host, body.ObjectPaths);
  const kept = new Set<number>();
  for (const action of body.Actions) {
    switch (action.ActionType) {
      case ACTION.instantiate: {
        const n = resolver.node(action.ObjectPathId);
        if (n === null) results.push({ ActionId: action.Id, Value: null });
        else if (kept.has(action.ObjectPathId)) results.push({ ActionId: action.Id, Value: { _ReferenceId: host.keep(n) } });
        else if (n.kind === 'Worksheet') results.push({ ActionId: action.Id, Value: { Id: host.kindOf(n).get!.Id(n) } });
        break;
      }
      case ACTION.query: {
        const n = resolver.node(action.ObjectPathId);
        results.push({ ActionId: action.Id, Value: n === null ? null : located(n, 'load', () => query(host, n, action.QueryInfo?.Select)) });
        break;
      }
      case ACTION.method: {
        if (resolver.node(action.ObjectPathId) === null) {
          host.onNullObject(action.Name);
          break;
        }
        const n = resolver.live(action.ObjectPathId, action.Name);
        const method = host.kindOf(n).methods?.[action.Name];
        if (!method) throw unmodelled(n, action.Name);
        if (action.Name === '_KeepReference') kept.add(action.ObjectPathId);
        const answer = located(n, action.Name, () => method(n, resolver.args(action.ArgumentInfo)));
        if (answer && 'result' in answer) results.push({ ActionId: action.Id, Value: answer.result });
        break;
      }
      case ACTION.setProperty: {
        if (resolver.node(action.ObjectPathId) === null) {
          host.onNullObject(action.Name);
          break;
        }
        const n = resolver.live(action.ObjectPathId, action.Name);
        const set = host.kindOf(n).set?.[action.Name];
        if (!set) throw unmodelled(n, action.Name);
        located(n, action.Name, () => set(n, resolver.args(action.ArgumentInfo)[0]));
        break;
      }
      default:
        throw new OfficeError('NotImplemented', `The fake Excel host has no action of type ${action.ActionType}.`);
    }
  }
}
