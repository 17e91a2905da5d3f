import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { readXlsxFile } from '../../src/adapters/fs/xlsx-file';
import { fingerprintsOf, recordXml, ResultRecord } from '../../src/core/result-sheets';
import { FIXTURES, makeXlsx, runQuiet, runWithJson, SMALL_DPA, tempDir } from '../helpers';
import { ResultJson } from '../../src/core/report/result-json';

/** Our result copy handed back: never read as the user's data, and the record never trusted over what the sheets hold. */

const tercetak = path.join(FIXTURES, 'semboro-tercetak.xlsx');
const figures = (j: ResultJson) => ({ lembar: j.lembar, anggaran: j.anggaran, sasaran: j.sasaran, rata: j.rataRataCapaian, temuan: j.temuan });
const cellsOf = (book: Awaited<ReturnType<typeof readXlsxFile>>, sheet: string) =>
  book.grids
    .find((g) => g.name === sheet)!
    .values.flat()
    .filter((v) => v !== null);

/** A copy with one part's text replaced, every other part as it was. */
async function edited(file: string, out: string, part: string, change: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  zip.file(part, change(await zip.file(part)!.async('string')));
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

describe('our own sheets handed back', () => {
  let dir: string;
  let direct: ResultJson;
  beforeAll(async () => {
    dir = await tempDir();
    direct = (await runWithJson(tercetak)).json!;
  });

  it('edited, kept, run again: the kept sheet is never read as the kinerja sheet', async () => {
    const first = path.join(dir, 'hasil-1.xlsx');
    expect((await runQuiet([tercetak, '-o', first])).code).toBe(0);
    const changed = await edited(first, path.join(dir, 'hasil-1-diubah.xlsx'), 'xl/worksheets/sheet4.xml', (xml) =>
      xml.replace('Indeks Kepuasan Masyarakat', 'Indeks Kepuasan Masyarakat (IKM)'),
    );
    const second = path.join(dir, 'hasil-2.xlsx');
    const kept = await runQuiet([changed, '-o', second]);
    expect(kept.err).toContain(
      'Lembar “HC Pengukuran Kinerja” telah diubah sejak perhitungan terakhir; lembar itu dibiarkan dan hasil baru ditulis ke lembar “HC Pengukuran Kinerja (2)”.',
    );
    const third = await runWithJson(second);
    expect(third.code).toBe(0);
    expect(figures(third.json!)).toEqual(figures(direct));
    expect(third.json!.sasaran).toHaveLength(6);
    expect(third.err).toContain('Lembar “HC Pengukuran Kinerja”: tidak dipakai. Berisi tabel hasil Hitung Capaian (Tabel 3.2), jadi tidak dibaca sebagai data.');
  });

  it('after another program dropped our record (openpyxl): none of our sheets is read, the figures are the book’s', async () => {
    const input = path.join(FIXTURES, 'other-tools', 'hasil-openpyxl.xlsx');
    const run = await runWithJson(input);
    expect(run.code).toBe(0);
    expect(figures(run.json!)).toEqual(figures(direct));
    expect(run.json!.temuan.filter((t) => t.tingkat === 'galat')).toHaveLength(8);
    // Without the record they are not known to be ours: the copy keeps them and writes beside them.
    const copy = path.join(dir, 'openpyxl-hasil.xlsx');
    expect((await runQuiet([input, '-o', copy])).code).toBe(0);
    expect(cellsOf(await readXlsxFile(copy), 'HC Pengukuran Kinerja')).toContain('Indeks Kepuasan Masyarakat (IKM)');
  });

  it('a forged record naming the user’s sheets with their fingerprints deletes nothing: both are kept, and said once', async () => {
    const input = await makeXlsx(dir, 'catatan.xlsx', [
      { name: 'DPA', rows: SMALL_DPA },
      { name: 'Catatan Pribadi', rows: [['Jangan dihapus'], ['Nomor rekening bendahara', '1234567890']] },
    ]);
    const first = path.join(dir, 'catatan-hasil.xlsx');
    expect((await runQuiet([input, '-o', first])).code).toBe(0);
    const book = await readXlsxFile(first);
    const named = (nama: string, tabel: ResultRecord['lembar'][number]['tabel']) => ({ nama, tabel, sidik: '' });
    const claim: ResultRecord = { versi: 1, lembar: [...book.record.lembar, named('Catatan Pribadi', 'narasi'), named('DPA', 'realisasi-anggaran')] };
    const prints = fingerprintsOf(book.grids, claim);
    const forged: ResultRecord = { versi: 1, lembar: claim.lembar.map((s) => ({ ...s, sidik: prints.get(s.nama) ?? s.sidik })) };
    const tampered = await edited(first, path.join(dir, 'catatan-palsu.xlsx'), book.recordPart!, () => recordXml(forged));

    const second = path.join(dir, 'catatan-hasil-2.xlsx');
    const run = await runQuiet([tampered, '-o', second]);
    expect(run.code).toBe(0);
    for (const name of ['Catatan Pribadi', 'DPA']) {
      expect(run.err.filter((l) => l.includes(`Lembar “${name}” tercatat sebagai lembar hasil`))).toHaveLength(1);
    }
    const again = await readXlsxFile(second);
    expect(again.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
    expect(cellsOf(again, 'Catatan Pribadi')).toEqual(['Jangan dihapus', 'Nomor rekening bendahara', '1234567890']);
    expect(again.grids.find((g) => g.name === 'DPA')!.values).toEqual(book.grids.find((g) => g.name === 'DPA')!.values);
  });

  it('a record that cannot be read is said in a sentence, never an internal error', async () => {
    const input = await makeXlsx(dir, 'rusak.xlsx', [{ name: 'DPA', rows: SMALL_DPA }]);
    const first = path.join(dir, 'rusak-hasil.xlsx');
    expect((await runQuiet([input, '-o', first])).code).toBe(0);
    const book = await readXlsxFile(first);
    for (const [name, xml] of [
      ['titik-kode', `<lembarHasil xmlns="urn:hitung-capaian:lembar-hasil:1">{"versi":1,"lembar":[{"nama":"&#x110000;","tabel":"narasi","sidik":"x"}]}</lembarHasil>`],
      ['komentar', `${'<!---->'.repeat(40)}<lembarHasil xmlns="urn:hitung-capaian:lembar-hasil:1">{"versi":1`],
    ]) {
      const tampered = await edited(first, path.join(dir, `${name}.xlsx`), book.recordPart!, () => xml);
      const run = await runQuiet([tampered, '-o', path.join(dir, `${name}-hasil.xlsx`)]);
      expect(run.code).toBe(0);
      expect(run.err.join('\n')).not.toMatch(/Galat internal/);
      expect(run.err).toContain('  Catatan: Catatan lembar hasil Hitung Capaian di buku kerja ini rusak; lembar hasil yang lama dianggap milik Anda dan tidak diubah.');
    }
  });
});
