/**
 * What a budget sheet is read into: its rows (program … rekening) with their cells and bottom-up
 * sums, its total lines, and the sheet. The reader (budget-sheet.ts) makes them.
 */
import { CellValue, Grid, cellAddress } from '../grid';
import { Decimal, ZERO, sum } from '../decimal';
import { CellRef, Finding, quotedName } from '../findings';
import { BudgetRole, HeaderMatch } from './header';
import { Code } from './kode';
import { LevelWord } from './names';

export type Level = 'urusan' | 'bidang' | 'program' | 'kegiatan' | 'subKegiatan' | 'rekening';

const LEVEL_NAME: Record<Level, string> = {
  urusan: 'urusan',
  bidang: 'bidang urusan',
  program: 'program',
  kegiatan: 'kegiatan',
  subKegiatan: 'sub kegiatan',
  rekening: 'rekening',
};

/**
 * A row as a message names it: `kegiatan “Administrasi Keuangan”`; a name that already says its
 * level (`Kegiatan Administrasi …`) is not prefixed a second time.
 */
export function rowLabel(row: { level: Level; nama: string }): string {
  const level = LEVEL_NAME[row.level];
  return row.nama.toLowerCase().startsWith(level) ? quotedName(row.nama) : `${level} ${quotedName(row.nama)}`;
}

/** A cell of an amount column; it is itself the place a finding points at. */
export interface AmountCell extends CellRef {
  /** null when the cell cannot be read (a `nilai` finding says so). */
  value: Decimal | null;
  empty: boolean;
  raw: CellValue;
}

export interface PercentCell extends CellRef {
  raw: CellValue;
  format: string | null;
}

export type AmountColumn = 'anggaran' | 'realisasi';

export interface BudgetRow {
  /** Position in its sheet's `rows`, for lookups by array instead of by map. */
  index: number;
  sheet: string;
  /** Sheet row number, 1-based, as the user sees it. */
  sheetRow: number;
  level: Level;
  rank: number;
  /** SIPD or rekening code as written (null for outline numbers and unnumbered rows). */
  kode: string | null;
  /** Segment-wise numeric form of `kode`, for matching. */
  kodeKey: string | null;
  nama: string;
  namaKey: string;
  nameRef: CellRef;
  /** The row's cell in an amount column; undefined when the sheet has no such column. */
  amountOf(col: AmountColumn): AmountCell | undefined;
  persen: PercentCell | null;
  readonly children: readonly BudgetRow[];
  parent: BudgetRow | null;
  duplicateOf: BudgetRow | null;
  /** The bottom-up value: a leaf's own amount, a parent's sum of its children; undefined without the column. */
  computedOf(col: AmountColumn): Decimal | undefined;
}

/** A total line: `JUMLAH`, `Jumlah Belanja Operasi`, `TOTAL`. */
export interface TotalRow {
  /** As written. */
  nama: string;
  sheetRow: number;
  amountOf(col: AmountColumn): AmountCell | undefined;
  persen: PercentCell | null;
  /**
   * The rows the line adds up: the item it names (`Jumlah Belanja Operasi`); else, of the rows read
   * since the total line before it (at each of their levels) or of its whole table when none were,
   * those whose sum comes closest to what is written.
   */
  scope: readonly BudgetRow[];
}

export interface BudgetSheet {
  name: string;
  /** The header of the (first) table. */
  header: HeaderMatch<BudgetRole>;
  roots: BudgetRow[];
  rows: BudgetRow[];
  totals: TotalRow[];
  hiddenRowsCounted: number;
  findings: Finding[];
}

export const RANK: Record<Level, number> = { urusan: 10, bidang: 20, program: 30, kegiatan: 40, subKegiatan: 50, rekening: 60 };

function levelOfRank(rank: number): Level {
  if (rank >= 60) return 'rekening';
  if (rank >= 50) return 'subKegiatan';
  if (rank >= 40) return 'kegiatan';
  if (rank >= 30) return 'program';
  return rank >= 20 ? 'bidang' : 'urusan';
}

