import { createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { InputError } from '../../core/errors';
import { Workbook } from '../../core/grid';
import { ReplacementPlan } from '../../core/result-sheets';
import { checkFileSize } from '../xlsx/package';
import { inputSheets, readXlsx, XlsxBook } from '../xlsx/read';
import { PreparedSheet } from '../../core/report/run';
import { addResultSheets, GENERATE } from '../xlsx/write';

/** The .xlsx adapter on files: a path's checks and messages before its bytes are read, and the copy streamed into a file. */

async function readInput(file: string): Promise<Uint8Array> {
  let stat;
  try {
    // stat, not open: opening a FIFO would wait for a writer.
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`Berkas “${file}” tidak ditemukan.`);
    throw new InputError(`Berkas “${file}” tidak dapat dibuka (${code ?? 'galat baca'}).`);
  }
  if (stat.isDirectory()) throw new InputError(`“${file}” adalah folder, bukan berkas .xlsx.`);
  if (!stat.isFile()) throw new InputError(`“${file}” bukan berkas biasa (melainkan perangkat, FIFO atau soket); sebutkan berkas .xlsx.`);
  checkFileSize(stat.size, path.basename(file));
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new InputError(`Berkas “${file}” tidak dapat dibaca (${(e as NodeJS.ErrnoException).code ?? 'galat baca'}).`);
  }
}

export async function readXlsxFile(file: string): Promise<XlsxBook> {
  return readXlsx(await readInput(file), path.basename(file));
}

/** The engine's input from a file, for the demo, the bench and the Office adapter's tests. */
export async function workbookFromXlsx(file: string): Promise<Workbook> {
  return inputSheets(await readXlsxFile(file));
}

/**
 * Writes the copy of the input with the result sheets into `file`: a new file (flags `w`) or an
 * existing special one (flags `a`). `plan` says which of our earlier sheets go (planRun).
 */
export async function writeResultCopy(book: XlsxBook, sheets: PreparedSheet[], plan: ReplacementPlan, file: string, flags: 'w' | 'a' = 'w'): Promise<void> {
  const zip = await addResultSheets(book, sheets, plan);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file, { flags });
    out.on('error', reject);
    out.on('finish', resolve);
    zip
      .generateNodeStream({ ...GENERATE, type: 'nodebuffer' })
      .on('error', reject)
      .pipe(out);
  });
}
