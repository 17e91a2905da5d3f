import { readTextFile } from '../adapters/fs/read-file';
import { InputError } from '../core/errors';

/** What the command line's runs share: where they write, and the options every run checks alike. */

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The year of `--tahun`, checked as it enters. */
export function yearOption(tahun: string): number {
  if (!/^\d{4}$/.test(tahun.trim())) throw new InputError(`Pilihan --tahun memerlukan tahun empat angka seperti 2024, bukan “${tahun.slice(0, 20)}”.`);
  return Number(tahun);
}

/** A settings file is a few lines; anything much larger is not one. */
const SETTINGS_BYTES = 256 * 1024;

export async function readSettingsFile(file: string): Promise<Record<string, unknown>> {
  const text = await readTextFile(file, { label: 'Berkas pengaturan', extension: '.json' }, SETTINGS_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`Berkas pengaturan “${file}” tidak dapat dibaca sebagai JSON.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(`Berkas pengaturan “${file}” harus berisi satu objek JSON { … }.`);
  return data as Record<string, unknown>;
}
