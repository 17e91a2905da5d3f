import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { ReactNode, useCallback, useEffect, useState } from 'react';
import { buildDocx } from '../adapters/docx/build-docx';
import { Inspection } from '../core/run/plan';
import { rectAddress } from '../core/rect';
import { narasiToHtml, tableToHtml } from '../core/report/table-html';
import { parseSettings } from '../core/settings';
import { copyHtml } from './clipboard';
import { Draft, draftOf, fieldKey, setAt } from './draft';
import { docxName } from './file-name';
import { Findings } from './Findings';
import { PaneRun, WorkbookHost } from './host';
import { Catatan, LiveRegion, NoticeBar } from './Notice';
import { ResultTables } from './ResultTables';
import { EditedChoice, RunSection } from './RunSection';
import { SettingsSection } from './SettingsSection';
import { SheetsSection } from './SheetsSection';
import { Summary } from './Summary';
import { useStyles } from './styles';
import { narasiText, tableText } from './table-text';
import { useActions } from './use-actions';
import { COPY_KEYS, PASTE_KEYS } from './words';

/** Yields to the browser every few tens of milliseconds of work, so that no task holds the page long. */
function breather(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < 40) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}

/** The pane's title and what it does. */
export function Heading() {
  return (
    <>
      <Text as="h1" size={500} weight="semibold">
        Hitung Capaian
      </Text>
      <Caption1>Menghitung capaian kinerja, serapan anggaran dan efisiensi dari lembar Anda dan memeriksa setiap jumlahnya.</Caption1>
    </>
  );
}

/**
 * The task pane: what was detected (before anything is written), the settings, Hitung, and the
 * run's summary, findings and tables. Every action goes through useActions, whose notice appears
 * beside the control that caused it. `children` come under the heading (the browser page's file);
 * `workbookName`, where known, names the files offered after the workbook.
 */
