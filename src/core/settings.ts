/** Every setting of a run, in one typed object (SPEC §4 defaults). */

export interface PredikatBand {
  /** Lowest capaian (inclusive) that earns this predikat. */
  min: number;
  nama: string;
}

export type EfisiensiRule = 'sederhana' | 'berjenjang';

/** A user's correction of what was detected on one sheet. */
export interface SheetOverride {
  /** 1-based sheet row of the (first) header row. */
  barisJudul?: number;
  /** Role → column letter, e.g. { anggaran: 'D', realisasi: 'G' }. */
  kolom?: Record<string, string>;
}

export interface Settings {
  /** Each indikator capaian is capped at this value in averages; null for no cap. */
  batasCapaian: number | null;
  /** Highest band first. */
  predikat: PredikatBand[];
  efisiensi: EfisiensiRule;
  /** For the banded rule: capaian − serapan above this is Efisien, below its negative Tidak efisien. */
  ambangEfisiensi: number;
  /** Ordinal scales besides those the core knows (opini BPK, Kurang … Sangat Baik, SAKIP letters), each lowest level first. */
  skalaOrdinal: string[][];
  lembar: { dpa?: string; realisasi?: string; kinerja?: string };
  kolom: Record<string, SheetOverride>;
}

export const DEFAULT_PREDIKAT: PredikatBand[] = [
  { min: 90, nama: 'Sangat Tinggi' },
  { min: 76, nama: 'Tinggi' },
  { min: 66, nama: 'Sedang' },
  { min: 51, nama: 'Rendah' },
  { min: Number.NEGATIVE_INFINITY, nama: 'Sangat Rendah' },
];

export const DEFAULT_SETTINGS: Settings = {
  batasCapaian: 100,
  predikat: DEFAULT_PREDIKAT,
  efisiensi: 'sederhana',
  ambangEfisiensi: 5,
  skalaOrdinal: [],
  lembar: {},
  kolom: {},
};

export function withDefaults(partial: Partial<Settings> | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    // JSON has no -Infinity: a band saved without a lower bound comes back as null.
    predikat: (partial?.predikat ?? DEFAULT_PREDIKAT).map((b) => ({ nama: b.nama, min: b.min ?? Number.NEGATIVE_INFINITY })).sort((a, b) => b.min - a.min),
    lembar: { ...partial?.lembar },
    kolom: { ...partial?.kolom },
  };
}
