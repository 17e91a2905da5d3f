import { Belanja, BelanjaFigures, BelanjaJenis, BudgetItem, BudgetResult, descendantsAt } from '../compute/budget';
import { Level } from '../read/budget-rows';
import { IndikatorResult, Perbandingan, SasaranResult } from '../compute/kinerja';
import { Decimal, percentString, plainString } from '../decimal';
import { EngineResult } from '../compute/engine';
import { Finding, SheetsRead } from '../findings';
import { Settings } from '../settings';
import { KinerjaValue } from '../read/kinerja-sheet';
import { Narasi } from './narrative';
import { Report } from './report';

/** The machine-readable result, keys exactly as SPEC §8: money as exact strings, percentages with two decimals. */
export interface ResultJson {
  lembar: SheetsRead;
  /** The reporting year, from the kinerja headers or the sheet names. */
  tahun: number | null;
  /** The rules the figures were computed with. */
  pengaturan: Pick<Settings, 'batasCapaian' | 'efisiensi' | 'ambangEfisiensi'>;
  anggaran:
    | (AsText<BudgetResult, 'anggaran' | 'realisasi' | 'serapan'> & {
        belanjaOperasi: BelanjaJson | null;
        belanjaModal: BelanjaJson | null;
        /** The programs; where the DPA has none, its top items under the key of their level instead (as Tabel 3.9 shows them). */
        program: ItemJson[];
        kegiatan?: ItemJson[];
        subKegiatan?: ItemJson[];
      })
    | null;
  sasaran: SasaranJson[];
  /** A form's kegiatan and sub kegiatan (output) indikator: computed, never in the sasaran's capaian. */
  indikatorKeluaran: KeluaranJson[];
  rataRataCapaian: string | null;
  /** The same average with no capaian capped: what the capaian shown in Tabel 3.2 average to. */
  rataRataCapaianTanpaBatas: string | null;
  /** Why a figure cannot be trusted yet, per sheet, and which figure it touches: said before any figure. */
  keraguan: EngineResult['keraguan'];
  /** What was read and how, and what could not be computed. */
  catatan: string[];
  narasi: Narasi;
  temuan: FindingJson[];
}

type KeluaranJson = { tingkat: Level; kode: string | null; uraian: string; sasaran: string | null; indikator: IndikatorJson };

/** The figures `K` of `T` as their JSON text: null where `T` has none. */
type AsText<T, K extends keyof T> = { [P in K]: null extends T[P] ? string | null : string };

/** A finding with SPEC §8's fields (`tidakDicantumkan` on the one that stands for those past the list's bounds). */
type FindingJson = Omit<Finding, 'perihal' | 'terkait' | 'dugaan'>;

/** With `porsi`, the share of the whole anggaran. */
type BelanjaJson = AsText<BelanjaFigures, keyof BelanjaFigures>;

type ItemJson = Pick<BudgetItem, 'kode' | 'nama'> &
  AsText<BudgetItem, 'anggaran' | 'realisasi' | 'serapan'> & {
    kegiatan?: ItemJson[];
    subKegiatan?: ItemJson[];
  };

type SasaranJson = Pick<SasaranResult, 'nama' | 'predikat' | 'efisiensi'> &
  AsText<SasaranResult, 'capaian' | 'anggaran' | 'realisasi' | 'serapan'> & {
    indikator: IndikatorJson[];
  };

/** `aturan`: the rule that gave the capaian; `perbandingan`: earlier years, latest first, with this year's less theirs where both are numbers. */
type IndikatorJson = Pick<IndikatorResult, 'nama' | 'satuan' | 'arah' | 'predikat' | 'aturan'> &
  AsText<IndikatorResult, 'target' | 'realisasi' | 'capaian' | 'targetRenstra' | 'capaianRenstra'> & {
    perbandingan: (Pick<Perbandingan, 'tahun' | 'perubahan'> & AsText<Perbandingan, 'selisih'> & { realisasi: string | null })[];
  };

const money = (d: Decimal | null): string | null => (d === null ? null : plainString(d));
/** A target or realisasi: its number, `3-5` for a range, otherwise as written (`WTP`, `A`). */
function value(v: KinerjaValue | null): string | null {
  if (!v) return null;
  if (v.rentang) return `${plainString(v.rentang.bawah)}-${plainString(v.rentang.atas)}`;
  return v.nilai !== null && !v.dariHuruf ? plainString(v.nilai) : v.teks;
}

