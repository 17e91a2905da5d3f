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
  it('states the capaian rules used in Tabel 3.2’s source line', () => {
    expect(byId('pengukuran-kinerja').source).toBe(
      'Sumber: Perjanjian Kinerja dan data capaian kinerja, diolah. Capaian indikator berskala (TMP < TW < WDP < WTP) adalah seratus persen bila realisasi mencapai atau melampaui target; ' +
        'bila di bawah target, capaiannya adalah perbandingan tingkat realisasi dengan tingkat target. ' +
        'Target berupa rentang tercapai (seratus persen) bila realisasi berada di dalam rentang; di luar rentang, capaian diukur dari batas terdekat menurut arahnya, dan tanpa arah yang tertulis, melewati batas atas maupun batas bawah sama-sama dihitung belum mencapai target.',
    );
  });

  it('sets each part of the narrative beside its table', () => {
    const around = (id: string) => [byId(id).text.before.map((p) => p.style), byId(id).text.after.map((p) => p.style)];
    expect(around('pengukuran-kinerja')).toEqual([
      ['heading', 'bullet'],
      ['body', 'body', 'heading', 'body', 'body', 'body', 'body'],
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
    expect(html).toContain('TMP &lt; TW &lt; WDP &lt; WTP');
    expect(html).not.toContain('<table');
  });
});

describe('Tabel 3.2 and 3.7 as a report prints them', () => {
  it('leaves out the Renstra columns when the kinerja sheet has no Renstra target, and is portrait then', () => {
    const t = byId('pengukuran-kinerja');
    expect(t.header[0]).toEqual(['No', 'Sasaran Strategis', 'Indikator Sasaran', 'Target', 'Realisasi', 'Tingkat Capaian Kinerja (%)']);
    expect(t.rows.every((r) => r.cells.length === 6)).toBe(true);
    expect(t.orientation).toBe('portrait');
  });

  it('names the documents in its source lines, and writes the berjenjang threshold the Indonesian way', () => {
    expect(byId('realisasi-anggaran').source).toBe('Sumber: Dokumen Pelaksanaan Anggaran dan Laporan Realisasi Anggaran, diolah');
    const banded = buildReport(hitung(book, { efisiensi: 'berjenjang', ambangEfisiensi: 2.5 })).tables.find((x) => x.id === 'efisiensi')!;
    expect(banded.source).toMatch(/> 2,5 poin persen Efisien, ±2,5 poin persen Cukup efisien\)$/);
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
