import { parsePercent, writtenDecimals } from '../read/amount';
import { AmountColumn, AmountCell, BudgetRow, BudgetSheet, countedChildren, PercentCell, rowLabel, TotalRow } from '../read/budget-rows';
import { Decimal, ZERO, formatPersen, formatRupiah, percent, selisihText, sum } from '../decimal';
import { CellRef, Finding, FindingLog, finding, nameList, quotedName } from '../findings';

/** DPA children that the realisasi sheet leaves out, so a parent's anggaran may rightly exceed its listed children. */
export type MissingChildren = (row: BudgetRow) => { amount: Decimal; names: string[] } | null;

/** How a finding names a row or a total line. */
function labelOf(row: BudgetRow | TotalRow): string {
  return 'level' in row ? rowLabel(row) : `baris ${quotedName(row.nama)}`;
}

const COLUMN_NAME: Record<AmountColumn, string> = { anggaran: 'Anggaran', realisasi: 'Realisasi' };

/** What the user sees written for a row, falling back to the bottom-up value where the cell is blank or unreadable. */
function writtenOrComputed(row: BudgetRow, col: AmountColumn): Decimal {
  const a = row.amountOf(col);
  return a && !a.empty && a.value !== null ? a.value : (row.computedOf(col) ?? ZERO);
}

/** A cell's amount when something readable is written in it. */
function recorded(cell: AmountCell | undefined): Decimal | null {
  return cell && !cell.empty && cell.value !== null ? cell.value : null;
}

const isLeaf = (row: BudgetRow) => row.children.length === 0;

/** The other sheet's rows, to tell which side of a wrong sum is likely the mistake. */
export interface OtherSheet {
  name: string;
  rowOf(row: BudgetRow): BudgetRow | null;
  totalOf(total: TotalRow): TotalRow | null;
}

/**
 * Where the other sheet agrees with one side of a wrong sum: with the children (the written sum is
 * likely wrong), or with the written sum and differs on exactly one child by the same amount (that
 * child is likely wrong, with the only children below it that carry the same figure).
 */
function likelyWrong(
  written: AmountCell & { value: Decimal },
  asWritten: Decimal,
  children: readonly BudgetRow[],
  there: AmountCell | undefined,
  other: OtherSheet,
  col: AmountColumn,
): { text: string; cells: CellRef[] } {
  const parentThere = recorded(there);
  if (parentThere !== null && parentThere.eq(asWritten)) {
    return {
      text: ` Kemungkinan yang salah: ${written.lembar}!${written.sel} sendiri, karena lembar ${other.name} mencatat ${formatRupiah(parentThere)} (${there!.lembar}!${there!.sel}), sama dengan jumlah rinciannya.`,
      cells: [],
    };
  }
  const none = { text: '', cells: [] };
  if (parentThere !== null && !parentThere.eq(written.value)) return none;
  const diff = written.value.minus(asWritten);
  const differsBy = (row: BudgetRow) => {
    const cell = other.rowOf(row)?.amountOf(col);
    const v = recorded(cell);
    return v !== null && v.minus(writtenOrComputed(row, col)).eq(diff) ? cell! : null;
  };
  const suspects = children.filter((c) => differsBy(c) !== null);
  if (suspects.length !== 1) return none;
  const suspect = suspects[0];
  const value = writtenOrComputed(suspect, col);
  const cells: CellRef[] = [suspect.amountOf(col) ?? suspect.nameRef];
  for (let row = suspect; countedChildren(row.children).length === 1;) {
    row = countedChildren(row.children)[0];
    const cell = row.amountOf(col);
    if (!cell || !recorded(cell)?.eq(value) || !differsBy(row)) break;
    cells.push(cell);
  }
  const thereCell = differsBy(suspect)!;
  const below =
    cells.length > 1
      ? `, juga ${cells
          .slice(1)
          .map((c) => `${c.lembar}!${c.sel}`)
          .join(' dan ')} di bawahnya`
      : '';
  return {
    text:
      ` Kemungkinan yang salah: ${cells[0].lembar}!${cells[0].sel} (${formatRupiah(value)}${below}), bukan jumlahnya: lembar ${other.name} mencatat ` +
      `${rowLabel(suspect)} ${formatRupiah(thereCell.value!)} (${thereCell.lembar}!${thereCell.sel}), yang membuat ${formatRupiah(written.value)} benar.`,
    cells,
  };
}

/**
 * `jumlah` findings: a written parent or total that is neither the sum of its children as written
 * nor the bottom-up sum. Checking against both keeps one mistake to one finding: a wrong leaf is
 * flagged at its parent only, a wrong subtotal at the subtotal only. With the other sheet, the
 * message says which cell is likely wrong.
 */
