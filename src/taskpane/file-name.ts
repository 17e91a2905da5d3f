/** The names of the files the pane offers, after the workbook's. */

const WORKBOOK = /\.(xlsx|xlsm|xltx|xltm|xlsb|xls)$/i;

/** The file's name in a path with either kind of slash. */
const lastSegment = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * A workbook's name without its folder, its extension, and the “-hasil” of a result copy of ours
 * (with the “ (1)” a browser adds to a second download), so that a copy opened again is not named
 * twice over: `D:\LKjIP\semboro-hasil (1).xlsx` → `semboro`.
 */
export function workbookStem(name: string): string {
  return lastSegment(name)
    .replace(/\.[^.]*$/, '')
    .replace(/-hasil(?: \(\d+\))?$/i, '');
}

/** The copy of a workbook with the result sheets: `semboro.xlsx` → `semboro-hasil.xlsx`, in the kind (`.xlsm`) given. */
export const resultCopyName = (workbook: string, extension: string) => `${workbookStem(workbook)}-hasil${extension}`;

/** The tables as a Word document, after the workbook where its name is known. */
export const docxName = (workbook: string | null) => (workbook ? `${workbookStem(workbook)}-tabel.docx` : 'tabel-lkjip.docx');

/**
 * The workbook's file name in the address Office gives for the open document (a path on the
 * computer, or a OneDrive or SharePoint address); null where it names no workbook file (not saved
 * yet, or an address of another form).
 */
export function workbookNameFrom(url: string | null | undefined): string | null {
  const address = url ?? '';
  // An address ends its path at ? or # and escapes its characters; a path on the computer does neither.
  const isAddress = /^[a-z]+:\/\//i.test(address);
  const path = isAddress ? address.split(/[?#]/)[0] : address;
  const name = isAddress ? decoded(lastSegment(path)) : lastSegment(path);
  return WORKBOOK.test(name) ? name : null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
