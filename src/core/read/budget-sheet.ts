/** Reads a DPA or realisasi sheet into rows (budget-rows.ts): each line classified, ranked, attached. */
import { CellValue, Grid, cellText, gridMerges, isCellError, isMergedDown } from '../grid';
import { MergeIndex } from '../rect';
import { decimalFromNumber, isDateFormat, parseAmount, serialDate } from './amount';
import { Amount, AmountCell, AmountColumn, BudgetRow, BudgetSheet, countedChildren, ItemLine, NameFacts, Percent, RANK, Row, Total, TotalLine } from './budget-rows';
import { Decimal, formatRupiah, ZERO, sum } from '../decimal';
import { FindingLog, finding, quoted, quotedName } from '../findings';
import { BudgetRole, HeaderMatch, findHeader, guessBudgetRole, headerWordAt, isColumnNumberingRow, isUnitRow } from './header';
import { Code, CodeContext, OutlineLevels, classifyCode, isOutlineMarker, splitLeadingCode, splitSegments, isSipdLike } from './kode';
import { memo } from '../memo';
import { levelWord, normalizeName } from './names';

/** A SIPD or rekening code's rank. */
function rankOfCode(code: Code): number {
  const n = code.segments.length;
  if (code.kind === 'rekening') return RANK.rekening + n;
  return n === 1 ? RANK.urusan : n === 2 ? RANK.bidang : n === 3 ? RANK.program : n <= 5 ? RANK.kegiatan : RANK.subKegiatan;
}

/** An outline depth's rank: program, kegiatan, sub kegiatan, then rekening. */
function rankOfDepth(depth: number): number {
  return [RANK.program, RANK.kegiatan, RANK.subKegiatan][depth - 1] ?? RANK.rekening + depth;
}

const TOTAL_WORD = /^(grand |sub ?)?(jumlah|total)\b ?/;
const TOTAL_LINE =
  /^(grand |sub ?)?(jumlah|total)( (belanja|anggaran|keseluruhan|seluruhnya|total|akhir|umum|langsung|tidak langsung|realisasi|skpd|opd|daerah|pendapatan|pembiayaan|urusan|bidang|program|kegiatan|sub kegiatan)\b.*)?$/;
const SOURCE_LINE = /^sumber\b/i;
/** The lines that close a form under its table: the factors, the follow-up, the signatures. */
const CLOSING_LINE = /^(faktor (pendorong|penghambat)|tindak lanjut|disusun|dievaluasi|mengetahui|menyetujui)\b/i;

function isTotalLine(text: string): boolean {
  return /jumlah|total/i.test(text) && TOTAL_LINE.test(normalizeName(text));
}

const LEADING_MARKER = /^\s*(\(?(?:[IVXLCDM]+|[A-Za-z]|[ivxlcdm]+|\d+)[.)])\s+(\S.*)$/s;

