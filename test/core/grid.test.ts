import { cellAddress, gridMerges, isMergedDown, valuesWithMergesFilled } from '../../src/core/grid';
import { sheetWith } from '../support/sheets';

describe('the host-neutral grid', () => {
  it('gives cells their address on the user’s sheet', () => {
    const grid = sheetWith('DPA', { origin: { row: 3, col: 1 } }, ['Uraian']);
    expect(cellAddress(grid, 0, 0)).toBe('B4');
    expect(cellAddress(grid, 2, 3)).toBe('E6');
  });

  it('fills merged areas from their top-left cell, on short rows too, and knows the cells merged down', () => {
    const grid = sheetWith('K', { merges: ['A1:A3', 'B1:C1'] }, ['Sasaran', 'Realisasi', null], [null], [null, 'x']);
    expect(valuesWithMergesFilled(grid)).toEqual([['Sasaran', 'Realisasi', 'Realisasi'], ['Sasaran'], ['Sasaran', 'x']]);
    const merges = gridMerges(grid);
    expect([isMergedDown(merges, 0, 0), isMergedDown(merges, 1, 0), isMergedDown(merges, 0, 2)]).toEqual([false, true, false]);
  });

  it('indexes only the part of a merge that lies on the grid', () => {
    const grid = sheetWith('K', { merges: ['A1:XFD1048576'] }, ['a', 'b']);
    expect(gridMerges(grid).size).toBe(2);
  });
});

describe('merges on any host', () => {
  it('refuse a sheet whose merges cover more cells than any table could, naming it', () => {
    const values = Array.from({ length: 2100 }, () => Array<null>(2100).fill(null));
    const grid = { name: 'Rekap', values, origin: { row: 0, col: 0 }, merges: [{ row: 0, col: 0, rows: 2100, cols: 2100 }] };
    expect(() => gridMerges(grid)).toThrow(/^Lembar “Rekap” memiliki sel gabungan yang terlalu luas \(lebih dari 4\.000\.000 sel\); lembar ini tidak dibaca\.$/);
  });
});
