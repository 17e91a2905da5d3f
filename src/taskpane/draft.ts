import { pathText, SettingPath, Settings } from '../core/settings';

/**
 * The settings as the user is editing them: the shape of Settings, but holding what was typed
 * where it is not yet a valid value ("abc" for a number), so that parseSettings, the one checker,
 * names the field. Nothing here decides whether a value is valid.
 */
export type Draft = Record<string, unknown>;

export const fieldKey = (path: SettingPath) => pathText(path);

export function getAt(draft: Draft, path: SettingPath): unknown {
  let v: unknown = draft;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** A copy of `draft` with `value` at `path` (through objects); undefined removes it, and objects left empty go with it. */
export function setAt(draft: Draft, path: readonly string[], value: unknown): Draft {
  const [head, ...rest] = path;
  const next = rest.length === 0 ? value : setAt((draft[head] as Draft | undefined) ?? {}, rest, value);
  const copy = { ...draft };
  if (next === undefined || (typeof next === 'object' && next !== null && !Array.isArray(next) && Object.keys(next).length === 0)) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** What was typed into a number field: a number where it reads as one (`90,5` too), the text otherwise, nothing when empty. */
export function numberFrom(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) && /^[+-]?\d*[.,]?\d+$/.test(t) ? n : t;
}

/** What was typed into a percentage field: as a number field, a trailing “%” allowed (`66%`). */
export function percentFrom(text: string): number | string | undefined {
  const n = numberFrom(text.trim().replace(/\s*%$/, ''));
  return typeof n === 'number' ? n : numberFrom(text);
}

/** A settings value as a field shows it. */
export const shownValue = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '');

/** The draft a run starts from: the settings saved in the workbook, as JSON has them. */
export const draftOf = (settings: Partial<Settings> | null): Draft => JSON.parse(JSON.stringify(settings ?? {})) as Draft;
