// The engine of this tree against another checkout's, in one process, on one workbook:
//   npm run bench:compare -- OTHER_TREE BOOK.xlsx   (both trees' dist-bench built: tsc -p tsconfig.bench.json)
// Runs alternate (this, other, other, this …) with a garbage collection before each, and CPU time is
// counted, so a busy machine moves both sides alike. Prints the medians and this ÷ other.
const path = require('path');
const [other, book, runs = '15'] = process.argv.slice(2);
if (!other || !book) {
  console.error('npm run bench:compare -- OTHER_TREE BOOK.xlsx [RUNS]');
  process.exit(2);
}
const load = (tree) => ({
  hitung: require(path.resolve(tree, 'dist-bench/src/core/compute/engine.js')).hitung,
  read: require(path.resolve(tree, 'dist-bench/src/adapters/fs/xlsx-file.js')).workbookFromXlsx,
});
const cpuSeconds = (f) => {
  global.gc();
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
(async () => {
  const sides = [load(path.join(__dirname, '..')), load(other)];
  const books = await Promise.all(sides.map((s) => s.read(book)));
  sides.forEach((s, i) => s.hitung(books[i]));
  const times = [[], []];
  for (let i = 0; i < Number(runs); i++) for (const k of i % 2 ? [1, 0] : [0, 1]) times[k].push(cpuSeconds(() => sides[k].hitung(books[k])));
  const [mine, theirs] = times.map(median);
  console.log(JSON.stringify({ this: mine, other: theirs, ratio: Number((mine / theirs).toFixed(3)) }));
})();
