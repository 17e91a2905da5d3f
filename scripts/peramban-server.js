#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Serves the page without the add-in on this computer (npm run peramban builds it first):
//   node scripts/peramban-server.js [--port 8080]
// The page needs no server of its own: any web server can serve dist-web/, or it opens from the disk.
const http = require('http');
const path = require('path');
const { serveStatic } = require('./serve-static');

const web = path.join(__dirname, '..', 'dist-web');
const args = process.argv.slice(2);
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