export function App({ host, workbookName = null, children }: { host: WorkbookHost; workbookName?: string | null; children?: ReactNode }) {
  const styles = useStyles();
  const actions = useActions();
  const { act, say, clearNotices, markFields, clearFields } = actions;
  const [draft, setDraft] = useState<Draft>({});
  const [inspection, setInspection] = useState<Inspection | null>(null);
  /** The first detection has ended (found, or failed): a run the ribbon asked for may begin. */
  const [started, setStarted] = useState(false);
  /** The ribbon's Hitung Capaian was clicked and its run is still to begin. */
  const [ribbonWaiting, setRibbonWaiting] = useState(false);
  /** The ribbon asked for the first run in this workbook: the pane asks first. */
  const [ribbonAsks, setRibbonAsks] = useState(false);
  const [run, setRun] = useState<PaneRun | null>(null);
  const [choice, setChoice] = useState<EditedChoice | null>(null);
  /** Changes when the fields must show the draft afresh. */
  const [epoch, setEpoch] = useState(0);

  const inspect = useCallback(
    (settings: Draft | null) =>
      act('lembar', async () => {
        const found = await host.inspect(settings === null ? null : parseSettings(settings));
        setInspection(found);
        if (settings === null) setDraft(draftOf(found.saved));
        markFields(found.masalah);
        setEpoch((e) => e + 1);
        const used = found.deteksi.filter((d) => d.peran.length > 0).length;
        return found.masalah.length > 0
          ? { intent: 'warning', text: 'Ada isian yang tidak dapat diikuti: lihat yang ditandai merah di atas.' }
          : {
              intent: 'info',
              // Only where there is a workbook to write in is it worth saying that nothing was written.
              text: `Lembar diperiksa: ${used} dari ${found.deteksi.length} lembar dipakai.${host.show ? ' Tidak ada yang ditulis pada pemeriksaan ini.' : ''}`,
            };
      }),
    [act, host, markFields],
  );

  useEffect(() => {
    if (!host.problem) void inspect(null).finally(() => setStarted(true));
  }, [host, inspect]);

  useEffect(
    () =>
      host.ribbon?.listen((request) => {
        if ('pesan' in request) say('pita', { intent: 'warning', text: request.pesan.pesan, rincian: request.pesan.rincian });
        else setRibbonWaiting(true);
      }),
    [host, say],
  );

  if (host.problem) {
    return (
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel perlu diperbarui</MessageBarTitle>
            {host.problem}
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  const onSet = (path: string[], value: unknown) => {
    setDraft((d) => setAt(d, path, value));
    clearFields(fieldKey(path));
  };
  const edited = inspection?.edited ?? [];

  /** The pane's Hitung with the settings in the pane, or the ribbon's with those saved in the workbook, showing its result. */
  const hitung = (fromRibbon = false) =>
    act(
      'hitung',
      async (progress) => {
        setRibbonAsks(false);
        clearNotices(['lembar', 'pita']);
        const outcome = await host.hitung(
          fromRibbon
            ? { settings: null, replaceEdited: false, show: true, progress }
            : { settings: parseSettings(draft), replaceEdited: edited.length > 0 && choice ? choice === 'ganti' : undefined, progress },
        );
        if ('edited' in outcome) {
          setInspection((i) => i && { ...i, edited: outcome.edited });
          return { intent: 'warning', text: 'Hitung Capaian belum dijalankan: pilih dulu apa yang dilakukan dengan lembar hasil yang telah diubah, di atas.' };
        }
        setRun(outcome);
        setChoice(null);
        say('lembar', null);
        setInspection((i) => i && { ...i, deteksi: outcome.result.deteksi, sheetNames: outcome.result.deteksi.map((d) => d.lembar), masalah: [], edited: [], firstRun: false });
        return {
          intent: 'success',
          text: outcome.copy
            ? `Selesai: ${outcome.written.length} lembar hasil siap diunduh dalam salinan buku kerja, dengan tombol Unduh di Ringkasan di bawah.`
            : `Selesai: ${outcome.written.length} lembar hasil ditulis.`,
        };
      },
      () => setRun(null),
    );

  // The ribbon's run begins once the pane is free: after the first detection, after what runs now.
  useEffect(() => {
    if (!ribbonWaiting || !started || actions.busy !== null) return;
    setRibbonWaiting(false);
    if (inspection?.firstRun ?? true) setRibbonAsks(true);
    else void hitung(true);
  }, [ribbonWaiting, started, actions.busy, inspection]);

  const answerRibbon = (go: boolean) => {
    setRibbonAsks(false);
    if (go) void hitung(true);
    else say('hitung', { intent: 'info', text: 'Dibatalkan: tidak ada yang ditulis ke buku kerja.' });
  };

  const show = (place: string, lembar: string, address: string, what: string, done: string | null = null) =>
    act(place, async () => {
      const why = await host.show!(lembar, address, what);
      if (why) return { intent: 'warning', text: why };
      return done ? { intent: 'info', text: done } : null;
    });
  /** Only a host with a workbook to show ranges in offers to open a sheet or select a table. */
  const inWorkbook = host.show !== null;

  const download = (place: string, name: string, data: (progress: (step: string) => void) => Promise<Blob>) =>
    act(place, async (progress) => {
      const instead = host.download(name, await data(progress));
      return instead ? { intent: 'info', text: instead } : { intent: 'success', text: `Berkas ${name} diunduh.` };
    });
  /**
   * The tables as .docx, opening with the draft warning while the sheets hold galat; beside the
   * other downloads where there are some. Made by the host where it can (the page's worker), else
   * here, a piece at a time so that the pane stays responsive.
   */
  const docx = (shown: PaneRun) =>
    void download(shown.copy ? 'unduh' : 'docx', docxName(workbookName), (progress) =>
      host.docx ? host.docx(progress) : buildDocx(shown.tables, shown.draftWarning, { progress, pause: breather() }).then((bytes) => new Blob([bytes as Uint8Array<ArrayBuffer>])),
    );

  return (
    <main className={styles.root} aria-busy={actions.busy !== null}>
      <Heading />
      <NoticeBar notice={actions.notices.pita} />
      {!run && <Catatan items={inspection?.catatan} />}
      {children}
      <SheetsSection
        draft={draft}
        onSet={onSet}
        fieldErrors={actions.fieldErrors}
        epoch={epoch}
        inspection={inspection}
        actions={actions}
        onInspect={() => void inspect(draft)}
        onReset={() =>
          void act('lembar', async () => {
            await host.forgetSettings?.();
            // The results and what was said of them go: “Selesai: … ditulis” no longer holds.
            clearNotices(['lembar']);
            setRun(null);
            setDraft({});
            markFields([]);
            const found = await host.inspect({});
            setInspection(found);
            setEpoch((e) => e + 1);
            return {
              intent: 'info',
              text: host.forgetSettings
                ? 'Kembali ke deteksi otomatis: pengaturan yang tersimpan di buku kerja ini telah dihapus.'
                : 'Kembali ke deteksi otomatis: isian Anda di panel ini dikosongkan.',
            };
          })
        }
      />
      <SettingsSection draft={draft} onSet={onSet} fieldErrors={actions.fieldErrors} epoch={epoch} />
      <RunSection
        actions={actions}
        firstRun={inWorkbook && (inspection?.firstRun ?? false)}
        edited={edited}
        choice={choice}
        onChoice={setChoice}
        onHitung={() => void hitung()}
        ribbonAsks={ribbonAsks}
        onRibbonAnswer={answerRibbon}
      />
      {run && (
        <>
          <Summary
            run={run}
            actions={actions}
            onOpen={inWorkbook ? (sheet) => void show('ringkasan', sheet, 'A1', `lembar ${sheet}`) : undefined}
            onDownload={(file) => void download('unduh', file.name, () => Promise.resolve(file.data))}
            onDocx={() => docx(run)}
          />
          <Findings run={run} actions={actions} onShow={inWorkbook ? (place, at) => void show(place, at.lembar, at.sel, `sel ${at.sel}`) : undefined} />
          <ResultTables
            run={run}
            actions={actions}
            onOpen={inWorkbook ? (t, sheet) => void show(`tabel:${t.id}`, sheet.nama, 'A1', 'tabelnya') : undefined}
            onSelect={
              inWorkbook
                ? (t, sheet) =>
                    void show(
                      `tabel:${t.id}`,
                      sheet.nama,
                      rectAddress(sheet.table),
                      'tabelnya',
                      `Tabel terpilih di lembar “${sheet.nama}”. Klik sekali tab lembar itu di bawah, lalu tekan ${COPY_KEYS} dan tempel di Word.`,
                    )
                : undefined
            }
            onCopy={(t) =>
              void act(`tabel:${t.id}`, async () =>
                (await (t.id === 'narasi' ? copyHtml(narasiToHtml(run.tables), narasiText(run.tables)) : copyHtml(tableToHtml(t), tableText(t))))
                  ? { intent: 'success', text: `“${[t.nomor, t.caption].filter(Boolean).join(' ')}” tersalin: tempel di Word dengan ${PASTE_KEYS}.` }
                  : { intent: 'warning', text: 'Panel ini tidak diizinkan menyalin; pakai “Pilih tabel”.' },
              )
            }
            onDocx={() => docx(run)}
            preview={!inWorkbook}
          />
        </>
      )}
      <LiveRegion text={actions.announcement} />
    </main>
  );
}
