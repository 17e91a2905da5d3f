/** Names of the sheets the tool writes; they are replaced on each run and never read as input. */
export const RESULT_PREFIX = 'HC ';

export const RESULT_SHEETS = {
  kinerja: 'HC Kinerja',
  anggaran: 'HC Anggaran',
  pemeriksaan: 'HC Pemeriksaan',
} as const;

export function isResultSheet(name: string): boolean {
  return name.startsWith(RESULT_PREFIX);
}
