import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import * as acorn from 'acorn';
import { Browser, BrowserContext, chromium, Page, Route } from 'playwright-core';
import { tempDir } from '../helpers';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/peramban-run';

/**
 * Never a blank pane: taskpane.html and its ES5 loader (src/adapters/office/loader.js) in headless
 * Chromium, served as an office's server would, with Microsoft's CDN played by the test: Office.js
 * blocked, the real office.js of the @microsoft/office-js package outside Office, a webview the
 * bundle cannot run on, a bundle that does not parse or does not arrive; the ribbon's dialog page;
 * the bundles' syntax level; a release built for an office's address.
 */

const root = path.join(__dirname, '..', '..');
const WEB = path.join(root, 'dist-web');
const OFFICE_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const { serveStatic } = require(path.join(root, 'scripts', 'serve-static.js')) as { serveStatic: (dir: string, pathname: string, res: http.ServerResponse) => void };

let server: http.Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the page's Office stub was asked: the ribbon function associated, the dialogs opened, the messages sent. */
interface Asked {
  associated: string[];
  dialogs: string[];
  messages: string[];
  completed: number;
}

/**
 * An Office.js that says it is in Excel on Windows, as far as the loader, the ribbon's fallback and
 * the dialog page use it: onReady, actions.associate, context.ui; ExcelApi claimed: `excelApi`.
 */
const officeStub = (excelApi: string) => `
  window.asked = { associated: [], dialogs: [], messages: [], completed: 0 };
  window.Office = {
    onReady: function (f) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { f && f(info); }, 0); return Promise.resolve(info); },
    actions: { associate: function (name, f) { window.asked.associated.push(name); window.ribbonCommand = f; } },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS' },
    context: {
      platform: 'PC',
      requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(version.split('.')[1]) <= Number('${excelApi}'.split('.')[1]); } },
      ui: {
        displayDialogAsync: function (url, options, callback) { window.asked.dialogs.push(url); callback({ status: 'failed', error: { code: 12007 } }); },
        messageParent: function (m) { window.asked.messages.push(m); },
      },
    },
  };`;

/** Microsoft's CDN as the test plays it: `office` is the script answered for office.js (null: blocked). */
async function cdn(office: string | null | 'package'): Promise<void> {
  await page.route(`${CDN}**`, async (route: Route) => {
    if (office === null) return route.abort('connectionrefused');
    if (office !== 'package') return route.fulfill({ contentType: 'text/javascript', body: office });
    // The real office.js and what it loads, from the package; what is not there is not found.
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.slice('/lib/1/hosted/'.length));
    const body = await fs.readFile(file).catch(() => null);
    return body ? route.fulfill({ contentType: 'text/javascript', body }) : route.fulfill({ status: 404, body: '' });
  });
}

/** The pane's page afresh, with what the CDN and the server answer decided first. */
async function openPane(office: string | null | 'package', setup: (p: Page) => Promise<unknown> = async () => {}): Promise<void> {
  await page?.close();
  page = await context.newPage();
  await cdn(office);
  await setup(page);
  await page.goto(`${base}/taskpane.html`);
}

const alert = () => page.getByRole('alert');
const asked = () => page.evaluate(() => (window as unknown as { asked: Asked }).asked);

