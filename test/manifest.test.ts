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

/* eslint-disable @typescript-eslint/no-require-imports */
const { manifestErrors } = require('../scripts/validate-manifest.js') as { manifestErrors: (file: string) => Promise<string[]> };
const { addinUrl, manifestFor } = require('../scripts/manifest-for.js') as { addinUrl: (url: string) => string; manifestFor: (xml: string, url: string) => string };
/* eslint-enable @typescript-eslint/no-require-imports */

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

  /** The errors of `xml` written to a file. */
  async function errorsOf(xml: string): Promise<string[]> {
    const file = path.join(tmpdir(), `manifest-${process.pid}.tmp.xml`);
    writeFileSync(file, xml);
    try {
      return await manifestErrors(file);
    } finally {
      rmSync(file);
    }
  }

  it('is rejected by that validation when it breaks the schema', async () => {
    await expect(errorsOf(manifest.replace('<DefaultLocale>id-ID</DefaultLocale>', ''))).resolves.toEqual([expect.stringMatching(/DisplayName': This element is not expected/)]);
  });

  it('is rejected with a Runtimes element out of its place or with a lifetime Office does not know', async () => {
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)![0];
    const moved = manifest.replace(runtimes, '').replace('</DesktopFormFactor>', `</DesktopFormFactor>${runtimes}`);
    await expect(errorsOf(moved)).resolves.toEqual([expect.stringMatching(/Runtimes': This element is not expected/)]);
    await expect(errorsOf(manifest.replace('lifetime="long"', 'lifetime="forever"'))).resolves.toEqual([expect.stringMatching(/lifetime.*'forever' is not an element of the set/)]);
  });

  it('sends the user to a help page of the add-in, and that page explains use, every kind of finding and that no data leaves the workbook', () => {
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/bantuan.html"/>');
    expect(manifest).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/bantuan.html"/>');
    const help = readFileSync(path.join(root, 'src', 'help', 'bantuan.html'), 'utf8');
    expect(help).toMatch(/<h2 id="cara">Cara memakai<\/h2>/);
    expect(help).toMatch(/<h2 id="data">Data Anda tidak keluar dari buku kerja<\/h2>/);
    for (const jenis of Object.keys(TINGKAT_OF) as Jenis[]) {
      // Each under the pane's name for it (test/help.test.ts), with the jenis the JSON and the command line show.
      const entry = new RegExp(`<dt id="temuan-[a-z-]+"><span class="${TINGKAT_OF[jenis]}">[^<]+</span>[^<]+<small>\\(<code>${jenis}</code>\\)</small></dt>\\s*<dd>[^<]{20,}`);
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

  it('has the Hitung Capaian button running a function and a button opening the task pane, both in one long-lived runtime with the pane', () => {
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>hitungCapaian<\/FunctionName>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>HitungCapaian.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    // The shared runtime loads only where the runtime, the function file and the pane are one page (Microsoft's "Configure your Office Add-in to use a shared runtime").
    expect(manifest).toMatch(/<Host xsi:type="Workbook">\s*<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\/>\s*<\/Runtimes>/);
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    // Not required: an Excel without SharedRuntime 1.1 still loads the add-in, its ribbon button saying to run from the pane.
    expect(manifest).not.toMatch(/<Set Name="SharedRuntime"/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    for (const size of [16, 32, 80]) expect(pngSize(path.join(root, 'assets', `icon-${size}.png`))).toEqual([size, size]);
  });

  it('points at https://localhost:3000 during development', () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<]+/g)].map((m) => m[0]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    for (const u of urls) expect(u.startsWith('https://localhost:3000/') || u === 'https://localhost:3000').toBe(true);
  });

  it('is written for an office’s address by the build, every address moved there and its domain trusted, and still validates', async () => {
    const office = manifestFor(manifest, 'https://intranet.pemda-contoh.go.id/aplikasi/hitung-capaian');
    expect(office).not.toContain('localhost');
    expect(office).toContain('<SourceLocation DefaultValue="https://intranet.pemda-contoh.go.id/aplikasi/hitung-capaian/taskpane.html"/>');
    expect(office).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://intranet.pemda-contoh.go.id/aplikasi/hitung-capaian/taskpane.html"/>');
    expect(office).toContain('<AppDomain>https://intranet.pemda-contoh.go.id</AppDomain>');
    await expect(errorsOf(office)).resolves.toEqual([]);
  });

  it('refuses an address Office would not load the add-in from, in one Indonesian sentence', () => {
    expect(addinUrl('https://server.kantor/hc')).toBe('https://server.kantor/hc/');
    expect(() => addinUrl('http://server.kantor/hc/')).toThrow(/^Alamat add-in “http:\/\/server.kantor\/hc\/” harus https:\/\/: Office hanya memuat add-in lewat https\.$/);
    expect(() => addinUrl('https://server.kantor/hc/?v=1')).toThrow(/tidak boleh berisi \? atau #/);
    expect(() => addinUrl('server.kantor/hc')).toThrow(/bukan alamat web/);
  });
});
