import { buildReport } from '../../../src/core/report/report';
import { hitung } from '../../../src/core/compute/engine';
import { displayCell } from '../../../src/core/report/table';
import { narasiToHtml } from '../../../src/core/report/table-html';
import { toJson } from '../../../src/core/report/result-json';
import { sheet } from '../../support/sheets';

const book = {
  sheets: [
    sheet('DPA', ['Kode', 'Uraian', 'Anggaran'], ['7.01.01', 'Program Satu', 1000], ['7.01.01.2.01', 'Kegiatan Satu', 1000]),
    sheet('LRA', ['Kode', 'Uraian', 'Anggaran', 'Realisasi'], ['7.01.01', 'Program Satu', 1000, 900], ['7.01.01.2.01', 'Kegiatan Satu', 1000, 900]),
    sheet(
      'IKU',
      ['Sasaran', 'Indikator', 'Arah', 'Target', 'Realisasi', 'Program Pendukung'],
      ['Sasaran A', 'Opini BPK', 'Naik', 'WTP', 'WDP', '7.01.01'],
      [null, 'Waktu', 'Turun', '3 - 5', 4, null],
    ),
  ],
};
const tables = buildReport(hitung(book)).tables;
const byId = (id: string) => tables.find((t) => t.id === id)!;

describe('the tables with the narrative', () => {
  it('states beside each capaian the formula that gave it, and in the source line what the formulas rest on', () => {
    const t = byId('pengukuran-kinerja');
    expect(t.rows.map((r) => [displayCell(r.cells[0]), displayCell(r.cells[5]), displayCell(r.cells[6])])).toEqual([
      ['1', '75,00', 'tingkat 5 ÷ tingkat 4 × 100'],
      ['', '100,00', '100: 5 di dalam rentang 4'],
      ['Rata-rata capaian kinerja (tidak ada capaian di atas 100%)', '87,50', 'rata-rata kolom 6'],
    ]);
    expect(t.source).toBe('Sumber: Perjanjian Kinerja dan data capaian kinerja, diolah. Tingkat pada skala opini BPK: TMP = 1, TW = 2, WDP = 3, WTP = 4');
  });

  it('sets each part of the narrative beside its table', () => {
    const around = (id: string) => [byId(id).text.before.map((p) => p.style), byId(id).text.after.map((p) => p.style)];
    expect(around('pengukuran-kinerja')).toEqual([
      ['heading', 'bullet'],
      ['body', 'heading', 'body', 'body', 'body', 'body'],
    ]);
    expect(around('efisiensi')).toEqual([[], ['body', 'body', 'body']]);
    expect(around('realisasi-anggaran')).toEqual([['body', 'body', 'body'], []]);
    expect(around('program-pendukung')).toEqual([[], []]);
  });

  it('puts the whole narrative on its own sheet before the Pemeriksaan, each paragraph with where it goes', () => {
    expect(tables.slice(-2).map((t) => t.id)).toEqual(['narasi', 'pemeriksaan']);
    const narasi = byId('narasi');
    expect(narasi.rows.map((r) => displayCell(r.cells[0])).filter((t) => t !== '')).toEqual([
      'Ringkasan Eksekutif',
      'Bab III, setelah Tabel 3.2',
      'Bab III, setelah Tabel 3.7',
      'Bab III, sebelum Tabel 3.9',
    ]);
    expect(narasi.rows.filter((r) => r.emphasis === 'bold').map((r) => displayCell(r.cells[1]))).toEqual(['Ringkasan Eksekutif', 'Sasaran 1: Sasaran A']);
    expect(displayCell(narasi.rows[1].cells[1])).toMatch(/^• Sasaran 1: Sasaran A diukur dengan dua indikator kinerja/);
    expect(narasi.merges[0]).toEqual({ row: 0, col: 0, rows: 2, cols: 1 });
  });

  it('copies the narrative as paragraphs, escaped', () => {
    const html = narasiToHtml(tables);
    expect(html).toMatch(/^<p style="[^"]*font-weight:bold[^"]*">Ringkasan Eksekutif<\/p><ul/);
    expect(html).toContain('<span style="background:yellow">[isi: sumber dana]</span>');
    expect(narasiToHtml([{ ...byId('narasi'), text: { before: [{ text: 'A & <b>', style: 'body' }], after: [] } }])).toContain('A &amp; &lt;b&gt;');
    expect(html).not.toContain('<table');
  });
});