const nameFacts = memo((text: string): NameFacts => {
  const leading = splitLeadingCode(text);
  const marker = leading ? null : LEADING_MARKER.exec(text);
  const nama = leading ? leading.rest : marker ? marker[2].trim() : text;
  const total = isTotalLine(text);
  return {
    nama,
    leadingCode: leading ? leading.code : null,
    leadingMarker: marker ? marker[1] : null,
    word: levelWord(nama),
    namaKey: normalizeName(nama),
    total,
    source: SOURCE_LINE.test(text) || CLOSING_LINE.test(text),
    totalOf: total ? normalizeName(normalizeName(text).replace(TOTAL_WORD, '')) : '',
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

/** What one line of the sheet is. */
type Line = { kind: 'skip' } | { kind: 'end' } | { kind: 'header'; header: HeaderMatch<BudgetRole> } | TotalLine | ItemLine;

const SKIP: Line = { kind: 'skip' };
const END: Line = { kind: 'end' };

/** Reads the rows below a budget header into a tree (see SPEC §2): each line is classified, ranked, attached. */
export function readBudgetSheet(grid: Grid, values: CellValue[][], header: HeaderMatch<BudgetRole>): BudgetSheet {
  return new BudgetSheetReader(grid, values, header).read();
}

class BudgetSheetReader {
  private readonly findings = new FindingLog();
  private readonly rows: Row[] = [];
  private readonly roots: Row[] = [];
  /** The open rows above the current line, outermost first. */
  private readonly stack: Row[] = [];
  private readonly totals: Total[] = [];
  private prevRank: number | null = null;
  private hiddenRowsCounted = 0;
  /** The table being read: its header and columns; null after its source line, until the next header. */
  private table: HeaderMatch<BudgetRole> | null;
  private codeCol: number | undefined;
  private nameCol = 0;
  /** For a kode split over columns: each column's part as last written, for the rows that write only their own. */
  private kodeParts: string[] | null = null;
  /** Where in `roots` and `totals` the table began, and where in `rows` the rows since its last subtotal line begin. */
  private tableRoots = 0;
  private tableTotals = 0;
  private segmentRows = 0;
  /** The outermost rows read since the last total line. */
  private segmentTops: Row[] = [];
  private lastTotalNamed = false;
  private outline = new OutlineLevels();
  private lastOutlineChild = new Map<string, number>();
  private readonly merges: MergeIndex;
  private readonly hidden: Set<number>;
  private readonly underSub: CodeContext;
  private readonly notUnderSub: CodeContext;
  private readonly siblingIndexes = new Map<Row | null, SiblingIndex>();

  constructor(
    private readonly grid: Grid,
    private readonly values: CellValue[][],
    private readonly header: HeaderMatch<BudgetRole>,
  ) {
    this.table = header;
    this.useColumns(header);
    this.merges = gridMerges(grid);
    this.hidden = new Set(grid.hiddenRows ?? []);
    const codeCols = header.kodeColumns ?? (this.codeCol === undefined ? [] : [this.codeCol]);
    const sipdSheet = usesSipd(values, header.row + header.height, codeCols, this.nameCol);
    this.underSub = { sipdSheet, underSubKegiatan: true };
    this.notUnderSub = { sipdSheet, underSubKegiatan: false };
  }

  read(): BudgetSheet {
    for (let r = this.header.row + this.header.height; r < this.values.length; r++) {
      const line = this.classify(r);
      if (line.kind === 'item') this.attach(this.rowOf(line));
      else if (line.kind === 'total') this.addTotal(line);
      else if (line.kind === 'end') this.endTable();
      else if (line.kind === 'header') {
        if (this.table === null || !sameColumns(this.table, line.header)) this.startTable(line.header);
        r += line.header.height - 1;
      }
    }
    this.endTable();
    if (this.header.columns.anggaran !== undefined) computeBottomUp(this.roots, 'anggaran');
    if (readsRealisasi(this.header)) computeBottomUp(this.roots, 'realisasi');
    for (const total of this.totals) total.settle();
    const { grid, header, roots, rows, totals, hiddenRowsCounted, findings } = this;
    return { name: grid.name, header, roots, rows, totals, hiddenRowsCounted, findings: findings.list() };
  }

  private useColumns(header: HeaderMatch<BudgetRole>): void {
    this.codeCol = header.columns.kode ?? header.columns.nomor;
    this.nameCol = header.columns.uraian!;
    this.kodeParts = header.kodeColumns ? header.kodeColumns.map(() => '') : null;
  }

  /** Another table of the same kind below the first (or its header repeated, which changes nothing). */
  private startTable(header: HeaderMatch<BudgetRole>): void {
    this.endTable();
    this.table = header;
    this.useColumns(header);
    this.stack.length = 0;
    this.prevRank = null;
    this.outline = new OutlineLevels();
    this.lastOutlineChild = new Map();
    this.tableRoots = this.roots.length;
    this.segmentRows = this.rows.length;
    this.segmentTops = [];
    this.tableTotals = this.totals.length;
  }

  /** The last total line of a table with subtotal lines above it may be the table's grand total. */
  private endTable(): void {
    if (this.table === null) return;
    this.table = null;
    const own = this.totals.slice(this.tableTotals);
    const whole = this.roots.slice(this.tableRoots);
    if (own.length > 1 && !this.lastTotalNamed) own[own.length - 1].consider(whole);
  }

  /** What a total line may add up: see TotalRow.scope. */
  private addTotal(line: TotalLine): void {
    const total = new Total(line, this.grid);
    const named = line.name.totalOf === '' ? undefined : this.stack.find((row) => row.namaKey === line.name.totalOf);
    this.lastTotalNamed = named !== undefined;
    const start = this.segmentRows;
    if (named) total.consider([named]);
    else if (start === this.rows.length) total.consider(this.roots.slice(this.tableRoots));
    else {
      // Outermost first; subtotals may also stand inside a sub kegiatan, over its rekening.
      total.consider(this.segmentTops);
      for (let row: BudgetRow = this.rows[this.rows.length - 1]; row.index >= start; row = row.parent!) {
        total.consider((row.parent ? row.parent.children : this.roots).filter((r) => r.index >= start));
        if (row.parent === null) break;
      }
    }
    this.segmentRows = this.rows.length;
    this.segmentTops = [];
    this.totals.push(total);
  }

  /**
   * Blank, numbering and title lines are skipped, a source line ends the table, a total line is kept
   * aside; a header line (repeated, or of a next table) is told by the header words in its amount columns.
   */
  private classify(r: number): Line {
    const row = this.values[r] ?? NO_CELLS;
    if (this.table === null) {
      const header = this.headerAt(r);
      return header && sameKind(header, this.header) ? { kind: 'header', header } : SKIP;
    }
    const nameText = cellText(row[this.nameCol] ?? null);
    const codeCell = this.codeCol === undefined ? null : (row[this.codeCol] ?? null);
    const codeText = this.kodeParts === null ? cellText(codeCell) : this.splitCode(row, r);
    if ((nameText === '' && codeText === '' && isBlankRow(row)) || (this.merges.size > 0 && onlyMergedDown(row, r, this.merges))) return SKIP;
    // A second indikator of the same item on a form: its name and kode merged down from the row above, or blank.
    if (this.merges.size > 0 && this.continuesAbove(r, codeText)) return SKIP;
    const name = nameFacts(nameText);
    if ((!name.hasWords && isColumnNumberingRow(row)) || isUnitRow(row)) return SKIP;
    const first = cellText(row[0] ?? null);
    if (name.source || SOURCE_LINE.test(codeText) || SOURCE_LINE.test(first) || CLOSING_LINE.test(first)) return END;

    const cols = this.table.columns;
    if (headerWordAt(row, cols.anggaran, guessBudgetRole) || headerWordAt(row, cols.realisasi, guessBudgetRole)) {
      // A table of another kind below this one ends it.
      const header = this.headerAt(r);
      if (header) return sameKind(header, this.header) ? { kind: 'header', header } : END;
    }
    const anggaran = this.amountAt(row, r, 'anggaran', cols.anggaran);
    const realisasi = cols.realisasi === undefined ? this.periodSum(row, r) : this.amountAt(row, r, 'realisasi', cols.realisasi);
    if (this.table.form && realisasi) this.checkPeriods(row, r, realisasi, nameText || codeText);
    const persen = cols.persen === undefined ? null : new Percent(this.grid, r, cols.persen, row[cols.persen] ?? null, this.grid.numberFormats?.[r]?.[cols.persen] ?? null);
    if ((name.total && !splitSegments(codeText)) || (nameText === '' && isTotalLine(codeText))) {
      return { kind: 'total', r, name: name.total ? name : nameFacts(codeText), anggaran, realisasi, persen };
    }

    const ctx = this.stack.length > 0 && this.stack[this.stack.length - 1].rank >= RANK.subKegiatan ? this.underSub : this.notUnderSub;
    const numbering = codeText === '' ? null : outlineFromCell(codeCell, codeText, this.lastOutlineChild);
    let code = numbering === null ? null : classifyCode(numbering, ctx);
    const leadingCode = name.leadingCode === null ? null : classifyCode(name.leadingCode, ctx);
    if (leadingCode && (!code || (code.kind === 'outline' && leadingCode.kind !== 'outline'))) code = leadingCode;
    const marker = code !== null ? (code.kind === 'outline' ? code.text : null) : (name.leadingMarker ?? (numbering !== null && isOutlineMarker(numbering) ? numbering : null));
    const hasAmount = (anggaran !== undefined && !anggaran.empty) || (realisasi !== undefined && !realisasi.empty);
    if (!hasAmount && !code && !marker && !name.word) return SKIP;
    if (name.nama === '' && !code) return SKIP;
    const nameCol = name.nama === '' && this.codeCol !== undefined ? this.codeCol : this.nameCol;
    return { kind: 'item', r, nameCol, code, marker, name, anggaran, realisasi, persen };
  }

  /** A budget table's header starting at row r. */
  private headerAt(r: number): HeaderMatch<BudgetRole> | null {
    return findHeader(this.values, guessBudgetRole, (c, periods) => c.uraian !== undefined && (c.anggaran !== undefined || c.realisasi !== undefined || periods), r);
  }

  /** The kode written over several columns, joined; a column left blank before a written one takes the part from the row above. */
  private splitCode(row: CellValue[], r: number): string {
    const parts = this.kodeParts!;
    const cells = this.table!.kodeColumns!.map((c) => (this.merges.size > 0 && isMergedDown(this.merges, r, c) ? '' : cellText(row[c] ?? null)));
    const lastWritten = cells.reduce((last, t, i) => (t === '' ? last : i), -1);
    if (lastWritten < 0) return '';
    const joined: string[] = [];
    for (let i = 0; i <= lastWritten; i++) {
      if (cells[i] !== '') parts[i] = cells[i];
      const part = cells[i] || parts[i];
      if (part) joined.push(part.replace(/\.$/, ''));
    }
    parts.fill('', lastWritten + 1);
    return joined.join('.');
  }

  /** The row names nothing of its own: its name cell is merged down from the row above and it has no kode of its own. */
  private continuesAbove(r: number, codeText: string): boolean {
    return isMergedDown(this.merges, r, this.nameCol) && (codeText === '' || (this.codeCol !== undefined && isMergedDown(this.merges, r, this.codeCol)));
  }

  /** The year's realisasi as the sum of the single periods, where the sheet has no cumulative column. */
  private periodSum(row: CellValue[], r: number): AmountCell | undefined {
    const periods = this.table!.periods.filter((p) => p.measure === 'realisasi');
    if (periods.length === 0) return undefined;
    const cells = periods.map((p) => this.amountAt(row, r, 'realisasi', p.col)!);
    const written = cells.filter((c) => !c.empty);
    const at = written[written.length - 1] ?? cells[0];
    const value = written.length === 0 ? ZERO : sum(written.map((c) => c.value ?? ZERO));
    return new Amount(this.grid, r, periods[cells.indexOf(at)].col, at.raw, value, written.length === 0);
  }

  /** On a form, the year's realisasi (column 13) is the sum of the four triwulan: a difference is a galat at that cell. */
  private checkPeriods(row: CellValue[], r: number, realisasi: AmountCell, label: string): void {
    const periods = this.table!.periods.filter((p) => p.measure === 'realisasi');
    if (periods.length === 0 || realisasi.empty || realisasi.value === null) return;
    const cells = periods.map((p) => this.amountAt(row, r, 'realisasi', p.col)!);
    if (cells.every((c) => c.empty) || cells.some((c) => c.value === null)) return;
    const total = sum(cells.map((c) => c.value!));
    if (total.eq(realisasi.value)) return;
    this.findings.add(
      finding(
        'jumlah',
        realisasi,
        `Realisasi ${quotedName(label)} di ${this.grid.name}!${realisasi.sel} tertulis ${formatRupiah(realisasi.value)}, tetapi jumlah realisasi ${periods[0].label}–${periods[periods.length - 1].label.replace(/^\S+ /, '')} (${cells.map((c) => c.sel).join(', ')}) ${formatRupiah(total)}.`,
        { tertulis: realisasi.value, seharusnya: total },
      ),
    );
  }

  /** An amount cell, in rupiah (a column written in thousands is multiplied out); one that cannot be read counts as 0 and is reported (`nilai`). */
  private amountAt(row: CellValue[], r: number, col: AmountColumn, c: number | undefined): AmountCell | undefined {
    if (c === undefined) return undefined;
    const grid = this.grid;
    const raw = row[c] ?? null;
    const factor = this.table?.units.get(c)?.factor;
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      const format = grid.numberFormats?.[r]?.[c];
      if (!format || !isDateFormat(format)) return new Amount(grid, r, c, raw, factor ? decimalFromNumber(raw).times(factor) : decimalFromNumber(raw), false);
      const cell = new Amount(grid, r, c, raw, null, false);
      const date = serialDate(raw);
      this.findings.add(finding('nilai', cell, `Nilai ${col} di ${grid.name}!${cell.sel} berisi tanggal (${date}), bukan jumlah uang; dihitung sebagai 0.`, { tertulis: date }));
      return cell;
    }
    const p = parseAmount(raw);
    const cell = new Amount(grid, r, c, raw, p.kind === 'number' ? (factor ? p.value.times(factor) : p.value) : p.kind === 'empty' ? ZERO : null, p.kind === 'empty');
    if (p.kind === 'invalid') {
      this.findings.add(
        finding('nilai', cell, `Nilai ${col} di ${grid.name}!${cell.sel} tidak dapat dibaca sebagai angka (${quoted(p.text)}); dihitung sebagai 0.`, {
          tertulis: isCellError(raw) ? raw.error : p.text,
        }),
      );
    }
    return cell;
  }

  /** A code says its level; else a level word; else an outline number's depth; else the line above's level. */
  private rankOf(line: ItemLine): number {
    const { code, name } = line;
    const depth = line.marker === null ? null : this.outline.depthOf(line.marker);
    let rank: number;
    if (code && code.kind !== 'outline') rank = rankOfCode(code);
    else if (name.word) rank = RANK[name.word];
    else if (depth !== null) rank = rankOfDepth(depth);
    else rank = this.prevRank ?? RANK.program;
    this.prevRank = rank;
    return rank;
  }

  private rowOf(line: ItemLine): Row {
    if (this.hidden.size > 0 && this.hidden.has(this.grid.origin.row + line.r)) this.hiddenRowsCounted++;
    return new Row(this.rows.length, this.grid, line, this.rankOf(line));
  }

  /** Under the nearest open row of a higher level; a second row for the same item is a `duplikat`. */
  private attach(node: Row): void {
    const stack = this.stack;
    while (stack.length > 0 && (stack[stack.length - 1].rank >= node.rank || !withinRekening(stack[stack.length - 1], node))) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    node.parent = parent;
    let index = this.siblingIndexes.get(parent);
    if (!index) this.siblingIndexes.set(parent, (index = new SiblingIndex()));
    const twin = index.twinOf(node, parent ? parent.children : this.roots);
    if (twin) {
      node.duplicateOf = twin;
      this.findings.add(
        finding(
          'duplikat',
          node.nameRef,
          `${quotedName(node.nama)} tercantum dua kali di bawah ${parent ? quotedName(parent.nama) : 'induk yang sama'} (baris ${twin.sheetRow} dan ${node.sheetRow}).`,
        ),
      );
    }
    if (parent) parent.addChild(node);
    else this.roots.push(node);
    if (parent === null || parent.index < this.segmentRows) this.segmentTops.push(node);
    stack.push(node);
    this.rows.push(node);
  }
}

const NO_CELLS: CellValue[] = [];

/** A realisasi is read: from its column, or as the sum of single periods. */
export const readsRealisasi = (h: HeaderMatch<BudgetRole>) => h.columns.realisasi !== undefined || h.periods.some((p) => p.measure === 'realisasi');

/** Two headers of the same kind of table: the same amount columns (anggaran, realisasi or both). */
const sameKind = (a: HeaderMatch<BudgetRole>, b: HeaderMatch<BudgetRole>) =>
  (a.columns.anggaran !== undefined) === (b.columns.anggaran !== undefined) && readsRealisasi(a) === readsRealisasi(b);

function sameColumns(a: HeaderMatch<BudgetRole>, b: HeaderMatch<BudgetRole>): boolean {
  const keys = Object.keys(a.columns) as BudgetRole[];
  return keys.length === Object.keys(b.columns).length && keys.every((k) => a.columns[k] === b.columns[k]);
}

/** A rekening row belongs under another only if its code continues that one's (5.1.02… under 5.1, not 5.2.02…). */
function withinRekening(parent: Row, node: Row): boolean {
  if (parent.level !== 'rekening' || node.level !== 'rekening' || parent.kodeKey === null || node.kodeKey === null) return true;
  return node.kodeKey.startsWith(parent.kodeKey + '.');
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
  const prev = lastChild.get(prefix);
  const turnedIntoNumber = typeof cell === 'number' && prev !== undefined && last <= prev && last * 10 === prev + 1;
  if (turnedIntoNumber) last = prev + 1;
  lastChild.set(prefix, last);
  // Text is the code as written (7.01 is a SIPD bidang, not 7.1).
  return turnedIntoNumber ? `${prefix}.${last}` : text;
}

/** The sheet writes SIPD codes somewhere: then short codes are urusan and bidang, not outline numbers. */
function usesSipd(values: CellValue[][], first: number, codeCols: readonly number[], nameCol: number): boolean {
  for (let r = first; r < values.length; r++) {
    const code = codeCols
      .map((c) => cellText(values[r]?.[c] ?? null).replace(/\.$/, ''))
      .filter((t) => t !== '')
      .join('.');
    const candidates = [code, splitLeadingCode(cellText(values[r]?.[nameCol] ?? null))?.code ?? ''];
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
