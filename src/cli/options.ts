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

/**
 * A command's arguments: flags that take a value (`-o` read as `--output`), the others in order;
 * `--help` anywhere asks for help. An unknown flag is refused with `unknown(flag)`.
 */
export function splitArgs(argv: string[], valueFlags: ReadonlySet<string>, unknown: (flag: string) => string): { flags: Map<string, string>; others: string[] } | 'help' {
  const others: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (valueFlags.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new InputError(`Pilihan ${a} memerlukan nilai.`);
      flags.set(a === '-o' ? '--output' : a, v);
    } else if (a.startsWith('-') && a !== '-') throw new InputError(unknown(a));
    else others.push(a);
  }
  return { flags, others };
}
