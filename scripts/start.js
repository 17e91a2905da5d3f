#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// npm start: the add-in's dev server on https://localhost:3000. Where office-addin-debugging is
// installed (Windows, Mac: `npm i -g office-addin-debugging`), it also sideloads the add-in into Excel.
const { spawn, spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const has = (cmd) => spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' }).status === 0;
const local = path.join(root, 'node_modules', '.bin', 'office-addin-debugging');
const debugging = require('fs').existsSync(local) ? local : has('office-addin-debugging') ? 'office-addin-debugging' : null;

const run = (cmd, args) => spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => process.exit(code ?? 0));

if (debugging) {
  run(debugging, ['start', 'manifest.xml']);
} else {
  console.log(`Server pengembangan: https://localhost:3000/taskpane.html
Untuk mencoba di Excel:
  - Excel di web: Beranda › Add-in › Pengaturan lainnya › Unggah Add-in Saya → pilih manifest.xml
  - Excel untuk Windows atau Mac: npm i -g office-addin-debugging, lalu npm start lagi (memasang add-in otomatis)
`);
  run(path.join(root, 'node_modules', '.bin', 'webpack'), ['serve', '--mode', 'development']);
}
