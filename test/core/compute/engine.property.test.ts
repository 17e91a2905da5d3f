import fc from 'fast-check';
import { Decimal, sum } from '../../../src/core/decimal';
import { hitung } from '../../../src/core/compute/engine';
import { InputError } from '../../../src/core/errors';
import { CellValue, Grid } from '../../../src/core/grid';

type Tree = number[][][]; // program → kegiatan → sub kegiatan amounts (in sen, as integers)

const treeArb: fc.Arbitrary<Tree> = fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 2_000_000_000_00 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4,
});

const money = (sen: number) => new Decimal(sen).div(100);

/** A DPA grid with outline numbers and written subtotals; `tweak` changes one sub kegiatan's written amount. */
function dpaGrid(tree: Tree, tweak?: { p: number; k: number; s: number; delta: number }): { grid: Grid; parentRow: number } {
  const values: CellValue[][] = [['No', 'Uraian', 'Anggaran']];
  let parentRow = -1;
  tree.forEach((kegiatan, p) => {
    values.push([`${p + 1}`, `Program ${p + 1}`, money(kegiatan.flat().reduce((a, b) => a + b, 0)).toNumber()]);
    kegiatan.forEach((subs, k) => {
      if (tweak && tweak.p === p && tweak.k === k) parentRow = values.length;
      values.push([`${p + 1}.${k + 1}`, `Kegiatan ${p + 1}.${k + 1}`, money(subs.reduce((a, b) => a + b, 0)).toNumber()]);
      subs.forEach((amount, s) => {
        const hit = tweak && tweak.p === p && tweak.k === k && tweak.s === s;
        values.push([`${p + 1}.${k + 1}.${s + 1}`, `Sub kegiatan ${p + 1}.${k + 1}.${s + 1}`, money(amount + (hit ? tweak.delta : 0)).toNumber()]);
      });
    });
  });
  values.push(['', 'JUMLAH', money(tree.flat(2).reduce((a, b) => a + b, 0)).toNumber()]);
  return { grid: { name: 'DPA', values, origin: { row: 0, col: 0 } }, parentRow };
}

describe('bottom-up sums (property)', () => {
  it('a consistent sheet has no jumlah finding and its total is the exact sum of its leaves', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const result = hitung({ sheets: [dpaGrid(tree).grid] });
        expect(result.temuan.filter((f) => f.jenis === 'jumlah')).toEqual([]);
        expect(result.anggaran!.anggaran.eq(sum(tree.flat(2).map(money)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('one wrong sub kegiatan gives exactly one jumlah finding, at its kegiatan', () => {
    fc.assert(
      fc.property(
        treeArb.chain((tree) =>
          fc.record({
            tree: fc.constant(tree),
            p: fc.integer({ min: 0, max: tree.length - 1 }),
            pick: fc.nat(),
            delta: fc.integer({ min: 1, max: 1_000_000_00 }).map((x) => (x % 2 ? x : -x)),
          }),
        ),
        ({ tree, p, pick, delta }) => {
          const k = pick % tree[p].length;
          const s = pick % tree[p][k].length;
          const { grid, parentRow } = dpaGrid(tree, { p, k, s, delta });
          const jumlah = hitung({ sheets: [grid] }).temuan.filter((f) => f.jenis === 'jumlah' || f.jenis === 'nilai');
          expect(jumlah.map((f) => f.sel)).toEqual([`C${parentRow + 1}`]);
          expect(new Decimal(jumlah[0].selisih!).eq(money(-delta))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('random grids (property)', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Uraian', 'Anggaran', 'Realisasi', 'Indikator', 'Target', 'JUMLAH', 'Program A', '1.2', '7.01.01', '5.1', 'Rp 1.000', '#REF!', '-'),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.constant({ error: '#N/A' }),
  );
  it('return a result or an InputError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }), (values) => {
        try {
          hitung({ sheets: [{ name: 'Acak', values, origin: { row: 0, col: 0 } }] });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 60 });
  const headers: CellValue[][] = [
    ['Kode', 'Uraian', 'Anggaran', 'Realisasi', '%'],
    ['No', 'Program/Kegiatan', 'Pagu', 'Realisasi s.d. Bulan Ini', 'Sisa'],
    ['Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Program Pendukung'],
  ];
  // A hang would fail this test by jest's time limit; speed itself is measured by npm run bench.
  it('behind a real header, reach the budget and kinerja readers and still only give a result or an InputError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...headers), rows, rows, (header, a, b) => {
        try {
          const result = hitung({
            sheets: [
              { name: 'Satu', values: [header, ...a], origin: { row: 0, col: 0 } },
              { name: 'Dua', values: [header, ...b], origin: { row: 0, col: 0 } },
            ],
          });
          // The header is found: a sheet is read as what it says, whatever its rows hold.
          expect(Object.values(result.lembar).some((name) => name === 'Satu' || name === 'Dua')).toBe(true);
          for (const f of result.temuan) expect(f.pesan.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
