import { buildReport } from '../../../src/core/report/report';
import fc from 'fast-check';
import { hitung } from '../../../src/core/compute/engine';
import { Decimal } from '../../../src/core/decimal';
import { CellValue } from '../../../src/core/grid';
import { ResultJson, toJson } from '../../../src/core/report/result-json';

/**
 * Every number in the narrative is a figure of the JSON result (issue 14): the narrative invents
 * nothing and rounds nothing the JSON does not. References are not figures and are left out:
 * `Sasaran 2`, `Tabel 3.2`, a placeholder's note to the writer (`[periksa: DPA 2024!C24 …]`); a
 * change of a number is a figure whatever its sign, as the sentence says naik or turun.
 */

/** An Indonesian number of the text: `3.894.507.781`, `92,86`, `83,57`. */
const NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const fromIndonesian = (t: string) => new Decimal(t.replace(/\./g, '').replace(',', '.'));

function numbersOf(text: string): { n: Decimal; at: number; length: number; plain: string }[] {
  const plain = text
    .replace(/Sasaran \d+/g, 'Sasaran')
    .replace(/Tabel \d+\.\d+/g, 'Tabel')
    .replace(/\[(?:isi|periksa): [^\]]*\]/g, '[…]');
  return [...plain.matchAll(NUMBER)].map((m) => ({ n: fromIndonesian(m[0]), at: m.index!, length: m[0].length, plain }));
}

/** The figures of the JSON by kind, from the fields that hold them: never from names, codes or notes. */
interface Figures {
  money: Decimal[];
  percent: Decimal[];
  /** Targets, realisasi and their changes as the kinerja sheet writes them (`3-5` gives 3 and 5). */
  value: Decimal[];
  year: Decimal[];
}

const MONEY = new Set(['anggaran', 'realisasi']);
const PERCENT = new Set(['serapan', 'capaian', 'capaianRenstra', 'porsi', 'rataRataCapaian', 'batasCapaian', 'ambangEfisiensi']);
const VALUE = new Set(['target', 'targetRenstra', 'selisih']);
const numbersIn = (v: unknown): Decimal[] =>
  typeof v === 'number' ? [new Decimal(v)] : typeof v === 'string' ? [...v.matchAll(/\d+(?:\.\d+)?/g)].map((m) => new Decimal(m[0])) : [];

function figuresOf(json: ResultJson): Figures {
  const out: Figures = { money: [], percent: [], value: [], year: [] };
  const visit = (node: unknown, inKinerja: boolean) => {
    if (Array.isArray(node)) return node.forEach((x) => visit(x, inKinerja));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'indikator' || k === 'perbandingan') visit(v, true);
      else if (v !== null && typeof v === 'object') visit(v, inKinerja);
      else if (k === 'tahun') out.year.push(...numbersIn(v));
      else if (PERCENT.has(k)) out.percent.push(...numbersIn(v));
      else if (VALUE.has(k) || (k === 'realisasi' && inKinerja)) out.value.push(...numbersIn(v));
      else if (MONEY.has(k)) out.money.push(...numbersIn(v));
    }
  };
  visit({ anggaran: json.anggaran, sasaran: json.sasaran, rataRataCapaian: json.rataRataCapaian, pengaturan: json.pengaturan, tahun: json.tahun }, false);
  return out;
}

/** The kinds of figure a number of a sentence may be, by what stands beside it: `Rp 1.000`, `92,86%`, `tahun 2023`. */
function kindsOf(sentence: string, at: number, length: number): (keyof Figures)[] {
  const before = sentence.slice(Math.max(0, at - 12), at);
  const after = sentence.slice(at + length, at + length + 6);
  if (/Rp\s$/.test(before)) return ['money'];
  if (/^\s?%/.test(after)) return ['percent', 'value'];
  if (/(tahun|anggaran)\s$/i.test(before)) return ['year'];
  return ['value', 'percent'];
}

