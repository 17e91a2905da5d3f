import { hitungInExcel, requirementProblem } from '../adapters/office/hitung-excel';
import { InputError } from '../core/errors';
import { RESULT_SHEETS } from '../core/result-sheets';

const isSetSupported = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
const env = () => ({ isSetSupported, onTheWeb: Office.context.platform === Office.PlatformType.OfficeOnline });

/**
 * Shows one sentence to the user in a small dialog (a ribbon command has no pane of its own) and
 * resolves once the dialog is closed, by its button or its ×, or could not be opened.
 */
function tell(text: string): Promise<void> {
  const url = new URL('pesan.html', window.location.href);
  url.searchParams.set('teks', text);
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    }),
  );
}

/** Computes with the saved (or detected) settings and shows the result; what went wrong, in one sentence. */
async function run(): Promise<string | null> {
  const problem = requirementProblem(isSetSupported);
  if (problem) return problem;
  try {
    await Excel.run(async (context) => {
      const result = await hitungInExcel(context, null, env());
      const galat = result.result.temuan.filter((f) => f.tingkat === 'galat').length;
      const first = galat > 0 ? RESULT_SHEETS.pemeriksaan : result.layouts[0]?.name;
      if (first) context.workbook.worksheets.getItem(first).activate();
      await context.sync();
    });
    return null;
  } catch (e) {
    return e instanceof InputError ? e.message : `Hitung Capaian gagal: ${(e as Error).message}. Lembar Anda tidak diubah.`;
  }
}

/**
 * The ribbon's Hitung Capaian. `event.completed()` comes last, after any dialog was closed: Office
 * may end the function's runtime as soon as it is called.
 */
async function hitungCapaian(event: Office.AddinCommands.Event): Promise<void> {
  const problem = await run();
  if (problem) await tell(problem);
  event.completed();
}

Office.onReady(() => Office.actions.associate('hitungCapaian', hitungCapaian));
