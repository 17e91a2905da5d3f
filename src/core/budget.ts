import { CellValue, Grid, cellAddress, cellText, isCellError } from './grid';
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
  return TOTAL_LINE.test(normalizeName(text));
}

/** Reads the rows below a budget header into a tree (see SPEC §2). */
export function readBudgetSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): BudgetSheet {
  const cols = header.columns;
  const findings: Finding[] = [];
  const ref = (r: number, c: number): CellRef => ({ lembar: grid.name, sel: cellAddress(grid, r, c) });
  const format = (r: number, c: number): string | null => grid.numberFormats?.[r]?.[c] ?? null;
  const codeCol = cols.kode ?? cols.nomor;
  const nameCol = cols.uraian!;
  const hidden = new Set(grid.hiddenRows ?? []);
  const first = header.row + header.height;

  const usesSipd = detectSipd(values, first, codeCol, nameCol);
  const rows: BudgetRow[] = [];
  const roots: BudgetRow[] = [];
  const stack: BudgetRow[] = [];
  let total: TotalRow | null = null;
  let prevRank: number | null = null;
  let hiddenRowsCounted = 0;
  const lastOutlineChild = new Map<string, number>();

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
    if (row.every((v) => cellText(v) === '')) continue;
    if (isColumnNumberingRow(row)) continue;
    const nameText = cellText(row[nameCol] ?? null);
    const codeCell = codeCol === undefined ? null : (row[codeCol] ?? null);
    const codeText = cellText(codeCell);
    if (SOURCE_LINE.test(nameText) || SOURCE_LINE.test(codeText) || SOURCE_LINE.test(cellText(row[0] ?? null))) break;

    const amounts: Partial<Record<AmountColumn, AmountCell>> = {};
    const anggaran = readAmount(r, 'anggaran', cols.anggaran);
    const realisasi = readAmount(r, 'realisasi', cols.realisasi);
    if (anggaran) amounts.anggaran = anggaran;
    if (realisasi) amounts.realisasi = realisasi;
    const persen: PercentCell | null = cols.persen === undefined ? null : { raw: row[cols.persen] ?? null, format: format(r, cols.persen), ref: ref(r, cols.persen) };
    const hasAmount = Object.values(amounts).some((a) => a && !a.empty);

    if ((isTotalLine(nameText) && !splitSegments(codeText)) || (nameText === '' && isTotalLine(codeText))) {
      total = { sheetRow: grid.origin.row + r + 1, amounts, persen };
      continue;
    }

    let nama = nameText;
    const ctx = { sipdSheet: usesSipd, underSubKegiatan: stack.length > 0 && stack[stack.length - 1].rank >= RANK.subKegiatan };
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
    const twin = siblings.find((s) => sameItem(s, node));
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

function sameItem(a: BudgetRow, b: BudgetRow): boolean {
  if (a.kodeKey && b.kodeKey) return a.kodeKey === b.kodeKey;
  return a.namaKey !== '' && a.namaKey === b.namaKey;
}

/** Excel turns the outline number "1.10" into the number 1.1; the previous sibling tells. */
function outlineFromCell(cell: CellValue, text: string, lastChild: Map<string, number>): string {
  const segments = splitSegments(text);
  if (!segments) return text;
  const prefix = segments.slice(0, -1).join('.');
  let last = Number(segments[segments.length - 1]);
  if (typeof cell === 'number' && segments.length > 1) {
    const prev = lastChild.get(prefix);
    if (prev !== undefined && last <= prev && last * 10 === prev + 1) {
      last = prev + 1;
      segments[segments.length - 1] = String(last);
    }
  }
  lastChild.set(prefix, last);
  return segments.join('.');
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
    const counted = node.children.filter((c) => c.duplicateOf === null);
    node.children.filter((c) => c.duplicateOf !== null).forEach(visit);
    const value = counted.length > 0 ? sum(counted.map(visit)) : (node.amounts[col]?.value ?? ZERO);
    node.computed[col] = value;
    return value;
  };
  sheet.roots.forEach(visit);
}

export function sheetTotal(sheet: BudgetSheet, col: AmountColumn): Decimal {
  return sum(sheet.roots.filter((r) => r.duplicateOf === null).map((r) => r.computed[col] ?? ZERO));
}
