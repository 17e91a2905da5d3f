/// <reference types="office-js" />
import { ExcelEnv } from './hitung-excel';

export interface OfficeEnv extends ExcelEnv {
  /** Excel for Mac: no file can be saved from the pane there. */
  onMac: boolean;
}

/** The Excel the add-in runs in, as Office.js tells it: the one place the platform is asked for. */
export function officeEnv(): OfficeEnv {
  const platform = Office.context.platform;
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    onTheWeb: platform === Office.PlatformType.OfficeOnline,
    onMac: platform === Office.PlatformType.Mac,
  };
}

/** How a batch reaches a workbook: Excel.run in Excel, the fake host's own in the demo. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run: the one place the add-in starts a batch in Excel. */
export const excelRun: ExcelRunner = (batch) => Excel.run(batch);
