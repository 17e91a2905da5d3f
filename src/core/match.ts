import { BudgetRow, BudgetSheet, LEVEL_NAME } from './budget';
import { CellRef, Finding, finding } from './findings';
import { SIMILARITY_THRESHOLD, nameTokens, similarity } from './names';

export type MatchHow = 'kode' | 'nama' | 'mirip' | 'posisi';

export interface Matching {
  /** DPA row → realisasi row. */
  toRealisasi: Map<BudgetRow, BudgetRow>;
  /** Realisasi row → DPA row. */
  toDpa: Map<BudgetRow, BudgetRow>;
  findings: Finding[];
}

/** Above this many unmatched rows under one parent, similarity is not tried (it is quadratic). */
const SIMILARITY_LIMIT = 400;

function describe(row: BudgetRow): string {
  return `${LEVEL_NAME[row.level]} "${row.nama}" (${row.sheet}!${row.nameRef.sel})`;
}

function ref(row: BudgetRow): CellRef {
  return row.nameRef;
}

/** Programs wherever they stand (under urusan/bidang rows or not), else the top rows. */
function topItems(sheet: BudgetSheet): BudgetRow[] {
  const programs = sheet.rows.filter((r) => r.level === 'program' && r.duplicateOf === null);
  return programs.length > 0 ? programs : sheet.roots.filter((r) => r.duplicateOf === null);
}

/** Matches the realisasi sheet's rows to the DPA's, level by level, as SPEC §3 says. */
export function matchSheets(dpa: BudgetSheet, real: BudgetSheet): Matching {
  const m: Matching = { toRealisasi: new Map(), toDpa: new Map(), findings: [] };
  const pair = (d: BudgetRow, r: BudgetRow, how: MatchHow) => {
    m.toRealisasi.set(d, r);
    m.toDpa.set(r, d);
    if (how === 'mirip' || how === 'posisi') {
      const why = how === 'mirip' ? 'namanya mirip' : 'satu-satunya rincian di bawah induk yang sama';
      m.findings.push(finding('pencocokan', ref(r), `${describe(r)} dicocokkan dengan ${describe(d)} karena ${why}. Periksa apakah keduanya sama.`, undefined, ref(d)));
    }
  };

  const matchLists = (ds: BudgetRow[], rs: BudgetRow[]) => {
    const freeD = new Set(ds.filter((d) => d.duplicateOf === null));
    const freeR = new Set(rs.filter((r) => r.duplicateOf === null));
    const found: [BudgetRow, BudgetRow][] = [];
    const take = (d: BudgetRow, r: BudgetRow, how: MatchHow) => {
      freeD.delete(d);
      freeR.delete(r);
      pair(d, r, how);
      found.push([d, r]);
    };

    const byKode = new Map<string, BudgetRow>();
    for (const r of freeR) if (r.kodeKey && !byKode.has(r.kodeKey)) byKode.set(r.kodeKey, r);
    for (const d of [...freeD]) {
      const r = d.kodeKey ? byKode.get(d.kodeKey) : undefined;
      if (r && freeR.has(r)) take(d, r, 'kode');
    }

    const byName = new Map<string, BudgetRow>();
    for (const r of freeR) if (r.namaKey && !byName.has(r.namaKey)) byName.set(r.namaKey, r);
    for (const d of [...freeD]) {
      const r = byName.get(d.namaKey);
      if (r && freeR.has(r) && !(d.kodeKey && r.kodeKey)) take(d, r, 'nama');
    }

    if (freeD.size > 0 && freeR.size > 0 && freeD.size * freeR.size <= SIMILARITY_LIMIT * SIMILARITY_LIMIT) {
      const candidates: { d: BudgetRow; r: BudgetRow; score: number }[] = [];
      const rTokens = new Map([...freeR].map((r) => [r, nameTokens(r.nama)]));
      for (const d of freeD) {
        const dt = nameTokens(d.nama);
        for (const r of freeR) {
          if (d.kodeKey && r.kodeKey) continue;
          const score = similarity(dt, rTokens.get(r)!);
          if (score >= SIMILARITY_THRESHOLD) candidates.push({ d, r, score });
        }
      }
      candidates.sort((a, b) => b.score - a.score);
      for (const c of candidates) if (freeD.has(c.d) && freeR.has(c.r)) take(c.d, c.r, 'mirip');
    }

    if (freeD.size === 1 && freeR.size === 1) {
      const [d] = freeD;
      const [r] = freeR;
      // Two different codes say they are different items, whatever their position.
      if (!(d.kodeKey && r.kodeKey)) take(d, r, 'posisi');
    }

    for (const d of freeD) {
      m.findings.push(finding('tidak-ditemukan', ref(d), `${describe(d)} tidak ada di lembar ${real.name}; realisasinya dihitung 0.`));
    }
    for (const r of freeR) {
      m.findings.push(finding('tidak-ditemukan', ref(r), `${describe(r)} tidak ada di lembar ${dpa.name}; angkanya tidak ikut dihitung.`));
    }
    for (const [d, r] of found) if (d.children.length > 0 && r.children.length > 0) matchLists(d.children, r.children);
  };

  matchLists(topItems(dpa), topItems(real));
  return m;
}
