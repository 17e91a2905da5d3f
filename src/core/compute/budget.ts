import { AmountCell, AmountColumn, BudgetRow, BudgetSheet, countedChildren, Level, rowLabel, sheetTotal } from '../read/budget-rows';
import { MissingChildren, OtherSheet, checkPercentages, checkSums } from './checks';
import { normalizeName } from '../read/names';
import { Decimal, ZERO, formatRupiah, percent, selisihText, sum } from '../decimal';
import { Finding, FindingLog, finding } from '../findings';
import { Matching, matchSheets } from './match';
import { memo } from '../memo';

/** One row of the computed budget: DPA structure, DPA anggaran, realisasi from the realisasi sheet. */
export interface BudgetItem {
  level: Level;
  kode: string | null;
  nama: string;
  anggaran: Decimal;
  /** null where the realisasi sheet does not go this deep, or there is no realisasi sheet. */
  realisasi: Decimal | null;
  readonly serapan: Decimal | null;
  readonly children: readonly BudgetItem[];
  row: BudgetRow;
}

const NO_CHILDREN: readonly Item[] = [];

/** serapan is worked out when read: most of a large DPA's rekening rows are never shown. */
class Item implements BudgetItem {
  level: Level;
  kode: string | null;
  nama: string;
  anggaran: Decimal;
  realisasi: Decimal | null = null;
  children: readonly Item[] = NO_CHILDREN;
  /** The realisasi is the counterpart's bottom-up value on the realisasi sheet. */
  mirrorsRealisasiSheet = false;
  private serapanCache: Decimal | null | undefined;

  constructor(readonly row: BudgetRow) {
    this.level = row.level;
    this.kode = row.kode;
    this.nama = row.nama;
    this.anggaran = row.computedOf('anggaran') ?? ZERO;
  }

  get serapan(): Decimal | null {
    if (this.serapanCache === undefined) this.serapanCache = this.realisasi === null ? null : percent(this.realisasi, this.anggaran);
    return this.serapanCache;
  }
}

export type JenisBelanja = 'operasi' | 'modal' | 'tidakTerduga' | 'transfer';

export interface BelanjaFigures {
  anggaran: Decimal;
  realisasi: Decimal | null;
  serapan: Decimal | null;
  /** Share of the whole budget, in percent. */
  porsi: Decimal | null;
}

export interface BelanjaJenis extends BelanjaFigures {
  jenis: JenisBelanja;
}

/** Belanja per jenis (operasi, modal, …) with their sum, when the DPA goes down to rekening. */
export interface Belanja {
  jenis: BelanjaJenis[];
  jumlah: BelanjaFigures;
}

/** The whole budget's anggaran, realisasi and serapan, and its items. */
export interface BudgetResult extends Omit<BelanjaFigures, 'porsi'> {
  /** Top of the tree (urusan/bidang rows, when the DPA has them, or programs). */
  items: BudgetItem[];
  /** Every item, in DPA order. */
  all: BudgetItem[];
  belanja: Belanja | null;
  /** The programs (or top items) in DPA order; how many programs, kegiatan and sub kegiatan there are. */
  program: BudgetItem[];
  banyak: Record<'program' | 'kegiatan' | 'subKegiatan', number>;
  /** The programs with the highest and the lowest serapan (every one on a tie); null with fewer than two. */
  serapanProgram: { tertinggi: BudgetItem[]; terendah: BudgetItem[] } | null;
  findings: Finding[];
}

/** The items of `level` nearest below `item` (a program's kegiatan, a kegiatan's sub kegiatan). */
export function descendantsAt(items: readonly BudgetItem[], level: Level): BudgetItem[] {
  const out: BudgetItem[] = [];
  const visit = (i: BudgetItem) => (i.level === level ? out.push(i) : i.children.forEach(visit));
  items.forEach(visit);
  return out;
}

const BELANJA_PREFIX: Record<string, JenisBelanja> = { '5.1': 'operasi', '5.2': 'modal', '5.3': 'tidakTerduga', '5.4': 'transfer' };

/**
 * Builds the budget result from the DPA and the realisasi sheet (the same sheet when one carries
 * both), with every check of SPEC §5 that concerns amounts.
 */
