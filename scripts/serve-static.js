/* eslint-disable @typescript-eslint/no-require-imports */
// A file of a built folder (dist-web) over HTTP, for the demo server and the page without the add-in.
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Answers with the file at `pathname` inside `dir`, or 404 for anything else. */
function serveStatic(dir, pathname, res) {
  const target = path.normalize(path.join(dir, decodeURIComponent(pathname)));
  if (!target.startsWith(dir + path.sep) || !fs.existsSync(target) || fs.statSync(target).isDirectory()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Tidak ditemukan');
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] || 'application/octet-stream' });
  fs.createReadStream(target).pipe(res);
}

module.exports = { serveStatic, TYPES };
