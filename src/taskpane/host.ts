/// <reference types="office-js" />
import { ExcelEnv } from '../adapters/office/hitung-excel';

/** Where the task pane runs its batches: real Excel, or the fake host of the browser demo. */
export interface ExcelHost extends ExcelEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel for Mac: ⌘ instead of Ctrl, and no file saved from the pane. */
  onMac: boolean;
  /** Saves a file for the user (the .docx); where that cannot work, says what to do instead. */
  download(name: string, data: Blob): string | null;
}

/**
 * Office on Mac does nothing with a link to a blob (OfficeDev/office-js#2700, #3385, #4681), and the
 * tables must not leave the workbook for a server to hand them back: there, the user is told the way
 * that does work.
 */
export const MAC_DOWNLOAD =
  'Excel untuk Mac tidak dapat menyimpan berkas dari panel ini. Salin tiap tabel dengan “Salin berformat” lalu tempel di Word, atau buka buku kerja ini di Excel untuk web dan unduh .docx dari sana.';

export function downloadBlob(name: string, data: Blob): null {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

const platform = () => Office.context.platform;

export const officeHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  get onTheWeb() {
    return platform() === Office.PlatformType.OfficeOnline;
  },
  get onMac() {
    return platform() === Office.PlatformType.Mac;
  },
  download: (name, data) => (platform() === Office.PlatformType.Mac ? MAC_DOWNLOAD : downloadBlob(name, data)),
};