beforeAll(async () => {
  server = http.createServer((req, res) => serveStatic(WEB, new URL(req.url!, 'http://localhost').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 350, height: 700 } });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the task pane before and without its bundle', () => {
  it('shows Indonesian text before any script runs (scripts off: the page as Office first shows it)', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto(`${base}/taskpane.html`);
    const shown = await bare.locator('#root').innerText();
    expect(shown).toMatch(
      /^Hitung Capaian\s+Memuat Hitung Capaian…\s+Bila panel tetap seperti ini, tutup lalu buka lagi.*\s+Panel ini memerlukan JavaScript, yang dimatikan di sini\.$/,
    );
    await noScript.close();
  });

  it('says when Office.js did not load: the connection or the proxy, and the page without the add-in', async () => {
    await openPane(null);
    await expect(alert().innerText()).resolves.toBe('Office.js tidak dapat dimuat — periksa koneksi/proksi.');
    await expect(page.locator('main').innerText()).resolves.toMatch(/proksi atau firewall kantor[\s\S]*peramban\.html/);
    await expect(page.getByRole('link', { name: 'Buka halaman Hitung Capaian tanpa add-in' }).getAttribute('href')).resolves.toBe(`${base}/peramban.html`);
  });

  it('says to open it from Excel when opened in a browser, on Microsoft’s own office.js', async () => {
    await openPane('package', (p) => p.clock.install());
    await page.clock.fastForward(20_000);
    await expect(alert().innerText()).resolves.toMatch(/buka dari Excel\.$/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Tinjau Hasil di tab Beranda[\s\S]*peramban\.html/);
  });

  it.each([
    ['without ResizeObserver (EdgeHTML, Safari before 13.1)', (p: Page) => p.addInitScript(() => delete (window as { ResizeObserver?: unknown }).ResizeObserver)],
    ['without CSS variables (Internet Explorer 11)', (p: Page) => p.addInitScript(() => Object.defineProperty(window, 'CSS', { value: undefined }))],
    [
      'whose engine cannot parse the bundle',
      (p: Page) => p.route(`${base}/taskpane.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: 'class A { static { this.x = 1 } } let b = ;' })),
    ],
  ])('says which Excel to update and offers the page without the add-in, in a webview %s; the ribbon’s button says it too', async (_, setup) => {
    await openPane(officeStub('1.13'), setup);
    await expect(alert().innerText()).resolves.toMatch(
      /^Excel ini menampilkan add-in dengan peramban tertanam yang terlalu lama .* panel Hitung Capaian tidak dapat berjalan di dalamnya\.$/,
    );
    const text = await page.locator('main').innerText();
    expect(text).toMatch(
      /versi 2101 atau lebih baru di Windows dengan Microsoft Edge WebView2; Excel 2021 atau 2024; Excel untuk Mac .* Safari 14\.1 .* iPadOS 14\.5 .* Chrome atau Edge 84, Firefox 75, Safari 14\.1/,
    );
    expect(text).toContain(`${base}/peramban.html`);
    await page.waitForFunction(() => (window as unknown as { asked: Asked }).asked.associated.length > 0);
    await page.evaluate(() =>
      (window as unknown as { ribbonCommand: (e: { completed: () => void }) => void }).ribbonCommand({
        completed: () => (window as unknown as { asked: Asked }).asked.completed++,
      }),
    );
    const ribbon = await asked();
    expect(ribbon.associated).toEqual(['hitungCapaian']);
    expect(new URL(ribbon.dialogs[0]).pathname).toBe('/pesan.html');
    expect(new URL(ribbon.dialogs[0]).searchParams.get('teks')).toMatch(/^Excel ini menampilkan add-in .*\/peramban\.html$/);
    // The stub refuses the dialog (12007): the command is completed all the same.
    expect(ribbon.completed).toBe(1);
  });

  it('says when the bundle does not arrive from the add-in’s server', async () => {
    await openPane(officeStub('1.13'), (p) => p.route(`${base}/taskpane.js`, (route) => route.fulfill({ status: 404, body: '' })));
    await expect(alert().innerText()).resolves.toBe('Berkas panel Hitung Capaian tidak dapat dimuat dari server add-in.');
  });

  it('hands the page to the bundle where it runs: the pane itself, which says in words what an Excel below ExcelApi 1.9 lacks', async () => {
    await openPane(officeStub('1.8'));
    await page.getByText('Excel perlu diperbarui').waitFor();
    await expect(page.locator('main').innerText()).resolves.toMatch(/ExcelApi 1\.9/);
    await expect(page.evaluate(() => (window as unknown as { hitungCapaianShown?: boolean }).hitungCapaianShown)).resolves.toBe(true);
  });
});

describe('the ribbon’s dialog page', () => {
  it('shows its sentence as text and the details behind Rincian, and its button answers the ribbon', async () => {
    await page?.close();
    page = await context.newPage();
    await cdn(officeStub('1.13'));
    const teks = 'Dialog <b>ini</b> tidak berisi HTML.';
    await page.goto(`${base}/pesan.html?teks=${encodeURIComponent(teks)}&rincian=${encodeURIComponent('displayDialogAsync: 12007')}`);
    await expect(alert().innerText()).resolves.toBe(teks);
    await page.getByText('Rincian').click();
    await page.getByText('displayDialogAsync: 12007').waitFor();
    await page.getByRole('button', { name: 'Tutup' }).click();
    await expect(asked()).resolves.toMatchObject({ messages: ['tutup'] });
  });

  it('says when Office.js did not load', async () => {
    await page?.close();
    page = await context.newPage();
    await cdn(null);
    await page.goto(`${base}/pesan.html?teks=Halo`);
    await page.getByText(/Office\.js tidak dapat dimuat — periksa koneksi\/proksi/).waitFor();
    await expect(page.getByRole('button', { name: 'Tutup' }).isDisabled()).resolves.toBe(true);
  });
});

/** Where acorn at `ecmaVersion` cannot parse `file`, or null. */
function syntaxError(file: string, ecmaVersion: acorn.ecmaVersion): string | null {
  try {
    acorn.parse(readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return `${path.basename(file)}: ${(e as Error).message}`;
  }
}

describe('the bundles’ syntax', () => {
  it('is ES2020 in every page’s bundle, its dependencies included (what Chrome and Edge 84, Firefox 75 and Safari 14.1 all read); the loader and the dialog are ES5', () => {
    for (const bundle of ['taskpane.js', 'peramban.js', 'demo.js']) expect(syntaxError(path.join(WEB, bundle), 2020)).toBeNull();
    for (const es5 of ['loader.js', 'pesan.js']) expect(syntaxError(path.join(WEB, es5), 5)).toBeNull();
  });

  it('would be refused at ES2020 with a class static block, as tabster ships it', () => {
    const file = path.join(WEB, 'static-block.tmp.js');
    require('fs').writeFileSync(file, 'class A { static { this.x = 1; } }');
    expect(syntaxError(file, 2020)).toMatch(/Unexpected token/);
    require('fs').rmSync(file);
  });
});

describe('a release for an office’s server', () => {
  it('is built for the address given, with a manifest for it that validates, and bundles that are ES2020', async () => {
    const out = await tempDir();
    const url = 'https://intranet.pemda-contoh.go.id/hitung-capaian/';
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', out], {
      cwd: root,
      env: { ...process.env, HITUNG_CAPAIAN_URL: url },
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
    const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${url}taskpane.html"/>`);
    expect(manifest).toContain('<AppDomain>https://intranet.pemda-contoh.go.id</AppDomain>');
    const { manifestErrors } = require(path.join(root, 'scripts', 'validate-manifest.js')) as { manifestErrors: (file: string) => Promise<string[]> };
    await expect(manifestErrors(path.join(out, 'manifest.xml'))).resolves.toEqual([]);
    for (const bundle of ['taskpane.js', 'peramban.js']) expect(syntaxError(path.join(out, bundle), 2020)).toBeNull();
    await expect(fs.access(path.join(out, 'demo.js'))).rejects.toThrow();
  }, 600_000);
});
