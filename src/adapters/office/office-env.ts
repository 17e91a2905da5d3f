/// <reference types="office-js" />
import { ExcelEnv } from './hitung-excel';

export interface OfficeEnv extends ExcelEnv {
  /** Excel for Mac: no file can be saved from the pane there. */
  onMac: boolean;
  /** Where the open workbook is saved (a path or an address), as Office gives it; null before it is saved. */
  documentUrl: string | null;
}

/** The Excel the add-in runs in, as Office.js tells it: the one place the platform is asked for. */
export function officeEnv(): OfficeEnv {
  const platform = Office.context.platform;
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    onTheWeb: platform === Office.PlatformType.OfficeOnline,
    onMac: platform === Office.PlatformType.Mac,
    documentUrl: Office.context.document?.url ?? null,
  };
}

/** How a batch reaches a workbook: Excel.run in Excel, the fake host's own in the demo. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run: the one place the add-in starts a batch in Excel. */
export const excelRun: ExcelRunner = (batch) => Excel.run(batch);
