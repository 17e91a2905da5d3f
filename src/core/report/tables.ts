import { BelanjaFigures, BudgetItem, descendantsAt } from '../compute/budget';
import { Decimal, formatIndonesian, formatPersen, HUNDRED, sum } from '../decimal';
import { Rumus } from '../compute/capaian';
import { EngineResult } from '../compute/engine';
import { IndikatorResult } from '../compute/kinerja';
import { Finding, noFindingsText, perihalLabel, quoted, TINGKAT_LABEL } from '../findings';
import { KinerjaValue } from '../read/kinerja-sheet';
import { RESULT_SHEETS, RESULT_TABLES, TableId, tableRef } from '../result-sheets';
import { JENIS_NAME, labelled, Narasi } from './narrative';
import { centre, Emphasis, empty, left, money, Paragraph, pct, Rect, ResultSheet, right, row, table, Table, TableCell, TableRow, text } from './table';

/**
 * A target or realisasi as written: plain numbers (`90`, `83.57` from a number cell, `85,5` typed)
 * as numbers with the decimals they have, anything else (`4 Dok`, `BB (74)`, `1.234` read as a
 * thousand and more) as the text it is.
 */
function written(v: KinerjaValue | null): TableCell {
  if (!v) return text('-');
  const plain = /^(-?\d+)(?:[.,](\d+))?(%?)$/.exec(v.teks.trim());
  if (plain && v.nilai !== null && v.nilai.eq(`${plain[1]}.${plain[2] ?? '0'}`))
    return { kind: 'number', value: v.nilai, decimals: plain[2]?.length ?? 0, persen: plain[3] === '%' };
  return text(v.teks);
}

/** Two header rows: `single` columns merged down, then `group` over its `subs`. */
function groupedHeader(single: string[], group: string, subs: string[]): Pick<Table, 'header' | 'headerMerges'> {
  return {
    header: [
      [...single, group, ...subs.slice(1).map(() => '')],
      [...single.map(() => ''), ...subs],
    ],
    headerMerges: [...single.map((_, col) => ({ row: 0, col, rows: 2, cols: 1 })), { row: 0, col: single.length, rows: 1, cols: subs.length }],
  };
}

function withYear(title: string, tahun: number | null): string {
  return tahun === null ? title : `${title} Tahun ${tahun}`;
}

/** A table's number and caption as the registry has them, the year added where `tahun` is given. */
function titleOf(id: TableId, tahun: number | null = null): Pick<Table, 'id' | 'nomor' | 'caption'> {
  const t = RESULT_TABLES[id];
  return { id, nomor: t.nomor, caption: withYear(t.caption, tahun) };
}

/** The documents each sheet role stands for, as a report's source line names them. */
const DOCUMENT: Record<'dpa' | 'realisasi' | 'kinerja', string> = {
  kinerja: 'Perjanjian Kinerja dan data capaian kinerja',
  dpa: 'Dokumen Pelaksanaan Anggaran',
  realisasi: 'Laporan Realisasi Anggaran',
};

/** `Sumber: Dokumen Pelaksanaan Anggaran dan Laporan Realisasi Anggaran Tahun 2024, diolah`, as a report writes it. */
function sheetSource(result: EngineResult, ...roles: (keyof typeof DOCUMENT)[]): string | null {
  // One sheet with both anggaran and realisasi is a realisasi report.
  const present = roles.filter((r) => result.lembar[r] !== null && (r !== 'dpa' || result.lembar.dpa !== result.lembar.realisasi));
  if (present.length === 0) return null;
  return `Sumber: ${present.map((r) => DOCUMENT[r]).join(' dan ')}${result.tahun === null ? '' : ` Tahun ${result.tahun}`}, diolah`;
}

function emphasisOf(item: BudgetItem): Emphasis {
  return item.level === 'program' ? 'bold' : item.level === 'subKegiatan' ? 'italic' : 'none';
}

/** Program → kegiatan → sub kegiatan below `item`, in DPA order, with their depth. */
function outline(items: BudgetItem[]): { item: BudgetItem; depth: number; number: string }[] {
  const out: { item: BudgetItem; depth: number; number: string }[] = [];
  const below: Partial<Record<BudgetItem['level'], BudgetItem['level']>> = { program: 'kegiatan', kegiatan: 'subKegiatan' };
  const visit = (item: BudgetItem, depth: number, number: string) => {
    out.push({ item, depth, number });
    const next = below[item.level];
    if (next) descendantsAt(item.children, next).forEach((c, i) => visit(c, depth + 1, `${number}.${i + 1}`));
  };
  items.forEach((item, i) => visit(item, 0, String(i + 1)));
  return out;
}

