import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { registerRibbon } from '../commands/commands';
import { officeEnv } from '../adapters/office/office-env';
import { App } from './App';
import { workbookNameFrom } from './file-name';
import { officeHost } from './host';
import { RibbonChannel, takeLeft } from './ribbon';

/** What the page's loader (src/adapters/office/loader.js) reads: this bundle started here, and has shown the pane. */
const page = window as unknown as { hitungCapaianBundle?: boolean; hitungCapaianShown?: boolean };
page.hitungCapaianBundle = true;

/** Where the pane itself fails, one sentence in its place rather than a blank pane. */
function stopped(error: unknown): void {
  const root = document.getElementById('root')!;
  const main = document.createElement('main');
  main.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; margin: 16px";
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `Panel Hitung Capaian berhenti karena galat yang tidak terduga (${String((error as Error)?.message ?? error).slice(0, 200)}). Tutup panel lalu buka lagi; bila terulang, pakai halaman peramban.html dan laporkan galat ini.`;
  main.append(p);
  root.textContent = '';
  root.append(main);
}

const ribbon = new RibbonChannel();

Office.onReady((info) => {
  // Opened outside Office: the loader says to open it from Excel.
  if (!info.host) return;
  registerRibbon(ribbon);
  const left = takeLeft();
  if (left) ribbon.send({ pesan: left });
  const env = officeEnv();
  createRoot(document.getElementById('root')!, { onUncaughtError: stopped }).render(
    <FluentProvider theme={webLightTheme}>
      <App host={{ ...officeHost(env), ribbon }} workbookName={workbookNameFrom(env.documentUrl)} />
    </FluentProvider>,
  );
  page.hitungCapaianShown = true;
});