export function computeBudget(dpa: BudgetSheet, real: BudgetSheet | null): BudgetResult {
  const findings = new FindingLog().addAll(dpa.findings);
  const single = real === dpa;
  const matching = real && !single ? matchSheets(dpa, real) : null;
  if (real && !single) findings.addAll(real.findings);

  const realOf = (row: BudgetRow): BudgetRow | null => (single ? row : (matching?.realisasiOf(row) ?? null));
  const all: BudgetItem[] = [];
  // By BudgetRow.index of the DPA row.
  const itemAt: BudgetItem[] = new Array<BudgetItem>(dpa.rows.length);
  const build = (row: BudgetRow, realisasiKnown: boolean): Item => {
    const r = realOf(row);
    const counted = countedChildren(row.children);
    const leafOnRealSide = r !== null && r.children.length === 0 && counted.length > 0 && !single;
    const item = new Item(row);
    all.push(item);
    itemAt[row.index] = item;
    if (counted.length > 0) item.children = counted.map((c) => build(c, realisasiKnown && !leafOnRealSide));
    if (real && realisasiKnown) {
      if (leafOnRealSide || counted.length === 0) {
        item.realisasi = r ? (r.computedOf('realisasi') ?? ZERO) : ZERO;
        item.mirrorsRealisasiSheet = r !== null;
      } else if (r && mirrorsChildren(item, r)) {
        // The same sum was made on the realisasi sheet, over the same rows: not made twice.
        item.realisasi = r.computedOf('realisasi') ?? ZERO;
        item.mirrorsRealisasiSheet = true;
      } else item.realisasi = sum(item.children.map((c) => c.realisasi ?? ZERO));
    }
    return item;
  };
  /** Every child carries its counterpart's value, and the counterparts are all of `r`'s children. */
  const mirrorsChildren = (item: Item, r: BudgetRow): boolean =>
    countedChildren(r.children).length === item.children.length && item.children.every((c) => c.mirrorsRealisasiSheet && realOf(c.row)!.parent === r);
  const items = dpa.roots.filter((r) => r.duplicateOf === null).map((r) => build(r, true));

  const otherOf = (sheet: BudgetSheet, rowOf: (row: BudgetRow) => BudgetRow | null): OtherSheet => ({
    name: sheet.name,
    rowOf,
    totalOf: (total) => sheet.totals.find((t) => normalizeName(t.nama) === normalizeName(total.nama)) ?? (sheet.totals.length === 1 ? sheet.totals[0] : null),
  });
  const realHasAnggaran = real !== null && !single && real.header.columns.anggaran !== undefined;
  findings.addAll(checkSums(dpa, 'anggaran', undefined, realHasAnggaran && matching ? otherOf(real, matching.realisasiOf) : undefined));
  if (real) {
    const missing: MissingChildren | undefined = matching
      ? (row) => {
          const absent = matching.absentUnder(row);
          return absent.length === 0 ? null : { amount: sum(absent.map((c) => c.computedOf('anggaran') ?? ZERO)), names: absent.map((c) => c.nama) };
        }
      : undefined;
    if (realHasAnggaran) findings.addAll(checkSums(real, 'anggaran', missing, matching ? otherOf(dpa, matching.dpaOf) : undefined));
    findings.addAll(blankRealisasi(real, (row) => (single ? row : matching?.dpaOf(row)) ?? null));
    findings.addAll(checkSums(real, 'realisasi', missing));
    findings.addAll(
      checkPercentages(real, (row) => {
        if (!('level' in row)) {
          const scope = row.scope.map((r) => (single ? r : matching?.dpaOf(r))).map((d) => (d ? itemAt[d.index] : undefined));
          if (scope.some((i) => i === undefined)) return null;
          return percent(sumItems(scope as BudgetItem[], 'realisasi'), sumItems(scope as BudgetItem[], 'anggaran'));
        }
        const d = single ? row : matching?.dpaOf(row);
        const item = d ? itemAt[d.index] : undefined;
        return item?.serapan ?? null;
      }),
    );
    if (matching) {
      findings.addAll(matching.findings);
      findings.addAll(checkBetweenSheets(items, itemAt, matching, real.name));
    }
    findings.addAll(checkOverspend(items, realOf));
  }

  const anggaran = sheetTotal(dpa, 'anggaran');
  const realisasi = real ? sumItems(items, 'realisasi') : null;
  const programs = descendantsAt(items, 'program');
  const program = programs.length > 0 ? programs : items;
  return {
    anggaran,
    realisasi,
    serapan: realisasi === null ? null : percent(realisasi, anggaran),
    items,
    all,
    belanja: belanjaByJenis(all, anggaran),
    program,
    banyak: { program: programs.length, kegiatan: descendantsAt(items, 'kegiatan').length, subKegiatan: descendantsAt(items, 'subKegiatan').length },
    serapanProgram: extremes(program),
    findings: findings.list(),
  };
}