/**
 * A capaian's formula, with what stands for the target and the realisasi (the columns of Tabel 3.2,
 * `4` and `5`, or words): `5 ÷ 4 × 100`, `(2 × 4 − 5) ÷ 4 × 100` for an arah turun.
 */
export function rumusText(rumus: Rumus, target: string, realisasi: string): string {
  switch (rumus.cara) {
    case 'naik':
    case 'turun': {
      const t = rumus.batas ? `batas ${rumus.batas} ${target}` : target;
      return rumus.cara === 'naik' ? `${realisasi} ÷ ${t} × 100` : `(2 × ${t} − ${realisasi}) ÷ ${t} × 100`;
    }
    case 'dalamRentang':
      return `100: ${realisasi} di dalam rentang ${target}`;
    case 'skalaTercapai':
      return `100: tingkat ${realisasi} ≥ tingkat ${target}`;
    case 'skala':
      return `tingkat ${realisasi} ÷ tingkat ${target} × 100`;
  }
}

const sameRumus = (a: Rumus | null, b: Rumus | null) => JSON.stringify(a) === JSON.stringify(b);

/** What a table's formulas rest on beyond the figures it shows: the levels of each scale used, the lower bound of each letter grade. */
function rumusLegend(indikator: IndikatorResult[]): string[] {
  const out: string[] = [];
  const scales = [...new Set(indikator.filter((i) => i.aturan === 'skala').map((i) => i.skala!))];
  for (const s of scales) out.push(`Tingkat pada skala ${s.nama}: ${s.tingkat.map((names, level) => `${names[0]} = ${level + 1}`).join(', ')}`);
  const letters = new Map<string, string>();
  // Only the letters a formula of the table computed with: a letter compared on its scale needs no bound.
  const byNumber = (r: Rumus | null) => r?.cara === 'naik' || r?.cara === 'turun';
  for (const i of indikator) {
    const used = [...(byNumber(i.rumus) ? [i.target, i.realisasi] : []), ...(byNumber(i.rumusRenstra) ? [i.targetRenstra, i.realisasi] : [])];
    for (const v of used) if (v?.dariHuruf && v.huruf && v.nilai) letters.set(v.huruf, angka(v.nilai));
  }
  if (letters.size > 0) out.push(`Nilai huruf tanpa angka dihitung dengan batas bawahnya: ${[...letters].map(([h, n]) => `${h} = ${n}`).join(', ')}`);
  return out;
}

const angka = (d: Decimal) => formatIndonesian(d, d.decimalPlaces());

/**
 * The average row's label and formula: whether the cap changed it, the uncapped average beside it
 * where it did, and a word where the shown figures, rounded, average to another last digit.
 */
function rataRata(result: EngineResult, column: string): { label: string; rumus: string } {
  const k = result.kinerja!;
  const cap = result.pengaturan.batasCapaian;
  const values = k.sasaran.flatMap((s) => s.indikator).flatMap((i) => (i.capaian === null ? [] : [i.capaian]));
  const over = cap === null ? [] : values.filter((v) => v.gt(cap));
  const label =
    cap === null
      ? 'Rata-rata capaian kinerja (tanpa batas)'
      : over.length === 0
        ? `Rata-rata capaian kinerja (tidak ada capaian di atas ${cap}%)`
        : `Rata-rata capaian kinerja (capaian di atas ${cap}% dihitung ${cap}%)`;
  const shown = values.map((v) => (cap === null ? v : Decimal.min(v, cap)).toDecimalPlaces(2));
  const fromShown = shown.length === 0 ? null : sum(shown).div(shown.length).toDecimalPlaces(2);
  const parts = [`rata-rata kolom ${column}`];
  if (k.rataRataCapaian !== null && fromShown !== null && !fromShown.eq(k.rataRataCapaian.toDecimalPlaces(2))) parts[0] += ' sebelum dibulatkan';
  if (over.length > 0 && k.rataRataTanpaBatas !== null) parts.push(`tanpa batas: ${formatPersen(k.rataRataTanpaBatas)}`);
  return { label, rumus: parts.join('; ') };
}

