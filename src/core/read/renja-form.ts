/**
 * The Permendagri 86/2017 form “Evaluasi terhadap Hasil Renja Perangkat Daerah”: one sheet holding
 * the anggaran, the realisasi of each triwulan and the kinerja of programs, kegiatan and sub
 * kegiatan. Its column groups are told by their words (or, failing that, by the column-number row
 * under the header), each split into a K (kinerja) and an Rp column; the form is then read as a
 * budget sheet and a kinerja sheet over the same rows.
 */
import { CellValue, cellText } from '../grid';
import { AmountUnit, BudgetRole, HeaderMatch, isColumnNumberingRow, isUnitRow, KinerjaRole, unitIn, yearIn } from './header';

/** The form's column groups, by the number the regulation gives them. */
type Group = 'targetRenstra' | 'realisasiRenstraLalu' | 'target' | 'triwulan' | 'realisasi' | 'capaian' | 'realisasiRenstra' | 'capaianRenstra';

const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A group by its words; the order of the tests matters (a Renstra group also says “realisasi”). */
function groupOf(text: string): Group | null {
  const h = key(text);
  if (/triwulan|\btw\b/.test(h) && /realisasi/.test(h)) return 'triwulan';
  const renstra = /renstra|rpjmd|akhir periode/.test(h);
  if (/tingkat capaian|capaian.*\(%\)|\(%\)/.test(h)) return renstra ? 'capaianRenstra' : 'capaian';
  if (/target/.test(h)) return renstra ? 'targetRenstra' : 'target';
  if (/realisasi/.test(h)) {
    if (/lalu|sebelum/.test(h)) return 'realisasiRenstraLalu';
    return renstra ? 'realisasiRenstra' : 'realisasi';
  }
  return null;
}

/** The group a column number names (`13 = 9+10+11+12` → realisasi), for headers whose words say too little. */
const BY_NUMBER: Record<number, Group> = {
  6: 'targetRenstra',
  7: 'realisasiRenstraLalu',
  8: 'target',
  9: 'triwulan',
  10: 'triwulan',
  11: 'triwulan',
  12: 'triwulan',
  13: 'realisasi',
  14: 'capaian',
  15: 'realisasiRenstra',
  16: 'capaianRenstra',
};

/** Under each group: the kinerja (K) or the money (Rp). */
function leafOf(text: string): 'k' | 'rp' | null {
  const h = key(text);
  if (/^\(?k\)?$|^kinerja$|^fisik$/.test(h)) return 'k';
  if (/^\(?rp|rupiah|anggaran|keuangan|^\(000\)$/.test(h)) return 'rp';
  return null;
}

export interface RenjaForm {
  /** The grid rows of the header, the row of K and Rp included. */
  row: number;
  height: number;
  texts: string[];
  nomor?: number;
  sasaran?: number;
  /** The kode, whole in one column or split over several (urusan/bidang, program, kegiatan, sub kegiatan). */
  kode: number[];
  uraian: number;
  indikator: number;
  k: { targetRenstra?: number; target: number; triwulan: number[]; realisasi?: number; capaian?: number };
  rp: { target?: number; triwulan: number[]; realisasi?: number; capaian?: number };
  /** What the Rp columns are written in, when not rupiah. */
  unit: AmountUnit | null;
  /** The evaluated year, as the target group's header says it (`Tahun Berjalan (2024)`). */
  year: number | null;
}

const SCAN_ROWS = 40;

/** The form's header at or after `from` (or exactly at `forcedRow`), or null when the sheet is not the form. */
export function findRenjaForm(values: CellValue[][], forcedRow?: number): RenjaForm | null {
  const last = forcedRow ?? Math.min(values.length - 1, SCAN_ROWS);
  for (let r = forcedRow ?? 0; r <= last; r++) {
    if (!(values[r] ?? []).some((v) => cellText(v ?? null) !== '')) continue;
    for (let h = 1; h <= 3 && r + h < values.length; h++) {
      const units = values[r + h] ?? [];
      const above = values[r + h - 1] ?? [];
      const own = (c: number) => (cellText(units[c] ?? null) === cellText(above[c] ?? null) ? '' : cellText(units[c] ?? null));
      if (!isUnitRow(units, above) || !units.some((_, c) => leafOf(own(c)) === 'k')) continue;
      const form = readForm(values, r, h);
      if (form) return form;
    }
  }
  return null;
}

function readForm(values: CellValue[][], r: number, h: number): RenjaForm | null {
  let width = 0;
  for (let i = r; i <= r + h + 1 && i < values.length; i++) width = Math.max(width, values[i]?.length ?? 0);
  const leafText = (c: number) => {
    const t = cellText(values[r + h]?.[c] ?? null);
    return t === cellText(values[r + h - 1]?.[c] ?? null) ? '' : t;
  };
  const texts: string[] = [];
  const groups: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let i = r; i < r + h; i++) {
      const t = cellText(values[i]?.[c] ?? null);
      if (t && t !== parts[parts.length - 1]) parts.push(t);
    }
    groups.push(parts.join(' '));
    texts.push([...parts, leafText(c)].filter((t) => t !== '').join(' '));
  }
  const numbers = values[r + h + 1] && isColumnNumberingRow(values[r + h + 1]) ? values[r + h + 1] : null;
  const numberAt = (c: number) => {
    const m = /^\(?(\d{1,2})\b/.exec(cellText(numbers?.[c] ?? null));
    return m ? Number(m[1]) : null;
  };

  const find = (test: (h: string) => boolean) => {
    const c = groups.findIndex((g) => test(key(g)));
    return c < 0 ? undefined : c;
  };
  const indikator = find((g) => /indikator/.test(g));
  const kodeFirst = find((g) => /^kode\b|^kd\b/.test(g));
  const kode = kodeFirst === undefined ? [] : groups.map((g, c) => (g === groups[kodeFirst] ? c : -1)).filter((c) => c >= 0);
  const uraian = find((g) => /program|kegiatan|urusan|uraian/.test(g) && !/indikator|^kode\b|sasaran/.test(g) && groupOf(g) === null);
  if (indikator === undefined || uraian === undefined) return null;

  const form: Omit<RenjaForm, 'k'> & { k: Omit<RenjaForm['k'], 'target'> & { target?: number } } = {
    row: r,
    height: h + 1,
    texts,
    nomor: find((g) => /^(no|nomor)\.?$/.test(g)),
    sasaran: find((g) => /sasaran/.test(g) && !/indikator/.test(g)),
    kode,
    uraian,
    indikator,
    k: { triwulan: [] },
    rp: { triwulan: [] },
    unit: null,
    year: null,
  };
  let targetText = '';
  for (let c = 0; c < width; c++) {
    const leaf = leafOf(leafText(c));
    const number = numberAt(c);
    const group = groupOf(groups[c]) ?? (number === null ? null : (BY_NUMBER[number] ?? null));
    if (leaf === null || group === null) continue;
    const side = form[leaf];
    if (group === 'triwulan') side.triwulan.push(c);
    else if (group === 'target' || group === 'realisasi' || group === 'capaian') side[group] ??= c;
    else if (group === 'targetRenstra' && leaf === 'k') form.k.targetRenstra ??= c;
    if (group === 'target' && !targetText) targetText = groups[c];
    if (leaf === 'rp') form.unit ??= unitIn(leafText(c)) ?? unitIn(groups[c]);
  }
  const target = form.k.target;
  if (target === undefined || (form.k.realisasi === undefined && form.k.triwulan.length === 0)) return null;
  return { ...form, k: { ...form.k, target }, year: yearIn(targetText) };
}

