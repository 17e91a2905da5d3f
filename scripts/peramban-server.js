#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Serves the page without the add-in on this computer (npm run peramban builds it into dist-peramban/
// first, so that the demo's dist-web/ stays whole and both servers can run side by side):
//   node scripts/peramban-server.js [--port 8080] [--dir dist-peramban]
// The page needs no server of its own: any web server can serve its folder, or it opens from the disk.
const http = require('http');
const path = require('path');
const { serveStatic } = require('./serve-static');

const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const web = path.resolve(__dirname, '..', dirFlag >= 0 ? args[dirFlag + 1] : 'dist-peramban');
const portFlag = args.indexOf('--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : process.env.PORT || 8080);

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/') {
    res.writeHead(302, { Location: '/peramban.html' });
    return res.end();
  }
  serveStatic(web, pathname, res);
});
server.listen(port, '127.0.0.1', () => console.log(`Hitung Capaian tanpa add-in: http://localhost:${port}/peramban.html`));
