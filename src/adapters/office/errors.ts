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
  InvalidOperationInCellEditMode: 'Excel sedang menunggu Anda selesai menyunting sebuah sel, jadi tekan Enter atau Esc di sel itu lalu coba lagi',
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

/**
 * Why a dialog could not be opened, by Office's code ("Handle errors and events in the Office dialog
 * box"), as what the user can do about it.
 */
const DIALOG_ERRORS: Record<number, string> = {
  12004:
    'Excel tidak mempercayai alamat dialog Hitung Capaian, jadi dialognya tidak dapat dibuka; beri tahu pengelola TI bahwa dialog harus dilayani dari alamat add-in yang sama (https)',
  12005:
    'Excel tidak mempercayai alamat dialog Hitung Capaian, jadi dialognya tidak dapat dibuka; beri tahu pengelola TI bahwa dialog harus dilayani dari alamat add-in yang sama (https)',
  12007: 'Dialog Hitung Capaian tidak dapat dibuka karena dialog lain dari add-in ini masih terbuka, jadi tutup dialog itu lalu klik tombolnya lagi',
  12009: 'Dialog Hitung Capaian tidak ditampilkan karena Anda memilih untuk mengabaikannya, jadi klik tombolnya lagi dan izinkan dialognya',
  12011:
    'Peramban Anda memblokir jendela munculan (pop-up) dari Excel di web, jadi dialog Hitung Capaian tidak dapat dibuka; izinkan pop-up untuk situs ini lalu klik tombolnya lagi',
};

/** A dialog Office would not open, for the user: one sentence, Office's code behind "Rincian". */
export function dialogProblem(code: number): Problem {
  const pesan = DIALOG_ERRORS[code] ?? 'Dialog Hitung Capaian tidak dapat dibuka, jadi klik Tinjau Hasil dan pakai panelnya';
  return { pesan: sentence(pesan), rincian: `displayDialogAsync: ${code}` };
}
