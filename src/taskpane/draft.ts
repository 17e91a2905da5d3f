import { pathText, SettingPath, Settings } from '../core/settings';

/**
 * The settings as the user is editing them: the shape of Settings, but holding what was typed in
 * a number field as text (`1.000`, `90,5`, `66%`, or `abc`), so that parseSettings, the one reader
 * and checker of every field, reads it or names the field. Nothing here decides whether a value is valid.
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

/** A settings value as a field shows it. */
export const shownValue = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '');

/** The draft a run starts from: the settings saved in the workbook, as JSON has them. */
export const draftOf = (settings: Partial<Settings> | null): Draft => JSON.parse(JSON.stringify(settings ?? {})) as Draft;