/** The form read as a budget sheet: anggaran from the year's Rp, realisasi from column 13's, its % from column 14's. */
export function formBudgetHeader(form: RenjaForm): HeaderMatch<BudgetRole> | null {
  if (form.rp.target === undefined && form.rp.realisasi === undefined) return null;
  const columns: Partial<Record<BudgetRole, number>> = { uraian: form.uraian };
  if (form.kode.length > 0) columns.kode = form.kode[0];
  else if (form.nomor !== undefined) columns.nomor = form.nomor;
  if (form.rp.target !== undefined) columns.anggaran = form.rp.target;
  if (form.rp.realisasi !== undefined) columns.realisasi = form.rp.realisasi;
  if (form.rp.capaian !== undefined) columns.persen = form.rp.capaian;
  const units = new Map<number, AmountUnit>();
  if (form.unit) for (const c of [form.rp.target, form.rp.realisasi, ...form.rp.triwulan]) if (c !== undefined) units.set(c, form.unit);
  return formHeader(form, columns, form.rp.triwulan, units, form.kode.length > 1 ? form.kode : undefined);
}

/** One side of the form as a header: its columns, its four triwulan, its units. */
function formHeader<R extends string>(
  form: RenjaForm,
  columns: Partial<Record<R, number>>,
  triwulan: number[],
  units: Map<number, AmountUnit>,
  kodeColumns: number[] | undefined,
): HeaderMatch<R> {
  return {
    row: form.row,
    height: form.height,
    columns,
    texts: form.texts,
    years: [],
    periods: triwulan.map((col, i) => ({ col, label: `Triwulan ${['I', 'II', 'III', 'IV'][i] ?? i + 1}`, order: (i + 1) * 3, measure: 'realisasi' as const })),
    units,
    kodeColumns,
    form: true,
  };
}

/** The form read as a kinerja sheet: target from column 8's K, realisasi from column 13's K, as written. */
export function formKinerjaHeader(form: RenjaForm): HeaderMatch<KinerjaRole> {
  const columns: Partial<Record<KinerjaRole, number>> = { indikator: form.indikator, target: form.k.target, pendukung: form.uraian };
  if (form.nomor !== undefined) columns.nomor = form.nomor;
  if (form.sasaran !== undefined) columns.sasaran = form.sasaran;
  if (form.k.realisasi !== undefined) columns.realisasi = form.k.realisasi;
  if (form.k.capaian !== undefined) columns.capaian = form.k.capaian;
  if (form.k.targetRenstra !== undefined) columns.targetRenstra = form.k.targetRenstra;
  return formHeader(form, columns, form.k.triwulan, new Map(), form.kode.length > 0 ? form.kode : undefined);
}