function pengukuranKinerja(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || k.sasaran.length === 0) return null;
  // The Renstra's columns only where the kinerja sheet gives a Renstra target.
  const renstra = k.sasaran.some((s) => s.indikator.some((ind) => ind.targetRenstra !== null));
  /** The formula of column 6, and of column 9 where it differs. */
  const rumusOf = (ind: IndikatorResult): TableCell => {
    const parts = ind.rumus ? [rumusText(ind.rumus, '4', '5')] : [];
    if (renstra && ind.rumusRenstra && !sameRumus(ind.rumus, ind.rumusRenstra)) parts.push(`kolom 9: ${rumusText(ind.rumusRenstra, '8', '5')}`);
    return text(parts.length === 0 ? '-' : parts.join('; '));
  };
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  k.sasaran.forEach((s, i) => {
    const first = rows.length;
    s.indikator.forEach((ind, j) =>
      rows.push(
        row([
          j === 0 ? text(String(i + 1)) : empty,
          j === 0 ? text(s.nama) : empty,
          text(ind.nama),
          written(ind.target),
          written(ind.realisasi),
          pct(ind.capaian),
          rumusOf(ind),
          ...(renstra ? [written(ind.targetRenstra), pct(ind.capaianRenstra)] : []),
        ]),
      ),
    );
    if (s.indikator.length > 1) merges.push({ row: first, col: 0, rows: s.indikator.length, cols: 1 }, { row: first, col: 1, rows: s.indikator.length, cols: 1 });
  });
  const last = rows.length;
  const average = rataRata(result, '6');
  rows.push(
    row([text(average.label), empty, empty, empty, empty, pct(k.rataRataCapaian), text(average.rumus), ...(renstra ? [empty, empty] : [])], { emphasis: 'bold', total: true }),
  );
  merges.push({ row: last, col: 0, rows: 1, cols: 5 });
  const tahun = result.tahun ?? '';
  const indikator = k.sasaran.flatMap((s) => s.indikator);
  return table({
    ...titleOf('pengukuran-kinerja', result.tahun),
    header: [
      [
        'No',
        'Sasaran Strategis',
        'Indikator Sasaran',
        `Target ${tahun}`.trim(),
        `Realisasi ${tahun}`.trim(),
        'Tingkat Capaian Kinerja (%)',
        'Rumus Kolom 6',
        ...(renstra ? ['Target Akhir Renstra', 'Tingkat Capaian terhadap Target Akhir Renstra (%)'] : []),
      ],
      ['1', '2', '3', '4', '5', '6', '7', ...(renstra ? ['8', '9 (rumus kolom 7, target 8)'] : [])],
    ],
    columns: [centre(5), left(30), left(30), centre(11), centre(11), right(12), left(20), ...(renstra ? [centre(11), right(14)] : [])],
    rows,
    merges,
    nameColumn: 1,
    source: [sheetSource(result, 'kinerja'), ...rumusLegend(indikator)].filter((x) => x !== null).join('. '),
    orientation: renstra ? 'landscape' : 'portrait',
  });
}

/** A form's kegiatan and sub kegiatan indikator, each under its item: computed, never averaged into a sasaran. */
function kinerjaKeluaran(result: EngineResult): Table | null {
  const keluaran = result.kinerja?.keluaran ?? [];
  if (keluaran.length === 0) return null;
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  let number = 0;
  for (let i = 0; i < keluaran.length;) {
    const { item } = keluaran[i];
    let j = i;
    while (j < keluaran.length && keluaran[j].item.ref === item.ref) j++;
    number++;
    keluaran
      .slice(i, j)
      .forEach(({ indikator }, k) =>
        rows.push(
          row(
            [
              k === 0 ? text(String(number)) : empty,
              k === 0 ? text(item.kode ? `${item.kode} ${item.nama}` : item.nama) : empty,
              text(indikator.nama),
              written(indikator.target),
              written(indikator.realisasi),
              pct(indikator.capaian),
              text(indikator.rumus ? rumusText(indikator.rumus, 'target', 'realisasi') : '-'),
            ],
            { level: item.level === 'subKegiatan' ? 1 : 0, emphasis: item.level === 'subKegiatan' ? 'italic' : 'none' },
          ),
        ),
      );
    if (j - i > 1) merges.push({ row: rows.length - (j - i), col: 0, rows: j - i, cols: 1 }, { row: rows.length - (j - i), col: 1, rows: j - i, cols: 1 });
    i = j;
  }
  const tahun = result.tahun ?? '';
  return table({
    ...titleOf('kinerja-keluaran', result.tahun),
    header: [['No', 'Program/Kegiatan/Sub Kegiatan', 'Indikator Kinerja Keluaran', `Target ${tahun}`.trim(), `Realisasi ${tahun}`.trim(), 'Tingkat Capaian (%)', 'Rumus Capaian']],
    columns: [centre(5), left(36), left(32), centre(11), centre(11), right(12), left(18)],
    rows,
    merges,
    nameColumn: 1,
    source: [
      sheetSource(result, 'kinerja'),
      `Indikator keluaran kegiatan dan sub kegiatan tidak ikut dalam capaian sasaran (${tableRef('pengukuran-kinerja')}), yang dihitung dari indikator program (hasil)`,
      ...rumusLegend(keluaran.map((k) => k.indikator)),
    ]
      .filter((x) => x !== null)
      .join('. '),
    orientation: 'landscape',
  });
}

