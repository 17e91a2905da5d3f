/// <reference types="office-js" />
import { CellRange, CellValue, Grid, parseRange, Workbook } from '../../core/grid';
import { isResultSheet } from '../../core/result-sheets';
import { Settings } from '../../core/settings';

export const SETTINGS_KEY = 'hitungCapaian.pengaturan';

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export interface ExcelInput {
  workbook: Workbook;
  /** The user's sheet names in order, the tool's own result sheets excluded. */
  sheetNames: string[];
  /** Every sheet name, result sheets included, for replacing them. */
  allNames: string[];
  /** Settings saved in the workbook by an earlier run, if any. */
  saved: Partial<Settings> | null;
}

/**
 * Reads every sheet's used range (values, number formats, merged areas) in three syncs whatever the
 * workbook's size. Result sheets of earlier runs are skipped; nothing is written.
 */
export async function readWorkbook(context: Excel.RequestContext, withMerges: boolean): Promise<ExcelInput> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await context.sync();

  const own = sheets.items.filter((ws) => !isResultSheet(ws.name));
  const used = own.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('values,numberFormat,rowIndex,columnIndex');
    return range;
  });
  await context.sync();

  const merged = withMerges
    ? used.map((range) => {
        if (range.isNullObject) return null;
        const areas = range.getMergedAreasOrNullObject();
        areas.load('areas/items/address');
        return areas;
      })
    : [];
  if (withMerges) await context.sync();

  const grids: Grid[] = own.map((ws, i): Grid => {
    const range = used[i];
    if (range.isNullObject) return { name: ws.name, values: [], origin: { row: 0, col: 0 }, hidden: ws.visibility !== 'Visible' };
    const areas = merged[i];
    const merges = areas && !areas.isNullObject ? areas.areas.items.map((a) => parseRange(a.address)).filter((m): m is CellRange => m !== null) : [];
    return {
      name: ws.name,
      values: (range.values as unknown[][]).map((row) => row.map(cellValue)),
      numberFormats: range.numberFormat as string[][],
      origin: { row: range.rowIndex, col: range.columnIndex },
      merges,
      hidden: ws.visibility !== 'Visible',
    };
  });

  const saved = parseSaved(setting);
  return { workbook: { sheets: grids }, sheetNames: own.map((ws) => ws.name), allNames: sheets.items.map((ws) => ws.name), saved };
}

/** Settings saved by an earlier run; a damaged value counts as none. */
export function parseSaved(setting: Excel.Setting): Partial<Settings> | null {
  if (setting.isNullObject) return null;
  try {
    const v = JSON.parse(setting.value) as unknown;
    return v && typeof v === 'object' ? (v as Partial<Settings>) : null;
  } catch {
    return null;
  }
}
