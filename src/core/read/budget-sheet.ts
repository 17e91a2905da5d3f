import { CellValue, Grid, cellAddress, cellText, gridMerges, isCellError, isMergedDown } from '../grid';
import { MergeIndex } from '../rect';
import { decimalFromNumber, isDateFormat, parseAmount, serialDate } from './amount';
import { Decimal, ZERO, sum } from '../decimal';
import { CellRef, Finding, finding } from '../findings';
import { BudgetRole, HeaderMatch, isColumnNumberingRow } from './header';
import { Code, classifyCode, splitLeadingCode, splitSegments, isSipdLike } from './kode';
import { memo } from '../memo';
import { LevelWord, levelWord, normalizeName } from './names';

export type Level = 'urusan' | 'bidang' | 'program' | 'kegiatan' | 'subKegiatan' | 'rekening';

export const LEVEL_NAME: Record<Level, string> = {
  urusan: 'urusan',
  bidang: 'bidang urusan',
  program: 'program',
  kegiatan: 'kegiatan',
  subKegiatan: 'sub kegiatan',
  rekening: 'rekening',
};

export interface AmountCell {
  /** null when the cell cannot be read (a `nilai` finding says so). */
  value: Decimal | null;
  empty: boolean;
  ref: CellRef;
  raw: CellValue;
}

export interface PercentCell {
  raw: CellValue;
  format: string | null;
  ref: CellRef;
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
  outline: string | null;
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

export interface TotalRow {
  sheetRow: number;
  amountOf(col: AmountColumn): AmountCell | undefined;
  persen: PercentCell | null;
}

export interface BudgetSheet {
  name: string;
  header: HeaderMatch<BudgetRole>;
  roots: BudgetRow[];
  rows: BudgetRow[];
  total: TotalRow | null;
  usesSipd: boolean;
  hiddenRowsCounted: number;
  findings: Finding[];
}

const dateFormat = memo(isDateFormat);

const RANK: Record<Level, number> = { urusan: 10, bidang: 20, program: 30, kegiatan: 40, subKegiatan: 50, rekening: 60 };

function levelOfRank(rank: number): Level {
  if (rank >= 60) return 'rekening';
  if (rank >= 50) return 'subKegiatan';
  if (rank >= 40) return 'kegiatan';
  if (rank >= 30) return 'program';
  return rank >= 20 ? 'bidang' : 'urusan';
}

function rankOfCode(code: Code): number {
  const n = code.segments.length;
  if (code.kind === 'rekening') return RANK.rekening + n;
  if (code.kind === 'sipd') return n === 1 ? RANK.urusan : n === 2 ? RANK.bidang : n === 3 ? RANK.program : n <= 5 ? RANK.kegiatan : RANK.subKegiatan;
  return [RANK.program, RANK.kegiatan, RANK.subKegiatan][n - 1] ?? RANK.rekening + n;
}

const TOTAL_LINE = /^(grand )?(jumlah|total)( (belanja|anggaran|keseluruhan|seluruhnya|total|akhir|umum|langsung|tidak langsung|realisasi|skpd|opd|daerah))*$/;
const SOURCE_LINE = /^sumber\b/i;

export function isTotalLine(text: string): boolean {
  return /jumlah|total/i.test(text) && TOTAL_LINE.test(normalizeName(text));
}

/** What a name cell says, worked out once per distinct text: the same names come back on thousands of rows. */
interface NameFacts {
  /** The name without a code written in front of it. */
  nama: string;
  leadingCode: string | null;
  word: LevelWord | null;
  namaKey: string;
  total: boolean;
  source: boolean;
  /** A "1 2 3 …" column-numbering row has no words in its name column. */
  hasWords: boolean;
}

const nameFacts = memo((text: string): NameFacts => {
  const leading = splitLeadingCode(text);
  const nama = leading ? leading.rest : text;
  return {
    nama,
    leadingCode: leading ? leading.code : null,
    word: levelWord(nama),
    namaKey: normalizeName(nama),
    total: isTotalLine(text),
    source: SOURCE_LINE.test(text),
    hasWords: /[a-z]{2}/i.test(text),
  };
});

function isBlankRow(row: CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' || (v.length > 0 && (v.charCodeAt(0) > 32 || v.trim() !== ''))) return false;
  }
  return true;
}

