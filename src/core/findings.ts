import { countText, Decimal, plainString } from './decimal';

export type Tingkat = 'galat' | 'peringatan';

/** A tingkat in words, as the pane and the Pemeriksaan sheet show it. */
export const TINGKAT_LABEL: Record<Tingkat, string> = { galat: 'Galat', peringatan: 'Peringatan' };

export type Jenis = 'jumlah' | 'antar-lembar' | 'melebihi' | 'persen' | 'tidak-ditemukan' | 'duplikat' | 'nilai' | 'pencocokan' | 'data-kosong';

/**
 * What a finding is about, finer than its jenis (SPEC §5's kinds, kept in the JSON): each perihal
 * has its jenis, its tingkat, and the words the pane's groups and the Pemeriksaan sheet show.
 */
export const PERIHAL = {
  jumlah: { jenis: 'jumlah', tingkat: 'galat', label: 'Jumlah tidak sama dengan rinciannya' },
  'antar-lembar': { jenis: 'antar-lembar', tingkat: 'galat', label: 'Anggaran berbeda antara DPA dan realisasi' },
  melebihi: { jenis: 'melebihi', tingkat: 'galat', label: 'Realisasi melebihi anggaran' },
  persen: { jenis: 'persen', tingkat: 'galat', label: 'Persentase tidak sesuai angkanya' },
  'tidak-di-realisasi': { jenis: 'tidak-ditemukan', tingkat: 'galat', label: 'Tidak ada di lembar realisasi' },
  'tidak-di-dpa': { jenis: 'tidak-ditemukan', tingkat: 'galat', label: 'Tidak ada di lembar DPA' },
  'pendukung-tidak-di-dpa': { jenis: 'tidak-ditemukan', tingkat: 'galat', label: 'Program pendukung tidak ada di DPA' },
  duplikat: { jenis: 'duplikat', tingkat: 'galat', label: 'Baris tertulis dua kali' },
  nilai: { jenis: 'nilai', tingkat: 'galat', label: 'Nilai yang tidak terbaca' },
  'nilai-tak-dikenali': { jenis: 'nilai', tingkat: 'peringatan', label: 'Target atau realisasi yang tidak dapat dibandingkan' },
  'cocok-nama': { jenis: 'pencocokan', tingkat: 'peringatan', label: 'Dicocokkan menurut kemiripan nama (mohon periksa)' },
  'cocok-letak': { jenis: 'pencocokan', tingkat: 'peringatan', label: 'Dicocokkan menurut letaknya (mohon periksa)' },
  'realisasi-kosong': { jenis: 'data-kosong', tingkat: 'peringatan', label: 'Realisasi anggaran yang kosong' },
  'indikator-tanpa-realisasi': { jenis: 'data-kosong', tingkat: 'peringatan', label: 'Indikator tanpa realisasi' },
  'target-nol': { jenis: 'data-kosong', tingkat: 'peringatan', label: 'Target bernilai 0' },
  'sasaran-tanpa-program': { jenis: 'data-kosong', tingkat: 'peringatan', label: 'Sasaran tanpa program pendukung' },
  'tahun-tidak-diketahui': { jenis: 'data-kosong', tingkat: 'peringatan', label: 'Tahun laporan tidak diketahui' },
} as const satisfies Record<string, { jenis: Jenis; tingkat: Tingkat; label: string }>;

export type Perihal = keyof typeof PERIHAL;

/** The words for what a finding is about: a group in the pane, the Jenis column of the Pemeriksaan sheet. */
export const perihalLabel = (p: Perihal): string => PERIHAL[p].label;

/** A user's text inside a message, in quotes, cut to a length a message can carry. */
export function quoted(text: string, max = 60): string {
  // Only the start is looked at: a cell may hold millions of characters.
  const t = text
    .slice(0, 4 * max)
    .replace(/\s+/g, ' ')
    .trim();
  return `“${t.length > max || text.length > 4 * max ? `${t.slice(0, max - 1).trimEnd()}…` : t}”`;
}

/** A name (an uraian, a sasaran, an indikator, a sheet) inside a message: whole up to the length of the longest SIPD nomenclature. */
export const quotedName = (name: string): string => quoted(name, 160);

