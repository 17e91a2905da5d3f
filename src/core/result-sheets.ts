/** Names of the sheets the tool writes; they are replaced on each run and never read as input. */
export const RESULT_PREFIX = 'HC ';

/** One sheet per table, by table id; at most 31 characters, as Excel requires. */
export const RESULT_SHEETS = {
  'pengukuran-kinerja': 'HC Pengukuran Kinerja',
  'perbandingan-tahun': 'HC Perbandingan Tahun',
  'program-pendukung': 'HC Program Pendukung',
  efisiensi: 'HC Efisiensi',
  predikat: 'HC Predikat',
  'realisasi-anggaran': 'HC Realisasi Anggaran',
  'belanja-operasi-modal': 'HC Belanja Operasi Modal',
  'alokasi-anggaran': 'HC Alokasi Anggaran',
  pemeriksaan: 'HC Pemeriksaan',
} as const;

export type TableId = keyof typeof RESULT_SHEETS;

export function isResultSheet(name: string): boolean {
  return name.startsWith(RESULT_PREFIX);
}
