import * as path from 'path';
import { hitungInExcel } from '../../src/adapters/office/hitung-excel';
import { guessHeaderMerges } from '../../src/adapters/office/merge-guess';
import { workbookFromXlsx } from '../../src/adapters/fs/xlsx-file';
import { hitung } from '../../src/core/compute/engine';
import { Workbook } from '../../src/core/grid';
import { toJson } from '../../src/core/report/result-json';
import { FakeExcel } from '../../src/demo/fake-excel';
import { FIXTURES } from '../helpers';
import { excelRun } from '../support/office-client';

/**
 * A DPA-and-realisasi sheet with a two-row header, as offices export it: "Anggaran" merged over
 * "Murni │ Perubahan", "No", "Uraian" and "Realisasi" merged down over both rows. The realisasi
 * passes the murni budget and stays within the perubahan one.
 */
const MERGED_HEADER: Workbook = {
  sheets: [
    {
      name: 'Anggaran 2024',
      origin: { row: 0, col: 0 },
      values: [
        ['Realisasi Anggaran Kecamatan Contoh Tahun 2024'],
        [],
        ['No', 'Uraian', 'Anggaran', null, 'Realisasi'],
        [null, null, 'Murni', 'Perubahan', null],
        ['1', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', 1_000_000_000, 1_200_000_000, 1_100_000_000],
        ['1.1', 'Administrasi Keuangan Perangkat Daerah', 600_000_000, 700_000_000, 650_000_000],
        ['1.2', 'Administrasi Umum Perangkat Daerah', 400_000_000, 500_000_000, 450_000_000],
      ],
      merges: [
        { row: 0, col: 0, rows: 1, cols: 5 },
        { row: 2, col: 0, rows: 2, cols: 1 },
        { row: 2, col: 1, rows: 2, cols: 1 },
        { row: 2, col: 2, rows: 1, cols: 2 },
        { row: 2, col: 4, rows: 2, cols: 1 },
      ],
    },
  ],
};

/** The same figures of a kinerja sheet whose sasaran is merged down over its indikator rows. */
const MERGED_SASARAN: Workbook = {
  sheets: [
    {
      name: 'Kinerja 2024',
      origin: { row: 0, col: 0 },
      values: [
        ['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi'],
        [1, 'Meningkatnya kualitas pelayanan publik', 'Indeks Kepuasan Masyarakat', 'Indeks', 80, 84],
        [null, null, 'Persentase layanan tepat waktu', '%', 90, 88],
        [2, 'Meningkatnya akuntabilitas kinerja', 'Nilai SAKIP', 'Nilai', 70, 72],
      ],
      merges: [
        { row: 1, col: 0, rows: 2, cols: 1 },
        { row: 1, col: 1, rows: 2, cols: 1 },
      ],
    },
  ],
};

const VERSIONS = ['1.13', '1.12', '1.9'];

async function runAt(book: Workbook, version: string) {
  const host = FakeExcel.fromWorkbook(book);
  host.apiVersion = version;
  const run = await excelRun(host, (context) => hitungInExcel(context, { settings: null }, { isSetSupported: (n, v) => host.isSetSupported(n, v) }));
  if ('edited' in run) throw new Error('asked');
  return { json: toJson(run.report), catatan: run.catatan };
}

describe('an Excel without ExcelApi 1.13, which cannot say which cells are merged', () => {
  const books: [string, () => Promise<Workbook>][] = [
    ['semboro-bersih.xlsx', () => workbookFromXlsx(path.join(FIXTURES, 'semboro-bersih.xlsx'))],
    ['semboro-tercetak.xlsx', () => workbookFromXlsx(path.join(FIXTURES, 'semboro-tercetak.xlsx'))],
    ['a two-row header merged across and down', async () => MERGED_HEADER],
    ['a sasaran merged down over its indikator', async () => MERGED_SASARAN],
  ];

  it.each(books)('gives the figures of ExcelApi 1.13 at 1.12 and 1.9, or says before them why not: %s', async (_, book) => {
    const [full, ...older] = await Promise.all(VERSIONS.map(async (v) => runAt(await book(), v)));
    expect(full.catatan).toEqual([]);
    for (const run of older) {
      if (JSON.stringify(run.json) !== JSON.stringify(full.json)) expect(run.catatan).not.toEqual([]);
    }
  });

  it.each(books.filter(([name]) => name.startsWith('semboro') || name.includes('sasaran')))(
    'gives the same figures and says nothing where merges are titles or merged down data: %s',
    async (_, book) => {
      const [full, ...older] = await Promise.all(VERSIONS.map(async (v) => runAt(await book(), v)));
      for (const run of older) expect(run).toEqual(full);
    },
  );

  it('reads a two-row header as the merges make it: the perubahan budget, no false finding, and says which cells it took for merged', async () => {
    const full = await runAt(MERGED_HEADER, '1.13');
    expect(full.json.temuan.filter((t) => t.tingkat === 'galat')).toEqual([]);
    for (const version of ['1.12', '1.9']) {
      const older = await runAt(MERGED_HEADER, version);
      expect(older.json).toEqual(full.json);
      expect(older.catatan).toEqual([expect.stringMatching(/^Versi Excel ini belum dapat memberi tahu sel gabungan .*“Anggaran 2024” C3:D3\. Periksa kolom/)]);
    }
    // Read without merges, as before, the murni column was taken for the budget: false galat.
    const unmerged = hitung({ sheets: MERGED_HEADER.sheets.map((s) => ({ ...s, merges: [] })) });
    expect(unmerged.temuan.filter((t) => t.jenis === 'melebihi')).not.toEqual([]);
  });

  it('takes a header for merged only over a row of sub-headers: not a title, not a row of figures, not column numbers', () => {
    expect(guessHeaderMerges(MERGED_HEADER.sheets[0].values, { row: 0, col: 0 })).toEqual([
      { row: 2, col: 0, rows: 2, cols: 1 },
      { row: 2, col: 1, rows: 2, cols: 1 },
      { row: 2, col: 2, rows: 1, cols: 2 },
      { row: 2, col: 4, rows: 2, cols: 1 },
    ]);
    const values = [
      ['Judul laporan', null, null],
      ['No', 'Uraian', 'Anggaran'],
      [1, 2, 3],
      ['1', 'Program', 1_000_000],
      ['Anggaran', null, 'Realisasi'],
      ['Program', 1_000_000, 900_000],
    ];
    expect(guessHeaderMerges(values, { row: 0, col: 0 })).toEqual([]);
    // In sheet coordinates where the used range does not start at A1.
    expect(
      guessHeaderMerges(
        [
          ['Indikator', 'Target', null],
          [null, '2023', 2024],
        ],
        { row: 4, col: 2 },
      ),
    ).toEqual([
      { row: 4, col: 2, rows: 2, cols: 1 },
      { row: 4, col: 3, rows: 1, cols: 2 },
    ]);
  });
});