function extremes(programs: BudgetItem[]): BudgetResult['serapanProgram'] {
  const known = programs.filter((p) => p.serapan !== null);
  if (known.length < 2) return null;
  const at = (better: (a: Decimal, b: Decimal) => boolean) => {
    const value = known.map((p) => p.serapan!).reduce((a, b) => (better(b, a) ? b : a));
    return known.filter((p) => p.serapan!.eq(value));
  };
  return { tertinggi: at((a, b) => a.gt(b)), terendah: at((a, b) => a.lt(b)) };
}

/**
 * `data-kosong`: a lowest row of the realisasi sheet whose realisasi cell is empty while it has an
 * anggaran. It counts as 0, which a clerk may not have meant: the cell is named so it can be filled.
 */
function blankRealisasi(real: BudgetSheet, dpaOf: (row: BudgetRow) => BudgetRow | null): Finding[] {
  const out = new FindingLog();
  for (const row of real.rows) {
    const cell = row.amountOf('realisasi');
    if (row.children.length > 0 || row.duplicateOf !== null || !cell?.empty) continue;
    const anggaran = row.amountOf('anggaran')?.value ?? dpaOf(row)?.computedOf('anggaran') ?? null;
    if (anggaran === null || anggaran.isZero()) continue;
    out.add(
      finding(
        'realisasi-kosong',
        cell,
        `Realisasi ${rowLabel(row)} kosong di ${cell.lembar}!${cell.sel}, padahal anggarannya ${formatRupiah(anggaran)}; dihitung 0. Tulis 0 bila memang belum ada realisasi.`,
      ),
    );
  }
  return out.list();
}

function sumItems(items: BudgetItem[], col: AmountColumn): Decimal {
  return sum(items.map((i) => (col === 'anggaran' ? i.anggaran : (i.realisasi ?? ZERO))));
}

/**
 * `antar-lembar`: the realisasi sheet's anggaran differs from the DPA's. Reported once, at the
 * deepest row where the difference starts (a row whose children do not carry it), naming the rows
 * above that differ by the same amount.
 */
function checkBetweenSheets(items: BudgetItem[], itemAt: readonly BudgetItem[], matching: Matching, realName: string): Finding[] {
  const out = new FindingLog();
  /** The realisasi sheet's anggaran cell of an item, where something readable is written there. */
  const thereOf = (item: BudgetItem): AmountCell | null => {
    const there = matching.realisasiOf(item.row)?.amountOf('anggaran');
    return there && !there.empty && there.value !== null ? there : null;
  };
  const diffOf = (there: AmountCell, item: BudgetItem) => (there.value!.eq(item.anggaran) ? ZERO : there.value!.minus(item.anggaran));
  /** The rows above that both sheets carry and that differ by the same amount, nearest first. */
  const sameAbove = (item: BudgetItem, diff: Decimal) => {
    const parents: { item: BudgetItem; there: AmountCell }[] = [];
    for (let row = item.row.parent; row !== null; row = row.parent) {
      const parent = itemAt[row.index];
      const there = thereOf(parent);
      if (there === null) continue;
      if (!diffOf(there, parent).eq(diff)) break;
      parents.push({ item: parent, there });
    }
    return parents;
  };
  /** How much an item differs between the sheets: its own difference where the realisasi sheet has it, else its children's. */
  const visit = (item: BudgetItem): Decimal => {
    const r = matching.realisasiOf(item.row);
    const there = thereOf(item);
    let carried = ZERO;
    // Below a row the realisasi sheet does not break down, nothing more is compared.
    if (!(r !== null && r.children.length === 0)) {
      for (const c of item.children) {
        const d = visit(c);
        if (!d.isZero()) carried = carried.plus(d);
      }
    }
    if (there === null) return carried;
    const own = diffOf(there, item);
    if (!own.isZero() && !own.eq(carried)) out.add(betweenSheets(item, there, realName, sameAbove(item, own)));
    return own;
  };
  items.forEach(visit);
  return out.list();
}

const dpaCell = (item: BudgetItem) => item.row.amountOf('anggaran') ?? item.row.nameRef;

