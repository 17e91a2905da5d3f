import { AxeBuilder } from '@axe-core/playwright';
import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { SETTINGS_KEY } from '../../src/adapters/office/excel-read';
import JSZip from 'jszip';
import { FIXTURES, runWithJson, tempDir } from '../helpers';

const root = path.join(__dirname, '..', '..');
const PORT = 3000 + Math.floor(Math.random() * 1000) + 1000;
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where `HC_SCREENSHOTS=docs npm run test:e2e` puts the pane's pictures for the README and docs/. */
const SHOTS = process.env.HC_SCREENSHOTS ? path.resolve(root, process.env.HC_SCREENSHOTS) : null;

interface Cell {
  value: unknown;
  format: string;
}
interface DemoHost {
  sheets: {
    id: string;
    name: string;
    visibility: string;
    cells: (Cell | undefined)[][];
    merges: unknown[];
    formatting: unknown[];
    charts: unknown[];
    frozenRows: number;
    protected: boolean;
  }[];
  settings: Map<string, unknown>;
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  requestBytes: number[];
  execute: (body: unknown) => unknown;
  run: (...args: unknown[]) => Promise<unknown>;
}
interface DemoWindow {
  hitungCapaianDemo: { host: DemoHost; ribbon: () => void };
  OfficeExtension?: unknown;
  copied?: Record<string, string>;
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

/** An action's notice with this text (the live region repeats it). */
const notice = (text: string | RegExp) => page.getByTestId('pesan').filter({ hasText: text });

/** The demo afresh: a new fake Excel holding the fixture, the pane opened on it and its detection shown. */
async function open(query = ''): Promise<void> {
  await page.goto(`${BASE}/demo.html${query}`);
  await notice(/^Lembar diperiksa: /).waitFor();
}

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(root, 'scripts', 'demo-server.js'), path.join(FIXTURES, 'semboro-tercetak.xlsx'), '--port', String(PORT)], { stdio: 'inherit' });
  await waitForServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  page.on('request', (r) => {
    requested.push(r.url());
    if (!r.url().startsWith(BASE) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await open();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const hostState = () =>
  page.evaluate(() => {
    const host = (window as unknown as DemoWindow).hitungCapaianDemo.host;
    return {
      sheets: host.sheets,
      settings: Object.fromEntries(host.settings),
      parts: host.customXmlParts,
      selection: host.selection,
      activeSheet: host.activeSheet,
      requestBytes: host.requestBytes,
    };
  });
const sheetNames = async () => (await hostState()).sheets.map((s) => s.name);
const hitungButton = () => page.getByRole('button', { name: 'Hitung Capaian', exact: true });
const announced = () => page.getByTestId('diumumkan').textContent();

async function hitung(): Promise<void> {
  await hitungButton().click();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** The panel of a sheet in "Lembar dan kolom", opened. */
async function sheetPanel(name: string): Promise<Locator> {
  const item = page.getByTestId(`panel-${name}`);
  const header = item.getByRole('button', { name: new RegExp(`^${name}: `) });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  return item;
}

/** A text field by its label, inside `scope`. */
const field = (scope: Locator | Page, label: string | RegExp) => scope.getByRole('textbox', { name: label });

describe('before anything is written', () => {
  it('shows which sheet serves as what and which columns were found, writing nothing', async () => {
    await page.getByRole('button', { name: /^DPA 2024: DPA, Baris judul kolom 4$/ }).waitFor();
    await page.getByRole('button', { name: /^Realisasi 2024: realisasi, Baris judul kolom 4$/ }).waitFor();
    await page.getByRole('button', { name: /^Kinerja 2024: kinerja, Baris judul kolom 3$/ }).waitFor();
    // The sheet chosen for each role is named in its field, not only in the panels below.
    const chosen = await page.getByRole('combobox').allTextContents();
    expect(chosen).toEqual(['DPA 2024 (dikenali otomatis)', 'Realisasi 2024 (dikenali otomatis)', 'Kinerja 2024 (dikenali otomatis)']);
    // Each sheet once, the detected one as the automatic choice, and “Tidak ada”.
    await page.getByRole('combobox').first().click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['DPA 2024 (dikenali otomatis)', 'Realisasi 2024', 'Kinerja 2024', 'Tidak ada']);
    await page.keyboard.press('Escape');
    const panel = await sheetPanel('Realisasi 2024');
    await expect(field(panel, /^Realisasi \(“/).inputValue()).resolves.toBe('D');
    await expect(field(panel, 'Baris judul kolom').inputValue()).resolves.toBe('4');
    await page.getByRole('button', { name: 'Periksa lembar' }).click();
    await notice(/^Lembar diperiksa: 3 dari 3 lembar dipakai\. Tidak ada yang ditulis pada pemeriksaan ini\.$/).waitFor();
    const host = await hostState();
    expect(host.sheets.map((s) => s.name)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    expect(host.settings).toEqual({});
    expect(host.parts).toEqual([]);
    expect(host.requestBytes.length).toBeGreaterThan(0);
  });

  it('says once, before the first run, that Ctrl+Z cannot undo Hitung but the user’s sheets are never changed', async () => {
    const note = page.getByText(/tidak dapat dibatalkan dengan Ctrl\+Z \(⌘Z di Mac\); lembar Anda sendiri tidak pernah diubah/);
    await expect(note.count()).resolves.toBe(1);
    await hitung();
    await expect(note.count()).resolves.toBe(0);
  });
});

describe('a run', () => {
  beforeAll(() => open());

  it('computes on a click and shows the same summary as the command line', async () => {
    const cli = (await runWithJson(path.join(FIXTURES, 'semboro-tercetak.xlsx'))).json!;
    await hitung();
    const id = (s: string) => s.replace('.', ',');
    await expect(page.getByTestId('serapan').textContent()).resolves.toBe(`${id(cli.anggaran!.serapan!)}%`);
    await expect(page.getByTestId('rata-rata').textContent()).resolves.toBe(`${id(cli.rataRataCapaian!)}%`);
    const galat = cli.temuan.filter((t) => t.tingkat === 'galat').length;
    await expect(page.getByTestId('jumlah-temuan').textContent()).resolves.toBe(`${galat} galat, ${cli.temuan.length - galat} peringatan`);
    await expect(announced()).resolves.toBe('Selesai: 8 lembar hasil ditulis.');
  });

  it('says in the summary, while the sheets hold galat, that the figures are a draft', async () => {
    const warning = page.getByTestId('peringatan-draf');
    await expect(warning.textContent()).resolves.toBe(
      'Hasil ini masih draf.Lembar sumber masih memuat delapan galat (lihat lembar HC Pemeriksaan). ' +
        'Angka di sini dijumlahkan dari rincian terbawah, sehingga dapat berbeda dari yang tertulis; perbaiki galatnya, lalu hitung ulang sebelum menyalin ke laporan.',
    );
    await expect(warning.isVisible()).resolves.toBe(true);
  });

  it('says when it ran and which sheets it wrote; the galat count opens HC Pemeriksaan', async () => {
    await expect(page.getByTestId('waktu').textContent()).resolves.toMatch(
      /^Dihitung pukul \d\d\.\d\d; hasil ditulis ke 8 lembar: “HC Pengukuran Kinerja”, .*“HC Narasi”, “HC Pemeriksaan”\.$/,
    );
    await page.getByRole('button', { name: /^8 galat, buka lembar HC Pemeriksaan$/ }).click();
    await page.waitForFunction(() => (window as unknown as DemoWindow).hitungCapaianDemo.host.selection?.sheet === 'HC Pemeriksaan');
    await expect(page.getByTestId('lembar').getAttribute('data-sheet')).resolves.toBe('HC Pemeriksaan');
  });

  it('writes the result tables into the workbook and leaves the user sheets alone', async () => {
    const host = await hostState();
    const names = host.sheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
    expect(names).toContain('HC Realisasi Anggaran');
    const anggaran = host.sheets.find((s) => s.name === 'HC Realisasi Anggaran')!;
    expect(anggaran.cells.flat().map((c) => c?.value)).toContain('JUMLAH');
    expect(host.parts).toHaveLength(1);
  });

  it('writes galat and peringatan in words beside each finding, in groups named for what they hold', async () => {
    const items = await page.getByTestId('temuan').allTextContents();
    expect(items.length).toBeGreaterThan(5);
    for (const t of items) expect(t).toMatch(/^(Galat|Peringatan)( di |[A-Z])/);
    for (const name of ['Jumlah tidak sama dengan rinciannya', 'Tidak ada di lembar realisasi', 'Sasaran tanpa program']) {
      await page.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
    }
  });

  it('selects the cell of a finding in the user’s sheet, and the workbook view shows it', async () => {
    await page.getByRole('button', { name: 'DPA 2024!C23' }).first().click();
    await page.waitForFunction(() => (window as unknown as DemoWindow).hitungCapaianDemo.host.selection?.address === 'C23');
    expect((await hostState()).selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    await expect(page.getByTestId('lembar').getAttribute('data-sheet')).resolves.toBe('DPA 2024');
    await expect(page.getByTestId('sel-terpilih').textContent()).resolves.toBe('DPA 2024!C23');
    const cell = page.locator('td[data-address="C23"]');
    await expect(cell.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(cell.textContent()).resolves.toBe('609079200');
    expect(await page.locator('td[data-address]').count()).toBeGreaterThan(100);
  });

  it('says beside the finding what to do when its sheet is hidden, instead of showing it', async () => {
    await page.evaluate(() => ((window as unknown as DemoWindow).hitungCapaianDemo.host.sheets.find((s) => s.name === 'Realisasi 2024')!.visibility = 'Hidden'));
    const finding = page
      .getByTestId('temuan')
      .filter({ has: page.getByRole('button', { name: /^Realisasi 2024!/ }) })
      .first();
    await finding.getByRole('button', { name: /^Realisasi 2024!/ }).click();
    await expect(finding.getByTestId('pesan').textContent()).resolves.toMatch(/^Lembar “Realisasi 2024” disembunyikan, jadi sel \w+ tidak dapat ditampilkan/);
    expect((await hostState()).selection).toEqual({ sheet: 'DPA 2024', address: 'C23' });
    await page.evaluate(() => ((window as unknown as DemoWindow).hitungCapaianDemo.host.sheets.find((s) => s.name === 'Realisasi 2024')!.visibility = 'Visible'));
  });

  it('names each table button with its table', async () => {
    for (const name of ['Buka Tabel 3.9', 'Pilih Tabel 3.9', 'Salin berformat Tabel 3.9', 'Pilih tabel Hasil Pemeriksaan']) {
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }
  });

  it('shows the notice after Pilih tabel under that table’s buttons, in view, and announces it', async () => {
    await page.getByRole('button', { name: 'Pilih Tabel 3.9', exact: true }).click();
    const row = page.getByTestId('tabel-realisasi-anggaran');
    const text = 'Tabel terpilih di lembar “HC Realisasi Anggaran”. Klik sekali tab lembar itu di bawah, lalu tekan Ctrl+C (⌘C di Mac) dan tempel di Word.';
    const shown = row.getByTestId('pesan');
    await expect(shown.textContent()).resolves.toBe(text);
    const box = (await shown.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await expect(announced()).resolves.toBe(text);
    expect((await hostState()).selection).toEqual({ sheet: 'HC Realisasi Anggaran', address: 'A4:E35' });
  });

  it('copies a table as formatted HTML with tab-separated plain text, through a hidden editable element when the Clipboard API is denied', async () => {
    await page.evaluate(() => {
      navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      const setData = DataTransfer.prototype.setData;
      DataTransfer.prototype.setData = function (format: string, data: string) {
        const w = window as unknown as DemoWindow;
        w.copied = { ...w.copied, [format]: data };
        return setData.call(this, format, data);
      };
    });
    await page.getByRole('button', { name: 'Salin berformat Tabel 3.2', exact: true }).click();
    await expect(page.getByTestId('tabel-pengukuran-kinerja').getByTestId('pesan').textContent()).resolves.toMatch(/tersalin: tempel di Word dengan Ctrl\+V \(⌘V di Mac\)\.$/);
    const copied = (await page.evaluate(() => (window as unknown as DemoWindow).copied))!;
    expect(copied['text/html']).toMatch(/^<p [^>]*>Tabel 3\.2<\/p>.*<table/s);
    const lines = copied['text/plain'].split('\n');
    expect(lines[0]).toBe('Tabel 3.2');
    expect(lines[1]).toMatch(/^Pengukuran Realisasi Kinerja/);
    const header = lines[2].split('\t');
    expect(header.length).toBeGreaterThan(4);
    expect(lines.slice(2, -1).every((l) => l.split('\t').length === header.length)).toBe(true);
    expect(copied['text/plain']).not.toMatch(/Tabel 3\.2Pengukuran/);
  });

  it('copies the narrative as paragraphs, formatted and as plain text', async () => {
    await page.getByRole('button', { name: 'Salin narasi', exact: true }).click();
    await expect(page.getByTestId('tabel-narasi').getByTestId('pesan').textContent()).resolves.toMatch(/tersalin/);
    const copied = (await page.evaluate(() => (window as unknown as DemoWindow).copied))!;
    expect(copied['text/html']).toMatch(/^<p [^>]*>.*capaian/s);
    expect(copied['text/html']).not.toMatch(/<table/);
    const paragraphs = copied['text/plain'].split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(5);
    expect(copied['text/plain']).toMatch(/Rp [\d.]+/);
    expect(copied['text/plain']).toMatch(/\[isi: /);
  });

  it('downloads every table as .docx, opening with the draft warning, and says so under the button', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Unduh semua tabel/ }).click()]);
    // The demo's Office gives no address for its workbook: the name says what it holds.
    expect(download.suggestedFilename()).toBe('tabel-lkjip.docx');
    const xml = await (await JSZip.loadAsync(await fs.readFile(await download.path()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Catatan untuk penyusun, hapus sebelum dipakai. Lembar sumber masih memuat delapan galat');
    await page.getByText('Berkas tabel-lkjip.docx diunduh.', { exact: true }).first().waitFor();
  });

  it('has no serious or critical accessibility violations (axe-core), findings open', async () => {
    const results = await new AxeBuilder({ page }).include('[data-testid="panel"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (process.env.HC_AXE)
      console.log(JSON.stringify({ passes: results.passes.length, violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) }));
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  });

  it('replaces its sheets on a second run, and Hitung keeps the focus while it runs; notices of actions on the old results go', async () => {
    const downloaded = notice('Berkas tabel-lkjip.docx diunduh.');
    await expect(downloaded.count()).resolves.toBe(1);
    const before = await sheetNames();
    await page.evaluate(() => {
      const host = (window as unknown as DemoWindow).hitungCapaianDemo.host;
      const run = host.run.bind(host);
      host.run = (...args: unknown[]) => new Promise((r) => setTimeout(r, 300)).then(() => run(...args));
    });
    const button = hitungButton();
    await button.focus();
    await page.keyboard.press('Enter');
    // React renders the busy state after the key's events: wait for it rather than race it.
    await button.and(page.locator('[aria-disabled="true"]')).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hitung Capaian');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hitung Capaian');
    expect(await sheetNames()).toEqual(before);
    await expect(downloaded.count()).resolves.toBe(0);
  });
});

describe('the ribbon’s Hitung Capaian, run in the pane (the shared runtime’s)', () => {
  /** A click of the ribbon's button: the shared runtime has shown the pane and asks it to run. */
  const ribbon = () => page.evaluate(() => (window as unknown as DemoWindow).hitungCapaianDemo.ribbon());
  const USER = ['DPA 2024', 'Realisasi 2024', 'Kinerja 2024'];

  it('before the first run asks in the pane, where the question waits, and Batal writes nothing', async () => {
    await open();
    await ribbon();
    const question = page.getByTestId('tanya-pita');
    await expect(question.innerText()).resolves.toMatch(/tidak dapat dibatalkan dengan Ctrl\+Z \(⌘Z di Mac\), tetapi lembar Anda sendiri tidak pernah diubah\. Lanjutkan\?/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lanjutkan');
    await page.waitForTimeout(1_000);
    expect(await sheetNames()).toEqual(USER);
    await page.getByRole('button', { name: 'Batal' }).click();
    await notice('Dibatalkan: tidak ada yang ditulis ke buku kerja.').waitFor();
    await expect(question.count()).resolves.toBe(0);
    expect(await sheetNames()).toEqual(USER);
    expect((await hostState()).settings).toEqual({});
  });

  it('on Lanjutkan computes with the settings saved in the workbook, shows the result in the pane and opens HC Pemeriksaan; the next click asks nothing', async () => {
    await open();
    await ribbon();
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await notice(/^Selesai: \d+ lembar hasil ditulis\.$/).waitFor();
    await expect(page.getByTestId('serapan').textContent()).resolves.toBe('88,81%');
    expect((await hostState()).activeSheet).toBe('HC Pemeriksaan');
    await page.evaluate(() => (((window as unknown as DemoWindow).hitungCapaianDemo.host as unknown as { activeSheet: string }).activeSheet = 'DPA 2024'));
    await ribbon();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await expect(page.getByTestId('tanya-pita').count()).resolves.toBe(0);
    await notice(/^Selesai: \d+ lembar hasil ditulis\.$/).waitFor();
    expect((await hostState()).activeSheet).toBe('HC Pemeriksaan');
  });

  it('a click made while the pane is still reading the workbook waits for it, then asks', async () => {
    await page.goto(`${BASE}/demo.html`);
    await ribbon();
    await page.getByTestId('tanya-pita').waitFor();
    await notice(/^Lembar diperiksa: /).waitFor();
  });
});

describe('the user’s choices take effect', () => {
  beforeEach(() => open());

  it('columns changed in the pane: Hitung, the figures change, the workbook saves the roles', async () => {
    const panel = await sheetPanel('Realisasi 2024');
    // Two columns change places: each takes the column the other leaves.
    await field(panel, /^Realisasi \(“/).fill('C');
    await field(panel, /^Anggaran \(“/).fill('D');
    await hitung();
    await expect(page.getByTestId('serapan').textContent()).resolves.toBe('97,79%');
    expect(JSON.parse((await hostState()).settings[SETTINGS_KEY] as string)).toEqual({ kolom: { 'Realisasi 2024': { kolom: { realisasi: 'C', anggaran: 'D' } } } });
    await expect(field(await sheetPanel('Realisasi 2024'), /^Realisasi \(“/).inputValue()).resolves.toBe('C');
  });

  it.each([
    ['a column of words', 'B', 'Menunjuk kolom B, yang berisi teks, bukan angka.'],
    ['a column another role is read from', 'C', 'Menunjuk kolom C, yang sudah dipakai untuk Anggaran.'],
  ])('a column correction pointing at %s is said beside its field, and nothing is computed with it', async (_, letter, message) => {
    const panel = await sheetPanel('Realisasi 2024');
    await field(panel, /^Realisasi \(“/).fill(letter);
    await hitung();
    const realisasi = field(await sheetPanel('Realisasi 2024'), /^Realisasi \(“/);
    await expect(realisasi.getAttribute('aria-invalid')).resolves.toBe('true');
    // The message is the field's own: under it, and what describes it to a screen reader.
    await expect(panel.getByText(message, { exact: true }).count()).resolves.toBe(1);
    const describedBy = ((await realisasi.getAttribute('aria-describedby')) ?? '').split(' ');
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions).toContain(message);
    await expect(page.getByTestId('ringkasan').count()).resolves.toBe(0);
  });

  it('a cap on capaian typed as “66%” is taken: the rata-rata is the command line’s with batasCapaian 66', async () => {
    const dir = await tempDir();
    const pengaturan = path.join(dir, 'p.json');
    await fs.writeFile(pengaturan, JSON.stringify({ batasCapaian: 66 }));
    const cli = (await runWithJson(path.join(FIXTURES, 'semboro-tercetak.xlsx'), ['--pengaturan', pengaturan])).json!;
    expect(Number(cli.rataRataCapaian)).toBeLessThanOrEqual(66);
    await page.getByRole('button', { name: 'Pengaturan perhitungan' }).click();
    await field(page, 'Paling tinggi (%)').fill('66%');
    await hitung();
    await expect(page.getByTestId('rata-rata').textContent()).resolves.toBe(`${cli.rataRataCapaian!.replace('.', ',')}%`);
    expect(JSON.parse((await hostState()).settings[SETTINGS_KEY] as string)).toEqual({ batasCapaian: 66 });
  });

  it('reads a cap typed the Indonesian way: “1.000” is a thousand', async () => {
    await page.getByRole('button', { name: 'Pengaturan perhitungan' }).click();
    await field(page, 'Paling tinggi (%)').fill('1.000');
    await hitung();
    expect(JSON.parse((await hostState()).settings[SETTINGS_KEY] as string)).toEqual({ batasCapaian: 1000 });
  });

  it('settings that cannot be used are all marked at once, the notice saying how many more', async () => {
    await page.getByRole('button', { name: 'Pengaturan perhitungan' }).click();
    await field(page, 'Paling tinggi (%)').fill('abc');
    await field(page, /^Tinggi$/).fill('95');
    await hitung();
    await notice(/^Batas capaian .+\. Ada 1 isian lain yang juga ditandai merah\.$/).waitFor();
    await expect(field(page, 'Paling tinggi (%)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field(page, /^Tinggi$/).getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('a header row that finds nothing keeps the sheet’s panel, with the message beside the field; the old results are cleared', async () => {
    await hitung();
    await expect(page.getByTestId('ringkasan').count()).resolves.toBe(1);
    const baris = field(await sheetPanel('DPA 2024'), 'Baris judul kolom');
    await baris.fill('99');
    await hitung();
    const message = 'Menunjuk baris 99, yang tidak berisi judul kolom yang dikenali (misalnya “Uraian” dan “Anggaran”, atau “Indikator” dan “Target”).';
    await expect(page.getByText(message, { exact: true }).count()).resolves.toBe(1);
    await expect(field(await sheetPanel('DPA 2024'), 'Baris judul kolom').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('button', { name: /^DPA 2024: / }).waitFor();
    await expect(page.getByTestId('ringkasan').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Salin berformat/ }).count()).resolves.toBe(0);
    await expect(announced()).resolves.toMatch(/^Baris judul kolom lembar “DPA 2024” menunjuk baris 99/);
    // Nothing was written or saved with it.
    expect(JSON.parse((await hostState()).settings[SETTINGS_KEY] as string)).toEqual({});
  });

  it('“Kembalikan ke deteksi otomatis” clears the saved settings, the fields and the results computed with them', async () => {
    const panel = await sheetPanel('Realisasi 2024');
    await field(panel, /^Realisasi \(“/).fill('C');
    await field(panel, /^Anggaran \(“/).fill('D');
    await hitung();
    expect((await hostState()).settings[SETTINGS_KEY]).toBeDefined();
    await page.getByRole('button', { name: 'Kembalikan ke deteksi otomatis' }).click();
    await notice(/^Kembali ke deteksi otomatis: pengaturan yang tersimpan di buku kerja ini telah dihapus\.$/).waitFor();
    // What was said of the results it cleared goes with them.
    await expect(page.getByText(/^Selesai: \d+ lembar hasil ditulis\.$/).count()).resolves.toBe(0);
    expect((await hostState()).settings).toEqual({});
    await expect(field(await sheetPanel('Realisasi 2024'), /^Realisasi \(“/).inputValue()).resolves.toBe('D');
    await expect(page.getByTestId('ringkasan').count()).resolves.toBe(0);
    await open();
    await expect(field(await sheetPanel('Realisasi 2024'), /^Realisasi \(“/).inputValue()).resolves.toBe('D');
  });

  it('a user’s own sheet named “HC …” is kept and read like any other', async () => {
    await page.evaluate(() => {
      const host = (window as unknown as DemoWindow).hitungCapaianDemo.host;
      host.sheets.push({
        id: '{CATATAN}',
        name: 'HC Catatan Saya',
        visibility: 'Visible',
        cells: [[{ value: 'catatan saya', format: 'General' }]],
        merges: [],
        formatting: [],
        charts: [],
        frozenRows: 0,
        protected: false,
      });
    });
    await page.getByRole('button', { name: 'Periksa lembar' }).click();
    await page.getByRole('button', { name: /^HC Catatan Saya: tidak dipakai$/ }).waitFor();
    await hitung();
    await hitung();
    const mine = (await hostState()).sheets.filter((s) => s.name === 'HC Catatan Saya');
    expect(mine.map((s) => s.cells)).toEqual([[[{ value: 'catatan saya', format: 'General' }]]]);
  });

  it('a result sheet the user changed is named before Hitung replaces it, and kept when the user says so', async () => {
    await hitung();
    await page.evaluate(
      () => ((window as unknown as DemoWindow).hitungCapaianDemo.host.sheets.find((s) => s.name === 'HC Efisiensi')!.cells[0][0]!.value = 'Tabel 3.7 (sudah saya periksa)'),
    );
    await hitung();
    await page.getByText('Lembar hasil “HC Efisiensi” telah diubah sejak perhitungan terakhir. Apa yang dilakukan dengan lembar itu?').waitFor();
    await expect(notice(/belum dijalankan: pilih dulu/).count()).resolves.toBe(1);
    // A question is not a failed run: the results shown stay until a new run replaces them.
    await expect(page.getByTestId('ringkasan').count()).resolves.toBe(1);
    await page.getByRole('radio', { name: /^Biarkan sebagai lembar saya/ }).check();
    await hitung();
    const host = await hostState();
    expect(host.sheets.find((s) => s.name === 'HC Efisiensi')!.cells[0][0]!.value).toBe('Tabel 3.7 (sudah saya periksa)');
    expect(host.sheets.map((s) => s.name)).toContain('HC Efisiensi (2)');
    await expect(page.getByText('Lembar “HC Efisiensi” dibiarkan sebagai lembar Anda dan tidak diganti.').count()).resolves.toBe(1);
  });

  it('no all-clear for a workbook with only a kinerja sheet: it says what was not checked', async () => {
    await page.evaluate(() => {
      const host = (window as unknown as DemoWindow).hitungCapaianDemo.host;
      host.sheets = host.sheets.filter((s) => s.name === 'Kinerja 2024');
    });
    await hitung();
    await expect(page.getByTestId('tanpa-temuan').textContent()).resolves.toBe(
      'Tidak ada temuan pada yang diperiksa (capaian kinerja di “Kinerja 2024”); yang tidak diperiksa: anggaran (tidak ada lembar DPA); realisasi dan serapan (tidak ada lembar realisasi).',
    );
    await expect(page.getByText(/semua jumlah/).count()).resolves.toBe(0);
  });

  it('an Office.js error is one Indonesian sentence, its own text behind Rincian', async () => {
    await page.evaluate(() => {
      const host = (window as unknown as DemoWindow).hitungCapaianDemo.host;
      const execute = host.execute.bind(host);
      // Excel refuses the request that saves the record: a protected workbook.
      host.execute = (body) =>
        JSON.stringify(body).includes('lembarHasil')
          ? { ErrorCode: null, Headers: {}, Body: { Results: [], Error: { Code: 'AccessDenied', Message: 'Access denied.', HttpStatusCode: 403, Location: '' } } }
          : execute(body);
    });
    await hitung();
    const refused = notice(/^Excel tidak mengizinkan perubahan ini/);
    await expect(refused.locator('summary').textContent()).resolves.toBe('Rincian');
    await refused.locator('summary').click();
    await expect(refused.textContent()).resolves.toMatch(/\.RincianAccessDenied: /);
    expect(await sheetNames()).toEqual(['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']);
  });
});

describe('the pane at the widths Excel gives it', () => {
  it.each([320, 350, 500, 640])('holds at %i px: nothing wider than the pane, every sheet’s column fields and the settings open', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await open(`?panel=${width}`);
    await hitung();
    if (SHOTS && (width === 320 || width === 500)) await page.screenshot({ path: path.join(SHOTS, `taskpane-${width}.png`), fullPage: true });
    for (const name of ['DPA 2024', 'Realisasi 2024', 'Kinerja 2024']) await sheetPanel(name);
    await page.getByRole('button', { name: 'Pengaturan perhitungan' }).click();
    await page.getByRole('radio', { name: /^Berjenjang/ }).check();
    const tops = await page
      .getByRole('group', { name: 'Batas bawah predikat (% capaian)' })
      .getByRole('textbox')
      .evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect([...new Set(tops)].map((top) => tops.filter((t) => t === top).length)).toEqual(width === 640 ? [4] : [2, 2]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const beyond = await page.evaluate(() => {
      const pane = document.querySelector('[data-testid="panel"]')!;
      const right = pane.getBoundingClientRect().right;
      return [...pane.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 0.5).map((e) => e.outerHTML.slice(0, 80));
    });
    expect(beyond).toEqual([]);
  });

  afterAll(async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    if (!SHOTS) return;
    await open();
    await hitung();
    await page.getByRole('button', { name: 'DPA 2024!C23' }).first().click();
    await page.waitForFunction(() => (window as unknown as DemoWindow).hitungCapaianDemo.host.selection?.address === 'C23');
    await page.screenshot({ path: path.join(SHOTS, 'taskpane.png') });
  });
});

describe('the demo', () => {
  it('talked to the fake host through Microsoft’s Office.js client, served by the demo server', async () => {
    expect(await page.evaluate(() => typeof (window as unknown as DemoWindow).OfficeExtension)).toBe('object');
    expect(requested.filter((u) => u.endsWith('/demo/office-client.js')).length).toBeGreaterThan(0);
    expect((await hostState()).requestBytes.length).toBeGreaterThan(2);
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
    expect(files).toEqual(expect.arrayContaining(['bantuan.html', 'taskpane.html', 'assets/icon-64.png']));
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
      // The page without the add-in has a stricter one of its own, checked in peramban.e2e.ts.
      expect(html).toContain(f === 'peramban.html' ? "script-src 'self';" : "script-src 'self' https://appsforoffice.microsoft.com;");
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      for (const s of scripts) expect(s === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' || !/^https?:/.test(s)).toBe(true);
    }
  });
});
