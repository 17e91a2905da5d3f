import { Page } from 'playwright-core';

/** Debian's Chromium as every browser test and bench here starts it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

interface Watched {
  longTasks: { start: number; duration: number }[];
}

/** Records the page's long tasks (PerformanceObserver 'longtask'), from before it loads: call before page.goto. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
}

/**
 * One run of the page on `file`, the page loaded and watched: the file set on its input, its sheets
 * shown, Hitung clicked, the summary shown. Seconds to the sheets and to the summary, and the
 * longest main-thread task in between, in milliseconds.
 */
export async function measuredRun(page: Page, file: string): Promise<{ openSeconds: number; totalSeconds: number; longestTaskMs: number }> {
  const from = await page.evaluate(() => performance.now());
  const started = Date.now();
  await page.getByTestId('berkas').setInputFiles(file);
  await page
    .getByTestId('pesan')
    .filter({ hasText: /^Lembar diperiksa: / })
    .waitFor({ timeout: 120_000 });
  const opened = Date.now();
  await page.getByRole('button', { name: 'Hitung Capaian', exact: true }).click();
  await page.getByTestId('ringkasan').waitFor({ timeout: 120_000 });
  const done = Date.now();
  const tasks = await page.evaluate((t) => (window as unknown as Watched).longTasks.filter((x) => x.start >= t), from);
  return { openSeconds: (opened - started) / 1000, totalSeconds: (done - started) / 1000, longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))) };
}

/**
 * The .docx of the run shown, from the click on its button to the download: seconds, and the
 * longest main-thread task meanwhile, in milliseconds.
 */
export async function measuredDocx(page: Page, label: RegExp): Promise<{ seconds: number; longestTaskMs: number; bytes: number }> {
  const from = await page.evaluate(() => performance.now());
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: label }).click()]);
  const file = await download.path();
  const seconds = (Date.now() - started) / 1000;
  const tasks = await page.evaluate((t) => (window as unknown as Watched).longTasks.filter((x) => x.start >= t), from);
  const { size } = await import('fs').then((fs) => fs.promises.stat(file!));
  return { seconds, longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), bytes: size };
}
