import { buildReport } from '../../../src/core/report/report';
import fc from 'fast-check';
import { hitung } from '../../../src/core/compute/engine';
import { CellValue } from '../../../src/core/grid';
import { toJson } from '../../../src/core/report/result-json';
import { indonesianAmount } from '../../support/sheets';

/** An amount as exact digits and its decimals: up to 10^30 in sen, or a tiny one with nine decimals. */
const amountArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 32n }).map((n) => ({ n, decimals: 2 })),
  fc.bigInt({ min: 1n, max: 10n ** 4n }).map((n) => ({ n, decimals: 9 })),
);
type Amount = { n: bigint; decimals: number };

/** In units of 10^-9, as a bigint: sums that no rounding can touch. */
const nano = ({ n, decimals }: Amount) => n * 10n ** BigInt(9 - decimals);
function nanoOf(plain: string): bigint {
  const [whole, frac = ''] = plain.split('.');
  return BigInt(whole + frac.padEnd(9, '0'));
}
const total = (amounts: Amount[]) => amounts.reduce((a, b) => a + nano(b), 0n);
const PLAIN = /^-?\d+(\.\d+)?$/;

describe('the JSON result (property)', () => {
  it('gives every amount as plain digits, exactly, however large or small', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(amountArb, amountArb), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), (programs) => {
        const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
        const lra: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
        programs.forEach((kegiatan, p) => {
          const kode = `7.01.0${p + 1}`;
          // The program's own cells are written wrong (0): findings then carry amounts too.
          dpa.push([kode, `Program ${p + 1}`, '0']);
          lra.push([kode, `Program ${p + 1}`, '0', '0']);
          kegiatan.forEach(([anggaran, realisasi], k) => {
            dpa.push([`${kode}.2.0${k + 1}`, `Kegiatan ${p + 1}.${k + 1}`, indonesianAmount(anggaran.n, anggaran.decimals)]);
            lra.push([`${kode}.2.0${k + 1}`, `Kegiatan ${p + 1}.${k + 1}`, indonesianAmount(anggaran.n, anggaran.decimals), indonesianAmount(realisasi.n, realisasi.decimals)]);
          });
        });
        const json = toJson(
          buildReport(
            hitung({
              sheets: [
                { name: 'DPA', values: dpa, origin: { row: 0, col: 0 } },
                { name: 'LRA', values: lra, origin: { row: 0, col: 0 } },
              ],
            }),
          ),
        );
        const items = json.anggaran!.program.flatMap((p) => [p, ...(p.kegiatan ?? [])]);
        const amounts = [json.anggaran!.anggaran, json.anggaran!.realisasi, ...items.flatMap((i) => [i.anggaran, i.realisasi])];
        const inFindings = json.temuan.flatMap((f) => [f.tertulis, f.seharusnya, f.selisih]).filter((v): v is string => v !== null);
        for (const a of [...amounts, ...inFindings]) expect(a).toMatch(PLAIN);
        const all = programs.flat();
        expect([nanoOf(json.anggaran!.anggaran), nanoOf(json.anggaran!.realisasi!)]).toEqual([total(all.map(([a]) => a)), total(all.map(([, r]) => r))]);
        expect(json.anggaran!.program.map((p) => nanoOf(p.anggaran))).toEqual(programs.map((kegiatan) => total(kegiatan.map(([a]) => a))));
      }),
      { numRuns: 200 },
    );
  });
});
