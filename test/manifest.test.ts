import { readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Jenis, Tingkat } from '../src/core/findings';

/** SPEC §5: the tingkat of each jenis as the help page names it (a text no rule reads is the one `nilai` that only warns). */
const TINGKAT_OF: Record<Jenis, Tingkat> = {
  jumlah: 'galat',
  'antar-lembar': 'galat',
  melebihi: 'galat',
  persen: 'galat',
  'tidak-ditemukan': 'galat',
  duplikat: 'galat',
  nilai: 'galat',
  pencocokan: 'peringatan',
  'data-kosong': 'peringatan',
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestErrors } = require('../scripts/validate-manifest.js') as { manifestErrors: (file: string) => Promise<string[]> };

const root = path.join(__dirname, '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas (xmllint as WebAssembly, offline)', async () => {
    await expect(manifestErrors(path.join(root, 'manifest.xml'))).resolves.toEqual([]);
  });

  it('is rejected by that validation when it breaks the schema', async () => {
    const broken = path.join(tmpdir(), `manifest-${process.pid}.tmp.xml`);
    writeFileSync(broken, manifest.replace('<DefaultLocale>id-ID</DefaultLocale>', ''));
    await expect(manifestErrors(broken)).resolves.toEqual([expect.stringMatching(/DisplayName': This element is not expected/)]);
    rmSync(broken);
  });

  it('sends the user to a help page of the add-in, and that page explains use, every kind of finding and that no data leaves the workbook', () => {
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/bantuan.html"/>');
    expect(manifest).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/bantuan.html"/>');
    const help = readFileSync(path.join(root, 'src', 'help', 'bantuan.html'), 'utf8');
    expect(help).toMatch(/<h2 id="cara">Cara memakai<\/h2>/);
    expect(help).toMatch(/<h2 id="data">Data Anda tidak keluar dari buku kerja<\/h2>/);
    for (const jenis of Object.keys(TINGKAT_OF) as Jenis[]) {
      const entry = new RegExp(`<dt id="temuan-${jenis}"><span class="${TINGKAT_OF[jenis]}">[^<]+</span>[^<]+<code>${jenis}</code>\\)</dt>\\s*<dd>[^<]{20,}`);
      expect([jenis, entry.test(help)]).toEqual([jenis, true]);
    }
  });

  it('has icons of the sizes Office asks for: 32×32, and 64×64 for high resolution', () => {
    const icon = (attr: string) => /https:\/\/localhost:3000\/(assets\/[^"]+)/.exec(new RegExp(`<${attr} DefaultValue="([^"]+)"`).exec(manifest)![1])![1];
    expect(pngSize(path.join(root, icon('IconUrl')))).toEqual([32, 32]);
    expect(pngSize(path.join(root, icon('HighResolutionIconUrl')))).toEqual([64, 64]);
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
    for (const size of [16, 32, 80]) expect(pngSize(path.join(root, 'assets', `icon-${size}.png`))).toEqual([size, size]);
  });

  it('points at https://localhost:3000 during development; the production URL is set in webpack.config.js', () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<]+/g)].map((m) => m[0]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    for (const u of urls) expect(u.startsWith('https://localhost:3000/') || u === 'https://localhost:3000').toBe(true);
  });
});
