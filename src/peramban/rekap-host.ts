import { buildDocx, DOCX_TYPE } from '../adapters/docx/build-docx';
import { BukuRekap, failedBook } from '../core/rekap/book';
import { Rekap } from '../core/rekap/rekap';
import { ResultCopy } from '../taskpane/host';
import { PageWorker, startWorker } from './worker-host';

/**
 * A recap of several books in the page: workers (as many as the computer has cores, at most four)
 * each read and compute one book at a time, as the command line's `rekap` does; nothing leaves the
 * computer. One of them writes the recap's workbook; the Word document is made here on demand.
 */

/** A file the user gave, and how the recap names it (its path inside the folder chosen). */
export interface BookFile {
  file: File;
  berkas: string;
}

export interface RekapProgress {
  selesai: number;
  dari: number;
  /** The book just done. */
  buku: BukuRekap;
  /** Seconds left, guessed from the books done so far; null after the last. */
  sisa: number | null;
}

export interface RekapDone {
  rekap: Rekap;
  /** The workbook of the recap's sheets and the JSON. */
  files: ResultCopy['files'];
  docx: { name: string; make: () => Promise<Blob> };
}

const MAX_WORKERS = 4;

/** `rekap-2024.xlsx`, or `rekap.xlsx` when no book says its year. */
const fileName = (tahun: number | null, extension: string) => `rekap${tahun === null ? '' : `-${tahun}`}${extension}`;

export interface RunningRekap {
  done: Promise<RekapDone>;
  /** Stops every worker: a recap overtaken by another. */
  close(): void;
}

export function rekapFiles(files: BookFile[], progress: (p: RekapProgress) => void): RunningRekap {
  const lanes: PageWorker[] = [];
  let closed = false;
  const close = () => {
    closed = true;
    lanes.splice(0).forEach((w) => w.close());
  };
  const run = async (): Promise<RekapDone> => {
    const count = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, MAX_WORKERS, files.length));
    for (let i = 0; i < count; i++) lanes.push(startWorker());
    const books: BukuRekap[] = [];
    const start = performance.now();
    let next = 0;
    let selesai = 0;
    await Promise.all(
      lanes.map(async (_, lane) => {
        while (next < files.length && !closed) {
          const i = next++;
          const { file, berkas } = files[i];
          try {
            books[i] = await lanes[lane].ask({ type: 'rekap-buku', file, berkas, settings: {} });
          } catch (e) {
            // A worker that failed (out of memory, say) answers nothing more: the book says why, a new worker goes on.
            books[i] = failedBook(berkas, e);
            lanes[lane].close();
            if (!closed) lanes[lane] = startWorker();
          }
          selesai++;
          const elapsed = (performance.now() - start) / 1000;
          progress({ selesai, dari: files.length, buku: books[i], sisa: selesai < files.length ? (elapsed / selesai) * (files.length - selesai) : null });
        }
      }),
    );
    const written = await lanes[0].ask({ type: 'rekap-tulis', books, settings: {} });
    close();
    const tahun = written.rekap.tahun;
    return {
      rekap: written.rekap,
      files: [
        {
          label: 'Unduh rekap (.xlsx)',
          name: fileName(tahun, '.xlsx'),
          data: new Blob([written.workbook as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
        },
        { label: 'Unduh rekap (.json)', name: fileName(tahun, '.json'), data: new Blob([written.json], { type: 'application/json' }) },
      ],
      docx: {
        name: fileName(tahun, '.docx'),
        make: async () => new Blob([(await buildDocx(written.docxTables, written.warning)) as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }),
      },
    };
  };
  const done = run();
  done.catch(close);
  return { done, close };
}
