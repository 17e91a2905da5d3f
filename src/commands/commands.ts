import { hitungInExcel, requirementProblem } from '../adapters/office/hitung-excel';
import { InputError } from '../core/errors';
import { RESULT_SHEETS } from '../core/result-sheets';

const isSetSupported = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
const env = () => ({ isSetSupported, onTheWeb: Office.context.platform === Office.PlatformType.OfficeOnline });

/** Shows one sentence to the user in a small dialog: a ribbon command has no pane of its own. */
function tell(text: string): void {
  const url = new URL('pesan.html', window.location.href);
  url.searchParams.set('teks', text);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 35, displayInIframe: true });
}

/** The ribbon's Hitung Capaian: computes with the saved (or detected) settings and shows the result. */
async function hitungCapaian(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const problem = requirementProblem(isSetSupported);
    if (problem) {
      tell(problem);
      return;
    }
    await Excel.run(async (context) => {
      const run = await hitungInExcel(context, null, env());
      const galat = run.result.temuan.filter((f) => f.tingkat === 'galat').length;
      const first = galat > 0 ? RESULT_SHEETS.pemeriksaan : run.layouts[0]?.name;
      if (first) context.workbook.worksheets.getItem(first).activate();
      await context.sync();
    });
  } catch (e) {
    tell(e instanceof InputError ? e.message : `Hitung Capaian gagal: ${(e as Error).message}. Lembar Anda tidak diubah.`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => Office.actions.associate('hitungCapaian', hitungCapaian));