function onlyMergedDown(row: CellValue[], r: number, merges: MergeIndex): boolean {
  return row.every((v, c) => v === null || v === undefined || v === '' || isMergedDown(merges, r, c));
}

/** A place on the sheet whose address is spelled out only when asked: most rows never are. */
class SheetCell implements CellRef {
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
  get ref(): CellRef {
    return this;
  }
}

class Amount extends SheetCell implements AmountCell {
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

class Percent extends SheetCell implements PercentCell {
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

// A large DPA has tens of thousands of rows: every object kept per row costs the garbage collector
// a copy, so a row holds its cells and sums in fields rather than in records of its own.
class Row implements BudgetRow {
  private childList: Row[] | null = null;
  parent: BudgetRow | null = null;
  duplicateOf: BudgetRow | null = null;
  private computedAnggaran: Decimal | undefined = undefined;
  private computedRealisasi: Decimal | undefined = undefined;

  constructor(
    readonly index: number,
    private readonly grid: Grid,
    private readonly r: number,
    private readonly nameCol: number,
    readonly level: Level,
    readonly rank: number,
    readonly kode: string | null,
    readonly kodeKey: string | null,
    readonly outline: string | null,
    readonly nama: string,
    readonly namaKey: string,
    private readonly anggaran: AmountCell | undefined,
    private readonly realisasi: AmountCell | undefined,
    readonly persen: PercentCell | null,
  ) {}
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
    return new SheetCell(this.grid, this.r, this.nameCol);
  }
  // Most rows are leaves: they share one empty list.
  get children(): readonly Row[] {
    return this.childList ?? NO_ROWS;
  }
  addChild(child: Row): void {
    (this.childList ??= []).push(child);
  }
}

const NO_ROWS: readonly Row[] = [];

/** Reads the rows below a budget header into a tree (see SPEC §2). */
export function readBudgetSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): BudgetSheet {
  const cols = header.columns;
  const findings: Finding[] = [];
  const codeCol = cols.kode ?? cols.nomor;
  const nameCol = cols.uraian!;
  const hidden = new Set(grid.hiddenRows ?? []);
  const first = header.row + header.height;

  const usesSipd = detectSipd(values, first, codeCol, nameCol);
  const underSub = { sipdSheet: usesSipd, underSubKegiatan: true };
  const notUnderSub = { sipdSheet: usesSipd, underSubKegiatan: false };
  const rows: Row[] = [];
  const roots: Row[] = [];
  const stack: Row[] = [];
  let total: TotalRow | null = null;
  let prevRank: number | null = null;
  let hiddenRowsCounted = 0;
  const lastOutlineChild = new Map<string, number>();
  const merges = gridMerges(grid);
  const siblingIndexes = new Map<BudgetRow | object, SiblingIndex>();
  const sheetRoot = {};

  const readAmount = (row: CellValue[], r: number, col: AmountColumn, c: number | undefined): AmountCell | undefined => {
    if (c === undefined) return undefined;
    const raw = row[c] ?? null;
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      const format = grid.numberFormats?.[r]?.[c];
      if (!format || !dateFormat(format)) return new Amount(grid, r, c, raw, decimalFromNumber(raw), false);
      const cell = new Amount(grid, r, c, raw, null, false);
      const date = serialDate(raw);
      findings.push(finding('nilai', cell, `Nilai ${col} di ${grid.name}!${cell.sel} berisi tanggal (${date}), bukan jumlah uang; dihitung sebagai 0.`, { tertulis: date }));
      return cell;
    }
    const p = parseAmount(raw);
    const cell = new Amount(grid, r, c, raw, p.kind === 'number' ? p.value : p.kind === 'empty' ? ZERO : null, p.kind === 'empty');
    if (p.kind === 'invalid') {
      findings.push(
        finding('nilai', cell, `Nilai ${col} di ${grid.name}!${cell.sel} tidak dapat dibaca sebagai angka ("${p.text}"); dihitung sebagai 0.`, {
          tertulis: isCellError(raw) ? raw.error : p.text,
        }),
      );
    }
    return cell;
  };

  for (let r = first; r < values.length; r++) {
    const row = values[r] ?? [];
    const nameText = cellText(row[nameCol] ?? null);
    const codeCell = codeCol === undefined ? null : (row[codeCol] ?? null);
    const codeText = cellText(codeCell);
    if ((nameText === '' && codeText === '' && isBlankRow(row)) || (merges.size > 0 && onlyMergedDown(row, r, merges))) continue;
    const name = nameFacts(nameText);
    if (!name.hasWords && isColumnNumberingRow(row)) continue;
    if (name.source || SOURCE_LINE.test(codeText) || SOURCE_LINE.test(cellText(row[0] ?? null))) break;

    const anggaran = readAmount(row, r, 'anggaran', cols.anggaran);
    const realisasi = readAmount(row, r, 'realisasi', cols.realisasi);
    const persen = cols.persen === undefined ? null : new Percent(grid, r, cols.persen, row[cols.persen] ?? null, grid.numberFormats?.[r]?.[cols.persen] ?? null);
    const hasAmount = (anggaran !== undefined && !anggaran.empty) || (realisasi !== undefined && !realisasi.empty);

    if ((name.total && !splitSegments(codeText)) || (nameText === '' && isTotalLine(codeText))) {
      total = { sheetRow: grid.origin.row + r + 1, amountOf: (col) => (col === 'anggaran' ? anggaran : realisasi), persen };
      continue;
    }

    const ctx = stack.length > 0 && stack[stack.length - 1].rank >= RANK.subKegiatan ? underSub : notUnderSub;
    let code = codeText === '' ? null : classifyCode(outlineFromCell(codeCell, codeText, lastOutlineChild), ctx);
    const leadingCode = name.leadingCode === null ? null : classifyCode(name.leadingCode, ctx);
    if (leadingCode && (!code || (code.kind === 'outline' && leadingCode.kind !== 'outline'))) code = leadingCode;
    const { nama, word } = name;
    if (!hasAmount && !code && !word) continue;
    if (nama === '' && !code) continue;

    let rank: number;
    if (code && code.kind !== 'outline') rank = rankOfCode(code);
    else if (word) rank = RANK[word];
    else if (code) rank = rankOfCode(code);
    else if (prevRank !== null) rank = prevRank;
    else rank = RANK.program;
    prevRank = rank;

    if (hidden.size > 0 && hidden.has(grid.origin.row + r)) hiddenRowsCounted++;
    const numbered = code !== null && code.kind !== 'outline';
    const node = new Row(
      rows.length,
      grid,
      r,
      nama === '' && codeCol !== undefined ? codeCol : nameCol,
      levelOfRank(rank),
      rank,
      numbered ? code!.text : null,
      numbered ? code!.key : null,
      code && !numbered ? code.text : null,
      nama,
      name.namaKey,
      anggaran,
      realisasi,
      persen,
    );
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    node.parent = parent;
    let index = siblingIndexes.get(parent ?? sheetRoot);
    if (!index) siblingIndexes.set(parent ?? sheetRoot, (index = new SiblingIndex()));
    const twin = index.twinOf(node, parent ? parent.children : roots);
    if (twin) {
      node.duplicateOf = twin;
      findings.push(
        finding(
          'duplikat',
          node.nameRef,
          `"${nama}" tercantum dua kali di bawah ${parent ? `"${parent.nama}"` : 'induk yang sama'} (baris ${twin.sheetRow} dan ${node.sheetRow}).`,
        ),
      );
    }
    if (parent) parent.addChild(node);
    else roots.push(node);
    stack.push(node);
    rows.push(node);
  }

  const sheet: BudgetSheet = { name: grid.name, header, roots, rows, total, usesSipd, hiddenRowsCounted, findings };
  for (const col of ['anggaran', 'realisasi'] as const) if (cols[col] !== undefined) computeBottomUp(roots, col);
  return sheet;
}

