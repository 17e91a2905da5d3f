import { BudgetItem } from './budget';
import { LEVEL_NAME } from '../read/budget-sheet';
import { Decimal, HUNDRED, percent, sum } from '../decimal';
import { CellRef, Finding, finding } from '../findings';
import { Arah, KinerjaSheet, KinerjaValue } from '../read/kinerja-sheet';
import { classifyCode, splitLeadingCode } from '../read/kode';
import { SIMILARITY_THRESHOLD, nameTokens, normalizeName, similarity } from '../read/names';
import { Settings } from '../settings';

export interface IndikatorResult {
  nama: string;
  satuan: string;
  arah: Arah;
  target: KinerjaValue | null;
  realisasi: KinerjaValue | null;
  targetRenstra: KinerjaValue | null;
  realisasiLalu: { tahun: number; nilai: KinerjaValue | null }[];
  capaian: Decimal | null;
  capaianRenstra: Decimal | null;
  predikat: string | null;
  catatan: string[];
  ref: CellRef;
}

export interface SasaranResult {
  nama: string;
  ref: CellRef;
  indikator: IndikatorResult[];
  capaian: Decimal | null;
  predikat: string | null;
  pendukung: BudgetItem[];
  anggaran: Decimal | null;
  realisasi: Decimal | null;
  serapan: Decimal | null;
  efisiensi: string | null;
  /** Share of the total anggaran, in percent: of all supporting items together, and of each. */
  alokasi: Decimal | null;
  alokasiPendukung: (Decimal | null)[];
}

export interface KinerjaResult {
  sasaran: SasaranResult[];
  rataRataCapaian: Decimal | null;
  /** The predikat of the rata-rata capaian. */
  predikat: string | null;
  /** What the sasaran with supporting items take of the total anggaran together; null without a budget. */
  alokasi: { anggaran: Decimal; porsi: Decimal | null } | null;
  findings: Finding[];
}

/** realisasi / target × 100 (naik) or (2·target − realisasi) / target × 100 (turun). */
export function capaianOf(arah: Arah, target: Decimal, realisasi: Decimal): Decimal | null {
  if (target.isZero()) return null;
  const numerator = arah === 'naik' ? realisasi : target.times(2).minus(realisasi);
  return numerator.div(target).times(HUNDRED);
}

export function predikatOf(capaian: Decimal | null, settings: Settings): string | null {
  if (capaian === null) return null;
  for (const band of settings.predikat) if (capaian.gte(band.min)) return band.nama;
  return null;
}

export function efisiensiOf(capaian: Decimal, serapan: Decimal, settings: Settings): string {
  if (settings.efisiensi === 'sederhana') return capaian.gte(serapan) ? 'Efisien' : 'Tidak efisien';
  const selisih = capaian.minus(serapan);
  if (selisih.gt(settings.ambangEfisiensi)) return 'Efisien';
  if (selisih.lt(-settings.ambangEfisiensi)) return 'Tidak efisien';
  return 'Cukup efisien';
}

function mean(values: Decimal[]): Decimal | null {
  return values.length === 0 ? null : sum(values).div(values.length);
}

function capped(value: Decimal, settings: Settings): Decimal {
  return settings.batasCapaian === null ? value : Decimal.min(value, settings.batasCapaian);
}

/** Finds the budget items a kinerja row names as its support: by kode, by name, then by similarity. */
class BudgetIndex {
  private byKode = new Map<string, BudgetItem>();
  private byName = new Map<string, BudgetItem>();
  private tokens: { item: BudgetItem; tokens: string[] }[] = [];

  constructor(all: BudgetItem[]) {
    for (const item of all) {
      if (item.level === 'rekening') continue;
      if (item.row.kodeKey && !this.byKode.has(item.row.kodeKey)) this.byKode.set(item.row.kodeKey, item);
      const key = item.row.namaKey;
      if (key && !this.byName.has(key)) this.byName.set(key, item);
      this.tokens.push({ item, tokens: nameTokens(item.nama) });
    }
  }

  find(text: string): { item: BudgetItem; exact: boolean } | null {
    const leading = splitLeadingCode(text);
    const codeText = leading?.code ?? text.trim();
    const code = classifyCode(codeText, { sipdSheet: true, underSubKegiatan: false });
    if (code && code.kind !== 'outline') {
      const item = this.byKode.get(code.key);
      if (item) return { item, exact: true };
    }
    const name = leading?.rest ?? text;
    const exact = this.byName.get(normalizeName(name));
    if (exact) return { item: exact, exact: true };
    const t = nameTokens(name);
    let best: { item: BudgetItem; score: number } | null = null;
    for (const c of this.tokens) {
      const score = similarity(t, c.tokens);
      if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { item: c.item, score };
    }
    return best ? { item: best.item, exact: false } : null;
  }
}

/** A program and one of its own kegiatan both named: count the program once. */
function withoutDescendants(items: BudgetItem[]): BudgetItem[] {
  return items.filter((item) => !items.some((other) => other !== item && contains(other, item)));
}

function contains(parent: BudgetItem, item: BudgetItem): boolean {
  return parent.children.some((c) => c === item || contains(c, item));
}