function perbandinganTahun(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || result.tahunLalu.length === 0) return null;
  const years = [...result.tahunLalu.map(String), result.tahun === null ? 'Tahun ini' : String(result.tahun)];
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  k.sasaran.forEach((s) => {
    const first = rows.length;
    s.indikator.forEach((ind, j) => rows.push(row([j === 0 ? text(s.nama) : empty, text(ind.nama), ...ind.realisasiLalu.map((y) => written(y.nilai)), written(ind.realisasi)])));
    if (s.indikator.length > 1) merges.push({ row: first, col: 0, rows: s.indikator.length, cols: 1 });
  });
  return table({
    ...titleOf('perbandingan-tahun'),
    caption: `${RESULT_TABLES['perbandingan-tahun'].caption} ${result.tahun === null ? 'Tahun Ini' : `Tahun ${result.tahun}`} dengan Tahun Sebelumnya`,
    ...groupedHeader(['Sasaran Strategis', 'Indikator Sasaran'], 'Realisasi', years),
    columns: [left(36), left(36), ...years.map(() => centre(11))],
    rows,
    merges,
    nameColumn: 0,
    source: sheetSource(result, 'kinerja'),
    orientation: years.length > 4 ? 'landscape' : 'portrait',
  });
}

function programPendukung(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || !result.anggaran) return null;
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  for (const s of k.sasaran) {
    if (s.pendukung.length === 0) continue;
    const first = rows.length;
    for (const { item, depth } of outline(s.pendukung)) {
      rows.push(
        row([rows.length === first ? text(`Sasaran ${s.nomor}: ${s.nama}`) : empty, text(labelled(item)), money(item.anggaran), money(item.realisasi), pct(item.serapan)], {
          level: depth,
          emphasis: emphasisOf(item),
        }),
      );
    }
    merges.push({ row: first, col: 0, rows: rows.length - first, cols: 1 });
    merges.push({ row: rows.length, col: 0, rows: 1, cols: 2 });
    rows.push(row([text('TOTAL'), empty, money(s.anggaran), money(s.realisasi), pct(s.serapan)], { emphasis: 'bold', total: true }));
  }
  if (rows.length === 0) return null;
  return table({
    ...titleOf('program-pendukung'),
    header: [['Sasaran', 'Program/Kegiatan/Sub Kegiatan Pendukung Sasaran', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Serapan Anggaran']],
    // The sasaran stands merged over all its rows: its column can be narrow, the names' column wide;
    // on a portrait page the names would wrap to seven lines.
    columns: [left(18), left(58), right(17), right(17), right(11)],
    rows,
    merges,
    nameColumn: 1,
    source: sheetSource(result, 'kinerja', 'dpa', 'realisasi'),
    orientation: 'landscape',
  });
}

function efisiensi(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || !result.anggaran) return null;
  const rows = k.sasaran.filter((s) => s.efisiensi !== null).map((s) => row([text(`${s.nomor}. ${s.nama}`), pct(s.capaian), pct(s.serapan), text(s.efisiensi!)]));
  if (rows.length === 0) return null;
  const threshold = new Decimal(result.pengaturan.ambangEfisiensi);
  const ambang = formatIndonesian(threshold, threshold.decimalPlaces());
  const rule =
    result.pengaturan.efisiensi === 'sederhana'
      ? 'Efisien bila % capaian ≥ % serapan'
      : `Selisih capaian − serapan: > ${ambang} poin persen Efisien, ±${ambang} poin persen Cukup efisien`;
  return table({
    ...titleOf('efisiensi'),
    header: [['Sasaran', '% Capaian Kinerja', '% Serapan Anggaran', 'Kategori Efisiensi']],
    columns: [left(56), right(13), right(13), centre(15)],
    rows,
    nameColumn: 0,
    source: `Sumber: % capaian kinerja sasaran dari ${tableRef('predikat')}, % serapan anggaran dari ${tableRef('program-pendukung')} (${rule})`,
  });
}