/**
 * The earlier sibling that is the same item: the same kode when both have one, otherwise the same
 * name. Indexed, so a sub kegiatan with thousands of rekening rows costs no more than it has rows.
 */
class SiblingIndex {
  private byKode = new Map<string, BudgetRow>();
  private byNameWithoutKode = new Map<string, BudgetRow>();
  /** Every sibling by name; built at the first row without a kode (SIPD exports code every row). */
  private byName: Map<string, BudgetRow> | null = null;

  /** `earlier`: the siblings read before `row`. */
  twinOf(row: BudgetRow, earlier: readonly BudgetRow[]): BudgetRow | null {
    const name = row.namaKey === '' ? undefined : row.namaKey;
    let twin: BudgetRow | undefined;
    if (row.kodeKey) {
      const a = this.byKode.get(row.kodeKey);
      const b = name === undefined ? undefined : this.byNameWithoutKode.get(name);
      twin = a && b ? (a.sheetRow < b.sheetRow ? a : b) : (a ?? b);
      if (a === undefined) this.byKode.set(row.kodeKey, row);
    } else if (name !== undefined) {
      this.byName ??= firstByName(earlier);
      twin = this.byName.get(name);
      if (!this.byNameWithoutKode.has(name)) this.byNameWithoutKode.set(name, row);
    }
    if (name !== undefined && this.byName !== null && !this.byName.has(name)) this.byName.set(name, row);
    return twin ?? null;
  }
}

