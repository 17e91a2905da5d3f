/**
 * In-memory sheets for module tests: `sheet('DPA', ['Kode', 'Uraian', 'Anggaran'], ['1', 'Program A', 100])`
 * is a grid with that header row and those rows, as an adapter would hand it to the core.
 */
import { BudgetSheet } from '../../src/core/read/budget-rows';
import { readBudgetSheet } from '../../src/core/read/budget-sheet';
import { findHeader, guessBudgetRole, guessKinerjaRole } from '../../src/core/read/header';
import { KinerjaSheet, readKinerjaSheet } from '../../src/core/read/kinerja-sheet';
import { CellValue, Grid, valuesWithMergesFilled } from '../../src/core/grid';
import { parseAddress, Rect } from '../../src/core/rect';

export interface SheetOptions {
  /** Rows above the header (titles, period lines). */
  above?: CellValue[][];
  /** Merged areas by A1 address, on the sheet as built (above rows included). */
  merges?: string[];
  /** Number formats by A1 address. */
  formats?: Record<string, string>;
  /** Where the grid starts on the sheet, 0-based (a used range need not start at A1). */
  origin?: { row: number; col: number };
  hidden?: boolean;
}

export function sheet(name: string, header: CellValue[], ...rows: CellValue[][]): Grid {
  return sheetWith(name, {}, header, ...rows);
}

export function sheetWith(name: string, options: SheetOptions, header: CellValue[], ...rows: CellValue[][]): Grid {
  const values = [...(options.above ?? []), header, ...rows];
  const origin = options.origin ?? { row: 0, col: 0 };
  const at = (a1: string): Rect => {
    const r = parseAddress(a1);
    if (!r) throw new Error(`not an address: ${a1}`);
    return r;
  };
  let numberFormats: (string | null)[][] | undefined;
  for (const [a1, format] of Object.entries(options.formats ?? {})) {
    numberFormats ??= values.map((row) => row.map(() => null));
    const { row, col } = at(a1);
    numberFormats[row - origin.row][col - origin.col] = format;
  }
  return { name, values, numberFormats, origin, merges: (options.merges ?? []).map(at), hidden: options.hidden };
}

/** A budget sheet (DPA or realisasi) read as the engine reads it, header found by meaning. */
export function budgetSheet(grid: Grid): BudgetSheet {
  const values = valuesWithMergesFilled(grid);
  const header = findHeader(values, guessBudgetRole, (c) => c.uraian !== undefined && (c.anggaran !== undefined || c.realisasi !== undefined));
  if (!header) throw new Error(`no budget header on ${grid.name}`);
  return readBudgetSheet(grid, values, header);
}

/** A kinerja sheet read as the engine reads it. */
export function kinerjaSheet(grid: Grid): KinerjaSheet {
  const values = valuesWithMergesFilled(grid);
  const header = findHeader(values, guessKinerjaRole, (c) => c.indikator !== undefined && c.target !== undefined);
  if (!header) throw new Error(`no kinerja header on ${grid.name}`);
  return readKinerjaSheet(grid, values, header);
}

/** An exact amount as a clerk writes it, `1.234.567,89`: `n` units of 10^-decimals. */
export function indonesianAmount(n: bigint, decimals = 2): string {
  const digits = n.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${digits.slice(-decimals)}`;
}
