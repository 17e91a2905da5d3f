import ExcelJS from 'exceljs';
import { writeAtomically } from '../fs/write-atomically';
import { isResultSheet } from '../../core/result-sheets';
import { ResultSheet, Table, TableCell } from '../../core/tables';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function cellValue(cell: TableCell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'text':
      // Strings are stored as text, never as formulas, whatever they begin with.
      return cell.value;
    case 'money':
    case 'percent':
      return cell.value.toNumber();
    case 'link':
      return { text: cell.value, hyperlink: `#'${cell.lembar.replace(/'/g, "''")}'!${cell.sel}` };
    case 'empty':
      return null;
  }
}

function writeTable(ws: ExcelJS.Worksheet, table: Table, startRow: number): number {
  let r = startRow;
  ws.getCell(r, 1).value = table.caption;
  ws.getCell(r, 1).font = { bold: true };
  r += 1;
  table.columns.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    cell.border = THIN;
  });
  for (const row of table.rows) {
    r += 1;
    row.cells.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = cellValue(c);
      cell.border = THIN;
      if (c.kind === 'money') cell.numFmt = '#,##0';
      if (c.kind === 'percent') cell.numFmt = '0.00';
      if (c.kind === 'text' || c.kind === 'link') cell.alignment = { wrapText: true, vertical: 'top', indent: i === 1 ? row.level : 0 };
      if (row.emphasis !== 'none') cell.font = { bold: row.emphasis === 'bold', italic: row.emphasis === 'italic' };
      if (c.kind === 'link') cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    });
  }
  if (table.source) {
    r += 1;
    ws.getCell(r, 1).value = table.source;
    ws.getCell(r, 1).font = { italic: true, size: 9 };
  }
  return r + 2;
}

/** Replaces the tool's own result sheets in an ExcelJS workbook; the user's sheets are not touched. */
export function writeResultSheets(wb: ExcelJS.Workbook, sheets: ResultSheet[]): void {
  for (const ws of [...wb.worksheets]) if (isResultSheet(ws.name)) wb.removeWorksheet(ws.id);
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const widths = new Map<number, number>();
    for (const t of sheet.tables) t.columns.forEach((c, i) => widths.set(i + 1, Math.max(widths.get(i + 1) ?? 0, c.width)));
    for (const [col, width] of widths) ws.getColumn(col).width = width;
    let r = 1;
    for (const t of sheet.tables) r = writeTable(ws, t, r);
  }
}

export async function saveXlsx(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeAtomically(file, (tmp) => wb.xlsx.writeFile(tmp));
}
