import { readBookOf } from '../adapters/xlsx/read';
import { readXlsxFile } from '../adapters/fs/xlsx-file';
import { BukuRekap, failedBook, rekapBook } from '../core/rekap/book';
import { Settings } from '../core/settings';

/** One book of a recap, read from its file and run as `hitung-capaian <buku>` runs it; never throws: a book that fails says why. */
export async function bookOf(file: string, berkas: string, settings: Partial<Settings>): Promise<BukuRekap> {
  try {
    return await rekapBook(berkas, async () => readBookOf(await readXlsxFile(file)), settings);
  } catch (e) {
    return failedBook(berkas, e);
  }
}
