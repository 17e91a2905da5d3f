import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { FIXTURES, runWithJson } from '../helpers';

const root = path.join(__dirname, '..', '..');
const PORT = 3000 + Math.floor(Math.random() * 1000) + 1000;
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface DemoWindow {
  hitungCapaianDemo: {
    host: {
      sheets: { name: string; visibility: string; cells: ({ value: unknown } | undefined)[][] }[];
      selection: { sheet: string; address: string } | null;
      requestBytes: number[];
    };
  };
  OfficeExtension?: unknown;
  copied?: string;
}

let server: ChildProcess;
let browser: Browser;
let page: Page;
const foreign: string[] = [];
const requested: string[] = [];
const cspErrors: string[] = [];

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/demo.html`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('demo server did not start');
}

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(root, 'scripts', 'demo-server.js'), path.join(FIXTURES, 'semboro-tercetak.xlsx'), '--port', String(PORT)], { stdio: 'inherit' });
  await waitForServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('request', (r) => {
    requested.push(r.url());
    if (!r.url().startsWith(BASE) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto(`${BASE}/demo.html`);
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const hostState = () => page.evaluate(() => (window as unknown as DemoWindow).hitungCapaianDemo.host);

describe('the task pane on the fake Excel host', () => {
  it('computes on a click and shows the same summary as the command line', async () => {
    const cli = (await runWithJson(path.join(FIXTURES, 'semboro-tercetak.xlsx'))).json!;
    await page.getByRole('button', { name: 'Hitung Capaian', exact: true }).click();
    await page.getByTestId('ringkasan').waitFor();
    const id = (s: string) => s.replace('.', ',');
    await expect(page.getByTestId('serapan').textContent()).resolves.toBe(`${id(cli.anggaran!.serapan!)}%`);
    await expect(page.getByTestId('rata-rata').textContent()).resolves.toBe(`${id(cli.rataRataCapaian!)}%`);
    const galat = cli.temuan.filter((t) => t.tingkat === 'galat').length;
    await expect(page.getByTestId('jumlah-temuan').textContent()).resolves.toBe(`${galat} galat, ${cli.temuan.length - galat} peringatan`);
  });

  it('writes the result tables into the workbook and leaves the user sheets alone', async () => {
    const host = await hostState();
    const names = host.sheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    expect(names).toContain('HC Realisasi Anggaran');
    const anggaran = host.sheets.find((s) => s.name === 'HC Realisasi Anggaran')!;
    expect(anggaran.cells.flat().map((c) => c?.value)).toContain('JUMLAH');
    await expect(page.locator('[data-testid="lembar"]').getAttribute('data-sheet')).resolves.toMatch(/^HC |DPA 2024/);
  });

  it('selects the cell of a finding in the user’s sheet on a click', async () => {
    await page.getByRole('button', { name: 'DPA 2024!C23' }).first().click();
    await page.waitForFunction(() => (window as unknown as DemoWindow).hitungCapaianDemo.host.selection?.address === 'C23');
    expect((await hostState()).selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    await expect(page.locator('[data-testid="lembar"]').getAttribute('data-sheet')).resolves.toBe('DPA 2024');
  });

  it('says what to do when a finding’s sheet is hidden, instead of showing it', async () => {
    await page.evaluate(() => ((window as unknown as DemoWindow).hitungCapaianDemo.host.sheets.find((s) => s.name === 'Realisasi 2024')!.visibility = 'Hidden'));
    await page
      .getByRole('button', { name: /^Realisasi 2024!/ })
      .first()
      .click();
    await page.getByText(/Lembar “Realisasi 2024” disembunyikan/).waitFor();
    expect((await hostState()).selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    await page.evaluate(() => ((window as unknown as DemoWindow).hitungCapaianDemo.host.sheets.find((s) => s.name === 'Realisasi 2024')!.visibility = 'Visible'));
  });

  it('copies a table as formatted HTML through a hidden editable element when the Clipboard API is denied', async () => {
    await page.evaluate(() => {
      navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      document.addEventListener('copy', () => {
        const holder = document.createElement('div');
        holder.appendChild(document.getSelection()!.getRangeAt(0).cloneContents());
        (window as unknown as DemoWindow).copied = holder.innerHTML;
      });
    });
    await page.getByRole('button', { name: 'Salin berformat' }).first().click();
    await page.getByText(/tersalin: tempel di Word dengan Ctrl\+V/).waitFor();
    const copied = await page.evaluate(() => (window as unknown as DemoWindow).copied ?? '');
    expect(copied).toMatch(/^<p [^>]*>Tabel 3\.2<\/p>.*<table/s);
    expect(copied).toContain('Pengukuran Realisasi Kinerja');
  });

  it('selects a result table for Ctrl+C and downloads every table as .docx', async () => {
    await page.getByRole('button', { name: 'Pilih tabel' }).first().click();
    await page.getByText('Tabel terpilih. Klik sekali tab lembar “HC Pengukuran Kinerja” di bawah, lalu tekan Ctrl+C dan tempel di Word.').waitFor();
    expect((await hostState()).selection).toEqual({ sheet: 'HC Pengukuran Kinerja', address: 'A4:H12' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Unduh semua tabel/ }).click()]);
    const file = await download.path();
    expect((await fs.readFile(file)).subarray(0, 2).toString()).toBe('PK');
  });

  it('replaces its sheets on a second run and works from the keyboard', async () => {
    const before = (await hostState()).sheets.map((s) => s.name);
    const button = page.getByRole('button', { name: 'Hitung Capaian', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('ringkasan').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect((await hostState()).sheets.map((s) => s.name)).toEqual(before);
    if (process.env.HC_SCREENSHOT) {
      await page.locator('aside').evaluate((pane) => (pane.scrollTop = 0));
      await page.screenshot({ path: process.env.HC_SCREENSHOT });
    }
  });

  it('talked to the fake host through Microsoft’s Office.js client, served by the demo server', async () => {
    expect(await page.evaluate(() => typeof (window as unknown as DemoWindow).OfficeExtension)).toBe('object');
    expect(requested.filter((u) => u.endsWith('/demo/office-client.js'))).toHaveLength(1);
    expect((await hostState()).requestBytes.length).toBeGreaterThan(5);
  });

  it('loaded nothing from another origin and broke no Content-Security-Policy rule', () => {
    expect(foreign).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});

describe('the web bundle', () => {
  it('holds every page and icon the manifest points at, the help page among them', async () => {
    const manifest = await fs.readFile(path.join(root, 'manifest.xml'), 'utf8');
    const files = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<]+)/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['bantuan.html', 'taskpane.html', 'commands.html', 'assets/icon-64.png']));
    for (const f of files) await expect(fs.stat(path.join(root, 'dist-web', f))).resolves.toBeTruthy();
    const help = await fs.readFile(path.join(root, 'dist-web', 'bantuan.html'), 'utf8');
    expect(help).toContain('Data Anda tidak keluar dari buku kerja');
    expect(help).not.toContain('<%');
  });

  it('contains no eval and no new Function, and every page carries the Content-Security-Policy', async () => {
    const web = path.join(root, 'dist-web');
    const files = await fs.readdir(web);
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      const js = await fs.readFile(path.join(web, f), 'utf8');
      expect([f, /new Function|[^\w.$]eval\(/.test(js)]).toEqual([f, false]);
    }
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      const html = await fs.readFile(path.join(web, f), 'utf8');
      expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      for (const s of scripts) expect(s === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' || !/^https?:/.test(s)).toBe(true);
    }
  });
});
