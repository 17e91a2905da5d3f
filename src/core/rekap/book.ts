import { BelanjaJenis } from '../compute/budget';
import { EngineResult } from '../compute/engine';
import { plainString } from '../decimal';
import { InputError, internalErrorText } from '../errors';
import { countByTingkat, perihalLabel } from '../findings';
import { Workbook } from '../grid';
import { ExistingSheets, resultTableOf, TableId } from '../result-sheets';
import { ReadBook, runHitung } from '../run/run';
import { SettingError, Settings } from '../settings';
import { fileStem, NamaDari, opdName } from './opd';

/**
 * One perangkat daerah's book as the recap holds it. Plain data, figures as exact decimal text, so
 * that it crosses to and from a worker as it is; the recap sums them again as Decimals.
 */
export interface BukuRekap {
  /** The file, as the user named it (or as found in the folder). */
  berkas: string;
  nama: string;
  namaDari: NamaDari;
  /** Other perangkat daerah the title rows name, with the sheet that names each. */
  namaLain: { nama: string; lembar: string }[];
  tahun: number | null;
  anggaran: string | null;
  realisasi: string | null;
  serapan: string | null;
  rataRataCapaian: string | null;
  predikat: string | null;
  sasaran: number;
  indikator: number;
  belanjaOperasi: BelanjaRekap | null;
  belanjaModal: BelanjaRekap | null;
  /** Counts as the book's own run gives them (those past the list's bounds included); null for a book not read. */
  galat: number | null;
  peringatan: number | null;
  /** Galat on the kinerja sheet: the rata-rata capaian rests on them. */
  galatKinerja: number;
  /** The galat as the book's run lists them, the one standing for those past the list's bounds included. */
  daftarGalat: GalatRekap[];
  /** Why a figure cannot be trusted yet, as the book's run says it. */
  keraguan: EngineResult['keraguan'];
  /** Why the book could not be read, in the sentence a run on it alone gives; null when it was read. */
  kesalahan: string | null;
}

export interface BelanjaRekap {
  anggaran: string;
  realisasi: string | null;
}

export interface GalatRekap {
  lembar: string | null;
  sel: string | null;
  /** What it is about, in the words of the Pemeriksaan sheet. */
  jenis: string;
  selisih: string | null;
  /** The selisih is in percentage points. */
  persen: boolean;
  pesan: string;
}

/** The files a folder's recap takes: workbooks, and the kinds a run names and says how to save (.xls, .xlsb, .ods, CSV). */
const BOOK_EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv)$/i;

/** Whether a file found in a folder is one of its books: Excel's lock file of an open book (`~$…`) and hidden files are not. */
export function isBookFile(name: string): boolean {
  return BOOK_EXTENSIONS.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

/** The order a file list shows a folder's books in: folder by folder, names as a person sorts them (`2` before `10`). */
export function bookOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = x[i].localeCompare(y[i], 'id', { numeric: true, sensitivity: 'base' });
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** A book of our recap tables (the recap's own output found among the books), by its record or by its sheets: never an office's book. */
function isRekapBook(workbook: Workbook, existing: Pick<ExistingSheets, 'record'>): boolean {
  const isRekap = (tabel: TableId | null | undefined) => tabel?.startsWith('rekap-') ?? false;
  return existing.record.lembar.some((s) => isRekap(s.tabel)) || workbook.sheets.some((g) => g.origin.row === 0 && g.origin.col === 0 && isRekap(resultTableOf(g.values)));
}

function belanja(jenis: readonly BelanjaJenis[] | undefined, which: BelanjaJenis['jenis']): BelanjaRekap | null {
  const b = jenis?.find((x) => x.jenis === which);
  return b ? { anggaran: plainString(b.anggaran), realisasi: b.realisasi && plainString(b.realisasi) } : null;
}

const exact = (d: { toFixed(): string } | null | undefined) => (d ? d.toFixed() : null);

/** The book's figures as its own run computed them. */
export function summarize(berkas: string, workbook: Workbook, result: EngineResult): BukuRekap {
  const { nama, dari, lain } = opdName(berkas, workbook, result);
  const a = result.anggaran;
  const k = result.kinerja;
  const { galat, peringatan } = countByTingkat(result.temuan);
  const galatList = result.temuan.filter((f) => f.tingkat === 'galat');
  return {
    berkas,
    nama,
    namaDari: dari,
    namaLain: lain,
    tahun: result.tahun,
    anggaran: exact(a?.anggaran),
    realisasi: exact(a?.realisasi),
    serapan: exact(a?.serapan),
    rataRataCapaian: exact(k?.rataRataCapaian),
    predikat: k?.predikat ?? null,
    sasaran: k?.sasaran.length ?? 0,
    indikator: k?.sasaran.reduce((n, s) => n + s.indikator.length, 0) ?? 0,
    belanjaOperasi: belanja(a?.belanja?.jenis, 'operasi'),
    belanjaModal: belanja(a?.belanja?.jenis, 'modal'),
    galat,
    peringatan,
    galatKinerja: galatList.filter((f) => f.lembar !== null && f.lembar === result.lembar.kinerja).reduce((n, f) => n + (f.tidakDicantumkan ?? 1), 0),
    daftarGalat: galatList.map((f) => ({ lembar: f.lembar, sel: f.sel, jenis: perihalLabel(f.perihal), selisih: f.selisih, persen: f.jenis === 'persen', pesan: f.pesan })),
    keraguan: result.keraguan,
    kesalahan: null,
  };
}

/**
 * One book's run for the recap: the single run itself (runHitung, as the command line and the page
 * run a book alone), through a host that reads the book and writes nothing; its figures summed up.
 * Throws what a run on the book alone would throw.
 */
export async function rekapBook(berkas: string, read: () => Promise<ReadBook>, settings: Partial<Settings>): Promise<BukuRekap> {
  let workbook: Workbook | null = null;
  const outcome = await runHitung(
    {
      read: async () => {
        const book = await read();
        if (isRekapBook(book.workbook, book.existing)) throw new InputError(`Berkas “${berkas}” adalah rekap Hitung Capaian, bukan buku kerja perangkat daerah.`);
        workbook = book.workbook;
        return book;
      },
      write: async () => ({ catatan: [] }),
    },
    // As the command line: a sheet of ours the user changed is kept; no sheet is written, so none is laid out.
    { settings, replaceEdited: false, sheets: false },
  );
  if ('edited' in outcome || workbook === null) throw new Error('rekapBook: the run asked a question it was told the answer to');
  return summarize(berkas, workbook, outcome.report.result);
}

/** What a run on the book alone says of the error, without its `Galat:`: each field of a settings error, or the tool's own fault. */
export function kesalahanOf(e: unknown): string {
  if (e instanceof InputError) return [e, ...(e instanceof SettingError ? e.others : [])].map((x) => x.message).join(' ');
  return internalErrorText(e);
}

/** A book that could not be read or computed: its file, and why. */
export function failedBook(berkas: string, e: unknown): BukuRekap {
  return {
    berkas,
    nama: fileStem(berkas),
    namaDari: 'berkas',
    namaLain: [],
    tahun: null,
    anggaran: null,
    realisasi: null,
    serapan: null,
    rataRataCapaian: null,
    predikat: null,
    sasaran: 0,
    indikator: 0,
    belanjaOperasi: null,
    belanjaModal: null,
    galat: null,
    peringatan: null,
    galatKinerja: 0,
    daftarGalat: [],
    keraguan: [],
    kesalahan: kesalahanOf(e),
  };
}
