import { BudgetResult, computeBudget } from './budget';
import { readBudgetSheet } from '../read/budget-sheet';
import { KinerjaResult, computeKinerja } from './kinerja';
import { Detected, SheetDetection, detectSheets } from '../read/detect';
import { Keraguan } from '../read/reading-notes';
import { InputError } from '../errors';
import { Finding, finding, FindingLog, quotedName, SheetsRead } from '../findings';
import { Grid, Workbook } from '../grid';
import { ItemAt, readKinerjaSheet } from '../read/kinerja-sheet';
import { BudgetSheet } from '../read/budget-rows';
import { countText } from '../decimal';
import { RESULT_SHEETS } from '../result-sheets';
import { Settings, withDefaults } from '../settings';

export type Progress = (message: string) => void;

export interface EngineResult {
  lembar: SheetsRead;
  deteksi: SheetDetection[];
  anggaran: BudgetResult | null;
  kinerja: KinerjaResult | null;
  /** The reporting year, for captions: as set, or from the kinerja headers, the title rows or the sheet names. */
  tahun: number | null;
  /** Why a figure cannot be trusted yet, per sheet used (SheetDetection.keraguan): said before any figure. */
  keraguan: (Keraguan & { lembar: string })[];
  /** Earlier years of the kinerja sheet, for the comparison table. */
  tahunLalu: number[];
  temuan: Finding[];
  /** What could not be computed and why, for the user. */
  catatan: string[];
  pengaturan: Settings;
}

/** The whole computation, host-neutral: grids in, results and findings out. */
export function hitung(workbook: Workbook, partialSettings?: Partial<Settings>, progress: Progress = () => {}): EngineResult {
  const settings = withDefaults(partialSettings);
  if (workbook.sheets.length === 0) throw new InputError('Buku kerja tidak memiliki lembar kerja.');
  progress('Mengenali lembar DPA, realisasi dan kinerja…');
  const detected: Detected = detectSheets(workbook, settings);
  if (detected.masalah.length > 0) {
    // Every setting that cannot be followed is said, not only the first.
    const [first, ...others] = detected.masalah;
    first.others = [...first.others, ...others];
    throw first;
  }
  if (!detected.dpa && !detected.realisasi && !detected.kinerja) {
    throw new InputError(
      'Tidak ada lembar yang dikenali sebagai DPA, realisasi atau kinerja: tidak ditemukan judul kolom seperti “Uraian” dan “Anggaran”, atau “Indikator” dan “Target”.',
    );
  }
  const catatan: string[] = [];
  progress('Membaca anggaran dan realisasi…');
  const dpa = detected.dpa ? readBudgetSheet(detected.dpa.grid, detected.dpa.values, detected.dpa.header) : null;
  const real =
    detected.realisasi === null ? null : detected.realisasi === detected.dpa ? dpa : readBudgetSheet(detected.realisasi.grid, detected.realisasi.values, detected.realisasi.header);
  for (const sheet of new Set([dpa, real])) {
    if (sheet && sheet.hiddenRowsCounted > 0) {
      catatan.push(`Lembar ${quotedName(sheet.name)} memiliki ${sheet.hiddenRowsCounted} baris tersembunyi; baris itu tetap dihitung.`);
    }
  }
  if (!dpa) catatan.push('Tidak ada lembar DPA/anggaran: serapan dan efisiensi tidak dihitung.');
  else if (!real) catatan.push('Tidak ada lembar realisasi anggaran: serapan dan efisiensi tidak dihitung.');
  if (!detected.kinerja) catatan.push('Tidak ada lembar kinerja (Indikator dan Target): capaian kinerja tidak dihitung.');

  progress('Mencocokkan dan menghitung anggaran…');
  const anggaran = dpa ? computeBudget(dpa, real) : null;
  progress('Menghitung capaian kinerja…');
  const kinerjaSheet = detected.kinerja
    ? readKinerjaSheet(detected.kinerja.grid, detected.kinerja.values, detected.kinerja.header, formItems(detected.kinerja.grid, [dpa, real]))
    : null;
  const kinerja = kinerjaSheet ? computeKinerja(kinerjaSheet, anggaran ? { all: anggaran.all, anggaran: anggaran.anggaran, hasRealisasi: real !== null } : null, settings) : null;
  if (kinerjaSheet && kinerjaSheet.keluaran.length > 0) {
    const outcomes = kinerjaSheet.sasaran.reduce((n, s) => n + s.indikator.length, 0);
    catatan.push(
      `Capaian sasaran dihitung dari ${countText(outcomes)} indikator program (hasil) di bawah sasarannya; ${countText(kinerjaSheet.keluaran.length)} indikator kegiatan dan sub kegiatan (keluaran) dihitung tersendiri (${RESULT_SHEETS['kinerja-keluaran']}) dan tidak ikut rata-rata.`,
    );
  }
  const year = detected.tahun;
  const findings = new FindingLog();
  if (year.tahun === null) {
    findings.add(
      finding(
        'tahun-tidak-diketahui',
        null,
        'Tahun laporan tidak tertulis di judul lembar, judul kolom atau nama lembar; judul tabel ditulis tanpa tahun. Isi Tahun di pengaturan (di baris perintah: --tahun 2024).',
      ),
    );
  }
  if (year.catatan) catatan.push(year.catatan);

  return {
    lembar: { dpa: dpa?.name ?? null, realisasi: real?.name ?? null, kinerja: kinerjaSheet?.name ?? null },
    deteksi: detected.deteksi,
    anggaran,
    kinerja,
    tahun: year.tahun,
    tahunLalu: kinerjaSheet?.tahunLalu ?? [],
    temuan: findings
      .addAll(anggaran?.findings ?? [])
      .addAll(kinerja?.findings ?? [])
      .list(),
    catatan,
    keraguan: detected.deteksi.flatMap((d) => d.keraguan.map((k) => ({ lembar: d.lembar, ...k }))),
    pengaturan: settings,
  };
}

/** On a form, the items its budget side read, by grid row: the level of each row's indikator. */
function formItems(grid: Grid, sheets: (BudgetSheet | null)[]): ItemAt | undefined {
  const sheet = sheets.find((s) => s !== null && s.name === grid.name && s.header.form);
  if (!sheet) return undefined;
  const byRow = new Map(sheet.rows.map((row) => [row.sheetRow - grid.origin.row - 1, row]));
  return (r) => {
    const row = byRow.get(r);
    return row ? { level: row.level, kode: row.kode, nama: row.nama, ref: row.nameRef } : null;
  };
}
