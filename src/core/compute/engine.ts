import { BudgetResult, computeBudget } from './budget';
import { readBudgetSheet } from '../read/budget-sheet';
import { KinerjaResult, computeKinerja } from './kinerja';
import { Detected, SheetDetection, detectSheets } from '../read/detect';
import { InputError } from '../errors';
import { Finding, FindingLog, quotedName, SheetsRead } from '../findings';
import { Workbook } from '../grid';
import { readKinerjaSheet } from '../read/kinerja-sheet';
import { yearIn } from '../read/header';
import { Settings, withDefaults } from '../settings';

export type Progress = (message: string) => void;

export interface EngineResult {
  lembar: SheetsRead;
  deteksi: SheetDetection[];
  anggaran: BudgetResult | null;
  kinerja: KinerjaResult | null;
  /** The reporting year, from the kinerja headers or the sheet names, for captions. */
  tahun: number | null;
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
  if (detected.masalah.length > 0) throw detected.masalah[0];
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
  const kinerjaSheet = detected.kinerja ? readKinerjaSheet(detected.kinerja.grid, detected.kinerja.values, detected.kinerja.header) : null;
  const kinerja = kinerjaSheet ? computeKinerja(kinerjaSheet, anggaran ? { all: anggaran.all, anggaran: anggaran.anggaran, hasRealisasi: real !== null } : null, settings) : null;

  return {
    lembar: { dpa: dpa?.name ?? null, realisasi: real?.name ?? null, kinerja: kinerjaSheet?.name ?? null },
    deteksi: detected.deteksi,
    anggaran,
    kinerja,
    tahun: kinerjaSheet?.tahun ?? yearIn(dpa?.name ?? '') ?? yearIn(real?.name ?? ''),
    tahunLalu: kinerjaSheet?.tahunLalu ?? [],
    temuan: new FindingLog()
      .addAll(anggaran?.findings ?? [])
      .addAll(kinerja?.findings ?? [])
      .list(),
    catatan,
    pengaturan: settings,
  };
}
