import { Decimal } from '../../../src/core/decimal';
import { MAX_CELL_TEXT } from '../../../src/core/grid';
import { FIGURES_TITLE, layoutTable, MAX_ROW_HEIGHT, MONEY_FORMAT, PERCENT_FORMAT, TEXT_FORMAT, wrappedLines } from '../../../src/core/report/sheet-layout';
import { tableToHtml } from '../../../src/core/report/table-html';
import { Table } from '../../../src/core/report/table';

const table: Table = {
  id: 'realisasi-anggaran',
  nomor: 'Tabel 3.9',
  caption: 'Realisasi Anggaran',
  header: [['No', 'Uraian', 'Anggaran', '%']],
  headerMerges: [],
  columns: [
    { width: 6, align: 'center' },
    { width: 20, align: 'left' },
    { width: 15, align: 'right' },
    { width: 8, align: 'right' },
  ],
  rows: [
    {
      cells: [
        { kind: 'text', value: '1' },
        { kind: 'text', value: '=SUM(A1)' },
        { kind: 'money', value: new Decimal('2700414981') },
        { kind: 'percent', value: new Decimal('89.1648') },
      ],
      level: 0,
      emphasis: 'bold',
      total: false,
    },
    { cells: [{ kind: 'text', value: 'JUMLAH' }, { kind: 'empty' }, { kind: 'money', value: new Decimal('-5') }, { kind: 'check' }], level: 1, emphasis: 'none', total: true },
  ],
  merges: [{ row: 1, col: 0, rows: 1, cols: 2 }],
  nameColumn: 1,
  source: 'Sumber: uji',
  orientation: 'portrait',
  text: { before: [], after: [] },
};

describe('a table laid out on a sheet', () => {
  const layout = layoutTable('HC Uji', table);

  it('puts number, caption, a blank row, header, body and source in order', () => {
    expect(layout.values.map((r) => r[0])).toEqual(['Tabel 3.9', 'Realisasi Anggaran', null, 'No', '1', 'JUMLAH', 'Sumber: uji']);
    expect(layout.values.every((r) => r.length === 7)).toBe(true);
    expect(layout.table).toEqual({ row: 3, col: 0, rows: 3, cols: 4 });
    expect(layout.headerRows).toEqual({ first: 3, last: 3 });
  });

  it('writes every figure of the table as Indonesian text, whatever the computer’s regional settings', () => {
    expect(layout.values[4].slice(0, 4)).toEqual(['1', '=SUM(A1)', '2.700.414.981', '89,16']);
    expect(layout.numberFormats[4].slice(0, 4)).toEqual([TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]);
    expect(layout.values[5].slice(0, 4)).toEqual(['JUMLAH', null, '-5', '✓']);
  });

  it('sets the same figures beside the table as numbers, exact, for arithmetic: outside the print area and the table', () => {
    // Column E stays empty; F and G hold the money and percentage columns.
    expect(layout.columnWidths.length).toBe(7);
    expect(layout.values[2][5]).toBe(FIGURES_TITLE);
    expect(layout.values[3].slice(4)).toEqual([null, 'Anggaran', '%']);
    expect(layout.values[4].slice(4)).toEqual([null, 2700414981, 89.1648]);
    expect(layout.numberFormats[4].slice(5)).toEqual([MONEY_FORMAT, PERCENT_FORMAT]);
    expect(layout.values[5].slice(4)).toEqual([null, -5, null]);
    expect(layout.printArea.cols).toBe(4);
    expect(layout.table.cols).toBe(4);
  });

  it('moves merges below the header and the caption, and indents the name column by level', () => {
    expect(layout.merges).toContainEqual({ row: 5, col: 0, rows: 1, cols: 2 });
    expect(layout.styles).toContainEqual({ block: { row: 5, col: 1, rows: 1, cols: 1 }, style: { indent: 1 } });
  });
});

describe('wrapped lines, for row heights', () => {
  it('counts the lines a text takes at a width', () => {
    expect(wrappedLines('pendek', 20)).toBe(1);
    expect(wrappedLines('kata '.repeat(20).trim(), 20)).toBe(5);
    expect(wrappedLines('a\nb', 20)).toBe(2);
    expect(wrappedLines('x'.repeat(45), 20)).toBe(3);
  });
});

