import { Button, Caption1, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DragEvent, useEffect, useRef, useState } from 'react';
import { describeError, Problem } from '../adapters/office/errors';
import { App, Heading } from '../taskpane/App';
import { LiveRegion, NoticeBar } from '../taskpane/Notice';
import { useStyles as usePaneStyles } from '../taskpane/styles';
import { browserProblem } from './browsers';
import { OpenedWorkbook, openWorkbook } from './worker-host';
import { BookFile, RekapDone, rekapFiles, RekapProgress } from './rekap-host';
import { downloadBlob } from '../taskpane/host';
import { Rekap } from './Rekap';
import { bookOrder, isBookFile } from '../core/rekap/book';

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

/** A recap under way or done. */
interface Recap {
  count: number;
  progress: RekapProgress | null;
  done: RekapDone | null;
}

interface Opened {
  name: string;
  workbook: OpenedWorkbook;
  /** The open it came from, so that the pane starts afresh for each file. */
  n: number;
}

/** Whether this browser lets a page choose a folder (every browser the page runs in does, through this attribute). */
const FOLDERS = typeof HTMLInputElement !== 'undefined' && 'webkitdirectory' in HTMLInputElement.prototype;

/** A file's path inside the folder chosen, without the folder's own name: `dinkes/lkjip.xlsx`. */
const insideFolder = (relative: string) => relative.slice(relative.indexOf('/') + 1);

/** The files of a folder dropped on the page, each with its path inside it, subfolders included. */
async function filesIn(entry: FileSystemEntry, path: string): Promise<BookFile[]> {
  if (entry.isFile) {
    if (!isBookFile(entry.name)) return [];
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, berkas: path }];
  }
  if (!entry.isDirectory || entry.name.startsWith('.')) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const entries: FileSystemEntry[] = [];
  // A directory's entries come in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  return (await Promise.all(entries.map((e) => filesIn(e, path === '' ? e.name : `${path}/${e.name}`)))).flat();
}

/** What was dropped: files as they are, a folder's books with their paths inside it. */
async function droppedFiles(data: DataTransfer): Promise<{ files: BookFile[]; folder: boolean }> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some((e) => e?.isDirectory)) return { files: [...data.files].map((file) => ({ file, berkas: file.name })), folder: false };
  // One folder: paths inside it, as the command line names a folder's books; several things: each under its own name.
  const alone = entries.length === 1;
  const found = await Promise.all(entries.map((e) => (e === null ? [] : filesIn(e, alone && e.isDirectory ? '' : e.name))));
  return { files: found.flat(), folder: true };
}

/**
 * Where the user opens or drops a workbook, and what became of it: reading, opened, or one sentence
 * why not. It takes no file while one is being read. Where the control that chose the file has
 * gone with the page it was on (the focus fallen to the page itself), the focus comes here.
 */
function FileSection({
  opened,
  reading,
  recapping,
  problem,
  onFiles,
}: {
  opened: Opened | null;
  reading: string | null;
  recapping: boolean;
  problem: Problem | null;
  /** `rekap`: several files, or a folder, for a recap; otherwise one workbook to open. */
  onFiles: (files: BookFile[], rekap: boolean) => void;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = reading !== null || recapping;
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
    if (!busy) void droppedFiles(e.dataTransfer).then(({ files, folder }) => onFiles(files, folder || files.length > 1));
  };
  const status = problem?.pesan ?? reading ?? (opened ? `“${opened.name}” terbuka: ${opened.workbook.sheets} lembar kerja.` : '');
  const invitation = busy
    ? 'Tunggu sampai berkas ini selesai dibaca.'
    : opened
      ? `“${opened.name}” terbuka. Seret berkas lain ke sini, atau`
      : 'Seret berkas .xlsx atau .xlsm ke sini (beberapa berkas atau satu folder untuk rekap), atau';
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
        <div className={pane.row}>
          <Button appearance={opened ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabledFocusable={busy}>
            {opened ? 'Buka berkas lain…' : 'Pilih berkas…'}
          </Button>
          {FOLDERS && (
            <Button onClick={() => folder.current?.click()} disabledFocusable={busy}>
              Rekap satu folder…
            </Button>
          )}
        </div>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          data-testid="berkas"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].map((file) => ({ file, berkas: file.name }));
            e.target.value = '';
            if (files.length > 0) onFiles(files, files.length > 1);
          }}
        />
        <input
          ref={folder}
          type="file"
          hidden
          data-testid="folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].flatMap((file) => (isBookFile(file.name) ? [{ file, berkas: insideFolder(file.webkitRelativePath || file.name) }] : []));
            e.target.value = '';
            onFiles(files, true);
          }}
        />
      </div>
      <Caption1>
        Berkas dibaca dan dihitung di komputer ini saja; tidak ada yang dikirim ke mana pun. Berkas Anda tidak diubah: hasilnya menjadi salinan buku kerja untuk diunduh. Beberapa
        berkas sekaligus, atau satu folder, menjadi rekap perangkat daerah.
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
  const [recap, setRecap] = useState<Recap | null>(null);
  const [unsupported] = useState(browserProblem);
  const current = useRef<{ close(): void } | null>(null);
  /**
   * Counts the opens and recaps. A file can still arrive while another is read (a file dialog opened
   * before), and the later one wins: one overtaken by another is closed and ignored when it ends.
   */
  const generation = useRef(0);

  const start = () => {
    const mine = ++generation.current;
    current.current?.close();
    current.current = null;
    setOpened(null);
    setRecap(null);
    setProblem(null);
    return { mine, latest: () => mine === generation.current };
  };

  const openFile = async (file: File) => {
    const { mine, latest } = start();
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

  const rekapAll = async (given: BookFile[]) => {
    const { latest } = start();
    const files = [...given].sort((a, b) => bookOrder(a.berkas, b.berkas));
    if (files.length === 0) return setProblem({ pesan: 'Di folder itu tidak ada buku kerja (.xlsx atau .xlsm) untuk direkap.', rincian: null });
    const running = rekapFiles(files, (progress) => {
      if (latest()) setRecap((r) => r && { ...r, progress });
    });
    current.current = running;
    setRecap({ count: files.length, progress: null, done: null });
    try {
      const done = await running.done;
      if (latest()) setRecap((r) => r && { ...r, done });
    } catch (e) {
      if (latest()) {
        setRecap(null);
        setProblem(describeError(e));
      }
    }
  };

  const file = (
    <FileSection
      opened={opened}
      reading={reading}
      recapping={recap !== null && recap.done === null}
      problem={problem}
      onFiles={(files, rekap) => void (rekap ? rekapAll(files) : openFile(files[0].file))}
    />
  );
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
          {recap && (
            <Rekap
              count={recap.count}
              progress={recap.progress}
              done={recap.done}
              onDocx={() => void recap.done?.docx.make().then((blob) => downloadBlob(recap.done!.docx.name, blob))}
            />
          )}
        </main>
      )}
    </div>
  );
}