/** What a name cell says, worked out once per distinct text: the same names come back on thousands of rows. */
export interface NameFacts {
  /** The name without a code or outline marker written in front of it. */
  nama: string;
  leadingCode: string | null;
  /** An outline marker in front of the name: `a. Penyediaan …`, `II. PROGRAM …`. */
  leadingMarker: string | null;
  word: LevelWord | null;
  namaKey: string;
  total: boolean;
  source: boolean;
  /** For a total line, what it names after its `Jumlah` (normalised): `belanja operasi`. */
  totalOf: string;
  /** A "1 2 3 …" column-numbering row has no words in its name column. */
  hasWords: boolean;
}

/** A place on the sheet whose address is spelled out only when asked: most rows never are. */
export class SheetCell implements CellRef {
  constructor(
    protected readonly grid: Grid,
    protected readonly r: number,
    protected readonly c: number,
  ) {}
  get lembar(): string {
    return this.grid.name;
  }
  get sel(): string {
    return cellAddress(this.grid, this.r, this.c);
  }
}

export class Amount extends SheetCell implements AmountCell {
  constructor(
    grid: Grid,
    r: number,
    c: number,
    readonly raw: CellValue,
    readonly value: Decimal | null,
    readonly empty: boolean,
  ) {
    super(grid, r, c);
  }
}

export class Percent extends SheetCell implements PercentCell {
  constructor(
    grid: Grid,
    r: number,
    c: number,
    readonly raw: CellValue,
    readonly format: string | null,
  ) {
    super(grid, r, c);
  }
}

/** A line's cells in the amount and percentage columns (undefined where the sheet has no such column). */
export interface LineCells {
  anggaran: AmountCell | undefined;
  realisasi: AmountCell | undefined;
  persen: PercentCell | null;
}

/** A line that is an item of the budget (a program, a kegiatan, … a rekening). */
export interface ItemLine extends LineCells {
  kind: 'item';
  r: number;
  /** Where the name is: the uraian cell, or the kode cell when the uraian is empty. */
  nameCol: number;
  code: Code | null;
  /** An outline number or marker (`1.2`, `II`, `b.`), for the row's depth. */
  marker: string | null;
  name: NameFacts;
}

export interface TotalLine extends LineCells {
  kind: 'total';
  r: number;
  name: NameFacts;
}

// A large DPA has tens of thousands of rows: every object kept per row costs the garbage collector
// a copy, so a row holds its cells and sums in fields rather than in records of its own.
export class Row implements BudgetRow {
  readonly index: number;
  readonly level: Level;
  readonly rank: number;
  readonly nama: string;
  readonly namaKey: string;
  readonly persen: PercentCell | null;
  parent: BudgetRow | null = null;
  duplicateOf: BudgetRow | null = null;
  private readonly grid: Grid;
  private readonly r: number;
  private readonly nameCol: number;
  private readonly code: Code | null;
  private readonly anggaran: AmountCell | undefined;
  private readonly realisasi: AmountCell | undefined;
  private childList: Row[] | null = null;
  private nameCell: CellRef | null = null;
  private computedAnggaran: Decimal | undefined = undefined;
  private computedRealisasi: Decimal | undefined = undefined;

