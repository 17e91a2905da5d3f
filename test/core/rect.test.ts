import { clip, columnIndex, columnLetter, MergeIndex, parseAddress, rectAddress } from '../../src/core/rect';

describe('rectangles and addresses', () => {
  it('names columns as Excel does, both ways', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'XFD', 'A1'].map(columnIndex)).toEqual([0, 25, 26, 16383, -1]);
  });

  it('parses A1 addresses with or without sheet and $, and refuses what lies outside Excel’s grid', () => {
    expect(parseAddress("'DPA 2024'!$B$2:D9")).toEqual({ row: 1, col: 1, rows: 8, cols: 3 });
    expect(parseAddress('C3')).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(parseAddress('D9:B2')).toEqual({ row: 1, col: 1, rows: 8, cols: 3 });
    expect(parseAddress('XFE1')).toBeNull();
    expect(parseAddress('A1048577')).toBeNull();
    expect(parseAddress('A0')).toBeNull();
    expect(parseAddress('Jumlah')).toBeNull();
    expect(rectAddress({ row: 1, col: 1, rows: 8, cols: 3 })).toBe('B2:D9');
    expect(rectAddress({ row: 0, col: 0, rows: 1, cols: 1 })).toBe('A1');
  });

  it('clips one rectangle to another', () => {
    expect(clip({ row: 0, col: 0, rows: 10, cols: 10 }, { row: 5, col: 8, rows: 10, cols: 10 })).toEqual({ row: 5, col: 8, rows: 5, cols: 2 });
    expect(clip({ row: 0, col: 0, rows: 2, cols: 2 }, { row: 2, col: 0, rows: 1, cols: 1 })).toBeNull();
  });

  it('tells which merge covers a cell and where merges start', () => {
    const index = new MergeIndex([
      { row: 0, col: 0, rows: 2, cols: 3 },
      { row: 5, col: 1, rows: 1, cols: 1 },
    ]);
    expect(index.anchorAt(0, 0)).toEqual({ row: 0, col: 0, rows: 2, cols: 3 });
    expect(index.anchorAt(1, 2)).toBe('covered');
    expect(index.anchorAt(2, 0)).toBeNull();
    expect(index.at(1, 1)).toEqual({ row: 0, col: 0, rows: 2, cols: 3 });
    expect(index.size).toBe(7);
  });
});
