/** Name handling for matching rows between sheets and linking kinerja to programs. */
import { memo } from '../memo';

const LEVEL_WORDS = /^(sub\s*kegiatan|kegiatan|program|sub\s*keg\.?|keg\.?|prog\.?)\b[\s:.-]*/i;

export type LevelWord = 'program' | 'kegiatan' | 'subKegiatan';

export function levelWord(name: string): LevelWord | null {
  const m = /^(sub\s*kegiatan|sub\s*keg\b|kegiatan|program)\b/i.exec(name.trim());
  if (!m) return null;
  const w = m[1].toLowerCase().replace(/\s+/g, '');
  if (w.startsWith('sub')) return 'subKegiatan';
  return w === 'kegiatan' ? 'kegiatan' : 'program';
}

/** Case, spacing, punctuation and the leading level word ignored. */
export const normalizeName = memo(normalize);

function normalize(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .trim()
    .replace(LEVEL_WORDS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STOP_WORDS = new Set(['dan', 'di', 'atau', 'yang', 'dengan', 'dalam', 'serta', 'untuk', 'pada', 'ke', 'dari', 'beserta']);

/**
 * Words compared per name. The longest SIPD nomenclature names have about 20 words; a name of
 * thousands is pasted text, and comparing such lists pairwise (400 × 400 rows) took 40 s.
 */
const MAX_TOKENS = 64;

/** The words of a name that similarity compares: the first MAX_TOKENS, stop words left out. */
export function nameTokens(name: string): string[] {
  const tokens: string[] = [];
  for (const t of normalizeName(name).split(' ')) {
    if (t.length > 0 && !STOP_WORDS.has(t)) tokens.push(t);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens;
}

/** Dice coefficient on word multisets: 1 for the same words, 0 for none shared. */
export function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export const SIMILARITY_THRESHOLD = 0.6;