const BELOW: Partial<Record<Level, Level[]>> = { program: ['kegiatan', 'subKegiatan'], kegiatan: ['subKegiatan'], subKegiatan: [] };

/** The budget's top rows as Tabel 3.9 shows them, under the key of their level: `program`, or `kegiatan` or `subKegiatan` where the DPA has no program. */
function topItems(top: BudgetItem[]): Pick<NonNullable<ResultJson['anggaran']>, 'program' | 'kegiatan' | 'subKegiatan'> {
  const level = top[0]?.level ?? 'program';
  const items = top.map((i) => itemJson(i, BELOW[i.level] ?? []));
  return level === 'kegiatan' || level === 'subKegiatan' ? { program: [], [level]: items } : { program: items };
}

function itemJson(item: BudgetItem, below: Level[]): ItemJson {
  const json: ItemJson = { kode: item.kode, nama: item.nama, anggaran: plainString(item.anggaran), realisasi: money(item.realisasi), serapan: percentString(item.serapan) };
  const [next, ...rest] = below;
  if (next === 'kegiatan') json.kegiatan = descendantsAt(item.children, 'kegiatan').map((k) => itemJson(k, rest));
  if (next === 'subKegiatan') json.subKegiatan = descendantsAt(item.children, 'subKegiatan').map((k) => itemJson(k, rest));
  return json;
}

function belanja(all: Belanja | null, jenis: BelanjaJenis['jenis']): BelanjaJson | null {
  const b = all?.jenis.find((x) => x.jenis === jenis);
  return b ? { anggaran: plainString(b.anggaran), realisasi: money(b.realisasi), serapan: percentString(b.serapan), porsi: percentString(b.porsi) } : null;
}

function indikatorJson(i: IndikatorResult): IndikatorJson {
  return {
    nama: i.nama,
    satuan: i.satuan,
    arah: i.arah,
    target: value(i.target),
    realisasi: value(i.realisasi),
    capaian: percentString(i.capaian),
    predikat: i.predikat,
    targetRenstra: value(i.targetRenstra),
    capaianRenstra: percentString(i.capaianRenstra),
    aturan: i.aturan,
    perbandingan: i.perbandingan.map((p) => ({ tahun: p.tahun, realisasi: value(p.realisasi), selisih: money(p.selisih), perubahan: p.perubahan })),
  };
}

function sasaranJson(s: SasaranResult): SasaranJson {
  return {
    nama: s.nama,
    capaian: percentString(s.capaian),
    predikat: s.predikat,
    anggaran: money(s.anggaran),
    realisasi: money(s.realisasi),
    serapan: percentString(s.serapan),
    efisiensi: s.efisiensi,
    indikator: s.indikator.map(indikatorJson),
  };
}

function findingJson({ tingkat, jenis, lembar, sel, tertulis, seharusnya, selisih, pesan, tidakDicantumkan }: Finding): FindingJson {
  return { tingkat, jenis, lembar, sel, tertulis, seharusnya, selisih, pesan, ...(tidakDicantumkan === undefined ? {} : { tidakDicantumkan }) };
}

/** The report as the machine-readable result. */
export function toJson({ result, narasi }: Pick<Report, 'result' | 'narasi'>): ResultJson {
  const a = result.anggaran;
  const { batasCapaian, efisiensi, ambangEfisiensi } = result.pengaturan;
  return {
    lembar: result.lembar,
    tahun: result.tahun,
    pengaturan: { batasCapaian, efisiensi, ambangEfisiensi },
    anggaran: a
      ? {
          anggaran: plainString(a.anggaran),
          realisasi: money(a.realisasi),
          serapan: percentString(a.serapan),
          belanjaOperasi: belanja(a.belanja, 'operasi'),
          belanjaModal: belanja(a.belanja, 'modal'),
          ...topItems(a.program),
        }
      : null,
    sasaran: result.kinerja?.sasaran.map(sasaranJson) ?? [],
    indikatorKeluaran:
      result.kinerja?.keluaran.map((k) => ({ tingkat: k.item.level, kode: k.item.kode, uraian: k.item.nama, sasaran: k.sasaran, indikator: indikatorJson(k.indikator) })) ?? [],
    rataRataCapaian: percentString(result.kinerja?.rataRataCapaian ?? null),
    rataRataCapaianTanpaBatas: percentString(result.kinerja?.rataRataTanpaBatas ?? null),
    keraguan: result.keraguan,
    catatan: result.catatan,
    narasi,
    temuan: result.temuan.map(findingJson),
  };
}