/** The predikat bands as a reviewer checks them: `Sangat Tinggi ≥ 90; Tinggi ≥ 76; …; Sangat Rendah < 51`. */
function bandRule(bands: EngineResult['pengaturan']['predikat']): string {
  return bands
    .map((b, i) => (b.min === Number.NEGATIVE_INFINITY ? `${b.nama} < ${angka(new Decimal(bands[i - 1]?.min ?? 0))}` : `${b.nama} ≥ ${angka(new Decimal(b.min))}`))
    .join('; ');
}

function predikat(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || k.sasaran.length === 0) return null;
  const bands = result.pengaturan.predikat.map((b) => b.nama);
  const width = 2 + bands.length;
  const checks = (p: string | null) => bands.map((b): TableCell => (b === p ? { kind: 'check' } : empty));
  const cap = result.pengaturan.batasCapaian;
  /** An average's label, saying so where the cap changed it: the capaian above it are shown as they are. */
  const average = (label: string, indikator: IndikatorResult[]) =>
    cap !== null && indikator.some((i) => i.capaian?.gt(cap)) ? `${label} (capaian di atas ${cap}% dihitung ${cap}%)` : label;
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  k.sasaran.forEach((s, i) => {
    merges.push({ row: rows.length, col: 0, rows: 1, cols: width });
    // A sasaran's rows stay on one page, down to its rata-rata.
    rows.push(row([text(`Sasaran ${i + 1}: ${s.nama}`), ...Array<TableCell>(width - 1).fill(empty)], { emphasis: 'bold', keepWithNext: true }));
    s.indikator.forEach((ind, j) =>
      rows.push(row([text(`Indikator ${i + 1}.${j + 1}: ${ind.nama}`), pct(ind.capaian), ...checks(ind.predikat)], { level: 1, keepWithNext: true })),
    );
    rows.push(row([text(average('Rata-rata capaian sasaran', s.indikator)), pct(s.capaian), ...checks(s.predikat)], { level: 1, emphasis: 'italic' }));
  });
  const all = k.sasaran.flatMap((s) => s.indikator);
  rows.push(row([text(average('Rata-rata capaian seluruh indikator', all)), pct(k.rataRataCapaian), ...checks(k.predikat)], { emphasis: 'bold', total: true }));
  return table({
    ...titleOf('predikat', result.tahun),
    ...groupedHeader(['Sasaran/Indikator Sasaran', '% Capaian'], 'Predikat Kinerja', bands),
    columns: [left(48), right(11), ...bands.map(() => centre(9))],
    rows,
    merges,
    nameColumn: 0,
    source: `Sumber: ${tableRef('pengukuran-kinerja')}. Predikat menurut % capaian: ${bandRule(result.pengaturan.predikat)}`,
  });
}

function realisasiAnggaran(result: EngineResult): Table | null {
  const a = result.anggaran;
  if (!a) return null;
  const rows = outline(a.program).map(({ item, depth, number }) =>
    row([text(number), text(labelled(item)), money(item.anggaran), money(item.realisasi), pct(item.serapan)], {
      level: depth,
      emphasis: emphasisOf(item),
    }),
  );
  rows.push(row([empty, text('JUMLAH'), money(a.anggaran), money(a.realisasi), pct(a.serapan)], { emphasis: 'bold', total: true }));
  return table({
    ...titleOf('realisasi-anggaran', result.tahun),
    header: [['No', 'Program/Kegiatan/Sub Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)', '% Realisasi']],
    columns: [centre(7), left(58), right(17), right(17), right(11)],
    rows,
    nameColumn: 1,
    source: sheetSource(result, 'dpa', 'realisasi'),
    // On a portrait page the names wrapped to five lines beside the figures.
    orientation: 'landscape',
  });
}

