import { promises as fs } from 'fs';
import * as path from 'path';
import { BROWSERS, browserProblem, WORKER_FAILED } from '../../src/peramban/browsers';

describe('the browsers the page names', () => {
  it('are those docs/PERAMBAN.md lists, with the same versions, in the sentence an older browser gets', async () => {
    const readme = await fs.readFile(path.join(__dirname, '..', '..', 'docs', 'PERAMBAN.md'), 'utf8');
    const listed = /peramban \(([^;]+);/.exec(readme)![1];
    expect(listed).toBe(BROWSERS.map((b) => `${b.name} ${b.version}+`).join(', '));
    // Node has no Worker: the sentence an older browser gets.
    expect(browserProblem()).toBe(
      'Peramban ini terlalu lama untuk Hitung Capaian. Buka halaman ini di Chrome atau Edge 103, Firefox 113, Safari 16.4, atau versi yang lebih baru.',
    );
    expect(WORKER_FAILED).toContain('Chrome atau Edge 103, Firefox 113, Safari 16.4, atau versi yang lebih baru');
  });
});
