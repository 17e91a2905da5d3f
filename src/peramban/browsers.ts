/**
 * The browsers the page runs in, as docs/PERAMBAN.md lists them (“Chrome atau Edge 103+, Firefox 113+,
 * Safari 16.4+”): the worker inflates the file with DecompressionStream and its raw deflate
 * format, which came in these versions.
 */
export const BROWSERS: readonly { name: string; version: string }[] = [
  { name: 'Chrome atau Edge', version: '103' },
  { name: 'Firefox', version: '113' },
  { name: 'Safari', version: '16.4' },
];

/** “Chrome atau Edge 103, Firefox 113, Safari 16.4, atau versi yang lebih baru”. */
const WHICH = `${BROWSERS.map((b) => `${b.name} ${b.version}`).join(', ')}, atau versi yang lebih baru`;

/** Why this browser cannot run the page (one sentence), or null. */
export function browserProblem(): string | null {
  try {
    if (typeof Worker === 'function' && new DecompressionStream('deflate-raw')) return null;
  } catch {
    // an older browser: no such format
  }
  return `Peramban ini terlalu lama untuk Hitung Capaian. Buka halaman ini di ${WHICH}.`;
}

/** A worker that does not start: a damaged page, or a browser that refuses what it needs. */
export const WORKER_FAILED = `Perhitungan di peramban ini tidak dapat dimulai. Muat ulang halaman ini; bila terulang, bukalah di ${WHICH}.`;