function firstByName(rows: readonly BudgetRow[]): Map<string, BudgetRow> {
  const out = new Map<string, BudgetRow>();
  for (const r of rows) if (r.namaKey !== '' && !out.has(r.namaKey)) out.set(r.namaKey, r);
  return out;
}

/** Excel turns the outline number "1.10" into the number 1.1; the previous sibling tells. */
function outlineFromCell(cell: CellValue, text: string, lastChild: Map<string, number>): string {
  // Only a two-part outline number (1.10) can have been turned into a number (1.1) by Excel.
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m) return text;
  const prefix = m[1];
  let last = Number(m[2]);
  if (typeof cell === 'number') {
    const prev = lastChild.get(prefix);
    if (prev !== undefined && last <= prev && last * 10 === prev + 1) last = prev + 1;
  }
  lastChild.set(prefix, last);
  return `${prefix}.${last}`;
}

function detectSipd(values: CellValue[][], first: number, codeCol: number | undefined, nameCol: number): boolean {
  for (let r = first; r < values.length; r++) {
    const candidates = [codeCol === undefined ? '' : cellText(values[r]?.[codeCol] ?? null), splitLeadingCode(cellText(values[r]?.[nameCol] ?? null))?.code ?? ''];
    for (const t of candidates) {
      const s = splitSegments(t);
      if (s && isSipdLike(s)) return true;
    }
  }
  return false;
}

function computeBottomUp(roots: Row[], col: AmountColumn): void {
  const visit = (node: Row): Decimal => {
    const children = node.children;
    if (children.length === 0) return node.setComputed(col, node.amountOf(col)?.value ?? ZERO);
    const counted = countedChildren(children);
    if (counted !== children) children.filter((c) => c.duplicateOf !== null).forEach(visit);
    return node.setComputed(col, counted.length > 0 ? sum(counted.map(visit)) : (node.amountOf(col)?.value ?? ZERO));
  };
  roots.forEach(visit);
}

/** The children that count in sums (duplicates left out); the same array when there are none. */
export function countedChildren<T extends BudgetRow>(children: readonly T[]): readonly T[] {
  for (let i = 0; i < children.length; i++) if (children[i].duplicateOf !== null) return children.filter((x) => x.duplicateOf === null);
  return children;
}

export function sheetTotal(sheet: BudgetSheet, col: AmountColumn): Decimal {
  return sum(sheet.roots.filter((r) => r.duplicateOf === null).map((r) => r.computedOf(col) ?? ZERO));
}
