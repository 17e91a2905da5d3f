import { EngineResult } from '../compute/engine';
import { cellText, Workbook } from '../grid';
import { inProse } from '../report/narrative';

/**
 * Which perangkat daerah a book is about, as its title rows say it: `Anggaran Kecamatan Semboro
 * Tahun 2024`, `RENJA DINAS KESEHATAN KABUPATEN JEMBER`, `Perangkat Daerah : 1.02.0.00.0.00.01.0000
 * Dinas Kesehatan`; else a sheet named for it; else the file's name.
 */

export type NamaDari = 'judul' | 'lembar' | 'berkas';

export interface NamaOpd {
  nama: string;
  dari: NamaDari;
  /** Other perangkat daerah the titles name (a sheet of another office pasted in), with the sheet. */
  lain: { nama: string; lembar: string }[];
}

/** A label before the name: `Perangkat Daerah :`, `SKPD:`, `Unit Organisasi :`. */
const LABELLED = /^(?:nama\s+)?(?:perangkat\s+daerah|opd|skpd|unit\s+organisasi|organisasi|unit\s+kerja|satuan\s+kerja(?:\s+perangkat\s+daerah)?|instansi)\s*[:：]\s*(.+)$/i;

/** The words an office's name starts with. */
const KIND =
  /(?:^|[\s:(])((?:dinas|badan|kecamatan|kelurahan|sekretariat|satuan\s+polisi\s+pamong\s+praja|rumah\s+sakit|rsud|kantor|bagian|uptd?|puskesmas)\s+\S.*|inspektorat\b.*)$/i;

/** The one office whose kind is its name. */
const ONE_WORD = /^inspektorat$/i;

/** Where the name ends: the year, the period, the kabupaten it belongs to, a bracket. */
const END =
  /\s+(?:kabupaten|kab\.|kota|provinsi|pemerintah|tahun|t\.\s?a\.?|ta\.?\s*\d|periode|triwulan|semester|bulan|s\.?\s?d\.?|sampai|per\s+\d)(?:\s|$).*$|\s*[(,;:–—].*$|\s+-\s.*$|\s+\d{4}.*$/i;

/** A leading SIPD code of the organisation: `1.02.0.00.0.00.01.0000 `, `7.01.0.00 - `. */
const LEADING_CODE = /^[\d.]+\s*(?:-\s*)?/;

const TITLE_ROWS = 10;

/** The name in one title cell, or null. */
export function nameInTitle(text: string): string | null {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length === 0 || line.length > 300) return null;
  const labelled = LABELLED.exec(line);
  const found = labelled ? labelled[1].replace(LEADING_CODE, '') : KIND.exec(line)?.[1];
  if (!found) return null;
  const name = found.replace(END, '').trim();
  // One word is a kind of office, not an office.
  if (!/\s/.test(name) && !labelled && !ONE_WORD.test(name)) return null;
  return name.length >= 3 ? inProse(name) : null;
}

/** The file's name without its folder and extension: `dinkes-2024.xlsx` → `dinkes-2024`. */
export function fileStem(berkas: string): string {
  const base = berkas.slice(Math.max(berkas.lastIndexOf('/'), berkas.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The title rows of each sheet, the sheets the run used first: above the header where one was found. */
function titleCells(workbook: Workbook, result: Pick<EngineResult, 'deteksi' | 'lembar'>): { text: string; lembar: string }[] {
  const used = new Set([result.lembar.kinerja, result.lembar.dpa, result.lembar.realisasi]);
  const order = [...workbook.sheets].sort((a, b) => Number(used.has(b.name)) - Number(used.has(a.name)));
  return order.flatMap((grid) => {
    const header = result.deteksi.find((d) => d.lembar === grid.name)?.barisJudul ?? null;
    const rows = header === null ? TITLE_ROWS : Math.min(TITLE_ROWS, header - 1 - grid.origin.row);
    return grid.values.slice(0, Math.max(0, rows)).flatMap((row) => (row ?? []).filter((v) => typeof v === 'string').map((v) => ({ text: cellText(v), lembar: grid.name })));
  });
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function opdName(berkas: string, workbook: Workbook, result: Pick<EngineResult, 'deteksi' | 'lembar'>): NamaOpd {
  const titled: { nama: string; lembar: string }[] = [];
  for (const { text, lembar } of titleCells(workbook, result)) {
    const nama = nameInTitle(text);
    if (nama && !titled.some((t) => t.lembar === lembar)) titled.push({ nama, lembar });
  }
  if (titled.length > 0) {
    const nama = titled[0].nama;
    const lain: NamaOpd['lain'] = [];
    for (const t of titled) if (!sameName(t.nama, nama) && !lain.some((l) => sameName(l.nama, t.nama))) lain.push(t);
    return { nama, dari: 'judul', lain };
  }
  for (const grid of workbook.sheets) {
    const nama = nameInTitle(grid.name);
    if (nama) return { nama, dari: 'lembar', lain: [] };
  }
  return { nama: fileStem(berkas), dari: 'berkas', lain: [] };
}
