import { showDialog } from '../adapters/office/dialog';
import { dialogProblem, Problem } from '../adapters/office/errors';
import { officeEnv } from '../adapters/office/office-env';
import { onRibbonCommand, showPane } from '../adapters/office/ribbon';
import { leaveForPane, RibbonChannel } from '../taskpane/ribbon';

/** Said where the ribbon's function runs in a runtime of its own, which Office ends after five minutes. */
export const USE_PANE =
  'Versi Excel ini menjalankan tombol Hitung Capaian di pita dengan batas waktu lima menit, jadi perhitungan dijalankan dari panel: klik Tinjau Hasil, lalu Hitung Capaian di panel (hasilnya sama).';

/** Said when Excel would not show the pane. */
export const PANE_NOT_SHOWN = 'Excel tidak membuka panel Hitung Capaian, jadi klik Tinjau Hasil di tab Beranda, lalu Hitung Capaian di panel.';

/**
 * Shows a sentence in the add-in's dialog (pesan.html) and resolves once it was closed, with null; or,
 * when Office would not open the dialog, with why, followed by the sentence itself.
 */
async function tell(pesan: string): Promise<Problem | null> {
  const url = new URL('pesan.html', window.location.href);
  url.searchParams.set('teks', pesan);
  const outcome = await showDialog(url.toString());
  if (!('error' in outcome)) return null;
  const failed = dialogProblem(outcome.error);
  return { pesan: `${failed.pesan} ${pesan}`, rincian: failed.rincian };
}

/**
 * The ribbon's Hitung Capaian. With a shared runtime it shows the pane and asks the pane to run
 * (`channel`): the run, the first-run question and every sentence about them happen there, where no
 * time limit applies, and the command is completed at once. Without one (an Excel before
 * SharedRuntime 1.1) the function runs apart from the pane with Office's five minutes: it only says,
 * in a dialog, to run from the pane. What a dialog that cannot be opened would have said is said in
 * the pane instead, with why.
 */
export async function hitungFromRibbon(event: Office.AddinCommands.Event, channel: RibbonChannel): Promise<void> {
  try {
    if (!officeEnv().sharedRuntime) {
      const failed = await tell(USE_PANE);
      if (failed) leaveForPane(failed);
      return;
    }
    const shown = await showPane().then(
      () => true,
      () => false,
    );
    if (shown) return channel.send({ hitung: true });
    const failed = await tell(PANE_NOT_SHOWN);
    if (failed) channel.send({ pesan: failed });
  } finally {
    event.completed();
  }
}

/** Ties the manifest's `hitungCapaian` to the ribbon's run. */
export const registerRibbon = (channel: RibbonChannel) => onRibbonCommand('hitungCapaian', (event) => void hitungFromRibbon(event, channel));