function betweenSheets(item: BudgetItem, there: AmountCell, realName: string, parents: { item: BudgetItem; there: AmountCell }[]): Finding {
  const written = there.value!;
  const dpaRef = dpaCell(item);
  const named = (i: BudgetItem, cell: AmountCell) => `${rowLabel(i)} (${cell.lembar}!${cell.sel} dan ${dpaCell(i).lembar}!${dpaCell(i).sel})`;
  return finding(
    'antar-lembar',
    there,
    `Anggaran ${rowLabel(item)} di lembar ${realName} ${formatRupiah(written)}, di DPA (${dpaRef.lembar}!${dpaRef.sel}) ${formatRupiah(item.anggaran)} ` +
      `(di lembar realisasi ${selisihText(written.minus(item.anggaran))}). DPA yang dipakai.` +
      (parents.length > 0 ? ` Selisih yang sama ada pada induknya: ${parents.map((p) => named(p.item, p.there)).join(', ')}.` : '') +
      (item.realisasi !== null && item.realisasi.gt(item.anggaran) ? ` Dengan anggaran DPA, realisasinya (${formatRupiah(item.realisasi)}) melebihi anggaran.` : ''),
    { tertulis: written, seharusnya: item.anggaran, terkait: dpaRef },
  );
}

/**
 * `melebihi`: realisasi above anggaran, at the deepest rows where it happens. Where the realisasi
 * sheet's own anggaran covers the realisasi, the excess comes from the two sheets' anggaran
 * differing, which the `antar-lembar` finding already reports.
 */
function checkOverspend(items: BudgetItem[], realOf: (row: BudgetRow) => BudgetRow | null): Finding[] {
  const out = new FindingLog();
  const visit = (item: BudgetItem): boolean => {
    let childOver = false;
    for (const c of item.children) if (visit(c)) childOver = true;
    const realisasi = item.realisasi;
    if (realisasi === null || !realisasi.gt(item.anggaran)) return false;
    if (childOver) return true;
    const r = realOf(item.row);
    const ownAnggaran = r && r !== item.row ? (r.amountOf('anggaran')?.value ?? null) : null;
    if (ownAnggaran === null || realisasi.gt(ownAnggaran)) {
      out.add(
        finding(
          'melebihi',
          r?.amountOf('realisasi') ?? item.row.nameRef,
          `Realisasi ${rowLabel(item)} ${formatRupiah(realisasi)} melebihi anggarannya ${formatRupiah(item.anggaran)}.`,
          {
            tertulis: realisasi,
            seharusnya: item.anggaran,
          },
        ),
      );
    }
    return true;
  };
  items.forEach(visit);
  return out.list();
}

const jenisOf = memo((kode: string): JenisBelanja | undefined => BELANJA_PREFIX[/^\d+\.\d+/.exec(kode)?.[0] ?? '']);

const JENIS_ORDER: readonly JenisBelanja[] = ['operasi', 'modal', 'tidakTerduga', 'transfer'];

function figures(anggaran: Decimal, realisasi: Decimal | null, whole: Decimal): BelanjaFigures {
  return { anggaran, realisasi, serapan: realisasi === null ? null : percent(realisasi, anggaran), porsi: percent(anggaran, whole) };
}

/** Anggaran and realisasi per jenis belanja (SPEC §4), summed over the rekening leaves; null without rekening rows. */
function belanjaByJenis(all: BudgetItem[], whole: Decimal): Belanja | null {
  const groups = new Map<JenisBelanja, BudgetItem[]>();
  for (const item of all) {
    if (item.children.length > 0 || item.level !== 'rekening' || !item.kode) continue;
    const jenis = jenisOf(item.kode);
    const list = jenis && groups.get(jenis);
    if (list) list.push(item);
    else if (jenis) groups.set(jenis, [item]);
  }
  if (groups.size === 0) return null;
  const jenis = JENIS_ORDER.filter((j) => groups.has(j)).map((j): BelanjaJenis => {
    const list = groups.get(j)!;
    const realisasi = list.some((i) => i.realisasi === null) ? null : sum(list.map((i) => i.realisasi!));
    return { jenis: j, ...figures(sum(list.map((i) => i.anggaran)), realisasi, whole) };
  });
  const jumlahRealisasi = jenis.some((b) => b.realisasi === null) ? null : sum(jenis.map((b) => b.realisasi!));
  return { jenis, jumlah: figures(sum(jenis.map((b) => b.anggaran)), jumlahRealisasi, whole) };
}