const amountArb = fc.integer({ min: 1, max: 9_000_000_000 });
const valueArb: fc.Arbitrary<[CellValue, CellValue]> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 250 })),
  fc.tuple(
    fc.integer({ min: 1, max: 9999 }).map((x) => x / 100),
    fc.integer({ min: 0, max: 9999 }).map((x) => x / 100),
  ),
  fc.tuple(
    fc.integer({ min: 1, max: 100 }).map((x) => `${x}%`),
    fc.integer({ min: 0, max: 120 }).map((x) => `${x},5%`),
  ),
  fc.tuple(
    fc.integer({ min: 1, max: 20 }).map((x) => `${x} Dok`),
    fc.integer({ min: 0, max: 20 }).map((x) => `${x} Dok`),
  ),
  fc.tuple(
    fc.integer({ min: 1, max: 9 }).map((x) => `${x} - ${x + 3} hari`),
    fc.integer({ min: 0, max: 15 }),
  ),
  fc.tuple(
    fc.integer({ min: 1, max: 99 }).map((x) => `Minimal ${x} %`),
    fc.integer({ min: 0, max: 100 }),
  ),
  fc.tuple(fc.constantFrom('WTP', 'WDP'), fc.constantFrom('WTP', 'WDP', 'TW', 'TMP')),
  fc.tuple(fc.constantFrom('Baik', 'Sangat Baik'), fc.constantFrom('Kurang', 'Cukup', 'Baik', 'Sangat Baik')),
  fc.tuple(fc.constantFrom('BB (74)', 'A', 'BB'), fc.constantFrom('A (80,60)', 'BB', 'B')),
  fc.constant<[CellValue, CellValue]>([90, null]),
);
const indikatorArb = fc.record({ values: valueArb, arah: fc.constantFrom('Naik', 'Turun'), lalu: fc.option(fc.integer({ min: 0, max: 200 })), linked: fc.boolean() });
const bookArb = fc.record({
  programs: fc.array(fc.record({ anggaran: amountArb, realisasi: amountArb }), { minLength: 1, maxLength: 4 }),
  sasaran: fc.array(fc.array(indikatorArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  berjenjang: fc.boolean(),
  cap: fc.constantFrom(100, 120, null),
});

const words = ['Alfa', 'Beta', 'Gama', 'Delta', 'Sigma', 'Omega'];

describe('the narrative (property)', () => {
  it('has no number that is not a figure of the JSON result', () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
        const lra: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
        book.programs.forEach((p, i) => {
          dpa.push([`7.01.0${i + 1}`, `Program ${words[i]}`, p.anggaran]);
          lra.push([`7.01.0${i + 1}`, `Program ${words[i]}`, p.anggaran, p.realisasi]);
        });
        const kinerja: CellValue[][] = [['Sasaran', 'Indikator', 'Arah', 'Target 2024', 'Realisasi 2023', 'Realisasi 2024', 'Target Akhir Renstra', 'Program Pendukung']];
        book.sasaran.forEach((indikator, s) =>
          indikator.forEach((ind, i) =>
            kinerja.push([
              i === 0 ? `Meningkatnya ${words[s]}` : null,
              `Indeks ${words[s]} ${words[i]}`,
              ind.arah,
              ind.values[0],
              ind.lalu,
              ind.values[1],
              ind.values[0],
              ind.linked ? `7.01.0${(s % book.programs.length) + 1}` : null,
            ]),
          ),
        );
        const result = hitung(
          {
            sheets: [
              { name: 'DPA', values: dpa, origin: { row: 0, col: 0 } },
              { name: 'LRA', values: lra, origin: { row: 0, col: 0 } },
              { name: 'IKU', values: kinerja, origin: { row: 0, col: 0 } },
            ],
          },
          { efisiensi: book.berjenjang ? 'berjenjang' : 'sederhana', batasCapaian: book.cap },
        );
        const json = toJson(buildReport(result));
        const figures = figuresOf(json);
        const text = [...json.narasi.ringkasan, ...json.narasi.pengukuran, ...json.narasi.sasaran.flatMap((s) => s.paragraf), ...json.narasi.efisiensi, ...json.narasi.anggaran];
        for (const sentence of text) {
          for (const { n, at, length, plain } of numbersOf(sentence)) {
            const kinds = kindsOf(plain, at, length);
            const found = kinds.some((kind) => figures[kind].some((f) => f.abs().eq(n) || f.abs().toDecimalPlaces(2).eq(n)));
            if (!found) throw new Error(`${n.toString()} in "${sentence}" is no ${kinds.join(' or ')} figure of the JSON result`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