/** Names in a message, `a, b, c dan 7 lainnya`: a parent may have thousands of children. */
export function nameList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} dan ${names.length - max} lainnya` : shown;
}

/** A place on the user's sheet. */
export interface CellRef {
  lembar: string;
  sel: string;
}

export interface Finding {
  tingkat: Tingkat;
  jenis: Jenis;
  perihal: Perihal;
  lembar: string | null;
  sel: string | null;
  tertulis: string | null;
  seharusnya: string | null;
  selisih: string | null;
  pesan: string;
  /** The other row involved (the counterpart of a match, the other sheet's cell). */
  terkait?: CellRef;
  /**
   * The cells the finding calls likely wrong where the figures rest on them (a child whose amount
   * the other sheet contradicts): the narrative marks a figure drawn from them, never explains it.
   */
  dugaan?: CellRef[];
  /**
   * On the one finding that stands for those of its perihal and sheet past the list's bounds
   * (FindingLog): how many are not listed. Its cell is the first of them.
   */
  tidakDicantumkan?: number;
}

export interface FindingDetails {
  tertulis?: Decimal | string | null;
  seharusnya?: Decimal | string | null;
  /** Decimals of the figures shown (percentages: 2). */
  decimals?: number;
  /** The other row involved (the counterpart of a match, the other sheet's cell). */
  terkait?: CellRef;
  dugaan?: CellRef[];
}

export function finding(perihal: Perihal, at: CellRef | null, pesan: string, details: FindingDetails = {}): Finding {
  const tertulis = details.tertulis ?? null;
  const seharusnya = details.seharusnya ?? null;
  const show = (v: Decimal | string | null) => (v instanceof Decimal ? (details.decimals === undefined ? plainString(v) : v.toFixed(details.decimals)) : v);
  const selisih = tertulis instanceof Decimal && seharusnya instanceof Decimal ? show(tertulis.minus(seharusnya)) : null;
  const { jenis, tingkat } = PERIHAL[perihal];
  const f: Finding = {
    tingkat,
    jenis,
    perihal,
    lembar: at?.lembar ?? null,
    sel: at?.sel ?? null,
    tertulis: show(tertulis),
    seharusnya: show(seharusnya),
    selisih,
    pesan: pesan.charAt(0).toUpperCase() + pesan.slice(1),
  };
  if (details.terkait) f.terkait = { lembar: details.terkait.lembar, sel: details.terkait.sel };
  if (details.dugaan && details.dugaan.length > 0) f.dugaan = details.dugaan.map(({ lembar, sel }) => ({ lembar, sel }));
  return f;
}

/**
 * How many findings are listed: per perihal and sheet, and in all. A sheet of 600.000 rows with a
 * #REF! in each would otherwise give more findings than memory holds, and a list no clerk reads:
 * the first 500 of a kind show where to start, and the pane still draws 5.000 in under a second.
 */
export const LISTED_PER_KIND = 500;
export const LISTED_IN_ALL = 5000;

interface Kind {
  listed: number;
  first: Finding | null;
  /** The finding that stands for those not listed. */
  more: Finding | null;
}

/**
 * Findings in the order they are found, within the bounds above: past them, one finding per perihal
 * and sheet says how many more there are and where the first of them is. A log fed another log's
 * list gives what one log fed every finding would.
 */
export class FindingLog {
  private readonly listed: Finding[] = [];
  private readonly kinds = new Map<string, Kind>();
  private count = 0;

  add(f: Finding): void {
    const key = `${f.perihal}\n${f.lembar ?? ''}`;
    let kind = this.kinds.get(key);
    if (!kind) this.kinds.set(key, (kind = { listed: 0, first: null, more: null }));
    if (f.tidakDicantumkan === undefined && kind.listed < LISTED_PER_KIND && this.count < LISTED_IN_ALL) {
      this.listed.push(f);
      kind.listed++;
      this.count++;
      kind.first ??= f;
    } else if (kind.more) kind.more.tidakDicantumkan! += f.tidakDicantumkan ?? 1;
    else {
      const { tingkat, jenis, perihal, lembar, sel } = f;
      kind.more = { tingkat, jenis, perihal, lembar, sel, tertulis: null, seharusnya: null, selisih: null, pesan: '', tidakDicantumkan: f.tidakDicantumkan ?? 1 };
      this.listed.push(kind.more);
    }
  }

  addAll(found: Iterable<Finding>): this {
    for (const f of found) this.add(f);
    return this;
  }

  list(): Finding[] {
    for (const { listed, first, more } of this.kinds.values()) if (more) more.pesan = notListedText(more, listed, first);
    return this.listed;
  }
}

const at = (f: Finding) => (f.lembar && f.sel ? `${f.lembar}!${f.sel}` : null);

function notListedText(more: Finding, listed: number, first: Finding | null): string {
  const where = at(more);
  return (
    `${countText(more.tidakDicantumkan!)} temuan lain “${perihalLabel(more.perihal)}”${more.lembar ? ` di lembar ${quotedName(more.lembar)}` : ''} tidak dicantumkan satu per satu ` +
    `(daftar temuan memuat paling banyak ${countText(LISTED_PER_KIND)} per kelompok temuan per lembar dan ${countText(LISTED_IN_ALL)} seluruhnya)${where ? `; yang pertama di ${where}` : ''}.` +
    (listed > 0 && first ? ` ${countText(listed)} yang tercantum mulai di ${at(first) ?? 'atas'}.` : '') +
    ' Perbaiki yang tercantum, lalu hitung ulang untuk melihat sisanya.'
  );
}

/** How many findings of each level: the one count the summary, the CLI and the ribbon show (those not listed included). */
export function countByTingkat(temuan: readonly Finding[]): Record<Tingkat, number> {
  const counts = { galat: 0, peringatan: 0 };
  for (const f of temuan) counts[f.tingkat] += f.tidakDicantumkan ?? 1;
  return counts;
}

/** The sheets a run read, by role: what it could check. */
export interface SheetsRead {
  dpa: string | null;
  realisasi: string | null;
  kinerja: string | null;
}

/**
 * What to say when a run found nothing: what it checked, and what it could not for lack of a
 * sheet. Never an all-clear for what was not looked at.
 */
export function noFindingsText(lembar: SheetsRead): string {
  const checked: string[] = [];
  const notChecked: string[] = [];
  if (lembar.dpa) checked.push(`jumlah anggaran di ${quotedName(lembar.dpa)}`);
  else notChecked.push('anggaran (tidak ada lembar DPA)');
  if (lembar.realisasi && lembar.realisasi !== lembar.dpa) checked.push(`jumlah realisasi di ${quotedName(lembar.realisasi)} dan kecocokannya dengan DPA`);
  else if (lembar.realisasi) checked.push('jumlah realisasi');
  else notChecked.push('realisasi dan serapan (tidak ada lembar realisasi)');
  if (lembar.kinerja) checked.push(`capaian kinerja di ${quotedName(lembar.kinerja)}`);
  else notChecked.push('capaian kinerja (tidak ada lembar kinerja)');
  return notChecked.length === 0
    ? 'Tidak ada temuan: semua jumlah, persentase dan kecocokan antar-lembar sudah benar.'
    : `Tidak ada temuan pada yang diperiksa (${checked.join('; ')}); yang tidak diperiksa: ${notChecked.join('; ')}.`;
}
