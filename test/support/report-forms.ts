/**
 * The budget and kinerja reports offices keep each quarter besides the Renja form, with the Semboro
 * 2024 figures: an LRA (s.d. bulan lalu, bulan ini, s.d. bulan ini), an RFK (realisasi keuangan per
 * triwulan and s.d. triwulan, realisasi fisik), a realisasi per triwulan with nothing cumulative,
 * and a PK with its realisasi per triwulan; each in the variants they are kept in.
 */
import { CellValue } from '../../src/core/grid';
import { FormItem, FormSheet, SEMBORO_FORM } from './renja-form';

export type BudgetLayout = 'lra' | 'rfk' | 'triwulan';

export interface ReportVariant {
  layout: BudgetLayout;
  unit: 'rupiah' | 'ribu-judul' | 'ribu-kolom';
  numberRow: boolean;
  /** A row of units (`(Rp)`, `(%)`) under the header. */
  unitRow: boolean;
  /** The kode in its own column, or in front of the name. */
  kode: 'column' | 'leading';
}

const letter = (c: number) => String.fromCharCode(65 + c);

const ITEMS: FormItem[] = SEMBORO_FORM.flatMap((s) => s.items);

/** Parents summed from their children, as the report adds them up. */
function money(items: FormItem[]): Map<FormItem, { anggaran: bigint; realisasi: bigint }> {
  const out = new Map<FormItem, { anggaran: bigint; realisasi: bigint }>();
  const rank = { program: 0, kegiatan: 1, subKegiatan: 2 };
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.anggaran !== undefined) {
      out.set(item, { anggaran: item.anggaran, realisasi: item.realisasi! });
      continue;
    }
    const t = { anggaran: 0n, realisasi: 0n };
    for (let j = i + 1; j < items.length && rank[items[j].level] > rank[item.level]; j++) {
      if (rank[items[j].level] !== rank[item.level] + 1) continue;
      t.anggaran += out.get(items[j])!.anggaran;
      t.realisasi += out.get(items[j])!.realisasi;
    }
    out.set(item, t);
  }
  return out;
}

/** An amount as the report writes it: rupiah, or thousands with three decimals. */
const amount = (rupiah: bigint, v: ReportVariant): number => (v.unit === 'rupiah' ? Number(rupiah) : Number(rupiah) / 1000);

/** The realisasi of a year in quarters: 20, 25, 25 % and the rest. */
function quarters(r: bigint): bigint[] {
  const a = (r * 20n) / 100n;
  const b = (r * 25n) / 100n;
  return [a, b, b, r - a - 2n * b];
}

