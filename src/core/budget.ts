import { CellValue, Grid, cellAddress, cellText, isCellError, mergedDownCells } from './grid';
import { parseAmount } from './amount';
import { Decimal, ZERO, sum } from './decimal';
import { CellRef, Finding, finding } from './findings';
import { BudgetRole, HeaderMatch, isColumnNumberingRow } from './header';
import { Code, classifyCode, codeKey, splitLeadingCode, splitSegments, isSipdLike } from './kode';
import { levelWord, normalizeName } from './names';

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
  amounts: Partial<Record<AmountColumn, AmountCell>>;
  persen: PercentCell | null;
  children: BudgetRow[];
  parent: BudgetRow | null;
  duplicateOf: BudgetRow | null;
  /** Bottom-up values: a leaf's own amount, a parent's sum of its children. */
  computed: Partial<Record<AmountColumn, Decimal>>;
}

export interface TotalRow {
  sheetRow: number;
  amounts: Partial<Record<AmountColumn, AmountCell>>;
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

function isBlankRow(row: CellValue[]): boolean {
  for (const v of row) if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  return true;
}

function onlyMergedDown(row: CellValue[], r: number, mergedDown: Set<string>): boolean {
  return row.every((v, c) => v === null || v === undefined || v === '' || mergedDown.has(`${r},${c}`));
}

/** A cell reference whose address is spelled out only when asked: most rows never are. */
class LazyRef implements CellRef {
  constructor(
    private grid: Grid,
    private r: number,
    private c: number,
  ) {}
  get lembar(): string {
    return this.grid.name;
  }
  get sel(): string {
    return cellAddress(this.grid, this.r, this.c);
  }
}

/** Reads the rows below a budget header into a tree (see SPEC §2). */
export function readBudgetSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): BudgetSheet {
  const cols = header.columns;
  const findings: Finding[] = [];
  const ref = (r: number, c: number): CellRef => new LazyRef(grid, r, c);
  const format = (r: number, c: number): string | null => grid.numberFormats?.[r]?.[c] ?? null;
  const codeCol = cols.kode ?? cols.nomor;
  const nameCol = cols.uraian!;
  const hidden = new Set(grid.hiddenRows ?? []);
  const first = header.row + header.height;

  const usesSipd = detectSipd(values, first, codeCol, nameCol);
  const underSub = { sipdSheet: usesSipd, underSubKegiatan: true };
  const notUnderSub = { sipdSheet: usesSipd, underSubKegiatan: false };
  const rows: BudgetRow[] = [];
  const roots: BudgetRow[] = [];
  const stack: BudgetRow[] = [];
  let total: TotalRow | null = null;
  let prevRank: number | null = null;
  let hiddenRowsCounted = 0;
  const lastOutlineChild = new Map<string, number>();
  const mergedDown = mergedDownCells(grid);
  const siblingIndexes = new Map<BudgetRow | object, SiblingIndex>();
  const sheetRoot = {};

  const readAmount = (r: number, col: AmountColumn, c: number | undefined): AmountCell | undefined => {
    if (c === undefined) return undefined;
    const raw = values[r]?.[c] ?? null;
    const p = parseAmount(raw);
    const cell: AmountCell = { value: p.kind === 'number' ? p.value : p.kind === 'empty' ? ZERO : null, empty: p.kind === 'empty', ref: ref(r, c), raw };
    if (p.kind === 'invalid') {
      findings.push(
        finding('nilai', cell.ref, `Nilai ${col} di ${grid.name}!${cell.ref.sel} tidak dapat dibaca sebagai angka ("${p.text}"); dihitung sebagai 0.`, {
          tertulis: isCellError(raw) ? raw.error : p.text,
        }),
      );
    }
    return cell;
  };

  for (let r = first; r < values.length; r++) {
    const row = values[r] ?? [];
    if (isBlankRow(row) || (mergedDown.size > 0 && onlyMergedDown(row, r, mergedDown))) continue;
    const nameText = cellText(row[nameCol] ?? null);
    // A "1 2 3 …" row has no words in its name column.
    if (!/[a-z]{2}/i.test(nameText) && isColumnNumberingRow(row)) continue;
    const codeCell = codeCol === undefined ? null : (row[codeCol] ?? null);
    const codeText = cellText(codeCell);
    if (SOURCE_LINE.test(nameText) || SOURCE_LINE.test(codeText) || SOURCE_LINE.test(cellText(row[0] ?? null))) break;

    const amounts: Partial<Record<AmountColumn, AmountCell>> = {};
    const anggaran = readAmount(r, 'anggaran', cols.anggaran);
    const realisasi = readAmount(r, 'realisasi', cols.realisasi);
    if (anggaran) amounts.anggaran = anggaran;
    if (realisasi) amounts.realisasi = realisasi;
    const persen: PercentCell | null = cols.persen === undefined ? null : { raw: row[cols.persen] ?? null, format: format(r, cols.persen), ref: ref(r, cols.persen) };
    const hasAmount = (anggaran !== undefined && !anggaran.empty) || (realisasi !== undefined && !realisasi.empty);

    if ((isTotalLine(nameText) && !splitSegments(codeText)) || (nameText === '' && isTotalLine(codeText))) {
      total = { sheetRow: grid.origin.row + r + 1, amounts, persen };
      continue;
    }

    let nama = nameText;
    const ctx = stack.length > 0 && stack[stack.length - 1].rank >= RANK.subKegiatan ? underSub : notUnderSub;
    let code = codeText === '' ? null : classifyCode(outlineFromCell(codeCell, codeText, lastOutlineChild), ctx);
    const leading = splitLeadingCode(nameText);
    const leadingCode = leading ? classifyCode(leading.code, ctx) : null;
    if (leading && leadingCode) {
      nama = leading.rest;
      if (!code || (code.kind === 'outline' && leadingCode.kind !== 'outline')) code = leadingCode;
    }
    const word = levelWord(nama);
    if (!hasAmount && !code && !word) continue;
    if (nama === '' && !code) continue;

    let rank: number;
    if (code && code.kind !== 'outline') rank = rankOfCode(code);
    else if (word) rank = RANK[word];
    else if (code) rank = rankOfCode(code);
    else if (prevRank !== null) rank = prevRank;
    else rank = RANK.program;
    prevRank = rank;

    if (hidden.has(grid.origin.row + r)) hiddenRowsCounted++;
    const node: BudgetRow = {
      sheet: grid.name,
      sheetRow: grid.origin.row + r + 1,
      level: levelOfRank(rank),
      rank,
      kode: code && code.kind !== 'outline' ? code.text : null,
      kodeKey: code && code.kind !== 'outline' ? codeKey(code) : null,
      outline: code && code.kind === 'outline' ? code.text : null,
      nama,
      namaKey: normalizeName(nama),
      nameRef: ref(r, nama === '' && codeCol !== undefined ? codeCol : nameCol),
      amounts,
      persen,
      children: [],
      parent: null,
      duplicateOf: null,
      computed: {},
    };
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    node.parent = parent;
    const siblings = parent ? parent.children : roots;
    let index = siblingIndexes.get(parent ?? sheetRoot);
    if (!index) siblingIndexes.set(parent ?? sheetRoot, (index = new SiblingIndex()));
    const twin = index.twinOf(node);
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
    siblings.push(node);
    stack.push(node);
    rows.push(node);
  }

  const sheet: BudgetSheet = { name: grid.name, header, roots, rows, total, usesSipd, hiddenRowsCounted, findings };
  for (const col of ['anggaran', 'realisasi'] as const) if (cols[col] !== undefined) computeBottomUp(sheet, col);
  return sheet;
}

