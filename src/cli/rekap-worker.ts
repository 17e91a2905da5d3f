import { parentPort } from 'worker_threads';
import { bookOf } from './rekap-book';

/** A worker thread of `hitung-capaian rekap`: one book at a time, its summary sent back. */

export interface BookRequest {
  file: string;
  berkas: string;
  settings: Parameters<typeof bookOf>[2];
}

parentPort?.on('message', ({ file, berkas, settings }: BookRequest) => {
  void bookOf(file, berkas, settings).then((book) => parentPort!.postMessage(book));
});