/** A budget report of the Semboro items in the layout and variant given. */
export function budgetReport(v: ReportVariant): FormSheet {
  const rp = v.unit === 'ribu-kolom' ? ' (Rp 000)' : v.unit === 'rupiah' ? ' (Rp)' : '';
  const codeCols = v.kode === 'column' ? ['Kode'] : [];
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  rows.push(['LAPORAN REALISASI ANGGARAN KECAMATAN SEMBORO']);
  rows.push([v.unit === 'ribu-judul' ? 'Triwulan IV Tahun Anggaran 2024 (dalam ribuan rupiah)' : 'Triwulan IV Tahun Anggaran 2024']);
  rows.push([]);
  const single = [...codeCols, 'Uraian', `Anggaran${rp}`];
  const h = rows.length;
  let subs: string[] = [];
  if (v.layout === 'lra') {
    rows.push([...single, `Realisasi s.d. Bulan Lalu${rp}`, `Realisasi Bulan Ini${rp}`, `Realisasi s.d. Bulan Ini${rp}`, `Sisa Anggaran${rp}`, '%']);
  } else {
    subs = v.layout === 'rfk' ? ['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV', 's.d. Triwulan IV'] : ['I', 'II', 'III', 'IV'];
    const top: CellValue[] = [...single, `Realisasi Keuangan${rp}`, ...subs.slice(1).map(() => null), ...(v.layout === 'rfk' ? ['Realisasi Fisik (%)'] : [])];
    rows.push(top);
    rows.push([...single.map(() => null), ...subs, ...(v.layout === 'rfk' ? [null] : [])]);
    single.forEach((_, c) => merges.push(`${letter(c)}${h + 1}:${letter(c)}${h + 2}`));
    merges.push(`${letter(single.length)}${h + 1}:${letter(single.length + subs.length - 1)}${h + 1}`);
    if (v.layout === 'rfk') merges.push(`${letter(single.length + subs.length)}${h + 1}:${letter(single.length + subs.length)}${h + 2}`);
  }
  const width = rows[rows.length - 1].length;
  if (v.unitRow) rows.push(Array.from({ length: width }, (_, c) => (c < codeCols.length + 1 ? null : rows[h][c] === '%' || rows[h][c] === 'Realisasi Fisik (%)' ? '(%)' : '(Rp)')));
  if (v.numberRow) rows.push(Array.from({ length: width }, (_, c) => String(c + 1)));
  const sums = money(ITEMS);
  const line = (item: FormItem | null, label: string, t: { anggaran: bigint; realisasi: bigint }) => {
    const name = item && v.kode === 'leading' ? `${item.kode} ${label}` : label;
    const lead = [...(v.kode === 'column' ? [item?.kode ?? null] : []), name, amount(t.anggaran, v)];
    if (v.layout === 'lra') {
      const [q1, q2, q3, q4] = quarters(t.realisasi);
      rows.push([
        ...lead,
        amount(q1 + q2 + q3, v),
        amount(q4, v),
        amount(t.realisasi, v),
        amount(t.anggaran - t.realisasi, v),
        Number(((Number(t.realisasi) / Number(t.anggaran)) * 100).toFixed(2)),
      ]);
    } else {
      const q = quarters(t.realisasi).map((x) => amount(x, v));
      rows.push([...lead, ...q, ...(v.layout === 'rfk' ? [amount(t.realisasi, v), 95] : [])]);
    }
  };
  for (const item of ITEMS) line(item, item.nama, sums.get(item)!);
  const total = [...sums]
    .filter(([i]) => i.level === 'program')
    .reduce((a, [, t]) => ({ anggaran: a.anggaran + t.anggaran, realisasi: a.realisasi + t.realisasi }), { anggaran: 0n, realisasi: 0n });
  line(null, 'JUMLAH', total);
  rows.push(['Sumber: BPKAD Kabupaten Jember']);
  return { name: 'Realisasi TW IV', rows, merges, formats: {} };
}

/** The DPA beside a budget report: the same items and anggaran. */
export function dpaSheet(): FormSheet {
  const sums = money(ITEMS);
  return {
    name: 'DPA 2024',
    rows: [['Kode', 'Uraian', 'Anggaran'], ...ITEMS.map((i) => [i.kode, i.nama, Number(sums.get(i)!.anggaran)])],
    merges: [],
    formats: {},
  };
}

export const BUDGET_VARIANTS: ReportVariant[] = (['lra', 'rfk', 'triwulan'] as BudgetLayout[]).flatMap((layout) =>
  (['rupiah', 'ribu-judul', 'ribu-kolom'] as const).flatMap((unit) =>
    [true, false].flatMap((numberRow) => [true, false].flatMap((unitRow) => (['column', 'leading'] as const).map((kode) => ({ layout, unit, numberRow, unitRow, kode })))),
  ),
);

export type KinerjaLayout = 'tahunan' | 'kumulatif' | 'triwulan';

export interface KinerjaVariant {
  layout: KinerjaLayout;
  sasaran: 'merged' | 'repeated';
  numberRow: boolean;
  /** JUMLAH-like lines merged over the label columns under the table: a rata-rata and a predikat. */
  summaryRows: boolean;
}

