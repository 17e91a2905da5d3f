import WORKER_SOURCE from 'peramban-worker-source';
import { DOCX_TYPE } from '../adapters/docx/build-docx';
import { Inspection } from '../core/run/plan';
import { downloadBlob, PaneRun, WorkbookHost } from '../taskpane/host';
import { WORKER_FAILED } from './browsers';
import { Answers, fromWire, fromWireError, Message, Request, WorkerRun } from './protocol';

/** A workbook file opened in the page: the pane's host on it, and the worker holding it. */
export interface OpenedWorkbook {
  host: WorkbookHost;
  /** How many worksheets the file has. */
  sheets: number;
  close(): void;
}

/** A worker of the page's own script, and how to ask it: each answer by its request's number, progress as it comes. */
export interface PageWorker {
  ask<T extends Request>(request: T, onProgress?: (text: string) => void): Promise<Answers[T['type']]>;
  close(): void;
}

/**
 * Starts a worker. Its script is in this page's own script and is started from a blob: a page opened
 * from a disk or a shared drive (file://) may not start a worker from a file, and a blob asks nothing
 * of any server.
 */
export function startWorker(): PageWorker {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (text: string) => void }>();
  let next = 0;
  worker.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    const call = pending.get(message.id);
    if (!call) return;
    if ('progress' in message) return call.progress?.(message.progress);
    pending.delete(message.id);
    if ('error' in message) call.reject(fromWireError(message.error));
    else call.resolve(fromWire(message.value));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    for (const call of pending.values()) call.reject(new Error(WORKER_FAILED));
    pending.clear();
  });
  return {
    ask: <T extends Request>(request: T, onProgress?: (text: string) => void) =>
      new Promise<Answers[T['type']]>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress: onProgress });
        worker.postMessage({ id, ...request });
      }),
    close: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

/** Starts a worker and has it read `file`. */
export async function openWorkbook(file: File, progress: (text: string) => void): Promise<OpenedWorkbook> {
  const { ask, close } = startWorker();
  try {
    const { sheets } = await ask({ type: 'open', file }, progress);
    const host: WorkbookHost = {
      problem: null,
      inspect: (settings) => ask({ type: 'inspect', settings }) as Promise<Inspection>,
      hitung: async ({ settings, replaceEdited, progress }) => {
        const outcome = await ask({ type: 'hitung', settings: settings ?? {}, replaceEdited }, progress);
        return 'edited' in outcome ? outcome : paneRun(outcome);
      },
      forgetSettings: null,
      show: null,
      download: downloadBlob,
      // Made in the worker, as the copy is: the page's main thread stays free, and says how far it got.
      docx: async (progress) => new Blob([(await ask({ type: 'docx' }, progress)).bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }),
    };
    return { host, sheets, close };
  } catch (e) {
    close();
    throw e;
  }
}

/** The worker's run as the pane shows it: its files as blobs to download. */
function paneRun({ copy, ...run }: WorkerRun): PaneRun {
  const extension = copy.workbook.name.slice(copy.workbook.name.lastIndexOf('.'));
  return {
    ...run,
    time: new Date(),
    copy: {
      files: [
        {
          label: `Unduh buku kerja dengan hasil (${extension})`,
          name: copy.workbook.name,
          data: new Blob([copy.workbook.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
        },
        { label: 'Unduh hasil (.json)', name: copy.json.name, data: new Blob([copy.json.text], { type: 'application/json' }) },
      ],
      rows: copy.rows,
    },
  };
}