describe('Tabel 3.2 and 3.7 as a report prints them', () => {
  it('leaves out the Renstra columns when the kinerja sheet has no Renstra target, and is portrait then', () => {
    const t = byId('pengukuran-kinerja');
    expect(t.header[0]).toEqual(['No', 'Sasaran Strategis', 'Indikator Sasaran', 'Target', 'Realisasi', 'Tingkat Capaian Kinerja (%)', 'Rumus Kolom 6']);
    expect(t.header[1]).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(t.rows.every((r) => r.cells.length === 7)).toBe(true);
    expect(t.orientation).toBe('portrait');
  });

  it('names the documents in its source lines, and writes the berjenjang threshold the Indonesian way', () => {
    expect(byId('realisasi-anggaran').source).toBe('Sumber: Dokumen Pelaksanaan Anggaran dan Laporan Realisasi Anggaran, diolah');
    const banded = buildReport(hitung(book, { efisiensi: 'berjenjang', ambangEfisiensi: 2.5 })).tables.find((x) => x.id === 'efisiensi')!;
    expect(banded.source).toMatch(/> 2,5 poin persen Efisien, ±2,5 poin persen Cukup efisien\)$/);
  });
});

describe('every figure of Tabel 3.2 recomputable from the table', () => {
  const iku = sheet(
    'IKU',
    ['Sasaran', 'Indikator', 'Arah', 'Target', 'Realisasi', 'Target Akhir Renstra'],
    ['Sasaran A', 'Angka Kematian Ibu', 'Turun', 90, 112, 80],
    [null, 'Indeks Kepuasan Masyarakat', 'Naik', 90, 83.57, 90],
    [null, 'Nilai SAKIP', 'Naik', 'BB (74)', 'A (80,60)', 'A (80)'],
    ['Sasaran B', 'Nilai reformasi birokrasi', null, 74, 'A', 'A'],
    [null, 'Waktu layanan', null, '3 - 5', 6, '3 - 5'],
  );
  const t = buildReport(hitung({ sheets: [iku] })).tables.find((x) => x.id === 'pengukuran-kinerja')!;
  const shown = (i: number) => [displayCell(t.rows[i].cells[3]), displayCell(t.rows[i].cells[4]), displayCell(t.rows[i].cells[5]), displayCell(t.rows[i].cells[6])];

  it('gives an arah turun its own formula, which the figures bear out', () => {
    expect(shown(0)).toEqual(['90', '112', '75,56', '(2 × 4 − 5) ÷ 4 × 100']);
    expect(((2 * 90 - 112) / 90) * 100).toBeCloseTo(75.56, 2);
    expect(shown(1)).toEqual(['90', '83,57', '92,86', '5 ÷ 4 × 100']);
  });

  it('says how a letter without a number counts, and measures a range from the bound passed', () => {
    expect(shown(3)).toEqual(['74', 'A', '108,11', '5 ÷ 4 × 100; kolom 9: 100: tingkat 5 ≥ tingkat 8']);
    expect(shown(4)).toEqual(['3 - 5', '6', '80,00', '(2 × batas atas 4 − 5) ÷ batas atas 4 × 100']);
    expect(t.source).toContain('Nilai huruf tanpa angka dihitung dengan batas bawahnya: A = 80');
  });

  it('gives no letter’s bound where the letters were compared on their scale, not as numbers', () => {
    const scale = sheet('IKU', ['Sasaran', 'Indikator', 'Arah', 'Target', 'Realisasi'], ['Sasaran A', 'Nilai SAKIP', 'Naik', 'BB', 'A']);
    const only = buildReport(hitung({ sheets: [scale] })).tables.find((x) => x.id === 'pengukuran-kinerja')!;
    expect(displayCell(only.rows[0].cells[6])).toBe('100: tingkat 5 ≥ tingkat 4');
    expect(only.source).toMatch(/Tingkat pada skala nilai SAKIP: /);
    expect(only.source).not.toMatch(/Nilai huruf tanpa angka/);
  });

  it('says the Renstra column’s formula where it differs from column 6’s', () => {
    // 112 against the Renstra's 80 with arah turun is the same formula, 6 against 3 - 5 too; A against A is a level reached.
    expect(t.rows.slice(0, 5).map((r) => displayCell(r.cells[6]).includes('kolom 9'))).toEqual([false, false, false, true, false]);
    expect(t.header[1]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9 (rumus kolom 7, target 8)']);
  });

  it('says in the average row that the cap applies, with the average without it beside', () => {
    const average = t.rows[t.rows.length - 1];
    expect(displayCell(average.cells[0])).toBe('Rata-rata capaian kinerja (capaian di atas 100% dihitung 100%)');
    // (75,56 + 92,86 + 100 + 100 + 80) / 5 with the cap, (75,56 + 92,86 + 108,92 + 108,11 + 80) / 5 without.
    expect(displayCell(average.cells[5])).toBe('89,68');
    expect(displayCell(average.cells[6])).toBe('rata-rata kolom 6; tanpa batas: 93,09');
    const uncapped = buildReport(hitung({ sheets: [iku] }, { batasCapaian: null })).tables.find((x) => x.id === 'pengukuran-kinerja')!;
    expect(displayCell(uncapped.rows[uncapped.rows.length - 1].cells[0])).toBe('Rata-rata capaian kinerja (tanpa batas)');
  });

  it('says in Tabel 3.8 which averages the cap changed, and the predikat bands', () => {
    const predikat = buildReport(hitung({ sheets: [iku] })).tables.find((x) => x.id === 'predikat')!;
    const labels = predikat.rows.map((r) => displayCell(r.cells[0])).filter((l) => l.startsWith('Rata-rata'));
    expect(labels).toEqual([
      'Rata-rata capaian sasaran (capaian di atas 100% dihitung 100%)',
      'Rata-rata capaian sasaran (capaian di atas 100% dihitung 100%)',
      'Rata-rata capaian seluruh indikator (capaian di atas 100% dihitung 100%)',
    ]);
    expect(predikat.source).toBe('Sumber: Tabel 3.2. Predikat menurut % capaian: Sangat Tinggi ≥ 90; Tinggi ≥ 76; Sedang ≥ 66; Rendah ≥ 51; Sangat Rendah < 51');
  });
});

describe('Tabel 3.8 and 3.9 as Word prints them', () => {
  it('keeps a sasaran’s rows with the next, down to its rata-rata', () => {
    const rows = byId('predikat').rows.map((r) => [displayCell(r.cells[0]), r.keepWithNext ?? false]);
    expect(rows).toEqual([
      ['Sasaran 1: Sasaran A', true],
      ['Indikator 1.1: Opini BPK', true],
      ['Indikator 1.2: Waktu', true],
      ['Rata-rata capaian sasaran', false],
      ['Rata-rata capaian seluruh indikator', false],
    ]);
  });

  it('prints Tabel 3.9 landscape, its names beside the figures', () => expect(byId('realisasi-anggaran').orientation).toBe('landscape'));
});

describe('one rule for the top level of the budget', () => {
  it('shows a DPA without programs by its kegiatan, the same rows in Tabel 3.9 and the JSON', () => {
    const dpa = sheet('DPA', ['Kode', 'Uraian', 'Anggaran'], ['7.01.01.2.01', 'Kegiatan Satu', 300], ['7.01.01.2.01.0001', 'Sub Satu', 300], ['7.01.01.2.02', 'Kegiatan Dua', 200]);
    const result = hitung({ sheets: [dpa] });
    const table = buildReport(result).tables.find((t) => t.id === 'realisasi-anggaran')!;
    expect(table.rows.map((r) => (r.cells[1] as { value: string }).value)).toEqual(['Kegiatan Satu', 'Sub Kegiatan Sub Satu', 'Kegiatan Dua', 'JUMLAH']);
    const json = toJson(buildReport(result)).anggaran!;
    expect(json.program).toEqual([]);
    expect(json.kegiatan!.map((k) => [k.nama, k.anggaran, k.subKegiatan!.map((s) => s.nama)])).toEqual([
      ['Kegiatan Satu', '300', ['Sub Satu']],
      ['Kegiatan Dua', '200', []],
    ]);
  });
});