/**
 * The earlier sibling that is the same item: the same kode when both have one, otherwise the same
 * name. Indexed, so a sub kegiatan with thousands of rekening rows costs no more than it has rows.
 */
class SiblingIndex {
  private byKode = new Map<string, BudgetRow>();
  private byNameWithoutKode = new Map<string, BudgetRow>();
  private byName = new Map<string, BudgetRow>();

  twinOf(row: BudgetRow): BudgetRow | null {
    const name = row.namaKey === '' ? undefined : row.namaKey;
    let twin: BudgetRow | undefined;
    if (row.kodeKey) {
      const a = this.byKode.get(row.kodeKey);
      const b = name === undefined ? undefined : this.byNameWithoutKode.get(name);
      twin = a && b ? (a.sheetRow < b.sheetRow ? a : b) : (a ?? b);
    } else if (name !== undefined) twin = this.byName.get(name);
    if (row.kodeKey && !this.byKode.has(row.kodeKey)) this.byKode.set(row.kodeKey, row);
    if (name !== undefined) {
      if (!this.byName.has(name)) this.byName.set(name, row);
      if (!row.kodeKey && !this.byNameWithoutKode.has(name)) this.byNameWithoutKode.set(name, row);
    }
    return twin ?? null;
  }
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

function computeBottomUp(sheet: BudgetSheet, col: AmountColumn): void {
  const visit = (node: BudgetRow): Decimal => {
    const counted = countedChildren(node.children);
    if (counted !== node.children) node.children.filter((c) => c.duplicateOf !== null).forEach(visit);
    const value = counted.length > 0 ? sum(counted.map(visit)) : (node.amounts[col]?.value ?? ZERO);
    node.computed[col] = value;
    return value;
  };
  sheet.roots.forEach(visit);
}

/** The children that count in sums (duplicates left out); the same array when there are none. */
export function countedChildren(children: BudgetRow[]): BudgetRow[] {
  for (const c of children) if (c.duplicateOf !== null) return children.filter((x) => x.duplicateOf === null);
  return children;
}

export function sheetTotal(sheet: BudgetSheet, col: AmountColumn): Decimal {
  return sum(sheet.roots.filter((r) => r.duplicateOf === null).map((r) => r.computed[col] ?? ZERO));
}
