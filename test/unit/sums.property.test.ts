import fc from 'fast-check';
import { Decimal, sum } from '../../src/core/decimal';
import { hitung } from '../../src/core/compute/engine';
import { InputError } from '../../src/core/errors';
import { CellValue, Grid } from '../../src/core/grid';

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
          for (const f of result.temuan) expect(f.pesan.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('realisasi through the DPA tree (property)', () => {
  type Mode = 'full' | 'drop' | 'extra' | 'stop';
  const kegiatanArb = fc.record({
    subs: fc.array(fc.record({ anggaran: fc.integer({ min: 1, max: 5_000_000_000 }), realisasi: fc.integer({ min: 0, max: 5_000_000_000 }), kept: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    }),
    mode: fc.constantFrom<Mode>('full', 'drop', 'extra', 'stop'),
    extra: fc.integer({ min: 0, max: 5_000_000_000 }),
  });
  const programsArb = fc.array(fc.array(kegiatanArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

  it('every item carries the realisasi of its own rows on the realisasi sheet, missing rows as 0, and parents their children’s sum', () => {
    fc.assert(
      fc.property(programsArb, (programs) => {
        const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
        const real: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
        const expected = new Map<string, number | null>();
        const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        programs.forEach((kegiatan, p) => {
          const pk = `7.01.0${p + 1}`;
          const pAnggaran = total(kegiatan.flatMap((k) => k.subs.map((s) => s.anggaran)));
          const kegiatanReal: number[] = [];
          const kegiatanRows: CellValue[][] = [];
          const kegiatanDpa: CellValue[][] = [];
          kegiatan.forEach((generated, ki) => {
            // A kegiatan whose every sub kegiatan is left out looks like a sheet that stops at kegiatan level.
            const k = generated.mode === 'drop' && !generated.subs.some((s) => s.kept) ? { ...generated, mode: 'stop' as Mode } : generated;
            const kk = `${pk}.2.0${ki + 1}`;
            const present = k.subs.filter((s) => k.mode !== 'drop' || s.kept);
            const subsReal = total(present.map((s) => s.realisasi)) + (k.mode === 'extra' ? k.extra : 0);
            const kAnggaran = total(k.subs.map((s) => s.anggaran));
            kegiatanDpa.push([kk, `Kegiatan ${kk}`, kAnggaran]);
            kegiatanRows.push([kk, `Kegiatan ${kk}`, kAnggaran, subsReal]);
            k.subs.forEach((s, si) => {
              const sk = `${kk}.000${si + 1}`;
              kegiatanDpa.push([sk, `Sub kegiatan ${sk}`, s.anggaran]);
              const onReal = k.mode !== 'stop' && (k.mode !== 'drop' || s.kept);
              if (onReal) kegiatanRows.push([sk, `Sub kegiatan ${sk}`, s.anggaran, s.realisasi]);
              expected.set(sk, k.mode === 'stop' ? null : onReal ? s.realisasi : 0);
            });
            if (k.mode === 'extra') kegiatanRows.push([`${kk}.0099`, `Sub kegiatan tambahan ${kk}`, 0, k.extra]);
            const kExpected = k.mode === 'stop' ? subsReal : total(k.subs.map((s) => expected.get(`${kk}.000${k.subs.indexOf(s) + 1}`) as number));
            expected.set(kk, kExpected);
            kegiatanReal.push(kExpected);
          });
          dpa.push([pk, `Program ${pk}`, pAnggaran], ...kegiatanDpa);
          real.push([pk, `Program ${pk}`, pAnggaran, total(kegiatanRows.filter((r) => String(r[0]).split('.').length === 5).map((r) => r[3] as number))], ...kegiatanRows);
          expected.set(pk, total(kegiatanReal));
        });
        const result = hitung({
          sheets: [
            { name: 'DPA', values: dpa, origin: { row: 0, col: 0 } },
            { name: 'Realisasi', values: real, origin: { row: 0, col: 0 } },
          ],
        });
        const items = result.anggaran!.all;
        expect(items.map((i) => i.kode).sort()).toEqual([...expected.keys()].sort());
        for (const item of items) {
          const want = expected.get(item.kode!);
          expect([item.kode, item.realisasi?.toString() ?? null]).toEqual([item.kode, want === null ? null : String(want)]);
        }
        expect(result.anggaran!.realisasi!.toString()).toBe(String(total(programs.map((_, p) => expected.get(`7.01.0${p + 1}`) as number))));
      }),
      { numRuns: 150 },
    );
  });
});

describe('belanja per jenis (property)', () => {
  const PREFIX = ['5.1', '5.2', '5.3', '5.4', '5.9'] as const;
  const JENIS: Record<string, string> = { '5.1': 'operasi', '5.2': 'modal', '5.3': 'tidakTerduga', '5.4': 'transfer' };
  const subArb = fc.record({
    rekening: fc.array(fc.record({ prefix: fc.constantFrom(...PREFIX), anggaran: fc.integer({ min: 0, max: 900_000_000 }), realisasi: fc.integer({ min: 0, max: 900_000_000 }) }), {
      maxLength: 6,
    }),
    anggaran: fc.integer({ min: 0, max: 900_000_000 }),
    realisasi: fc.integer({ min: 0, max: 900_000_000 }),
    stops: fc.boolean(),
  });

  it('equals the direct sum of the rekening leaves of each jenis, with or without a realisasi sheet', () => {
    fc.assert(
      fc.property(fc.array(fc.array(subArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), fc.boolean(), (kegiatan, withRealisasi) => {
        const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
        const real: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
        const want = new Map<string, { anggaran: number; realisasi: number | null }>();
        dpa.push(['7.01.01', 'Program Satu', null]);
        real.push(['7.01.01', 'Program Satu', null, null]);
        kegiatan.forEach((subs, k) => {
          const kk = `7.01.01.2.0${k + 1}`;
          dpa.push([kk, `Kegiatan ${kk}`, null]);
          real.push([kk, `Kegiatan ${kk}`, null, null]);
          subs.forEach((sub, s) => {
            const sk = `${kk}.000${s + 1}`;
            const subReal = sub.rekening.length > 0 ? sub.rekening.reduce((a, r) => a + r.realisasi, 0) : sub.realisasi;
            dpa.push([sk, `Sub kegiatan ${sk}`, sub.rekening.length > 0 ? null : sub.anggaran]);
            real.push([sk, `Sub kegiatan ${sk}`, null, subReal]);
            sub.rekening.forEach((r, i) => {
              const rk = `${r.prefix}.02.01.01.000${i + 1}`;
              dpa.push([rk, `Belanja ${rk}`, r.anggaran]);
              if (!sub.stops) real.push([rk, `Belanja ${rk}`, r.anggaran, r.realisasi]);
              const jenis = JENIS[r.prefix];
              if (!jenis) return;
              const w = want.get(jenis) ?? { anggaran: 0, realisasi: 0 };
              w.anggaran += r.anggaran;
              w.realisasi = !withRealisasi || sub.stops || w.realisasi === null ? null : w.realisasi + r.realisasi;
              want.set(jenis, w);
            });
          });
        });
        const sheets = [{ name: 'DPA', values: dpa, origin: { row: 0, col: 0 } }];
        if (withRealisasi) sheets.push({ name: 'Realisasi', values: real, origin: { row: 0, col: 0 } });
        const belanja = hitung({ sheets }).anggaran!.belanja;
        const order = ['operasi', 'modal', 'tidakTerduga', 'transfer'];
        expect((belanja?.jenis ?? []).map((b) => [b.jenis, b.anggaran.toString(), b.realisasi?.toString() ?? null])).toEqual(
          order.filter((j) => want.has(j)).map((j) => [j, String(want.get(j)!.anggaran), want.get(j)!.realisasi === null ? null : String(want.get(j)!.realisasi)]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
