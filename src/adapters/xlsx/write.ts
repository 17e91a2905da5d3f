import ExcelJS from 'exceljs';
import { writeAtomically } from '../fs/write-atomically';
import { isResultSheet } from '../../core/result-sheets';
import { CellStyle, SheetLayout, TEXT_FORMAT } from '../../core/report/sheet-layout';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  cell.font = {
    name: 'Arial',
    size: s.size ?? 10,
    bold: s.bold,
    italic: s.italic,
    underline: s.underline,
    color: s.color ? { argb: 'FF' + s.color } : undefined,
  };
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + s.fill } };
  if (s.border) cell.border = THIN;
  cell.alignment = { horizontal: s.hAlign, vertical: s.vAlign, wrapText: s.wrap, indent: s.indent };
}

function writeLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const styles = new Map<string, CellStyle>();
  for (const { block, style } of layout.styles) {
    for (let r = block.row; r < block.row + block.rows; r++) {
      for (let c = block.col; c < block.col + block.cols; c++) {
        const key = `${r},${c}`;
        styles.set(key, { ...styles.get(key), ...style });
      }
    }
  }
  layout.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      // A string is stored as a string, never as a formula, whatever it begins with.
      cell.value = value;
      const format = layout.numberFormats[r][c];
      if (format !== 'General' && format !== TEXT_FORMAT) cell.numFmt = format;
      applyStyle(cell, styles.get(`${r},${c}`) ?? {});
    }),
  );
  for (const link of layout.links) {
    const text = String(layout.values[link.row][link.col] ?? link.sel);
    ws.getCell(link.row + 1, link.col + 1).value = { text, hyperlink: `#'${link.lembar.replace(/'/g, "''")}'!${link.sel}` };
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  layout.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  layout.rowHeights.forEach((h, r) => (ws.getRow(r + 1).height = h));
  const p = layout.printArea;
  ws.pageSetup = {
    paperSize: 9,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${ws.getCell(p.row + p.rows, p.col + p.cols).address}`,
    printTitlesRow: `${layout.headerRows.first + 1}:${layout.headerRows.last + 1}`,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.views = [{ state: 'frozen', ySplit: layout.headerRows.last + 1, showGridLines: false }];
}

/** Replaces the tool's own result sheets in an ExcelJS workbook; the user's sheets are not touched. */
export function writeResultSheets(wb: ExcelJS.Workbook, layouts: SheetLayout[]): void {
  for (const ws of [...wb.worksheets]) if (isResultSheet(ws.name)) wb.removeWorksheet(ws.id);
  for (const layout of layouts) writeLayout(wb.addWorksheet(layout.name), layout);
}

export async function saveXlsx(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeAtomically(file, (tmp) => wb.xlsx.writeFile(tmp));
}