describe('a table as HTML', () => {
  it('escapes text, spans merges and shows Indonesian figures', () => {
    const html = tableToHtml(table);
    expect(html).toContain('>=SUM(A1)<');
    expect(html).toContain('>2.700.414.981<');
    expect(html).toContain('>89,16<');
    expect(html).toContain('>-5<');
    expect(html).toContain('colspan="2"');
    expect(tableToHtml({ ...table, caption: '<b>&</b>' })).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });
});

describe('a long text', () => {
  it('never asks a row taller than Excel allows', () => {
    const long = { ...table, rows: [{ ...table.rows[0], cells: [{ kind: 'text' as const, value: 'catatan '.repeat(500) }, ...table.rows[0].cells.slice(1)] }] };
    expect(Math.max(...layoutTable('HC Uji', { ...long, columns: [{ width: 6, align: 'left' }, ...table.columns.slice(1)] }).rowHeights)).toBe(MAX_ROW_HEIGHT);
  });
});

describe('text longer than a cell holds', () => {
  it('is cut to Excel’s 32.767 characters with an ellipsis, never between the halves of a character', () => {
    const long = (text: string) =>
      layoutTable('HC Uji', { ...table, caption: text, rows: [{ ...table.rows[0], cells: [{ kind: 'text', value: text }, ...table.rows[0].cells.slice(1)] }] });
    const plain = long('kata '.repeat(10_000));
    const body = plain.values[plain.table.row + 1][0] as string;
    expect([body.length, body.endsWith('…'), plain.values[1][0]]).toEqual([MAX_CELL_TEXT, true, body]);
    const emoji = long(`${'a'.repeat(MAX_CELL_TEXT - 2)}😀😀`).values[1][0] as string;
    expect([emoji.length, emoji.slice(-2)]).toEqual([MAX_CELL_TEXT - 1, 'a…']);
    expect(long('kata').values[1][0]).toBe('kata');
  });
});

describe('the chart beside Tabel 3.7', () => {
  it('draws its series from the numbers beside the table, its categories from the names', () => {
    const efisiensi: Table = {
      ...table,
      id: 'efisiensi',
      nomor: 'Tabel 3.7',
      header: [['Sasaran', '% Capaian Kinerja', '% Serapan Anggaran', 'Kategori Efisiensi']],
      rows: [
        {
          cells: [
            { kind: 'text', value: '1. A' },
            { kind: 'percent', value: new Decimal('92.857') },
            { kind: 'percent', value: new Decimal('99.67') },
            { kind: 'text', value: 'Tidak efisien' },
          ],
          level: 0,
          emphasis: 'none',
          total: false,
        },
      ],
      merges: [],
    };
    const l = layoutTable('HC Efisiensi', efisiensi);
    const at = (r: { row: number; col: number }) => l.values[r.row][r.col];
    expect(at(l.chart!.categories)).toBe('1. A');
    expect(l.chart!.series.map((s) => [at(s.name), at(s.values)])).toEqual([
      ['% Capaian Kinerja', 92.857],
      ['% Serapan Anggaran', 99.67],
    ]);
  });

  it('makes no row taller for the names beside the table: they are there for the chart, not to be read', () => {
    const row = (name: string): Table['rows'][number] => ({
      cells: [
        { kind: 'text', value: name },
        { kind: 'percent', value: new Decimal('92.857') },
        { kind: 'percent', value: new Decimal('99.67') },
        { kind: 'text', value: 'Efisien' },
      ],
      level: 0,
      emphasis: 'none',
      total: false,
    });
    const efisiensi = (name: string): Table => ({
      ...table,
      id: 'efisiensi',
      header: [['Sasaran', '% Capaian Kinerja', '% Serapan Anggaran', 'Kategori Efisiensi']],
      columns: [{ width: 60, align: 'left' }, ...table.columns.slice(1)],
      rows: [row(name)],
      merges: [],
    });
    // Forty characters: one line in the table's column of 60, three in the 16 of the names beside.
    const l = layoutTable('HC Efisiensi', efisiensi('2. Meningkatnya Kepuasan Masyarakat Desa'));
    const body = l.table.row + l.table.rows - 1;
    expect(l.values[body].filter((v) => v === '2. Meningkatnya Kepuasan Masyarakat Desa')).toHaveLength(2);
    expect(l.rowHeights[body]).toBe(layoutTable('HC Efisiensi', efisiensi('2. Pendek')).rowHeights[body]);
  });
});
