import { promises as fs } from 'fs';
import * as path from 'path';
import { Workbook } from '../../core/grid';
import { ReplacementPlan } from '../../core/result-sheets';
import { checkFileSize } from '../xlsx/package';
import { inputSheets, readXlsx, XlsxBook } from '../xlsx/read';
import { PreparedSheet } from '../../core/report/sheet-layout';
import { addResultSheets } from '../xlsx/write';
import { readRegularFile } from './read-file';

/** The .xlsx adapter on files: a path's checks and messages before its bytes are read, and the copy written into a file. */

export async function readXlsxFile(file: string): Promise<XlsxBook> {
  return readXlsx(await readRegularFile(file, { label: 'Berkas', extension: '.xlsx' }, (size) => checkFileSize(size, path.basename(file))), path.basename(file));
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
  await fs.writeFile(file, await addResultSheets(book, sheets, plan), { flag: flags });
}
