import { BudgetRow, BudgetSheet, rowLabel } from '../read/budget-rows';
import { CellRef, Finding, FindingLog, finding } from '../findings';
import { SIMILARITY_THRESHOLD, nameTokens, similarity } from '../read/names';

type MatchHow = 'kode' | 'nama' | 'mirip' | 'posisi';

export interface Matching {
  /** The realisasi row of a DPA row. */
  realisasiOf(dpaRow: BudgetRow): BudgetRow | null;
  /** The DPA row of a realisasi row. */
  dpaOf(realRow: BudgetRow): BudgetRow | null;
  /** The DPA rows under a realisasi row's counterpart that the realisasi sheet leaves out. */
  absentUnder(realRow: BudgetRow): BudgetRow[];
  findings: Finding[];
}

/** Above this many unmatched rows under one parent, similarity is not tried (it is quadratic). */
const SIMILARITY_LIMIT = 400;

function describe(row: BudgetRow): string {
  return `${rowLabel(row)} (${row.sheet}!${row.nameRef.sel})`;
}

function ref(row: BudgetRow): CellRef {
  return row.nameRef;
}

/** Programs wherever they stand (under urusan/bidang rows or not), else the top rows. */
function topItems(sheet: BudgetSheet): BudgetRow[] {
  const programs = sheet.rows.filter((r) => r.level === 'program' && r.duplicateOf === null);
  return programs.length > 0 ? programs : sheet.roots.filter((r) => r.duplicateOf === null);
}

/** Rows above `rank` replaced by their children until none is: one sheet may skip a level the other has (program → sub kegiatan). */
function atRank(rows: readonly BudgetRow[], rank: number): BudgetRow[] {
  return rows.flatMap((r) => (r.rank < rank && r.children.length > 0 ? atRank(r.children, rank) : [r]));
}

function lowestRank(rows: readonly BudgetRow[]): number {
  let rank = Infinity;
  for (const r of rows) if (r.rank < rank) rank = r.rank;
  return rank;
}

/** The two lists of children to match, brought to the same level where one sheet skips one. */
function aligned(ds: readonly BudgetRow[], rs: readonly BudgetRow[]): [readonly BudgetRow[], readonly BudgetRow[]] {
  const d = lowestRank(ds);
  const r = lowestRank(rs);
  return d < r ? [atRank(ds, r), rs] : r < d ? [ds, atRank(rs, d)] : [ds, rs];
}

