import { BudgetItem } from './budget';
import { rowLabel } from '../read/budget-rows';
import { Decimal, HUNDRED, formatPersen, percent, sum } from '../decimal';
import { CellRef, Finding, FindingLog, finding, quoted, quotedName } from '../findings';
import { FormItem, IndikatorRow, KinerjaSheet, KinerjaValue } from '../read/kinerja-sheet';
import { Aturan, Capaian, capaianOfValues, levelOn, Rumus, scaleOf, scalesWith, Skala, understood } from './capaian';
import { wrongPercent } from './checks';
import { classifyCode, splitLeadingCode } from '../read/kode';
import { SIMILARITY_THRESHOLD, nameTokens, normalizeName, similarity } from '../read/names';
import { Settings } from '../settings';

/** The realisasi of an earlier year set against this year's. */
export interface Perbandingan {
  tahun: number;
  realisasi: KinerjaValue;
  /** This year's realisasi less that year's, where both are numbers. */
  selisih: Decimal | null;
  perubahan: 'naik' | 'turun' | 'tetap';
}

/** An indikator as read, with what is computed of it (`arah` the comparator's where the target says one). */
export interface IndikatorResult extends Pick<IndikatorRow, 'nama' | 'satuan' | 'arah' | 'target' | 'realisasi' | 'targetRenstra' | 'realisasiLalu'> {
  /** Earlier years whose realisasi compares with this year's, latest first. */
  perbandingan: Perbandingan[];
  capaian: Decimal | null;
  capaianRenstra: Decimal | null;
  /** The rule that gave the capaian, and the scale for `skala`. */
  aturan: Aturan | null;
  skala: Skala | null;
  /** The formula that gave the capaian, and the capaian against the Renstra's target. */
  rumus: Rumus | null;
  rumusRenstra: Rumus | null;
  predikat: string | null;
  ref: CellRef;
}

export interface SasaranResult {
  /** Its number in the report (`Sasaran 2`), in the kinerja sheet's order. */
  nomor: number;
  nama: string;
  ref: CellRef;
  indikator: IndikatorResult[];
  capaian: Decimal | null;
  predikat: string | null;
  /** How many of its indikator reach or pass their target (capaian at least 100). */
  tercapai: number;
  pendukung: BudgetItem[];
  anggaran: Decimal | null;
  realisasi: Decimal | null;
  serapan: Decimal | null;
  efisiensi: string | null;
  /** Share of the total anggaran, in percent: of all supporting items together, and of each. */
  alokasi: Decimal | null;
  alokasiPendukung: (Decimal | null)[];
}

/** A kegiatan's or sub kegiatan's (output) indikator of a form, computed like any other, never averaged into a sasaran. */
export interface KeluaranResult {
  item: FormItem;
  sasaran: string | null;
  indikator: IndikatorResult;
}

export interface KinerjaResult {
  sasaran: SasaranResult[];
  /** A form's output indikator (empty for other kinerja sheets). */
  keluaran: KeluaranResult[];
  /** The average with each capaian capped (batasCapaian), and without the cap. */
  rataRataCapaian: Decimal | null;
  rataRataTanpaBatas: Decimal | null;
  /** How many indikator have a capaian, and how many of them reach or pass their target. */
  dihitung: number;
  tercapai: number;
  /** The predikat of the rata-rata capaian. */
  predikat: string | null;
  /** What the sasaran with supporting items take of the total anggaran together; null without a budget. */
  alokasi: { anggaran: Decimal; porsi: Decimal | null } | null;
  findings: Finding[];
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

const reached = (i: IndikatorResult) => i.capaian !== null && i.capaian.gte(HUNDRED);

function mean(values: Decimal[]): Decimal | null {
  return values.length === 0 ? null : sum(values).div(values.length);
}

function capped(value: Decimal, settings: Settings): Decimal {
  return settings.batasCapaian === null ? value : Decimal.min(value, settings.batasCapaian);
}

/** Name pairs compared by similarity for one kinerja sheet: 2.500 names against 400 programs and kegiatan. */
const SIMILARITY_PAIRS = 1_000_000;

/** What a supporting text found: an item, nothing, or nothing because the similarity budget was spent before it. */
type Found = { item: BudgetItem; exact: boolean } | 'none' | 'not-compared';

/**
 * Finds the budget items a kinerja row names as its support: by kode or by name at any level, then a
 * program or kegiatan by similarity (the column names programs; a sub kegiatan is named by its kode
 * or name as written). The same text always finds the same item; past SIMILARITY_PAIRS, a text
 * found neither way is not compared.
 */
class BudgetIndex {
  private byKode = new Map<string, BudgetItem>();
  private byName = new Map<string, BudgetItem>();
  private tokens: { item: BudgetItem; tokens: string[] }[] = [];
  private found = new Map<string, Found>();
  private compared = 0;

