/**
 * The Permendagri 86/2017 form "Evaluasi terhadap Hasil Renja Perangkat Daerah" as offices fill it,
 * with the Semboro 2024 figures, in the variants the form is kept in: kode whole or split over
 * columns, amounts in rupiah, thousands or millions, with or without the column-number row, sasaran
 * merged down or repeated, K and Rp in either order. Every variant holds the same book, so every
 * variant must give the same figures.
 */
import { CellValue, Grid } from '../../src/core/grid';
import { parseAddress, Rect } from '../../src/core/rect';

export interface Outcome {
  nama: string;
  satuan: string;
  target: CellValue;
  /** Kinerja per triwulan, as written (an index is not summed). */
  tw: [CellValue, CellValue, CellValue, CellValue];
  realisasi: CellValue;
  renstra?: CellValue;
}

export interface FormItem {
  level: 'program' | 'kegiatan' | 'subKegiatan';
  kode: string;
  nama: string;
  indikator: Outcome[];
  /** Leaves only: rupiah; parents are summed when the form is written. */
  anggaran?: bigint;
  realisasi?: bigint;
}

export interface FormSasaran {
  nama: string;
  items: FormItem[];
}

const output = (nama: string, satuan: string, target: number, realisasi: number): Outcome => {
  const q = Math.floor(realisasi / 4);
  return { nama, satuan, target, tw: [q, q, q, realisasi - 3 * q], realisasi };
};
const percentage = (nama: string, tw: [number, number, number, number], target = 100): Outcome => ({ nama, satuan: '%', target, tw, realisasi: tw[3] });