/** Matches the realisasi sheet's rows to the DPA's, level by level, as SPEC §3 says. */
export function matchSheets(dpa: BudgetSheet, real: BudgetSheet): Matching {
  // Indexed by BudgetRow.index: a large DPA has tens of thousands of rows, and arrays beat maps.
  const toReal: (BudgetRow | null)[] = new Array<BudgetRow | null>(dpa.rows.length).fill(null);
  const toDpa: (BudgetRow | null)[] = new Array<BudgetRow | null>(real.rows.length).fill(null);
  /** By realisasi row: the DPA rows its children were matched against, where not its counterpart's children. */
  const dpaListOf: (readonly BudgetRow[] | undefined)[] = new Array<readonly BudgetRow[] | undefined>(real.rows.length);
  const findings = new FindingLog();
  const freeD = (d: BudgetRow) => toReal[d.index] === null;
  const freeR = (r: BudgetRow) => toDpa[r.index] === null;

  const matchLists = (ds: readonly BudgetRow[], rs: readonly BudgetRow[]) => {
    const found: BudgetRow[] = [];
    const take = (d: BudgetRow, r: BudgetRow, how: MatchHow) => {
      toReal[d.index] = r;
      toDpa[r.index] = d;
      found.push(d);
      if (how === 'mirip' || how === 'posisi') {
        const why = how === 'mirip' ? 'namanya mirip' : 'satu-satunya rincian di bawah induk yang sama';
        findings.add(
          finding(how === 'mirip' ? 'cocok-nama' : 'cocok-letak', ref(r), `${describe(r)} dicocokkan dengan ${describe(d)} karena ${why}. Periksa apakah keduanya sama.`, {
            terkait: ref(d),
          }),
        );
      }
    };
    let dLeft = ds.filter((d) => d.duplicateOf === null);
    let rLeft = rs.filter((r) => r.duplicateOf === null);

    const byKode = new Map<string, BudgetRow>();
    for (const r of rLeft) if (r.kodeKey && !byKode.has(r.kodeKey)) byKode.set(r.kodeKey, r);
    for (const d of dLeft) {
      const r = d.kodeKey ? byKode.get(d.kodeKey) : undefined;
      if (r && freeR(r)) take(d, r, 'kode');
    }
    if (found.length > 0) {
      dLeft = dLeft.filter(freeD);
      rLeft = rLeft.filter(freeR);
    }

    if (dLeft.length > 0 && rLeft.length > 0) {
      const byName = new Map<string, BudgetRow>();
      for (const r of rLeft) if (r.namaKey && !byName.has(r.namaKey)) byName.set(r.namaKey, r);
      for (const d of dLeft) {
        const r = byName.get(d.namaKey);
        if (r && freeR(r) && !(d.kodeKey && r.kodeKey)) take(d, r, 'nama');
      }
      dLeft = dLeft.filter(freeD);
      rLeft = rLeft.filter(freeR);
    }

    if (dLeft.length > 0 && rLeft.length > 0 && dLeft.length * rLeft.length <= SIMILARITY_LIMIT * SIMILARITY_LIMIT) {
      const candidates: { d: BudgetRow; r: BudgetRow; score: number }[] = [];
      const rTokens = rLeft.map((r) => nameTokens(r.nama));
      for (const d of dLeft) {
        const dt = nameTokens(d.nama);
        rLeft.forEach((r, i) => {
          if (d.kodeKey && r.kodeKey) return;
          const score = similarity(dt, rTokens[i]);
          if (score >= SIMILARITY_THRESHOLD) candidates.push({ d, r, score });
        });
      }
      candidates.sort((a, b) => b.score - a.score);
      for (const c of candidates) if (freeD(c.d) && freeR(c.r)) take(c.d, c.r, 'mirip');
      dLeft = dLeft.filter(freeD);
      rLeft = rLeft.filter(freeR);
    }

    // Two different codes say they are different items, whatever their position.
    if (dLeft.length === 1 && rLeft.length === 1 && !(dLeft[0].kodeKey && rLeft[0].kodeKey)) {
      take(dLeft[0], rLeft[0], 'posisi');
      dLeft = [];
      rLeft = [];
    }

    for (const d of dLeft) {
      findings.add(finding('tidak-di-realisasi', ref(d), `${describe(d)} tidak ada di lembar ${real.name}; realisasinya dihitung 0.`));
    }
    for (const r of rLeft) {
      findings.add(finding('tidak-di-dpa', ref(r), `${describe(r)} tidak ada di lembar ${dpa.name}; angkanya tidak ikut dihitung.`));
    }
    for (const d of found) {
      const r = toReal[d.index]!;
      if (d.children.length === 0 || r.children.length === 0) continue;
      const [dChildren, rChildren] = aligned(d.children, r.children);
      if (dChildren !== d.children) dpaListOf[r.index] = dChildren;
      matchLists(dChildren, rChildren);
    }
  };

  matchLists(topItems(dpa), topItems(real));
  return {
    realisasiOf: (d) => toReal[d.index],
    dpaOf: (r) => toDpa[r.index],
    absentUnder: (r) => {
      const d = toDpa[r.index];
      return d ? (dpaListOf[r.index] ?? d.children).filter((c) => c.duplicateOf === null && toReal[c.index] === null) : [];
    },
    findings: findings.list(),
  };
}
