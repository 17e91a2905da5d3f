import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas (xmllint, offline)', () => {
    const out = execFileSync('xmllint', ['--noout', '--schema', path.join(__dirname, 'schemas', 'OfficeAppManifestV1_1.xsd'), path.join(root, 'manifest.xml')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });

  it('defines every resid it uses, each id at most 32 characters', () => {
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(defined).toContain(id);
    for (const id of [...used, ...defined]) expect(id.length).toBeLessThanOrEqual(32);
    expect(new Set(defined).size).toBe(defined.length);
  });

  it('has the Hitung Capaian button running a function and a button opening the task pane', () => {
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>hitungCapaian<\/FunctionName>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    for (const size of [16, 32, 80])
      expect(
        readFileSync(path.join(root, 'assets', `icon-${size}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
  });

  it('points at https://localhost:3000 during development; the production URL is set in webpack.config.js', () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<]+/g)].map((m) => m[0]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    for (const u of urls) expect(u.startsWith('https://localhost:3000/') || u === 'https://localhost:3000').toBe(true);
  });
});
