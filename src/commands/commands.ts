import { Problem, describeError } from '../adapters/office/errors';
import { hitungInExcel, isFirstRun, requirementProblem } from '../adapters/office/hitung-excel';
import { officeEnv } from '../adapters/office/office-env';
import { countByTingkat } from '../core/findings';

/** What is said once, before the first run in a workbook. */
export const FIRST_RUN =
  'Hitung Capaian akan menulis hasilnya ke lembar baru “HC …” di buku kerja ini; langkah ini tidak dapat dibatalkan dengan Ctrl+Z (⌘Z di Mac), tetapi lembar Anda sendiri tidak pernah diubah.';

/**
 * Shows a message in a small dialog (a ribbon command has no pane of its own) and resolves once the
 * dialog is closed, by its buttons or its ×, or could not be opened: true only for "Lanjutkan",
 * which a question (`ask`) offers beside "Batal".
 */
function tell(message: Problem, ask = false): Promise<boolean> {
  const url = new URL('pesan.html', window.location.href);
  url.searchParams.set('teks', message.pesan);
  if (message.rincian) url.searchParams.set('rincian', message.rincian);
  if (ask) url.searchParams.set('tanya', '1');
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve(false);
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve('message' in arg && arg.message === 'lanjut');
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(false));
    }),
  );
}

/** Computes with the saved (or detected) settings and shows the result; what there is to say, as a message. */
async function run(): Promise<Problem | null> {
  const env = officeEnv();
  const problem = requirementProblem(env.isSetSupported);
  if (problem) return { pesan: problem, rincian: null };
  try {
    if ((await Excel.run(isFirstRun)) && !(await tell({ pesan: FIRST_RUN, rincian: null }, true))) return null;
    return await Excel.run(async (context) => {
      // The user's changes to a sheet of ours are kept, as the command line keeps them; the pane asks.
      const outcome = await hitungInExcel(context, { settings: null, replaceEdited: false }, env);
      if ('edited' in outcome) return null;
      const galat = countByTingkat(outcome.result.temuan).galat;
      const first = (galat > 0 ? outcome.written.find((w) => w.tabel === 'pemeriksaan') : outcome.written[0])?.nama;
      if (first) context.workbook.worksheets.getItem(first).activate();
      await context.sync();
      if (outcome.kept.length === 0) return null;
      const kept = outcome.kept.map((n) => `“${n}”`).join(', ');
      return { pesan: `Lembar ${kept} telah Anda ubah sejak perhitungan terakhir, jadi lembar itu dibiarkan dan hasil baru ditulis ke lembar bernama lain.`, rincian: null };
    });
  } catch (e) {
    return describeError(e);
  }
}

/**
 * The ribbon's Hitung Capaian. `event.completed()` comes last, after any dialog was closed: Office
 * may end the function's runtime as soon as it is called.
 */
async function hitungCapaian(event: Office.AddinCommands.Event): Promise<void> {
  const message = await run();
  if (message) await tell(message);
  event.completed();
}

Office.onReady(() => Office.actions.associate('hitungCapaian', hitungCapaian));
