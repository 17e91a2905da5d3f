import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import { CellValue, Grid, Workbook } from '../../core/grid';
import { parseAddress, Rect } from '../../core/rect';

/** A formula whose result was never saved (the file was written by a tool that does not calculate). */
export const NO_CACHED_RESULT = 'rumus tanpa nilai tersimpan';

export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { error: NO_CACHED_RESULT };
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

/** Converts an ExcelJS worksheet into the core's grid (values, number formats, merges, hidden rows). */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = new Array(width).fill(null);
    const fmts: (string | null)[] = new Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      vals[colNumber - 1] = toCellValue(cell.value);
      fmts[colNumber - 1] = cell.numFmt ?? null;
    });
    values[r] = vals;
    numberFormats[r] = fmts;
    if (row.hidden) hiddenRows.push(r);
  });
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = new Array(width).fill(null);
      numberFormats[r] = new Array(width).fill(null);
    }
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseAddress).filter((m): m is Rect => m !== null);
  return { name: ws.name, values, numberFormats, origin: { row: 0, col: 0 }, merges, hidden: ws.state !== 'visible', hiddenRows };
}

export function workbookFromExcelJS(wb: ExcelJS.Workbook): Workbook {
  return { sheets: wb.worksheets.map(gridFromWorksheet) };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Opens an .xlsx file, or says in one sentence why it cannot. */
export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Berkas "${file}" tidak ditemukan.`);
    if (code === 'EISDIR') throw new InputError(`"${file}" adalah folder, bukan berkas .xlsx.`);
    throw new InputError(`Berkas "${file}" tidak dapat dibuka (${code ?? 'galat baca'}).`);
  }
  const name = path.basename(file);
  if (bytes.length === 0) throw new InputError(`Berkas "${name}" kosong.`);
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new InputError(`Berkas "${name}" dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu coba lagi.`);
    }
    throw new InputError(`Berkas "${name}" berformat Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    const looksText = !bytes.subarray(0, 512).includes(0);
    if (looksText && /\.(csv|txt)$/i.test(name)) {
      throw new InputError(`Berkas "${name}" berformat CSV/teks. Buka di Excel dan simpan sebagai .xlsx, lalu coba lagi.`);
    }
    throw new InputError(`Berkas "${name}" bukan buku kerja .xlsx.`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(`Berkas "${name}" rusak atau bukan buku kerja .xlsx yang utuh; tidak dapat dibaca.`);
  }
  return wb;
}
