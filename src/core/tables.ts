import { BudgetItem } from './anggaran';
import { Decimal } from './decimal';
import { EngineResult } from './engine';
import { KinerjaValue } from './kinerja';
import { RESULT_SHEETS } from './result-sheets';

/** Host-neutral table models; each adapter renders them (xlsx now, Office.js and Word later). */
export type TableCell =
  | { kind: 'text'; value: string }
  | { kind: 'money'; value: Decimal }
  | { kind: 'percent'; value: Decimal }
  | { kind: 'link'; value: string; lembar: string; sel: string }
  | { kind: 'empty' };

export interface TableRow {
  cells: TableCell[];
  /** Indentation level in the first text column. */
  level: number;
  emphasis: 'none' | 'bold' | 'italic';
}

export interface Table {
  caption: string;
  columns: { header: string; width: number }[];
  rows: TableRow[];
  source: string | null;
}

export interface ResultSheet {
  name: string;
  tables: Table[];
}

const text = (value: string): TableCell => ({ kind: 'text', value });
const money = (value: Decimal | null): TableCell => (value === null ? { kind: 'empty' } : { kind: 'money', value });
const pct = (value: Decimal | null): TableCell => (value === null ? { kind: 'empty' } : { kind: 'percent', value });
const row = (cells: TableCell[], level = 0, emphasis: TableRow['emphasis'] = 'none'): TableRow => ({ cells, level, emphasis });
const written = (v: KinerjaValue | null): TableCell => text(v?.teks ?? '-');

function realisasiAnggaran(result: EngineResult): Table | null {
  const a = result.anggaran;
  if (!a) return null;
  const rows: TableRow[] = [];
  const visit = (item: BudgetItem, number: string, depth: number) => {
    if (item.level === 'rekening') return;
    const emphasis = item.level === 'program' ? 'bold' : item.level === 'subKegiatan' ? 'italic' : 'none';
    rows.push(row([text(number), text(item.nama), money(item.anggaran), money(item.realisasi), pct(item.serapan)], depth, emphasis));
    item.children.forEach((c, i) => visit(c, `${number}.${i + 1}`, depth + 1));
  };
  a.items.forEach((item, i) => visit(item, String(i + 1), 0));
  rows.push(row([text(''), text('JUMLAH'), money(a.anggaran), money(a.realisasi), pct(a.serapan)], 0, 'bold'));
  return {
    caption: 'Realisasi Anggaran',
    columns: [
      { header: 'No', width: 8 },
      { header: 'Program/Kegiatan/Sub Kegiatan', width: 60 },
      { header: 'Anggaran (Rp)', width: 18 },
      { header: 'Realisasi (Rp)', width: 18 },
      { header: '% Realisasi', width: 12 },
    ],
    rows,
    source: `Sumber: ${[result.lembar.dpa, result.lembar.realisasi].filter(Boolean).join(' dan ')}`,
  };
}

function pengukuranKinerja(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k) return null;
  const rows: TableRow[] = [];
  k.sasaran.forEach((s, i) =>
    s.indikator.forEach((ind, j) =>
      rows.push(
        row([
          text(j === 0 ? String(i + 1) : ''),
          text(j === 0 ? s.nama : ''),
          text(ind.nama),
          written(ind.target),
          written(ind.realisasi),
          pct(ind.capaian),
          written(ind.targetRenstra),
          pct(ind.capaianRenstra),
          text(ind.predikat ?? '-'),
        ]),
      ),
    ),
  );
  rows.push(row([text(''), text('Rata-rata capaian'), text(''), text(''), text(''), pct(k.rataRataCapaian), text(''), text(''), text('')], 0, 'bold'));
  return {
    caption: 'Pengukuran Realisasi Kinerja',
    columns: [
      { header: 'No', width: 6 },
      { header: 'Sasaran', width: 40 },
      { header: 'Indikator', width: 40 },
      { header: 'Target', width: 12 },
      { header: 'Realisasi', width: 12 },
      { header: '% Capaian', width: 11 },
      { header: 'Target Akhir Renstra', width: 12 },
      { header: '% terhadap Renstra', width: 11 },
      { header: 'Predikat', width: 14 },
    ],
    rows,
    source: result.lembar.kinerja ? `Sumber: ${result.lembar.kinerja}` : null,
  };
}

function efisiensi(result: EngineResult): Table | null {
  const k = result.kinerja;
  if (!k || !result.anggaran) return null;
  return {
    caption: 'Efisiensi Penggunaan Sumber Daya',
    columns: [
      { header: 'Sasaran', width: 60 },
      { header: '% Capaian Kinerja', width: 14 },
      { header: '% Serapan Anggaran', width: 14 },
      { header: 'Kategori Efisiensi', width: 16 },
    ],
    rows: k.sasaran.filter((s) => s.efisiensi !== null).map((s) => row([text(s.nama), pct(s.capaian), pct(s.serapan), text(s.efisiensi!)])),
    source: null,
  };
}

function pemeriksaan(result: EngineResult): Table {
  return {
    caption: 'Pemeriksaan',
    columns: [
      { header: 'Tingkat', width: 11 },
      { header: 'Jenis', width: 15 },
      { header: 'Lembar', width: 16 },
      { header: 'Sel', width: 8 },
      { header: 'Tertulis', width: 16 },
      { header: 'Seharusnya', width: 16 },
      { header: 'Selisih', width: 14 },
      { header: 'Pesan', width: 80 },
    ],
    rows: result.temuan.map((f) => {
      const num = (s: string | null): TableCell => (s !== null && /^-?\d+(\.\d+)?$/.test(s) ? { kind: 'money', value: new Decimal(s) } : text(s ?? ''));
      return row([
        text(f.tingkat),
        text(f.jenis),
        text(f.lembar ?? ''),
        f.lembar && f.sel ? { kind: 'link', value: f.sel, lembar: f.lembar, sel: f.sel } : text(''),
        num(f.tertulis),
        num(f.seharusnya),
        num(f.selisih),
        text(f.pesan),
      ]);
    }),
    source: null,
  };
}

export function buildResultSheets(result: EngineResult): ResultSheet[] {
  const sheets: ResultSheet[] = [];
  const kinerja = [pengukuranKinerja(result), efisiensi(result)].filter((t): t is Table => t !== null);
  if (kinerja.length > 0) sheets.push({ name: RESULT_SHEETS.kinerja, tables: kinerja });
  const anggaran = realisasiAnggaran(result);
  if (anggaran) sheets.push({ name: RESULT_SHEETS.anggaran, tables: [anggaran] });
  sheets.push({ name: RESULT_SHEETS.pemeriksaan, tables: [pemeriksaan(result)] });
  return sheets;
}
