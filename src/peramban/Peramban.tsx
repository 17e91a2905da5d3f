import { Button, Caption1, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DragEvent, useEffect, useRef, useState } from 'react';
import { describeError, Problem } from '../adapters/office/errors';
import { App, Heading } from '../taskpane/App';
import { LiveRegion, NoticeBar } from '../taskpane/Notice';
import { useStyles as usePaneStyles } from '../taskpane/styles';
import { browserProblem } from './browsers';
import { OpenedWorkbook, openWorkbook } from './worker-host';

const useStyles = makeStyles({
  page: { maxWidth: '640px', margin: '0 auto' },
  /** Only the page moves the focus here, to start from the file: no frame drawn round the whole section. */
  focusTarget: { ':focus': { outlineStyle: 'none' } },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '8px',
    padding: '12px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  waiting: { border: `2px dashed ${tokens.colorNeutralStrokeDisabled}`, color: tokens.colorNeutralForegroundDisabled },
});

/** The kinds of workbook the reader takes, and .xls, .ods and .csv, so that choosing one gets the sentence saying what to do. */
const ACCEPT = '.xlsx,.xlsm,.xltx,.xltm,.xls,.ods,.csv';

interface Opened {
  name: string;
  workbook: OpenedWorkbook;
  /** The open it came from, so that the pane starts afresh for each file. */
  n: number;
}

/**
 * Where the user opens or drops a workbook, and what became of it: reading, opened, or one sentence
 * why not. It takes no file while one is being read. Where the control that chose the file has
 * gone with the page it was on (the focus fallen to the page itself), the focus comes here.
 */
function FileSection({ opened, reading, problem, onFile }: { opened: Opened | null; reading: string | null; problem: Problem | null; onFile: (file: File) => void }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = reading !== null;
  const showsFile = opened !== null || problem !== null || busy;
  useEffect(() => {
    if (showsFile && (document.activeElement === null || document.activeElement === document.body)) section.current?.focus();
  }, [showsFile, opened, problem]);
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setDragging(!busy);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  const status = problem?.pesan ?? reading ?? (opened ? `“${opened.name}” terbuka: ${opened.workbook.sheets} lembar kerja.` : '');
  const invitation = busy
    ? 'Tunggu sampai berkas ini selesai dibaca.'
    : opened
      ? `“${opened.name}” terbuka. Seret berkas lain ke sini, atau`
      : 'Seret berkas .xlsx atau .xlsm ke sini, atau';
  return (
    <section ref={section} tabIndex={-1} className={mergeClasses(pane.section, styles.focusTarget)} aria-labelledby="judul-berkas">
      <Subtitle2 as="h2" id="judul-berkas">
        Buku kerja
      </Subtitle2>
      <div
        className={`${styles.drop} ${busy ? styles.waiting : dragging ? styles.dragging : ''}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-disabled={busy}
        data-testid="tempat-berkas"
      >
        <Text>{invitation}</Text>
        <Button appearance={opened ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabledFocusable={reading !== null}>
          {opened ? 'Buka berkas lain…' : 'Pilih berkas…'}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="berkas"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      <Caption1>
        Berkas dibaca dan dihitung di komputer ini saja; tidak ada yang dikirim ke mana pun. Berkas Anda tidak diubah: hasilnya menjadi salinan buku kerja untuk diunduh.
      </Caption1>
      {reading && (
        <Field validationMessage={reading} validationState="none">
          <ProgressBar aria-label="Kemajuan membaca berkas" />
        </Field>
      )}
      {problem && <NoticeBar notice={{ intent: 'error', text: problem.pesan, rincian: problem.rincian }} />}
      <LiveRegion text={status} />
    </section>
  );
}

/**
 * The page for Excel 2016, WPS Office and LibreOffice users, who have no Office add-ins: the task
 * pane on a workbook file opened here, read and computed in a worker on this computer.
 */
export function Peramban() {
  const styles = useStyles();
  const pane = usePaneStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unsupported] = useState(browserProblem);
  const current = useRef<OpenedWorkbook | null>(null);
  /**
   * Counts the opens. A file can still arrive while another is read (a file dialog opened before),
   * and the later one wins: an open overtaken by another is closed and ignored when it ends.
   */
  const generation = useRef(0);

  const openFile = async (file: File) => {
    const mine = ++generation.current;
    const latest = () => mine === generation.current;
    current.current?.close();
    current.current = null;
    setOpened(null);
    setProblem(null);
    setReading(`Membaca “${file.name}”…`);
    try {
      const workbook = await openWorkbook(file, (text) => {
        if (latest()) setReading(text);
      });
      if (!latest()) return workbook.close();
      current.current = workbook;
      setOpened({ name: file.name, workbook, n: mine });
    } catch (e) {
      if (latest()) setProblem(describeError(e));
    } finally {
      if (latest()) setReading(null);
    }
  };

  const file = <FileSection opened={opened} reading={reading} problem={problem} onFile={(f) => void openFile(f)} />;
  return (
    <div className={styles.page}>
      {opened ? (
        <App key={opened.n} host={opened.workbook.host} workbookName={opened.name}>
          {file}
        </App>
      ) : (
        <main className={pane.root}>
          <Heading />
          {unsupported ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{unsupported}</MessageBarBody>
            </MessageBar>
          ) : (
            file
          )}
        </main>
      )}
    </div>
  );
}
