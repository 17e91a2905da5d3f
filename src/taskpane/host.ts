/// <reference types="office-js" />
import { ExcelEnv } from '../adapters/office/hitung-excel';

/** Where the task pane runs its batches: real Excel, or the fake host of the browser demo. */
export interface ExcelHost extends ExcelEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Saves a file for the user (the .docx). */
  download(name: string, data: Blob): void;
}

export function downloadBlob(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const officeHost: ExcelHost = {
  run: (batch) => Excel.run(batch),
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  get onTheWeb() {
    return Office.context.platform === Office.PlatformType.OfficeOnline;
  },
  download: downloadBlob,
};