/** Capaian per indikator and sasaran, predikat, efisiensi and alokasi (SPEC §4). */
export function computeKinerja(sheet: KinerjaSheet, budget: { all: BudgetItem[]; anggaran: Decimal; hasRealisasi: boolean } | null, settings: Settings): KinerjaResult {
  const findings: Finding[] = [...sheet.findings];
  const index = budget ? new BudgetIndex(budget.all) : null;
  const allCapped: Decimal[] = [];

  const sasaran = sheet.sasaran.map((s): SasaranResult => {
    const indikator = s.indikator.map((ind): IndikatorResult => {
      const catatan: string[] = [];
      let capaian: Decimal | null = null;
      const t = ind.target?.nilai ?? null;
      const r = ind.realisasi?.nilai ?? null;
      if (!ind.realisasi) {
        catatan.push('Realisasi belum diisi.');
        findings.push(finding('data-kosong', ind.nameRef, `Indikator “${ind.nama}” belum memiliki realisasi; tidak ikut dirata-rata.`));
      } else if (t !== null && r !== null) {
        capaian = capaianOf(ind.arah, t, r);
        if (capaian === null) {
          catatan.push('Target 0: capaian tidak dapat dihitung.');
          findings.push(finding('data-kosong', ind.target!.ref, `Target indikator “${ind.nama}” bernilai 0, sehingga capaian tidak dapat dihitung.`));
        }
      }
      for (const v of [ind.target, ind.realisasi]) {
        if (v?.dariHuruf) catatan.push(`“${v.teks}” dihitung sebagai ${v.nilai} (batas bawah predikat ${v.huruf}).`);
      }
      const tr = ind.targetRenstra?.nilai ?? null;
      const capaianRenstra = tr !== null && r !== null ? capaianOf(ind.arah, tr, r) : null;
      if (capaian !== null) allCapped.push(capped(capaian, settings));
      return {
        nama: ind.nama,
        satuan: ind.satuan,
        arah: ind.arah,
        target: ind.target,
        realisasi: ind.realisasi,
        targetRenstra: ind.targetRenstra,
        realisasiLalu: ind.realisasiLalu,
        capaian,
        capaianRenstra,
        predikat: predikatOf(capaian, settings),
        catatan,
        ref: ind.nameRef,
      };
    });
    const capaian = mean(indikator.filter((i) => i.capaian !== null).map((i) => capped(i.capaian!, settings)));

    const linked: BudgetItem[] = [];
    for (const ind of s.indikator) {
      for (const p of ind.pendukung) {
        const hit = index?.find(p.teks) ?? null;
        if (!hit) {
          if (index) findings.push(finding('tidak-ditemukan', p.ref, `Program pendukung “${p.teks}” tidak ditemukan di DPA.`));
          continue;
        }
        if (!hit.exact) {
          const r = hit.item.row.nameRef;
          findings.push(
            finding(
              'pencocokan',
              p.ref,
              `Program pendukung “${p.teks}” dicocokkan dengan ${LEVEL_NAME[hit.item.level]} “${hit.item.nama}” (${r.lembar}!${r.sel}) karena namanya mirip.`,
              undefined,
              r,
            ),
          );
        }
        if (!linked.includes(hit.item)) linked.push(hit.item);
      }
    }
    const pendukung = withoutDescendants(linked);
    let anggaran: Decimal | null = null;
    let realisasi: Decimal | null = null;
    let serapan: Decimal | null = null;
    let efisiensi: string | null = null;
    let alokasi: Decimal | null = null;
    if (pendukung.length > 0 && budget) {
      anggaran = sum(pendukung.map((i) => i.anggaran));
      realisasi = budget.hasRealisasi && pendukung.every((i) => i.realisasi !== null) ? sum(pendukung.map((i) => i.realisasi!)) : null;
      serapan = realisasi === null ? null : percent(realisasi, anggaran);
      alokasi = percent(anggaran, budget.anggaran);
      if (capaian !== null && serapan !== null) efisiensi = efisiensiOf(capaian, serapan, settings);
    } else if (budget) {
      findings.push(finding('data-kosong', s.nameRef, `Sasaran “${s.nama}” tidak dikaitkan dengan program/kegiatan mana pun; serapan dan efisiensinya tidak dihitung.`));
    }
    const alokasiPendukung = budget ? pendukung.map((i) => percent(i.anggaran, budget.anggaran)) : [];
    return {
      nama: s.nama,
      ref: s.nameRef,
      indikator,
      capaian,
      predikat: predikatOf(capaian, settings),
      pendukung,
      anggaran,
      realisasi,
      serapan,
      efisiensi,
      alokasi,
      alokasiPendukung,
    };
  });

  const rataRataCapaian = mean(allCapped);
  const allocated = sum(sasaran.map((s) => s.anggaran).filter((a): a is Decimal => a !== null));
  return {
    sasaran,
    rataRataCapaian,
    predikat: predikatOf(rataRataCapaian, settings),
    alokasi: budget ? { anggaran: allocated, porsi: percent(allocated, budget.anggaran) } : null,
    findings,
  };
}
