import { parsePercent, writtenDecimals } from '../read/amount';
import { AmountColumn, AmountCell, BudgetRow, BudgetSheet, countedChildren, PercentCell, LEVEL_NAME, TotalRow } from '../read/budget-sheet';
import { Decimal, ZERO, formatPersen, formatRupiah, percent, selisihText, sum } from '../decimal';
import { Finding, finding } from '../findings';

/** DPA children that the realisasi sheet leaves out, so a parent's anggaran may rightly exceed its listed children. */
export type MissingChildren = (row: BudgetRow) => { amount: Decimal; names: string[] } | null;

/** How a finding names a row; null is the sheet's JUMLAH row. */
function labelOf(row: BudgetRow | null): string {
  return row ? `${LEVEL_NAME[row.level]} “${row.nama}”` : 'baris JUMLAH';
}

const COLUMN_NAME: Record<AmountColumn, string> = { anggaran: 'Anggaran', realisasi: 'Realisasi' };

/** What the user sees written for a row, falling back to the bottom-up value where the cell is blank or unreadable. */
function writtenOrComputed(row: BudgetRow, col: AmountColumn): Decimal {
  const a = row.amountOf(col);
  return a && !a.empty && a.value !== null ? a.value : (row.computedOf(col) ?? ZERO);
}

const isLeaf = (row: BudgetRow) => row.children.length === 0;

/**
 * `jumlah` findings: a written parent or total that is neither the sum of its children as written
 * nor the bottom-up sum. Checking against both keeps one mistake to one finding: a wrong leaf is
 * flagged at its parent only, a wrong subtotal at the subtotal only.
 */
export function checkSums(sheet: BudgetSheet, col: AmountColumn, missing?: MissingChildren): Finding[] {
  const out: Finding[] = [];
  const check = (written: AmountCell | undefined, children: readonly BudgetRow[], owner: BudgetRow | null) => {
    if (!written || written.empty || written.value === null || children.length === 0) return;
    const extra = owner && missing ? missing(owner) : null;
    // A missing row's anggaran is known from the DPA; its realisasi is not.
    const plus = extra && col === 'anggaran' ? extra.amount : ZERO;
    // A leaf's amount is its own bottom-up value: children that are all leaves add up to the owner's.
    const childrenAsWritten = owner !== null && children.every(isLeaf) ? owner.computedOf(col)! : sum(children.map((c) => writtenOrComputed(c, col)));
    const asWritten = plus.isZero() ? childrenAsWritten : childrenAsWritten.plus(plus);
    if (written.value.eq(asWritten)) return;
    const bottomUpChildren = sum(children.map((c) => c.computedOf(col) ?? ZERO));
    const bottomUp = plus.isZero() ? bottomUpChildren : bottomUpChildren.plus(plus);
    if (written.value.eq(bottomUp)) return;
    const diff = written.value.minus(asWritten);
    let pesan = `${COLUMN_NAME[col]} ${labelOf(owner)} tertulis ${formatRupiah(written.value)}, tetapi jumlah rinciannya ${formatRupiah(asWritten)} (tertulis ${selisihText(diff)}).`;
    if (!bottomUp.eq(asWritten)) pesan += ` Menurut rincian terbawah jumlahnya ${formatRupiah(bottomUp)}.`;
    if (extra && col === 'realisasi') pesan += ` Tidak ada di lembar ini: ${extra.names.map((n) => `“${n}”`).join(', ')}.`;
    out.push(finding('jumlah', written, pesan, { tertulis: written.value, seharusnya: asWritten }));
  };
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (!row.duplicateOf && row.children.length > 0) check(row.amountOf(col), countedChildren(row.children), row);
  }
  if (sheet.total) check(sheet.total.amountOf(col), countedChildren(sheet.roots), null);
  return out;
}

/**
 * `persen` findings: a written percentage that matches neither its own row's numbers nor the
 * corrected ones (a percentage already right for the corrected amount is not a second mistake).
 */
export function checkPercentages(sheet: BudgetSheet, corrected: (row: BudgetRow | null) => Decimal | null): Finding[] {
  const out: Finding[] = [];
  const check = (cell: PercentCell | null, own: Decimal | null, fixed: Decimal | null, owner: BudgetRow | null) => {
    if (!cell || (own === null && fixed === null)) return;
    const p = parsePercent(cell.raw, cell.format, own ?? fixed);
    if (p.kind !== 'number') return;
    const decimals = Math.min(writtenDecimals(cell.raw, cell.format), 2);
    const tolerance = new Decimal('0.01');
    const close = (x: Decimal | null) => x !== null && p.value.minus(x.toDecimalPlaces(decimals)).abs().lte(tolerance);
    if (close(own) || close(fixed)) return;
    const expected = own ?? fixed!;
    out.push(
      finding('persen', cell, `Persentase ${labelOf(owner)} tertulis ${formatPersen(p.value)}%, seharusnya ${formatPersen(expected)}% menurut angka di barisnya sendiri.`, {
        tertulis: p.value.toDecimalPlaces(2),
        seharusnya: expected.toDecimalPlaces(2),
        decimals: 2,
      }),
    );
  };
  const ownRatio = (row: BudgetRow | TotalRow) => {
    const a = row.amountOf('anggaran');
    const r = row.amountOf('realisasi');
    if (!a || !r || a.value === null || r.value === null) return null;
    return percent(r.value, a.value);
  };
  for (const row of sheet.rows) if (row.persen) check(row.persen, ownRatio(row), corrected(row), row);
  if (sheet.total) check(sheet.total.persen, ownRatio(sheet.total), corrected(null), null);
  return out;
}