  constructor(index: number, grid: Grid, line: ItemLine, rank: number) {
    this.index = index;
    this.grid = grid;
    this.r = line.r;
    this.nameCol = line.nameCol;
    this.rank = rank;
    this.level = levelOfRank(rank);
    // Outline numbers are not kept: they differ between sheets.
    this.code = line.code !== null && line.code.kind !== 'outline' ? line.code : null;
    this.nama = line.name.nama;
    this.namaKey = line.name.namaKey;
    this.anggaran = line.anggaran;
    this.realisasi = line.realisasi;
    this.persen = line.persen;
  }
  get kode(): string | null {
    return this.code?.text ?? null;
  }
  get kodeKey(): string | null {
    return this.code?.key ?? null;
  }
  amountOf(col: AmountColumn): AmountCell | undefined {
    return col === 'anggaran' ? this.anggaran : this.realisasi;
  }
  computedOf(col: AmountColumn): Decimal | undefined {
    return col === 'anggaran' ? this.computedAnggaran : this.computedRealisasi;
  }
  setComputed(col: AmountColumn, value: Decimal): Decimal {
    if (col === 'anggaran') this.computedAnggaran = value;
    else this.computedRealisasi = value;
    return value;
  }
  get sheet(): string {
    return this.grid.name;
  }
  get sheetRow(): number {
    return this.grid.origin.row + this.r + 1;
  }
  get nameRef(): CellRef {
    return (this.nameCell ??= new SheetCell(this.grid, this.r, this.nameCol));
  }
  // Most rows are leaves: they share one empty list.
  get children(): readonly Row[] {
    return this.childList ?? NO_ROWS;
  }
  addChild(child: Row): void {
    (this.childList ??= []).push(child);
  }
}

const NO_ROWS: Row[] = [];

export class Total implements TotalRow {
  readonly nama: string;
  readonly sheetRow: number;
  readonly persen: PercentCell | null;
  scope: readonly BudgetRow[] = NO_ROWS;
  private readonly candidates: (readonly BudgetRow[])[] = [];

  constructor(
    private readonly line: TotalLine,
    grid: Grid,
  ) {
    this.nama = line.name.nama;
    this.sheetRow = grid.origin.row + line.r + 1;
    this.persen = line.persen;
  }
  amountOf(col: AmountColumn): AmountCell | undefined {
    return this.line[col];
  }
  consider(rows: readonly BudgetRow[]): void {
    if (rows.length > 0 && !this.candidates.some((c) => sameRows(c, rows))) this.candidates.push(rows);
  }
  /**
   * Once the sums are known: the candidate closest to what is written (the first on a tie), by its
   * rows as written or by their bottom-up sums, whichever is nearer: a wrong leaf deep down must not
   * make a subtotal of some other rows look closer than the rows the total was written from.
   */
  settle(): void {
    const cell = [this.line.anggaran, this.line.realisasi].find((c) => c !== undefined && !c.empty && c.value !== null);
    const col: AmountColumn = cell === this.line.realisasi ? 'realisasi' : 'anggaran';
    const asWritten = (r: BudgetRow) => {
      const own = r.amountOf(col);
      return own && !own.empty && own.value !== null ? own.value : (r.computedOf(col) ?? ZERO);
    };
    const distance = (rows: readonly BudgetRow[]) => {
      if (!cell) return ZERO;
      const counted = countedChildren(rows);
      return Decimal.min(cell.value!.minus(sum(counted.map(asWritten))).abs(), cell.value!.minus(sum(counted.map((r) => r.computedOf(col) ?? ZERO))).abs());
    };
    let best = this.candidates[0] ?? NO_ROWS;
    for (const c of this.candidates.slice(1)) if (distance(c).lt(distance(best))) best = c;
    this.scope = best;
  }
}

const sameRows = (a: readonly BudgetRow[], b: readonly BudgetRow[]) => a.length === b.length && a.every((row, i) => row === b[i]);

/** The children that count in sums (duplicates left out); the same array when there are none. */
export function countedChildren<T extends BudgetRow>(children: readonly T[]): readonly T[] {
  for (let i = 0; i < children.length; i++) if (children[i].duplicateOf !== null) return children.filter((x) => x.duplicateOf === null);
  return children;
}

export function sheetTotal(sheet: BudgetSheet, col: AmountColumn): Decimal {
  return sum(sheet.roots.filter((r) => r.duplicateOf === null).map((r) => r.computedOf(col) ?? ZERO));
}
