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
