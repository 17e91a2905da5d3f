import { Decimal } from './decimal';

export type Tingkat = 'galat' | 'peringatan';

export type Jenis = 'jumlah' | 'antar-lembar' | 'melebihi' | 'persen' | 'tidak-ditemukan' | 'duplikat' | 'nilai' | 'pencocokan' | 'data-kosong';

export const TINGKAT_OF: Record<Jenis, Tingkat> = {
  jumlah: 'galat',
  'antar-lembar': 'galat',
  melebihi: 'galat',
  persen: 'galat',
  'tidak-ditemukan': 'galat',
  duplikat: 'galat',
  nilai: 'galat',
  pencocokan: 'peringatan',
  'data-kosong': 'peringatan',
};

/** A place on the user's sheet. */
export interface CellRef {
  lembar: string;
  sel: string;
}

export interface Finding {
  tingkat: Tingkat;
  jenis: Jenis;
  lembar: string | null;
  sel: string | null;
  tertulis: string | null;
  seharusnya: string | null;
  selisih: string | null;
  pesan: string;
  /** The other row involved (the counterpart of a match, the other sheet's cell). */
  terkait?: CellRef;
}

export function finding(
  jenis: Jenis,
  at: CellRef | null,
  pesan: string,
  values?: { tertulis?: Decimal | string | null; seharusnya?: Decimal | string | null; decimals?: number },
  terkait?: CellRef,
): Finding {
  const tertulis = values?.tertulis ?? null;
  const seharusnya = values?.seharusnya ?? null;
  const show = (v: Decimal | string | null) => (v === null ? null : v instanceof Decimal && values?.decimals !== undefined ? v.toFixed(values.decimals) : v.toString());
  const selisih = tertulis instanceof Decimal && seharusnya instanceof Decimal ? show(tertulis.minus(seharusnya)) : null;
  const f: Finding = {
    tingkat: TINGKAT_OF[jenis],
    jenis,
    lembar: at?.lembar ?? null,
    sel: at?.sel ?? null,
    tertulis: show(tertulis),
    seharusnya: show(seharusnya),
    selisih,
    pesan: pesan.charAt(0).toUpperCase() + pesan.slice(1),
  };
  if (terkait) f.terkait = { lembar: terkait.lembar, sel: terkait.sel };
  return f;
}

/** How many findings of each level: the one count the summary, the CLI and the ribbon show. */
export function countByTingkat(temuan: readonly Finding[]): Record<Tingkat, number> {
  const galat = temuan.filter((f) => f.tingkat === 'galat').length;
  return { galat, peringatan: temuan.length - galat };
}