function belanjaOperasiModal(result: EngineResult): Table | null {
  const belanja = result.anggaran?.belanja;
  if (!belanja) return null;
  const figures = (name: string, f: BelanjaFigures) => [text(name), money(f.anggaran), pct(f.porsi), money(f.realisasi), pct(f.serapan)];
  const rows = belanja.jenis.map((b) => row(figures(JENIS_NAME[b.jenis], b)));
  rows.push(row(figures('JUMLAH', belanja.jumlah), { emphasis: 'bold', total: true }));
  return table({
    ...titleOf('belanja-operasi-modal', result.tahun),
    header: [['Jenis Belanja', 'Anggaran (Rp)', '% dari Total Anggaran', 'Realisasi (Rp)', '% Realisasi']],
    columns: [left(30), right(17), right(12), right(17), right(11)],
    rows,
    nameColumn: 0,
    source: sheetSource(result, 'dpa', 'realisasi'),
  });
}

function alokasiAnggaran(result: EngineResult): Table | null {
  const k = result.kinerja;
  const a = result.anggaran;
  if (!k || !a) return null;
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  const supported = k.sasaran.filter((s) => s.pendukung.length > 0);
  if (supported.length === 0) return null;
  for (const s of supported) {
    const first = rows.length;
    s.pendukung.forEach((item, i) =>
      rows.push(row([i === 0 ? text(`Sasaran ${s.nomor}: ${s.nama}`) : empty, text(labelled(item)), money(item.anggaran), pct(s.alokasiPendukung[i])])),
    );
    if (s.pendukung.length > 1) {
      merges.push({ row: first, col: 0, rows: s.pendukung.length + 1, cols: 1 });
      rows.push(row([empty, text('Jumlah sasaran'), money(s.anggaran), pct(s.alokasi)], { emphasis: 'italic' }));
    }
  }
  merges.push({ row: rows.length, col: 0, rows: 1, cols: 2 });
  rows.push(row([text('Jumlah dialokasikan ke sasaran'), empty, money(k.alokasi?.anggaran ?? null), pct(k.alokasi?.porsi ?? null)], { emphasis: 'bold', total: true }));
  merges.push({ row: rows.length, col: 0, rows: 1, cols: 2 });
  rows.push(row([text('Total anggaran'), empty, money(a.anggaran), pct(a.anggaran.isZero() ? null : HUNDRED)], { emphasis: 'bold', total: true }));
  return table({
    ...titleOf('alokasi-anggaran', result.tahun),
    header: [['Sasaran', 'Program/Kegiatan Pendukung', 'Anggaran (Rp)', '% dari Total Anggaran']],
    columns: [left(40), left(44), right(17), right(12)],
    rows,
    merges,
    nameColumn: 1,
    source: sheetSource(result, 'kinerja', 'dpa'),
  });
}

function findingAmount(f: Finding, value: string | null): TableCell {
  if (value === null) return empty;
  // A text written where a figure belongs is shown as quoted in the message: cut to fit a cell.
  if (!/^-?\d+(\.\d+)?$/.test(value)) return text(quoted(value).slice(1, -1));
  return f.jenis === 'persen' ? { kind: 'percent', value: new Decimal(value) } : { kind: 'money', value: new Decimal(value) };
}

function pemeriksaan(result: EngineResult): Table {
  const rows = result.temuan.map((f) =>
    row([
      text(TINGKAT_LABEL[f.tingkat]),
      text(perihalLabel(f.perihal)),
      text(f.lembar ?? ''),
      f.lembar && f.sel ? { kind: 'link', value: f.sel, lembar: f.lembar, sel: f.sel } : empty,
      findingAmount(f, f.tertulis),
      findingAmount(f, f.seharusnya),
      findingAmount(f, f.selisih),
      text(f.pesan),
    ]),
  );
  if (rows.length === 0) rows.push(row([text(noFindingsText(result.lembar)), ...Array<TableCell>(7).fill(empty)]));
  return table({
    ...titleOf('pemeriksaan'),
    header: [['Tingkat', 'Jenis', 'Lembar', 'Sel', 'Tertulis', 'Seharusnya', 'Selisih (tertulis − seharusnya)', 'Pesan']],
    columns: [left(11), left(14), left(16), centre(7), right(15), right(15), right(14), left(70)],
    rows,
    merges: result.temuan.length === 0 ? [{ row: 0, col: 0, rows: 1, cols: 8 }] : [],
    nameColumn: 7,
    source: result.catatan.length > 0 ? `Catatan: ${result.catatan.join(' ')}` : null,
    orientation: 'landscape',
  });
}