export function checkSums(sheet: BudgetSheet, col: AmountColumn, missing?: MissingChildren, other?: OtherSheet): Finding[] {
  const out = new FindingLog();
  const check = (written: AmountCell | undefined, children: readonly BudgetRow[], owner: BudgetRow | TotalRow) => {
    if (!written || written.empty || written.value === null || children.length === 0) return;
    const row = 'level' in owner ? owner : null;
    const extra = row && missing ? missing(row) : null;
    // A missing row's anggaran is known from the DPA; its realisasi is not.
    const plus = extra && col === 'anggaran' ? extra.amount : ZERO;
    // A leaf's amount is its own bottom-up value: children that are all leaves add up to the owner's.
    const childrenAsWritten = row !== null && children.every(isLeaf) ? row.computedOf(col)! : sum(children.map((c) => writtenOrComputed(c, col)));
    const asWritten = plus.isZero() ? childrenAsWritten : childrenAsWritten.plus(plus);
    if (written.value.eq(asWritten)) return;
    const bottomUpChildren = sum(children.map((c) => c.computedOf(col) ?? ZERO));
    const bottomUp = plus.isZero() ? bottomUpChildren : bottomUpChildren.plus(plus);
    if (written.value.eq(bottomUp)) return;
    const diff = written.value.minus(asWritten);
    let pesan = `${COLUMN_NAME[col]} ${labelOf(owner)} tertulis ${formatRupiah(written.value)}, tetapi jumlah rinciannya ${formatRupiah(asWritten)} (tertulis ${selisihText(diff)}).`;
    if (!bottomUp.eq(asWritten)) pesan += ` Menurut rincian terbawah jumlahnya ${formatRupiah(bottomUp!)}.`;
    if (extra && col === 'realisasi') pesan += ` Tidak ada di lembar ini: ${nameList(extra.names.map(quotedName))}.`;
    const blank = children.filter((c) => c.children.length === 0 && c.amountOf(col)?.empty);
    if (blank.length > 0) pesan += ` ${COLUMN_NAME[col]} rincian ini kosong: ${nameList(blank.map((c) => `${rowLabel(c)} (${c.amountOf(col)!.lembar}!${c.amountOf(col)!.sel})`))}.`;
    let dugaan: CellRef[] = [];
    if (other) {
      const there = row ? other.rowOf(row)?.amountOf(col) : other.totalOf(owner as TotalRow)?.amountOf(col);
      const wrong = likelyWrong(written as AmountCell & { value: Decimal }, asWritten, children, there, other, col);
      pesan += wrong.text;
      dugaan = wrong.cells;
    }
    out.add(finding('jumlah', written, pesan, { tertulis: written.value, seharusnya: asWritten, dugaan }));
  };
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (!row.duplicateOf && row.children.length > 0) check(row.amountOf(col), countedChildren(row.children), row);
  }
  for (const total of sheet.totals) check(total.amountOf(col), countedChildren(total.scope), total);
  return out.list();
}

/**
 * The written percentage of a cell when it is none of the expected values at its own precision
 * (within 0,01), or null when it is one of them or not a number.
 */
export function wrongPercent(cell: PercentCell, expected: (Decimal | null)[]): Decimal | null {
  const hint = expected.find((x): x is Decimal => x !== null);
  if (hint === undefined) return null;
  const p = parsePercent(cell.raw, cell.format, hint);
  if (p.kind !== 'number') return null;
  const decimals = Math.min(writtenDecimals(cell.raw, cell.format), 2);
  const close = (x: Decimal | null) => x !== null && p.value.minus(x.toDecimalPlaces(decimals)).abs().lte(PERCENT_TOLERANCE);
  return expected.some(close) ? null : p.value;
}

const PERCENT_TOLERANCE = new Decimal('0.01');

/**
 * `persen` findings: a written percentage that matches neither its own row's numbers nor the
 * corrected ones (a percentage already right for the corrected amount is not a second mistake).
 */
export function checkPercentages(sheet: BudgetSheet, corrected: (row: BudgetRow | TotalRow) => Decimal | null): Finding[] {
  const out = new FindingLog();
  const check = (cell: PercentCell | null, own: Decimal | null, fixed: Decimal | null, label: string) => {
    if (!cell) return;
    const written = wrongPercent(cell, [own, fixed]);
    if (written === null) return;
    const expected = own ?? fixed!;
    out.add(
      finding('persen', cell, `Persentase ${label} tertulis ${formatPersen(written)}%, seharusnya ${formatPersen(expected)}% menurut angka di barisnya sendiri.`, {
        tertulis: written.toDecimalPlaces(2),
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
  for (const row of sheet.rows) if (row.persen) check(row.persen, ownRatio(row), corrected(row), labelOf(row));
  for (const total of sheet.totals) check(total.persen, ownRatio(total), corrected(total), labelOf(total));
  return out.list();
}
