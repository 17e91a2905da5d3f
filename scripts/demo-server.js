#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Serves the task pane on the fake Excel host, holding a workbook read by the .xlsx adapter:
//   node scripts/demo-server.js [buku.xlsx] [--port 3000]
// Needs `npm run build:cli` (the adapters in dist/) and the web bundle in dist-web/ (`npm run demo` does both).
const http = require('http');
const fs = require('fs');
const path = require('path');
const { readXlsxFile } = require('../dist/adapters/fs/xlsx-file');
const { serveStatic, TYPES } = require('./serve-static');

const root = path.join(__dirname, '..');
const web = path.join(root, 'dist-web');
const OFFICE_CLIENT = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.js');
const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : process.env.PORT || 3000);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') || path.join(root, 'examples', 'semboro-tercetak.xlsx');

async function main() {
  // Every sheet, the tool's own too, and the tool's record: the fake Excel holds the workbook whole.
  const xlsx = await readXlsxFile(file);
  const book = { sheets: xlsx.grids, customXml: xlsx.recordPart ? [await xlsx.pkg.text(xlsx.recordPart)] : [] };
  // The grids leave empty rows as holes; JSON would turn them into null.
  for (const sheet of book.sheets) for (const rows of [sheet.values, sheet.numberFormats]) for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const workbook = JSON.stringify(book);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/demo.html' });
      return res.end();
    }
    if (url.pathname === '/demo/office-client.js') {
      // Microsoft's Office.js client for Excel on the web (a devDependency): the demo's pane talks
      // through it to the fake host, as the add-in talks to Excel.
      res.writeHead(200, { 'Content-Type': TYPES['.js'] });
      return fs.createReadStream(OFFICE_CLIENT).pipe(res);
    }
    if (url.pathname === '/demo/workbook.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'] });
      return res.end(workbook);
    }
    serveStatic(web, url.pathname, res);
  });
  server.listen(port, '127.0.0.1', () => console.log(`Demo Hitung Capaian dengan ${path.basename(file)}: http://localhost:${port}/`));
}

main().catch((e) => {
  console.error(`Galat: ${e.message}`);
  process.exit(2);
});
