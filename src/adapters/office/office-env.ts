/// <reference types="office-js" />
import { ExcelEnv } from './hitung-excel';

export interface OfficeEnv extends ExcelEnv {
  /** Excel for Mac and for iPad: a download link does nothing in the pane there. */
  noDownloads: boolean;
  /** Where the open workbook is saved (a path or an address), as Office gives it; null before it is saved. */
  documentUrl: string | null;
  /** SharedRuntime 1.1: the ribbon's function runs in the pane's runtime, where Office ends no run after five minutes. */
  sharedRuntime: boolean;
}

/** The Excel the add-in runs in, as Office.js tells it: the one place the platform is asked for. */
export function officeEnv(): OfficeEnv {
  const platform = Office.context.platform;
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    noDownloads: platform === Office.PlatformType.Mac || platform === Office.PlatformType.iOS,
    documentUrl: Office.context.document?.url ?? null,
    sharedRuntime: Office.context.requirements.isSetSupported('SharedRuntime', '1.1'),
  };
}

/** How a batch reaches a workbook: Excel.run in Excel, the fake host's own in the demo. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run: the one place the add-in starts a batch in Excel. While the user is editing a cell,
 * Excel holds the batch until the editing ends rather than fail it (`delayForCellEdit`).
 */
export const excelRun: ExcelRunner = (batch) => Excel.run({ delayForCellEdit: true }, batch);
