import { Inspection } from '../core/run/plan';
import { Decimal } from '../core/decimal';
import { InputError } from '../core/errors';
import { SettingError, Settings } from '../core/settings';
import { RunView } from '../core/run/run';
import { BukuRekap } from '../core/rekap/book';
import { Rekap } from '../core/rekap/rekap';
import { Table } from '../core/report/table';

/**
 * What the page and its worker say to each other. Messages are structured clones, which keep plain
 * data, Dates and -Infinity but not a Decimal's methods nor an error's class: Decimals travel as
 * their text and come back as Decimals, errors as what the pane needs to tell them.
 */

export type Request =
  | { type: 'open'; file: File }
  | { type: 'inspect'; settings: Partial<Settings> | null }
  | { type: 'hitung'; settings: Partial<Settings> | null; replaceEdited: boolean | undefined }
  /** One book of a recap, read and computed as a run on it alone would. */
  | { type: 'rekap-buku'; file: File; berkas: string; settings: Partial<Settings> }
  /** The recap of the books, its workbook written. */
  | { type: 'rekap-tulis'; books: BukuRekap[]; settings: Partial<Settings> }
  /** The last run's tables as .docx. */
  | { type: 'docx' };

/** A recap as the worker sends it: what the page shows and the Word document needs, the workbook's bytes and the JSON. */
export interface WorkerRekap {
  rekap: Rekap;
  docxTables: Table[];
  warning: string | null;
  workbook: Uint8Array;
  json: string;
}

/** A run as the worker sends it: the core's RunView, and the copy's bytes and rows. */
export interface WorkerRun extends RunView {
  copy: { workbook: { name: string; bytes: Uint8Array }; json: { name: string; text: string }; rows: Record<string, string> };
}

/** What the worker answers to each request. */
export interface Answers {
  open: { sheets: number };
  inspect: Inspection;
  hitung: WorkerRun | { edited: string[] };
  'rekap-buku': BukuRekap;
  'rekap-tulis': WorkerRekap;
  docx: { bytes: Uint8Array };
}

export type Message = { id: number } & ({ progress: string } | { value: unknown } | { error: WireError });

export type WireError = { kind: 'setting'; field: SettingError['field']; alasan: string } | { kind: 'input'; message: string } | { kind: 'other'; message: string };

const DECIMAL = '$decimal';
const SETTING_ERROR = '$settingError';

/** A value with its Decimals as `{ $decimal: text }` and its setting errors (an inspection's) tagged too; plain objects and arrays copied, anything else kept. */
export function toWire(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return { [DECIMAL]: (value as Decimal).toString() };
  if (value instanceof SettingError) return { [SETTING_ERROR]: toWireError(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (!isPlain(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
}

/** The value toWire was given, its Decimals and setting errors whole again. */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (!isPlain(value)) return value;
  if (typeof value[DECIMAL] === 'string') return new Decimal(value[DECIMAL]);
  if (isPlain(value[SETTING_ERROR])) return fromWireError(value[SETTING_ERROR] as WireError);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
}

/** An object literal's kind, from any realm: a clone may be made in another (Node's structuredClone in a test's sandbox). */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof SettingError) return { kind: 'setting', field: e.field, alasan: e.alasan };
  if (e instanceof InputError) return { kind: 'input', message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

export function fromWireError(e: WireError): Error {
  if (e.kind === 'setting') return new SettingError(e.field, e.alasan);
  if (e.kind === 'input') return new InputError(e.message);
  return new Error(e.message);
}
