/**
 * Reading alone, in a process of its own, for the reader decision: `xlsx` is the adapter's
 * streaming reader (saxes over the zip's parts), `exceljs` ExcelJS's load with every cell visited.
 */
import ExcelJS from 'exceljs';
import { workbookFromXlsx } from '../src/adapters/fs/xlsx-file';

async function main(): Promise<void> {
  const [how, input] = process.argv.slice(2);
  let cells = 0;
  if (how === 'exceljs') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell(() => cells++));
  } else {
    for (const sheet of (await workbookFromXlsx(input)).sheets) for (const row of sheet.values) cells += row?.filter((v) => v !== null).length ?? 0;
  }
  console.log(cells);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
