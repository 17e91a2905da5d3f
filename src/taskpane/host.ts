/// <reference types="office-js" />
import { IsSetSupported } from '../adapters/office/hitung-excel';

/** Where the task pane runs its batches: real Excel, or the fake host of the browser demo. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported: IsSetSupported;
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
  download: downloadBlob,
};
