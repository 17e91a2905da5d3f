// The floor every .xlsx tool pays: ExcelJS reading the workbook and writing it back, nothing else.
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  await wb.xlsx.writeFile(process.argv[3]);
})();