/** Where each part of the narrative stands in chapter III, the table it stands with, and where a table it needs is missing, the one before. */
interface Placement {
  letak: string;
  tabel: TableId[];
  where: 'before' | 'after';
  paragraphs: Paragraph[];
}

const body = (text: string): Paragraph => ({ text, style: 'body' });

function placements(narasi: Narasi): Placement[] {
  return [
    {
      letak: 'Ringkasan Eksekutif',
      tabel: ['pengukuran-kinerja', 'realisasi-anggaran'],
      where: 'before',
      paragraphs:
        narasi.ringkasan.length === 0 ? [] : [{ text: 'Ringkasan Eksekutif', style: 'heading' }, ...narasi.ringkasan.map((text): Paragraph => ({ text, style: 'bullet' }))],
    },
    {
      letak: `Bab III, setelah ${tableRef('pengukuran-kinerja')}`,
      tabel: ['pengukuran-kinerja'],
      where: 'after',
      paragraphs: [
        ...narasi.pengukuran.map(body),
        ...narasi.sasaran.flatMap((s, i) => [{ text: `Sasaran ${i + 1}: ${s.nama}`, style: 'heading' } as Paragraph, ...s.paragraf.map(body)]),
      ],
    },
    { letak: `Bab III, setelah ${tableRef('efisiensi')}`, tabel: ['efisiensi', 'program-pendukung', 'pengukuran-kinerja'], where: 'after', paragraphs: narasi.efisiensi.map(body) },
    { letak: `Bab III, sebelum ${tableRef('realisasi-anggaran')}`, tabel: ['realisasi-anggaran'], where: 'before', paragraphs: narasi.anggaran.map(body) },
  ].filter((p) => p.paragraphs.length > 0) as Placement[];
}

/** The narrative as a sheet: where each paragraph goes in the report, and the paragraph. */
function narasiTable(parts: Placement[]): Table | null {
  const rows: TableRow[] = [];
  const merges: Rect[] = [];
  for (const part of parts) {
    const first = rows.length;
    part.paragraphs.forEach((p, i) =>
      rows.push(row([i === 0 ? text(part.letak) : empty, text(p.style === 'bullet' ? `• ${p.text}` : p.text)], { emphasis: p.style === 'heading' ? 'bold' : 'none' })),
    );
    if (rows.length - first > 1) merges.push({ row: first, col: 0, rows: rows.length - first, cols: 1 });
  }
  if (rows.length === 0) return null;
  return table({
    ...titleOf('narasi'),
    header: [['Letak dalam laporan', 'Teks']],
    columns: [left(18), left(100)],
    rows,
    merges,
    nameColumn: 1,
    source: 'Bagian bertanda [isi: …] diisi sendiri: Hitung Capaian hanya menulis angka yang dihitungnya dan tidak menebak penyebabnya.',
  });
}

/** Every computable table, in report order, each on its own result sheet, the narrative beside its tables and on a sheet of its own. */
export function buildTables(result: EngineResult, narasi: Narasi): Table[] {
  const tables = [
    pengukuranKinerja(result),
    kinerjaKeluaran(result),
    perbandinganTahun(result),
    programPendukung(result),
    efisiensi(result),
    predikat(result),
    realisasiAnggaran(result),
    belanjaOperasiModal(result),
    alokasiAnggaran(result),
  ].filter((t): t is Table => t !== null);
  const parts = placements(narasi);
  for (const part of parts) {
    const at = part.tabel.map((id) => tables.find((t) => t.id === id)).find((t) => t !== undefined);
    if (at) at.text[part.where].push(...part.paragraphs);
  }
  const narasiSheet = narasiTable(parts);
  return [...tables, ...(narasiSheet ? [narasiSheet] : []), pemeriksaan(result)];
}

/** Each table on the sheet the registry gives it. */
export const resultSheets = (tables: Table[]): ResultSheet[] => tables.map((table) => ({ name: RESULT_SHEETS[table.id], table }));