/** The Semboro indikator: the year's realisasi, and per triwulan as each kind is written (a count per quarter, an index or a percentage as it stood). */
const PK: { sasaran: string; nama: string; target: CellValue; tw: CellValue[]; realisasi: CellValue }[] = [
  { sasaran: 'Meningkatnya penataan organisasi', nama: 'Jumlah Dokumen Penataan Organisasi', target: 4, tw: [1, 1, 1, 1], realisasi: 4 },
  { sasaran: 'Meningkatnya Kepuasan Masyarakat', nama: 'Indeks Kepuasan Masyarakat', target: 90, tw: [84.1, 85, 86.2, 83.57], realisasi: 83.57 },
  { sasaran: 'Meningkatnya Fasilitasi Kesejahteraan', nama: 'Persentase Fasilitasi Kesejahteraan', target: '100%', tw: ['25%', '50%', '75%', '100%'], realisasi: '100%' },
  { sasaran: 'Meningkatnya Fasilitasi Kesejahteraan', nama: 'Jumlah Desa yang Difasilitasi', target: 7, tw: [2, 2, 2, 1], realisasi: 7 },
  { sasaran: 'Meningkatnya kualitas pengelolaan keuangan', nama: 'Nilai SAKIP OPD', target: 'BB (74)', tw: [null, null, null, 'A (80,60)'], realisasi: 'A (80,60)' },
];

export const PK_EXPECTED = ['100.00', '92.86', '100.00', '100.00', '108.92'];

/** A PK sheet of the Semboro indikator in the layout and variant given. */
export function kinerjaReport(v: KinerjaVariant): FormSheet {
  const rows: CellValue[][] = [['PERJANJIAN KINERJA DAN REALISASI TAHUN 2024'], []];
  const merges: string[] = [];
  const h = rows.length + 1;
  const tw = ['TW I', 'TW II', 'TW III', 'TW IV'];
  if (v.layout === 'tahunan') rows.push(['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi']);
  else {
    const subs = v.layout === 'kumulatif' ? [...tw, 's.d. TW IV'] : tw;
    rows.push(['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', ...subs.slice(1).map(() => null)]);
    rows.push([null, null, null, null, ...subs]);
    [0, 1, 2, 3].forEach((c) => merges.push(`${letter(c)}${h}:${letter(c)}${h + 1}`));
    merges.push(`E${h}:${letter(3 + subs.length)}${h}`);
  }
  const width = rows[rows.length - 1].length;
  if (v.numberRow) rows.push(Array.from({ length: width }, (_, c) => `(${c + 1})`));
  let first = rows.length;
  PK.forEach((p, i) => {
    const head = i === 0 || PK[i - 1].sasaran !== p.sasaran;
    if (head && i > 0 && v.sasaran === 'merged' && rows.length - first > 1) merges.push(`B${first + 1}:B${rows.length}`);
    if (head) first = rows.length;
    const figures = v.layout === 'tahunan' ? [p.realisasi] : v.layout === 'kumulatif' ? [...p.tw, p.realisasi] : p.tw;
    rows.push([i + 1, head || v.sasaran === 'repeated' ? p.sasaran : null, p.nama, p.target, ...figures]);
  });
  if (v.sasaran === 'merged' && rows.length - first > 1) merges.push(`B${first + 1}:B${rows.length}`);
  if (v.summaryRows) {
    for (const label of ['JUMLAH', 'Rata-rata capaian kinerja']) {
      rows.push([label, null, null, null, null]);
      merges.push(`A${rows.length}:C${rows.length}`);
    }
  }
  return { name: 'PK 2024', rows, merges, formats: {} };
}

export const KINERJA_VARIANTS: KinerjaVariant[] = (['tahunan', 'kumulatif', 'triwulan'] as KinerjaLayout[]).flatMap((layout) =>
  (['merged', 'repeated'] as const).flatMap((sasaran) => [true, false].flatMap((numberRow) => [true, false].map((summaryRows) => ({ layout, sasaran, numberRow, summaryRows })))),
);
