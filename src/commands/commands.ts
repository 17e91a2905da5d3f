import { showDialog } from '../adapters/office/dialog';
import { Problem, describeError } from '../adapters/office/errors';
import { hitungAndShow, isFirstRun, requirementProblem } from '../adapters/office/hitung-excel';
import { excelRun, officeEnv } from '../adapters/office/office-env';

/** What is said once, before the first run in a workbook. */
export const FIRST_RUN =
  'Hitung Capaian akan menulis hasilnya ke lembar baru “HC …” di buku kerja ini; langkah ini tidak dapat dibatalkan dengan Ctrl+Z (⌘Z di Mac), tetapi lembar Anda sendiri tidak pernah diubah.';

/**
 * Shows a message in a small dialog and resolves once the dialog is closed, by its buttons or its ×,
 * or could not be opened: true only for "Lanjutkan", which a question (`ask`) offers beside "Batal".
 */
async function tell(message: Problem, ask = false): Promise<boolean> {
  const url = new URL('pesan.html', window.location.href);
  url.searchParams.set('teks', message.pesan);
  if (message.rincian) url.searchParams.set('rincian', message.rincian);
  if (ask) url.searchParams.set('tanya', '1');
  return (await showDialog(url.toString())) === 'lanjut';
}

/** Computes with the saved (or detected) settings and shows the result; what there is to say, as a message. */
async function run(): Promise<Problem | null> {
  const env = officeEnv();
  const problem = requirementProblem(env.isSetSupported);
  if (problem) return { pesan: problem, rincian: null };
  try {
    if ((await excelRun(isFirstRun)) && !(await tell({ pesan: FIRST_RUN, rincian: null }, true))) return null;
    const outcome = await excelRun((context) => hitungAndShow(context, env));
    if ('edited' in outcome || outcome.kept.length === 0) return null;
    const names = outcome.kept.map((n) => `“${n}”`).join(', ');
    return { pesan: `Lembar ${names} telah Anda ubah sejak perhitungan terakhir, jadi lembar itu dibiarkan dan hasil baru ditulis ke lembar bernama lain.`, rincian: null };
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
