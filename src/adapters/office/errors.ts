import { InputError, sentence } from '../../core/errors';

/** What went wrong, for the user: one Indonesian sentence, and the technical text behind a "Rincian" toggle. */
export interface Problem {
  pesan: string;
  /** Excel's own code and text (often English), or null when the sentence says everything. */
  rincian: string | null;
}

/**
 * Office.js errors by code (OfficeExtension.ErrorCodes and Excel.ErrorCodes), each as what a
 * clerk can do about it. Codes not listed get the fallback.
 */
const BY_CODE: Record<string, string> = {
  AccessDenied: 'Excel tidak mengizinkan perubahan ini: buku kerja atau lembarnya diproteksi atau hanya-baca, jadi buka proteksinya (Tinjau → Buka Proteksi) lalu coba lagi',
  ActivityLimitReached: 'Excel sedang sibuk dengan terlalu banyak permintaan, jadi tunggu sebentar lalu coba lagi',
  ApiNotFound: 'Versi Excel ini tidak mengenal salah satu perintah yang diperlukan, jadi perbarui Excel atau pakai Excel di web',
  Conflict: 'Buku kerja ini sedang diubah di tempat lain pada saat yang sama, jadi tunggu sebentar lalu coba lagi',
  GeneralException: 'Excel gagal menjalankan permintaan ini, jadi simpan buku kerja, tutup dan buka kembali, lalu coba lagi',
  InsertDeleteConflict: 'Excel tidak dapat menambah atau menghapus lembar saat ini, jadi selesaikan dulu penyuntingan sel lalu coba lagi',
  InvalidArgument: 'Excel menolak salah satu nilai yang dikirim Hitung Capaian, jadi coba lagi, dan bila terulang laporkan bersama rinciannya',
  InvalidOperation: 'Excel tidak dapat melakukan langkah ini pada keadaan buku kerja sekarang, jadi selesaikan dulu penyuntingan sel lalu coba lagi',
  InvalidReference: 'Lembar atau rentang yang dituju tidak ada lagi, jadi jalankan Periksa lembar atau Hitung Capaian sekali lagi',
  ItemAlreadyExists: 'Sudah ada lembar dengan nama yang sama, jadi jalankan Hitung Capaian sekali lagi',
  ItemNotFound: 'Excel tidak menemukan lembar atau bagian buku kerja yang dicari (mungkin sudah dihapus atau diganti namanya), jadi jalankan Hitung Capaian sekali lagi',
  MemoryLimitReached: 'Excel kehabisan memori untuk buku kerja ini, jadi tutup buku kerja lain atau pakai Excel untuk desktop',
  NotImplemented: 'Versi Excel ini belum mendukung salah satu perintah yang diperlukan, jadi perbarui Excel atau pakai Excel di web',
  RequestAborted: 'Permintaan ke Excel terputus, jadi coba lagi',
  RequestPayloadSizeLimitExceeded: 'Hasilnya terlalu besar untuk dikirim sekaligus ke Excel di web, jadi coba di Excel untuk desktop',
  ResponsePayloadSizeLimitExceeded: 'Lembar kerja ini terlalu besar untuk dibaca sekaligus oleh Excel di web, jadi coba di Excel untuk desktop',
  ServiceNotAvailable: 'Layanan Excel sedang tidak tersedia, jadi coba lagi beberapa saat lagi',
  Unauthenticated: 'Sesi Anda di Excel telah berakhir, jadi masuk kembali lalu coba lagi',
  UnsupportedOperation: 'Excel tidak mendukung langkah ini di sini, jadi coba di Excel untuk desktop',
};

const FALLBACK = 'Terjadi galat yang tidak terduga, jadi coba lagi, dan bila terulang laporkan bersama rinciannya';

/**
 * An error as the user reads it, for the task pane and the ribbon alike: our own InputError as it
 * is, an Office.js error by its code, anything else as the fallback; never a stack trace.
 */
export function describeError(e: unknown): Problem {
  if (e instanceof InputError) return { pesan: sentence(e.message), rincian: null };
  const error = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  const code = typeof error?.code === 'string' ? error.code : null;
  const message = typeof error?.message === 'string' ? error.message : String(e);
  const location = typeof error?.debugInfo?.errorLocation === 'string' ? ` (${error.debugInfo.errorLocation})` : '';
  return { pesan: sentence(code !== null && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : FALLBACK), rincian: `${code ? `${code}: ` : ''}${message}${location}` };
}
