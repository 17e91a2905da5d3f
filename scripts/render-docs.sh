#!/usr/bin/env bash
# Renders what the CLI produces for the bundled example, and the task pane after a run, into
# docs/*.png, to look at and to show in the README. Needs Chromium, LibreOffice and poppler:
#   apt-get install --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
npm run -s build:cli
node dist/cli/main.js examples/semboro-tercetak.xlsx -o "$work/hasil.xlsx" --docx "$work/tabel-laporan.docx" >/dev/null 2>&1
# Only the result sheets, so that each page of the PDF is one table.
node -e '
const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith("HC ")) wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile(process.argv[2]);
})();' "$work/hasil.xlsx" "$work/hasil-tabel.xlsx"
(cd "$work" && soffice --headless --convert-to pdf hasil-tabel.xlsx tabel-laporan.docx >/dev/null 2>&1)
rm -f docs/excel-*.png docs/word-*.png
pdftoppm -r 80 -png "$work/hasil-tabel.pdf" docs/excel
pdftoppm -r 80 -png -l 4 "$work/tabel-laporan.pdf" docs/word
# The task pane after a run, in headless Chromium on the fake Excel host.
HC_SCREENSHOT=docs/taskpane.png npm run -s test:e2e >/dev/null
ls docs
