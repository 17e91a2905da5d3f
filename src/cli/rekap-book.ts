import { existingSheets, inputSheets } from '../adapters/xlsx/read';
import { readXlsxFile } from '../adapters/fs/xlsx-file';
import { BukuRekap, failedBook, rekapBook } from '../core/rekap/book';
import { Settings } from '../core/settings';

/** One book of a recap, read from its file and computed as a run on it alone would; never throws: a book that fails says why. */
export async function bookOf(file: string, berkas: string, settings: Partial<Settings>): Promise<BukuRekap> {
  try {
    const book = await readXlsxFile(file);
    return rekapBook(berkas, inputSheets(book), existingSheets(book), settings);
  } catch (e) {
    return failedBook(berkas, e);
  }
}
