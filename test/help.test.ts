import { promises as fs } from 'fs';
import * as path from 'path';
import { PERIHAL, TINGKAT_LABEL } from '../src/core/findings';

describe('the help page', () => {
  it('names every kind of finding as the pane’s groups and the Pemeriksaan sheet do, with its tingkat', async () => {
    const html = await fs.readFile(path.join(__dirname, '..', 'src', 'help', 'bantuan.html'), 'utf8');
    const terms = [...html.matchAll(/<dt id="temuan-([^"]+)"><span class="[^"]+">([^<]+)<\/span> · ([^<]+) <small>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(terms).toEqual(Object.entries(PERIHAL).map(([perihal, p]) => [perihal, TINGKAT_LABEL[p.tingkat], p.label]));
  });
});