  constructor(all: BudgetItem[]) {
    for (const item of all) {
      if (item.level === 'rekening') continue;
      if (item.row.kodeKey && !this.byKode.has(item.row.kodeKey)) this.byKode.set(item.row.kodeKey, item);
      const key = item.row.namaKey;
      if (key && !this.byName.has(key)) this.byName.set(key, item);
      if (item.level === 'program' || item.level === 'kegiatan') this.tokens.push({ item, tokens: nameTokens(item.nama) });
    }
  }

  find(text: string): Found {
    let found = this.found.get(text);
    if (found === undefined) this.found.set(text, (found = this.search(text)));
    return found;
  }

  private search(text: string): Found {
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
    if (this.compared + this.tokens.length > SIMILARITY_PAIRS) return 'not-compared';
    this.compared += this.tokens.length;
    const t = nameTokens(name);
    let best: { item: BudgetItem; score: number } | null = null;
    for (const c of this.tokens) {
      const score = similarity(t, c.tokens);
      if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { item: c.item, score };
    }
    return best ? { item: best.item, exact: false } : 'none';
  }
}

/** A program and one of its own kegiatan both named: count the program once. */
function withoutDescendants(items: Set<BudgetItem>): BudgetItem[] {
  const rows = new Set([...items].map((i) => i.row));
  const underOne = (item: BudgetItem) => {
    for (let row = item.row.parent; row !== null; row = row.parent) if (rows.has(row)) return true;
    return false;
  };
  return [...items].filter((item) => !underOne(item));
}

/** How a value is named in a message: `"WTP" (Kinerja!F5)`. */
const written = (v: KinerjaValue) => `${quoted(v.teks)} (${v.ref.lembar}!${v.ref.sel})`;

/** One indikator's capaian, against its target and the Renstra's, with what could not be read. */
function indikatorResult(ind: IndikatorRow, sheetName: string, scales: Skala[], settings: Settings, findings: FindingLog): IndikatorResult {
  for (const v of [ind.target, ind.realisasi, ind.targetRenstra]) {
    if (v && !v.galat && !understood(v, scales)) {
      findings.add(
        finding(
          'nilai-tak-dikenali',
          v.ref,
          `Nilai ${written(v)} tidak dikenali sebagai angka, rentang atau tingkat pada skala; capaian yang memakainya tidak dihitung. Tulis angkanya bila ada.`,
          { tertulis: v.teks },
        ),
      );
    }
  }
  const against = (target: KinerjaValue | null): Capaian => {
    if (!target || !ind.realisasi || !understood(target, scales) || !understood(ind.realisasi, scales)) return { capaian: null, aturan: null, skala: null, rumus: null };
    return capaianOfValues(ind.arahTertulis ? ind.arah : null, target, ind.realisasi, scales);
  };
  const own = against(ind.target);
  const renstra = against(ind.targetRenstra);
  if (!ind.realisasi) {
    findings.add(finding('indikator-tanpa-realisasi', ind.nameRef, `Indikator ${quotedName(ind.nama)} belum memiliki realisasi; tidak ikut dirata-rata.`));
  } else if (own.capaian === null && ind.target?.nilai?.isZero()) {
    findings.add(finding('target-nol', ind.target.ref, `Target indikator ${quotedName(ind.nama)} bernilai 0, sehingga capaian tidak dapat dihitung.`));
  } else if (own.aturan === null && ind.target && understood(ind.target, scales) && understood(ind.realisasi, scales)) {
    findings.add(
      finding(
        'nilai-tak-dikenali',
        ind.realisasi.ref,
        `Realisasi ${written(ind.realisasi)} tidak dapat dibandingkan dengan target ${written(ind.target)} indikator ${quotedName(ind.nama)}; capaian tidak dihitung.`,
      ),
    );
  }
  if (ind.capaianTertulis && own.capaian !== null) {
    const wrong = wrongPercent(ind.capaianTertulis, [own.capaian, capped(own.capaian, settings)]);
    if (wrong) {
      findings.add(
        finding(
          'persen',
          ind.capaianTertulis,
          `Capaian indikator ${quotedName(ind.nama)} di ${sheetName}!${ind.capaianTertulis.sel} tertulis ${formatPersen(wrong)}%, seharusnya ${formatPersen(own.capaian)}% menurut target dan realisasinya.`,
          {
            tertulis: wrong.toDecimalPlaces(2),
            seharusnya: own.capaian.toDecimalPlaces(2),
            decimals: 2,
          },
        ),
      );
    }
  }
  return {
    nama: ind.nama,
    satuan: ind.satuan,
    arah: ind.target?.pembanding ?? ind.arah,
    target: ind.target,
    realisasi: ind.realisasi,
    targetRenstra: ind.targetRenstra,
    realisasiLalu: ind.realisasiLalu,
    perbandingan: ind.realisasi ? comparisons(ind.realisasi, ind.realisasiLalu, scales) : [],
    capaian: own.capaian,
    capaianRenstra: renstra.capaian,
    aturan: own.capaian === null ? null : own.aturan,
    skala: own.capaian === null ? null : own.skala,
    rumus: own.capaian === null ? null : own.rumus,
    rumusRenstra: renstra.capaian === null ? null : renstra.rumus,
    predikat: predikatOf(own.capaian, settings),
    ref: ind.nameRef,
  };
}

/** This year's realisasi against each earlier year's that it can be compared with, latest year first. */
function comparisons(now: KinerjaValue, earlier: IndikatorRow['realisasiLalu'], scales: Skala[]): Perbandingan[] {
  const out: Perbandingan[] = [];
  const skala = scaleOf(now, scales);
  for (const { tahun, nilai: then } of [...earlier].reverse()) {
    if (!then) continue;
    if (skala && (now.nilai === null || then.nilai === null) && scaleOf(then, scales) === skala) {
      const step = levelOn(skala, now) - levelOn(skala, then);
      out.push({ tahun, realisasi: then, selisih: null, perubahan: step === 0 ? 'tetap' : step > 0 ? 'naik' : 'turun' });
    } else if (now.nilai !== null && then.nilai !== null && now.rentang === null && then.rentang === null) {
      const selisih = now.nilai.minus(then.nilai);
      out.push({ tahun, realisasi: then, selisih, perubahan: selisih.isZero() ? 'tetap' : selisih.isPositive() ? 'naik' : 'turun' });
    }
  }
  return out;
}

/** Capaian per indikator and sasaran, predikat, efisiensi and alokasi (SPEC §4). */
export function computeKinerja(sheet: KinerjaSheet, budget: { all: BudgetItem[]; anggaran: Decimal; hasRealisasi: boolean } | null, settings: Settings): KinerjaResult {
  const findings = new FindingLog().addAll(sheet.findings);
  const index = budget ? new BudgetIndex(budget.all) : null;
  const scales = scalesWith(settings.skalaOrdinal);
  const allCapped: Decimal[] = [];
  const all: Decimal[] = [];

  const sasaran = sheet.sasaran.map((s, i): SasaranResult => {
    const indikator = s.indikator.map((ind) => indikatorResult(ind, sheet.name, scales, settings, findings));
    for (const i of indikator) {
      if (i.capaian === null) continue;
      allCapped.push(capped(i.capaian, settings));
      all.push(i.capaian);
    }
    const capaian = mean(indikator.filter((i) => i.capaian !== null).map((i) => capped(i.capaian!, settings)));

    const linked = new Set<BudgetItem>();
    for (const ind of s.indikator) {
      for (const p of ind.pendukung) {
        if (!index) continue;
        const hit = index.find(p.teks);
        if (hit === 'none') findings.add(finding('pendukung-tidak-di-dpa', p.ref, `Program pendukung ${quotedName(p.teks)} tidak ditemukan di DPA.`));
        if (hit === 'not-compared') {
          const why =
            'tidak tertulis persis seperti di DPA, dan terlalu banyak nama seperti itu di lembar ini untuk dicocokkan menurut kemiripan; tulis kodenya atau namanya persis seperti di DPA';
          findings.add(finding('pendukung-tidak-di-dpa', p.ref, `Program pendukung ${quotedName(p.teks)} ${why}.`));
        }
        if (typeof hit === 'string') continue;
        if (!hit.exact) {
          const r = hit.item.row.nameRef;
          findings.add(
            finding('cocok-nama', p.ref, `Program pendukung ${quotedName(p.teks)} dicocokkan dengan ${rowLabel(hit.item)} (${r.lembar}!${r.sel}) karena namanya mirip.`, {
              terkait: r,
            }),
          );
        }
        linked.add(hit.item);
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
      findings.add(
        finding('sasaran-tanpa-program', s.nameRef, `Sasaran ${quotedName(s.nama)} tidak dikaitkan dengan program/kegiatan mana pun; serapan dan efisiensinya tidak dihitung.`),
      );
    }
    const alokasiPendukung = budget ? pendukung.map((i) => percent(i.anggaran, budget.anggaran)) : [];
    return {
      nomor: i + 1,
      nama: s.nama,
      ref: s.nameRef,
      indikator,
      capaian,
      predikat: predikatOf(capaian, settings),
      tercapai: indikator.filter(reached).length,
      pendukung,
      anggaran,
      realisasi,
      serapan,
      efisiensi,
      alokasi,
      alokasiPendukung,
    };
  });

  const keluaran = sheet.keluaran.map((k) => ({ item: k.item, sasaran: k.sasaran, indikator: indikatorResult(k.indikator, sheet.name, scales, settings, findings) }));
  const rataRataCapaian = mean(allCapped);
  // A program supporting two sasaran is allocated once.
  const allocated = sum(withoutDescendants(new Set(sasaran.flatMap((s) => s.pendukung))).map((i) => i.anggaran));
  return {
    sasaran,
    keluaran,
    rataRataCapaian,
    rataRataTanpaBatas: mean(all),
    dihitung: allCapped.length,
    tercapai: sasaran.reduce((n, s) => n + s.tercapai, 0),
    predikat: predikatOf(rataRataCapaian, settings),
    alokasi: budget ? { anggaran: allocated, porsi: percent(allocated, budget.anggaran) } : null,
    findings: findings.list(),
  };
}
