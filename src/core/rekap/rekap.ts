import { predikatOf } from '../compute/kinerja';
import { Decimal, percent, percentString, plainString, sum } from '../decimal';
import { Settings, withDefaults } from '../settings';
import { BukuRekap } from './book';

/**
 * A kabupaten's recap: every perangkat daerah's book side by side, and the kabupaten's totals.
 * The money is summed exactly; serapan is that of the sums; the rata-rata capaian is the plain mean
 * of the books' own rata-rata, each perangkat daerah counted once whatever its number of indikator.
 */

export interface Jumlah {
  anggaran: Decimal | null;
  realisasi: Decimal | null;
  /** Realisasi of the sums over the books that have both anggaran and realisasi. */
  serapan: Decimal | null;
  rataRataCapaian: Decimal | null;
  predikat: string | null;
  /** How many books each figure is made of. */
  dariAnggaran: number;
  dariRealisasi: number;
  dariCapaian: number;
  belanjaOperasi: { anggaran: Decimal; realisasi: Decimal | null; dari: number } | null;
  belanjaModal: { anggaran: Decimal; realisasi: Decimal | null; dari: number } | null;
}

export interface Rekap {
  buku: BukuRekap[];
  jumlah: Jumlah;
  /** The year most books report on (null when none says it); another year is said beside its book. */
  tahun: number | null;
  /** Pairs of books whose figures are the same (a book and its result copy, or one file given twice). */
  kembar: [number, number][];
  pengaturan: Settings;
}

const read = (b: BukuRekap) => b.kesalahan === null;
const dec = (text: string) => new Decimal(text);

function belanjaSum(books: BukuRekap[], which: 'belanjaOperasi' | 'belanjaModal'): Jumlah['belanjaOperasi'] {
  const withIt = books.filter((b) => b[which] !== null);
  if (withIt.length === 0) return null;
  const realised = withIt.filter((b) => b[which]!.realisasi !== null);
  return {
    anggaran: sum(withIt.map((b) => dec(b[which]!.anggaran))),
    realisasi: realised.length === withIt.length ? sum(realised.map((b) => dec(b[which]!.realisasi!))) : null,
    dari: withIt.length,
  };
}

/** The year most books say, the latest on a tie. */
function commonYear(books: BukuRekap[]): number | null {
  const counts = new Map<number, number>();
  for (const b of books) if (b.tahun !== null) counts.set(b.tahun, (counts.get(b.tahun) ?? 0) + 1);
  let best: number | null = null;
  for (const [tahun, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && tahun > best)) best = tahun;
  return best;
}

const figures = (b: BukuRekap) => [b.nama.toLowerCase(), b.tahun, b.anggaran, b.realisasi, b.rataRataCapaian, b.galat, b.peringatan].join('\n');

/** Books read whose name and figures are all the same: counted twice in the sums unless one is left out. */
function twins(books: BukuRekap[]): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  books.forEach((b, i) => {
    if (!read(b) || (b.anggaran === null && b.rataRataCapaian === null)) return;
    const key = figures(b);
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else out.push([j, i]);
  });
  return out;
}

export function rekap(books: BukuRekap[], settings: Partial<Settings> = {}): Rekap {
  const pengaturan = withDefaults(settings);
  const done = books.filter(read);
  const withAnggaran = done.filter((b) => b.anggaran !== null);
  const withRealisasi = withAnggaran.filter((b) => b.realisasi !== null);
  const withCapaian = done.filter((b) => b.rataRataCapaian !== null);
  const rataRataCapaian = withCapaian.length === 0 ? null : sum(withCapaian.map((b) => dec(b.rataRataCapaian!))).div(withCapaian.length);
  const jumlahRealisasi = withRealisasi.length === 0 ? null : sum(withRealisasi.map((b) => dec(b.realisasi!)));
  return {
    buku: books,
    jumlah: {
      anggaran: withAnggaran.length === 0 ? null : sum(withAnggaran.map((b) => dec(b.anggaran!))),
      realisasi: jumlahRealisasi,
      serapan: jumlahRealisasi === null ? null : percent(jumlahRealisasi, sum(withRealisasi.map((b) => dec(b.anggaran!)))),
      rataRataCapaian,
      predikat: predikatOf(rataRataCapaian, pengaturan),
      dariAnggaran: withAnggaran.length,
      dariRealisasi: withRealisasi.length,
      dariCapaian: withCapaian.length,
      belanjaOperasi: belanjaSum(done, 'belanjaOperasi'),
      belanjaModal: belanjaSum(done, 'belanjaModal'),
    },
    tahun: commonYear(done),
    kembar: twins(books),
    pengaturan,
  };
}

/** The recap's JSON: per book the figures its own run's JSON gives (money exact, percentages with two decimals), and the kabupaten's. */
export interface RekapJson {
  /** Each book's own figures, as its BukuRekap holds them (money and percentages normalised as its run's JSON gives them). */
  opd: Pick<BukuRekap, 'berkas' | 'nama' | 'tahun' | 'anggaran' | 'realisasi' | 'serapan' | 'rataRataCapaian' | 'predikat' | 'galat' | 'peringatan' | 'kesalahan' | 'keraguan'>[];
  jumlah: { anggaran: string | null; realisasi: string | null; serapan: string | null; rataRataCapaian: string | null };
}

const money = (text: string | null) => (text === null ? null : plainString(dec(text)));
const pct = (text: string | null) => (text === null ? null : percentString(dec(text)));

export function rekapJson(r: Rekap): RekapJson {
  const j = r.jumlah;
  return {
    opd: r.buku.map((b) => ({
      berkas: b.berkas,
      nama: b.nama,
      tahun: b.tahun,
      anggaran: money(b.anggaran),
      realisasi: money(b.realisasi),
      serapan: pct(b.serapan),
      rataRataCapaian: pct(b.rataRataCapaian),
      predikat: b.predikat,
      galat: b.galat,
      peringatan: b.peringatan,
      kesalahan: b.kesalahan,
      keraguan: b.keraguan,
    })),
    jumlah: {
      anggaran: j.anggaran && plainString(j.anggaran),
      realisasi: j.realisasi && plainString(j.realisasi),
      serapan: percentString(j.serapan),
      rataRataCapaian: percentString(j.rataRataCapaian),
    },
  };
}
