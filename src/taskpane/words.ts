import { COLUMN_LABEL } from '../core/read/detect';
import { ColumnRole, SettingPath, SheetRole } from '../core/settings';

/** The pane's words that more than one component uses. */

export const SHEET_ROLE_LABEL: Record<SheetRole, string> = {
  dpa: 'Lembar DPA (anggaran)',
  realisasi: 'Lembar realisasi anggaran',
  kinerja: 'Lembar kinerja',
};

/** Both keys, as the user's keyboard may be either (Excel on the web on a Mac says it is the web). */
export const COPY_KEYS = 'Ctrl+C (⌘C di Mac)';
export const PASTE_KEYS = 'Ctrl+V (⌘V di Mac)';

export const DOCX_LABEL = 'Unduh semua tabel dan narasi (.docx)';

/** Sheet names as a sentence lists them: “HC Efisiensi”, “HC Predikat”. */
export const quotedList = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** A setting's field as the pane names it, to start a sentence: “Baris judul kolom lembar “DPA 2024””. */
export function fieldLabel(path: SettingPath): string {
  const [head, a, b, c] = path;
  if (head === 'lembar') return SHEET_ROLE_LABEL[a as SheetRole] ?? 'Lembar';
  if (head === 'kolom' && b === 'barisJudul') return `Baris judul kolom lembar “${a}”`;
  if (head === 'kolom' && b === 'kolom' && c !== undefined) return `Kolom ${COLUMN_LABEL[c as ColumnRole] ?? c} lembar “${a}”`;
  if (head === 'kolom') return `Pengaturan lembar “${a}”`;
  if (head === 'predikat') return 'Batas bawah predikat';
  if (head === 'ambangEfisiensi') return 'Ambang efisiensi';
  if (head === 'efisiensi') return 'Kategori efisiensi';
  if (head === 'batasCapaian') return 'Batas capaian';
  if (head === 'tahun') return 'Tahun laporan';
  return 'Pengaturan';
}

/**
 * The group a finding is listed under, named for what it holds. Findings carry their kind, not
 * which way a match failed: that comes from the sheet they point at, and for data-kosong from what
 * the message is about.
 */
export { TINGKAT_LABEL } from '../core/findings';