/** Semboro 2024: four sasaran, each served by one program (the DPA's figures, the LRA's realisasi). */
export const SEMBORO_FORM: FormSasaran[] = [
  {
    nama: 'Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan',
    items: [
      {
        level: 'program',
        kode: '7.01.02',
        nama: 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK',
        indikator: [{ nama: 'Indeks Kepuasan Masyarakat', satuan: 'Indeks', target: 90, tw: [84.1, 85, 86.2, 83.57], realisasi: 83.57, renstra: 90 }],
      },
      {
        level: 'kegiatan',
        kode: '7.01.02.2.01',
        nama: 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan',
        indikator: [output('Jumlah Laporan Hasil Koordinasi Penyelenggaraan Kegiatan Pemerintahan', 'Laporan', 12, 12)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.02.2.01.0002',
        nama: 'Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan',
        indikator: [output('Jumlah Laporan Efektivitas Kegiatan Pemerintahan', 'Laporan', 4, 3)],
        anggaran: 560320000n,
        realisasi: 558400000n,
      },
      {
        level: 'kegiatan',
        kode: '7.01.02.2.02',
        nama: 'Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat',
        indikator: [output('Jumlah Urusan yang Dilaksanakan', 'Urusan', 5, 5)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.02.2.02.0001',
        nama: 'Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan',
        indikator: [output('Jumlah Dokumen Pelaksanaan Kewenangan yang Dilimpahkan', 'Dokumen', 4, 4)],
        anggaran: 48759200n,
        realisasi: 48698480n,
      },
    ],
  },
  {
    nama: 'Meningkatnya Fasilitasi Kesejahteraan Masyarakat Kecamatan',
    items: [
      {
        level: 'program',
        kode: '7.01.03',
        nama: 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN',
        indikator: [percentage('Persentase Fasilitasi Kesejahteraan Masyarakat yang Dilaksanakan', [25, 50, 75, 100])],
      },
      {
        level: 'kegiatan',
        kode: '7.01.03.2.01',
        nama: 'Koordinasi Kegiatan Pemberdayaan Desa',
        indikator: [output('Jumlah Desa yang Difasilitasi', 'Desa', 7, 7)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.03.2.01.0001',
        nama: 'Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa',
        indikator: [output('Jumlah Forum Musrenbang Desa yang Difasilitasi', 'Forum', 7, 7)],
        anggaran: 3960000n,
        realisasi: 3600000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.03.2.01.0003',
        nama: 'Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan',
        indikator: [output('Jumlah Kegiatan Pemberdayaan Masyarakat', 'Kegiatan', 12, 12)],
        anggaran: 160128000n,
        realisasi: 129160000n,
      },
    ],
  },
  {
    nama: 'Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan',
    items: [
      {
        level: 'program',
        kode: '7.01.04',
        nama: 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM',
        indikator: [percentage('Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum', [100, 100, 100, 100])],
      },
      {
        level: 'kegiatan',
        kode: '7.01.04.2.01',
        nama: 'Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum',
        indikator: [output('Jumlah Laporan Koordinasi Ketentraman dan Ketertiban Umum', 'Laporan', 12, 12)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.04.2.01.0002',
        nama: 'Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan',
        indikator: [output('Jumlah Kegiatan Sinergitas', 'Kegiatan', 24, 24)],
        anggaran: 420925600n,
        realisasi: 397891640n,
      },
    ],
  },
  {
    nama: 'Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah',
    items: [
      {
        level: 'program',
        kode: '7.01.01',
        nama: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
        indikator: [
          percentage('Persentase Indikator Program yang Tercapai', [100, 100, 100, 100]),
          { nama: 'Nilai SAKIP Perangkat Daerah', satuan: 'Nilai', target: 'BB (74)', tw: [null, null, null, 'A (80,60)'], realisasi: 'A (80,60)', renstra: 'A (80)' },
        ],
      },
      { level: 'kegiatan', kode: '7.01.01.1.02', nama: 'Administrasi Keuangan Perangkat Daerah', indikator: [output('Jumlah Laporan Keuangan', 'Laporan', 12, 12)] },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.02.0001',
        nama: 'Penyediaan Gaji dan Tunjangan ASN',
        indikator: [output('Jumlah Orang yang Menerima Gaji dan Tunjangan ASN', 'Orang/Bulan', 540, 528)],
        anggaran: 2162907781n,
        realisasi: 1911915924n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.02.0003',
        nama: 'Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD',
        indikator: [output('Jumlah Dokumen Penatausahaan Keuangan', 'Dokumen', 12, 12)],
        anggaran: 95720000n,
        realisasi: 95720000n,
      },
      { level: 'kegiatan', kode: '7.01.01.1.05', nama: 'Administrasi Kepegawaian Perangkat Daerah', indikator: [output('Jumlah Dokumen Kepegawaian', 'Dokumen', 1, 1)] },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.05.0002',
        nama: 'Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya',
        indikator: [output('Jumlah Paket Pakaian Dinas', 'Paket', 30, 30)],
        anggaran: 12000000n,
        realisasi: 11700000n,
      },
      { level: 'kegiatan', kode: '7.01.01.1.06', nama: 'Administrasi Umum Perangkat Daerah', indikator: [output('Jumlah Laporan Administrasi Umum', 'Laporan', 12, 12)] },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.06.0001',
        nama: 'Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor',
        indikator: [output('Jumlah Paket Komponen Instalasi Listrik', 'Paket', 1, 1)],
        anggaran: 1524000n,
        realisasi: 1450000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.06.0002',
        nama: 'Penyediaan Peralatan dan Perlengkapan Kantor',
        indikator: [output('Jumlah Paket Peralatan dan Perlengkapan Kantor', 'Paket', 2, 2)],
        anggaran: 107552700n,
        realisasi: 103135000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.06.0004',
        nama: 'Penyediaan Bahan Logistik Kantor',
        indikator: [output('Jumlah Paket Bahan Logistik Kantor', 'Paket', 12, 12)],
        anggaran: 103135100n,
        realisasi: 81990100n,
      },
      {
        level: 'kegiatan',
        kode: '7.01.01.1.08',
        nama: 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah',
        indikator: [output('Jumlah Laporan Penyediaan Jasa Penunjang', 'Laporan', 12, 12)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.08.0002',
        nama: 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik',
        indikator: [output('Jumlah Laporan Jasa Komunikasi, Air dan Listrik', 'Laporan', 12, 12)],
        anggaran: 37425000n,
        realisasi: 33175770n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.08.0003',
        nama: 'Penyediaan Jasa Peralatan dan Perlengkapan Kantor',
        indikator: [output('Jumlah Laporan Jasa Peralatan Kantor', 'Laporan', 12, 12)],
        anggaran: 15000000n,
        realisasi: 12600000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.08.0004',
        nama: 'Penyediaan Jasa Pelayanan Umum Kantor',
        indikator: [output('Jumlah Laporan Jasa Pelayanan Umum Kantor', 'Laporan', 12, 12)],
        anggaran: 92158400n,
        realisasi: 87698480n,
      },
      {
        level: 'kegiatan',
        kode: '7.01.01.1.09',
        nama: 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah',
        indikator: [output('Jumlah Laporan Pemeliharaan Barang Milik Daerah', 'Laporan', 12, 12)],
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.09.0001',
        nama: 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan',
        indikator: [output('Jumlah Kendaraan Dinas Jabatan yang Dipelihara', 'Unit', 2, 2)],
        anggaran: 40786400n,
        realisasi: 38600000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.09.0002',
        nama: 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan',
        indikator: [output('Jumlah Kendaraan Dinas Operasional yang Dipelihara', 'Unit', 4, 4)],
        anggaran: 23786400n,
        realisasi: 21600000n,
      },
      {
        level: 'subKegiatan',
        kode: '7.01.01.1.09.0009',
        nama: 'Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya',
        indikator: [output('Jumlah Gedung Kantor yang Dipelihara', 'Unit', 1, 1)],
        anggaran: 8419200n,
        realisasi: 8261000n,
      },
    ],
  },
];

/** What every variant of SEMBORO_FORM must give (hand-computed from the figures above). */
export const SEMBORO_FORM_EXPECTED = {
  tahun: 2024,
  anggaran: '3894507781',
  realisasi: '3545596394',
  serapan: '91.04',
  program: [
    { nama: 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK', anggaran: '609079200', realisasi: '607098480', serapan: '99.67' },
    { nama: 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN', anggaran: '164088000', realisasi: '132760000', serapan: '80.91' },
    { nama: 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM', anggaran: '420925600', realisasi: '397891640', serapan: '94.53' },
    { nama: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', anggaran: '2700414981', realisasi: '2407846274', serapan: '89.17' },
  ],
  /** Program (outcome) indikator only: 83,57/90 = 92,86; 100; 100; 100 and 108,92 capped at 100. */
  sasaran: [
    { capaian: '92.86', efisiensi: 'Tidak efisien', indikator: ['92.86'] },
    { capaian: '100.00', efisiensi: 'Efisien', indikator: ['100.00'] },
    { capaian: '100.00', efisiensi: 'Efisien', indikator: ['100.00'] },
    { capaian: '100.00', efisiensi: 'Efisien', indikator: ['100.00', '108.92'] },
  ],
  /** (92,857… + 4 × 100) / 5. */
  rataRataCapaian: '98.57',
  /** Kegiatan and sub kegiatan (output) indikator: computed, listed, never averaged into a sasaran. */
  keluaran: 26,
};

export type KodeLayout = 'whole' | 'split4' | 'split5' | 'split5-own';
export type Unit = 'rupiah' | 'ribu' | 'juta';

export interface FormVariant {
  kode: KodeLayout;
  unit: Unit;
  numberRow: boolean;
  /** The sasaran merged down over its rows, repeated on each, or written on its first row only. */
  sasaran: 'merged' | 'repeated' | 'first';
  /** An item with several indikator: its kode, name and amounts merged down over their rows. */
  itemMerged: boolean;
  /** K then Rp under each period, or Rp then K. */
  order: 'K-Rp' | 'Rp-K';
  /** Amounts as numbers, or as Indonesian text (`2.700.414.981`). */
  amounts: 'number' | 'text';
  /** A row for the urusan/bidang above the programs (7.01 KECAMATAN). */
  bidangRow: boolean;
}

export const STANDARD_VARIANT: FormVariant = {
  kode: 'whole',
  unit: 'rupiah',
  numberRow: true,
  sasaran: 'merged',
  itemMerged: false,
  order: 'K-Rp',
  amounts: 'number',
  bidangRow: false,
};

export interface FormSheet {
  name: string;
  rows: CellValue[][];
  /** A1 ranges. */
  merges: string[];
  formats: Record<string, string>;
}

const UNIT_HEADER: Record<Unit, string> = { rupiah: 'Rp', ribu: 'Rp. (000)', juta: 'Rp (Juta)' };
const UNIT_DIVISOR: Record<Unit, bigint> = { rupiah: 1n, ribu: 1000n, juta: 1000000n };

function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const range = (r1: number, c1: number, r2: number, c2: number) => `${columnLetter(c1)}${r1 + 1}:${columnLetter(c2)}${r2 + 1}`;

/** An amount in the form's unit: exact as a spreadsheet number (15 digits), or as Indonesian text. */
function amountCell(rupiah: bigint, variant: FormVariant): CellValue {
  const d = UNIT_DIVISOR[variant.unit];
  const whole = rupiah / d;
  const frac = rupiah % d;
  const fracDigits =
    d === 1n
      ? ''
      : frac
          .toString()
          .padStart(d.toString().length - 1, '0')
          .replace(/0+$/, '');
  if (variant.amounts === 'number') return Number(fracDigits ? `${whole}.${fracDigits}` : `${whole}`);
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fracDigits ? `${grouped},${fracDigits}` : grouped;
}

interface Totals {
  anggaran: bigint;
  realisasi: bigint;
  tw: [bigint, bigint, bigint, bigint];
}

/** Realisasi per triwulan: 20 %, 25 %, 25 %, the rest, in whole rupiah. */
function quarters(realisasi: bigint): [bigint, bigint, bigint, bigint] {
  const a = (realisasi * 20n) / 100n;
  const b = (realisasi * 25n) / 100n;
  return [a, b, b, realisasi - a - 2n * b];
}

/** Each item's money: leaves as given, parents the sum of their children (the form adds them up). */
function totals(items: FormItem[]): Map<FormItem, Totals> {
  const out = new Map<FormItem, Totals>();
  const rank = { program: 0, kegiatan: 1, subKegiatan: 2 };
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.anggaran !== undefined) {
      out.set(item, { anggaran: item.anggaran, realisasi: item.realisasi!, tw: quarters(item.realisasi!) });
      continue;
    }
    const t: Totals = { anggaran: 0n, realisasi: 0n, tw: [0n, 0n, 0n, 0n] };
    for (let j = i + 1; j < items.length && rank[items[j].level] > rank[item.level]; j++) {
      if (rank[items[j].level] !== rank[item.level] + 1) continue;
      const c = out.get(items[j])!;
      t.anggaran += c.anggaran;
      t.realisasi += c.realisasi;
      c.tw.forEach((q, k) => (t.tw[k] += q));
    }
    out.set(item, t);
  }
  return out;
}

/** The kode cells of a row, by layout. */
function kodeCells(kode: string, layout: KodeLayout): string[] {
  const s = kode.split('.');
  const parts = [s.slice(0, 2).join('.'), s[2] ?? '', s.length > 3 ? `${s[3]}.${s[4]}` : '', s[5] ?? ''];
  if (layout === 'whole') return [kode];
  if (layout === 'split4') return parts;
  const five = [s[0], s[1], s[2] ?? '', s.length > 3 ? `${s[3]}.${s[4]}` : '', s[5] ?? ''];
  if (layout === 'split5') return five;
  // Only the row's own segment: its parents' stand on the rows above.
  const own = s.length <= 3 ? 2 : s.length <= 5 ? 3 : 4;
  return five.map((p, i) => (i === own || (s.length <= 3 && i < 3) ? p : ''));
}

const KODE_WIDTH: Record<KodeLayout, number> = { whole: 1, split4: 4, split5: 5, 'split5-own': 5 };

/** Groups 6–16 of the form: each a K and an Rp column. */
const GROUPS = [
  { n: '6', text: 'Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra PD)' },
  { n: '7', text: 'Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2023)' },
  { n: '8', text: 'Target Kinerja dan Anggaran Renja PD Tahun Berjalan (2024) yang Dievaluasi' },
  { n: '9', text: 'I' },
  { n: '10', text: 'II' },
  { n: '11', text: 'III' },
  { n: '12', text: 'IV' },
  { n: '13 = 9+10+11+12', text: 'Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi' },
  { n: '14 = 13/8 x 100%', text: 'Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD yang Dievaluasi (%)' },
  { n: '15 = 7 + 13', text: 'Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024 (Akhir Tahun Pelaksanaan Renja PD Tahun 2024)' },
  { n: '16 = 15/6 x 100%', text: 'Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2024 (%)' },
];

/** The form as a sheet: title rows, a three-row header, the column numbers, the rows, JUMLAH, the closing rows. */
export function renjaForm(variant: FormVariant = STANDARD_VARIANT, book: FormSasaran[] = SEMBORO_FORM, name = 'Evaluasi Renja'): FormSheet {
  const kw = KODE_WIDTH[variant.kode];
  const col = { no: 0, sasaran: 1, kode: 2, uraian: 2 + kw, indikator: 3 + kw, group: 4 + kw };
  const pair = (g: number) => {
    const left = col.group + 2 * g;
    return variant.order === 'K-Rp' ? { k: left, rp: left + 1 } : { k: left + 1, rp: left };
  };
  const unitCol = col.group + 2 * GROUPS.length;
  const width = unitCol + 2;
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  const blank = () => Array<CellValue>(width).fill(null);
  const add = (cells: CellValue[]) => {
    rows.push(cells);
    return rows.length - 1;
  };
  const line = (text: string) => {
    const r = add(blank());
    rows[r][0] = text;
    merges.push(range(r, 0, r, width - 1));
  };

  line('EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN JEMBER');
  line('RENJA KECAMATAN SEMBORO KABUPATEN JEMBER');
  line('PERIODE PELAKSANAAN : TAHUN 2024');
  line('Indikator dan Target Kinerja Perangkat Daerah Kabupaten yang mengacu pada sasaran RKPD: Meningkatnya kualitas pelayanan publik');
  add(blank());

  // The header: three rows, single headers merged down, the triwulan merged over I–IV, K and Rp below.
  const h = add(blank());
  add(blank());
  add(blank());
  const down = (c: number, text: string) => {
    rows[h][c] = text;
    merges.push(range(h, c, h + 2, c));
  };
  down(col.no, 'No');
  down(col.sasaran, 'Sasaran');
  rows[h][col.kode] = 'Kode';
  if (kw === 1) merges.push(range(h, col.kode, h + 2, col.kode));
  else {
    merges.push(range(h, col.kode, h, col.kode + kw - 1));
    merges.push(range(h + 1, col.kode, h + 2, col.kode + kw - 1));
  }
  down(col.uraian, 'Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan');
  down(col.indikator, 'Indikator Kinerja Program (outcome)/Kegiatan (output)');
  GROUPS.forEach((g, i) => {
    const { k, rp } = pair(i);
    const left = Math.min(k, rp);
    if (i >= 3 && i <= 6) {
      rows[h + 1][left] = g.text;
      merges.push(range(h + 1, left, h + 1, left + 1));
    } else {
      rows[h][left] = g.text;
      merges.push(range(h, left, h + 1, left + 1));
    }
    rows[h + 2][k] = 'K';
    rows[h + 2][rp] = UNIT_HEADER[variant.unit];
  });
  const tw = Math.min(pair(3).k, pair(3).rp);
  rows[h][tw] = 'Realisasi Kinerja Pada Triwulan';
  merges.push(range(h, tw, h, tw + 7));
  down(unitCol, 'Unit Perangkat Daerah Penanggung Jawab');
  down(unitCol + 1, 'Keterangan');

  if (variant.numberRow) {
    const n = add(blank());
    ['1', '2', '3', '4', '5'].forEach((t, i) => (rows[n][[col.no, col.sasaran, col.kode, col.uraian, col.indikator][i]] = t));
    if (kw > 1) merges.push(range(n, col.kode, n, col.kode + kw - 1));
    GROUPS.forEach((g, i) => {
      const left = col.group + 2 * i;
      rows[n][left] = g.n;
      merges.push(range(n, left, n, left + 1));
    });
    rows[n][unitCol] = '17';
    rows[n][unitCol + 1] = '18';
  }

  const money = (r: number, c: number, rupiah: bigint | null) => {
    if (rupiah === null) return;
    rows[r][c] = amountCell(rupiah, variant);
    if (variant.amounts === 'number') formats[`${columnLetter(c)}${r + 1}`] = variant.unit === 'rupiah' ? '#,##0' : '#,##0.000';
  };
  const allItems = book.flatMap((s) => s.items);
  const sums = totals(allItems);
  const grand: Totals = { anggaran: 0n, realisasi: 0n, tw: [0n, 0n, 0n, 0n] };
  for (const item of allItems) {
    if (item.level !== 'program') continue;
    const t = sums.get(item)!;
    grand.anggaran += t.anggaran;
    grand.realisasi += t.realisasi;
    t.tw.forEach((q, k) => (grand.tw[k] += q));
  }

  if (variant.bidangRow) {
    const r = add(blank());
    const bidang: Record<KodeLayout, string[]> = { whole: ['7.01'], split4: ['7.01'], split5: ['7', '01'], 'split5-own': ['7', '01'] };
    bidang[variant.kode].forEach((p, i) => (rows[r][col.kode + i] = p));
    rows[r][col.uraian] = 'KECAMATAN';
    money(r, pair(2).rp, grand.anggaran);
    grand.tw.forEach((q, k) => money(r, pair(3 + k).rp, q));
    money(r, pair(7).rp, grand.realisasi);
  }

  book.forEach((s, si) => {
    const first = rows.length;
    for (const item of s.items) {
      const t = sums.get(item)!;
      item.indikator.forEach((ind, ii) => {
        const r = add(blank());
        if (ii === 0) {
          kodeCells(item.kode, variant.kode).forEach((p, i) => (rows[r][col.kode + i] = p === '' ? null : p));
          rows[r][col.uraian] = item.nama;
          money(r, pair(2).rp, t.anggaran);
          t.tw.forEach((q, k) => money(r, pair(3 + k).rp, q));
          money(r, pair(7).rp, t.realisasi);
          rows[r][pair(8).rp] = Number(((Number(t.realisasi) / Number(t.anggaran)) * 100).toFixed(2));
        }
        rows[r][col.indikator] = ind.nama;
        rows[r][pair(0).k] = ind.renstra ?? null;
        rows[r][pair(2).k] = ind.target;
        ind.tw.forEach((v, k) => (rows[r][pair(3 + k).k] = v));
        rows[r][pair(7).k] = ind.realisasi;
        if (typeof ind.target === 'number' && typeof ind.realisasi === 'number') rows[r][pair(8).k] = Number(((ind.realisasi / ind.target) * 100).toFixed(2));
        rows[r][unitCol] = 'Kecamatan Semboro';
        if (variant.sasaran === 'repeated' || r === first) rows[r][col.sasaran] = s.nama;
        if (variant.sasaran === 'repeated' || r === first) rows[r][col.no] = si + 1;
      });
      const n = item.indikator.length;
      if (variant.itemMerged && n > 1) {
        const top = rows.length - n;
        for (const c of [...Array.from({ length: kw }, (_, i) => col.kode + i), col.uraian, ...[2, 3, 4, 5, 6, 7, 8].map((g) => pair(g).rp)]) {
          merges.push(range(top, c, rows.length - 1, c));
        }
      }
    }
    if (variant.sasaran === 'merged' && rows.length - first > 1) {
      merges.push(range(first, col.no, rows.length - 1, col.no));
      merges.push(range(first, col.sasaran, rows.length - 1, col.sasaran));
    }
  });

  const j = add(blank());
  rows[j][0] = 'JUMLAH';
  merges.push(range(j, 0, j, col.indikator));
  money(j, pair(2).rp, grand.anggaran);
  grand.tw.forEach((q, k) => money(j, pair(3 + k).rp, q));
  money(j, pair(7).rp, grand.realisasi);
  for (const [label, value] of [
    ['Rata-rata capaian kinerja (%)', 96.3],
    ['Predikat kinerja', 'Sangat Tinggi'],
  ] as const) {
    const r = add(blank());
    rows[r][0] = label;
    merges.push(range(r, 0, r, col.indikator));
    rows[r][pair(8).k] = value;
  }
  for (const closing of [
    'Faktor pendorong keberhasilan pencapaian: komitmen pimpinan dan staf',
    'Faktor penghambat pencapaian kinerja: keterbatasan anggaran',
    'Tindak lanjut yang diperlukan dalam triwulan berikutnya: -',
    'Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah kabupaten berikutnya: -',
  ]) {
    const r = add(blank());
    rows[r][0] = closing;
    merges.push(range(r, 0, r, width - 1));
  }
  add(blank());
  const sign = add(blank());
  rows[sign][col.uraian] = 'Disusun';
  rows[sign][pair(7).k] = 'Dievaluasi';
  const place = add(blank());
  rows[place][col.uraian] = 'Semboro, 15 Januari 2025';
  rows[place][pair(7).k] = 'Jember, 20 Januari 2025';
  const who = add(blank());
  rows[who][col.uraian] = 'CAMAT SEMBORO';
  rows[who][pair(7).k] = 'KEPALA BAPPEDA';
  add(blank());
  const nip = add(blank());
  rows[nip][col.uraian] = 'NIP. 19720315 199803 1 007';
  rows[nip][pair(7).k] = 'NIP. 19700101 199503 1 002';
  return { name, rows, merges, formats };
}

/** The form as a grid, as an adapter hands it to the core (merged cells empty but their top-left). */
export function formGrid(form: FormSheet): Grid {
  const at = (a1: string): Rect => {
    const r = parseAddress(a1);
    if (!r) throw new Error(`not a range: ${a1}`);
    return r;
  };
  const numberFormats = form.rows.map((row) => row.map(() => null as string | null));
  for (const [a1, f] of Object.entries(form.formats)) {
    const { row, col } = at(a1);
    numberFormats[row][col] = f;
  }
  return { name: form.name, values: form.rows.map((r) => r.slice()), numberFormats, origin: { row: 0, col: 0 }, merges: form.merges.map(at) };
}

const pick = <T>(values: readonly T[], i: number): T => values[i % values.length];

/** Every variant, for properties over them. */
export const ALL_VARIANTS: FormVariant[] = (['whole', 'split4', 'split5', 'split5-own'] as KodeLayout[]).flatMap((kode) =>
  (['rupiah', 'ribu', 'juta'] as Unit[]).flatMap((unit) =>
    [true, false].flatMap((numberRow) =>
      (['merged', 'repeated', 'first'] as const).flatMap((sasaran) =>
        [false, true].flatMap((itemMerged) =>
          (['K-Rp', 'Rp-K'] as const).flatMap((order) =>
            (['number', 'text'] as const).flatMap((amounts) => [false, true].map((bidangRow) => ({ kode, unit, numberRow, sasaran, itemMerged, order, amounts, bidangRow }))),
          ),
        ),
      ),
    ),
  ),
);

/**
 * A few variants covering every value of every dimension and most pairs: the kode, the unit, the
 * sasaran and merged items in full, the rest turned with them.
 */
export const COVERING_VARIANTS: FormVariant[] = (['whole', 'split4', 'split5', 'split5-own'] as KodeLayout[]).flatMap((kode, k) =>
  (['rupiah', 'ribu', 'juta'] as Unit[]).flatMap((unit, u) =>
    (['merged', 'repeated', 'first'] as const).flatMap((sasaran, s) =>
      [false, true].map((itemMerged, m) => {
        const i = k + u + s + m;
        return {
          kode,
          unit,
          sasaran,
          itemMerged,
          numberRow: pick([true, false], i),
          order: pick(['K-Rp', 'Rp-K'] as const, k + s),
          amounts: pick(['number', 'text'] as const, u + m),
          bidangRow: pick([false, true], k + u),
        };
      }),
    ),
  ),
);
