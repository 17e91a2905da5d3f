import fc from 'fast-check';
import { computeBudget } from '../../../src/core/compute/budget';
import { hitung } from '../../../src/core/compute/engine';
import { Decimal } from '../../../src/core/decimal';
import { CellValue } from '../../../src/core/grid';
import { budgetSheet, indonesianAmount, sheet } from '../../support/sheets';

const HEADER = ['Kode', 'Uraian', 'Anggaran'];
const REAL = ['Kode', 'Uraian', 'Anggaran', 'Realisasi'];

describe('the budget of the DPA with the realisasi sheet', () => {
  it('gives every item the DPA’s anggaran and the realisasi sheet’s realisasi, and serapan', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER, ['7.01.01', 'Program A', 1000], ['7.01.01.2.01', 'Keg Satu', 600], ['7.01.01.2.02', 'Keg Dua', 400]));
    const real = budgetSheet(sheet('LRA', REAL, ['7.01.01', 'Program A', 1000, 900], ['7.01.01.2.01', 'Keg Satu', 600, 600], ['7.01.01.2.02', 'Keg Dua', 400, 300]));
    const b = computeBudget(dpa, real);
    expect(b.all.map((i) => [i.nama, i.anggaran.toString(), i.realisasi?.toString(), i.serapan?.toFixed(2)])).toEqual([
      ['Program A', '1000', '900', '90.00'],
      ['Keg Satu', '600', '600', '100.00'],
      ['Keg Dua', '400', '300', '75.00'],
    ]);
    expect([b.anggaran.toString(), b.realisasi?.toString(), b.serapan?.toFixed(2)]).toEqual(['1000', '900', '90.00']);
    expect(b.findings).toEqual([]);
    expect(b.belanja).toBeNull();
  });

  it('names a lowest row whose realisasi is left empty, there and in its parent’s jumlah finding', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER, ['7.01.05', 'Program C', 150], ['7.01.05.2.01', 'Keg Satu', 150], ['7.01.05.2.01.0001', 'Sub Satu', 150]));
    const real = budgetSheet(sheet('LRA', REAL, ['7.01.05', 'Program C', 150, 140], ['7.01.05.2.01', 'Keg Satu', 150, 140], ['7.01.05.2.01.0001', 'Sub Satu', 150, null]));
    const found = computeBudget(dpa, real).findings;
    expect(found.filter((f) => f.perihal === 'realisasi-kosong').map((f) => [f.tingkat, f.sel, f.pesan])).toEqual([
      ['peringatan', 'D4', 'Realisasi sub kegiatan “Sub Satu” kosong di LRA!D4, padahal anggarannya 150; dihitung 0. Tulis 0 bila memang belum ada realisasi.'],
    ]);
    const jumlah = found.filter((f) => f.jenis === 'jumlah');
    expect(jumlah.map((f) => f.sel)).toEqual(['D3']);
    expect(jumlah[0].pesan).toMatch(/Realisasi rincian ini kosong: sub kegiatan “Sub Satu” \(LRA!D4\)\.$/);
  });

  it('uses one sheet as both when it carries anggaran and realisasi', () => {
    const both = budgetSheet(sheet('LRA', REAL, ['7.01.01', 'Program A', 1000, 250]));
    const b = computeBudget(both, both);
    expect(b.realisasi?.toString()).toBe('250');
  });

  it('reports a difference in anggaran between the sheets once, where it starts, naming the rows above that differ by the same amount', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER, ['7.01.01', 'Program A', 1000], ['7.01.01.2.01', 'Keg Satu', 1000], ['7.01.01.2.01.0001', 'Sub Satu', 1000]));
    const real = budgetSheet(sheet('LRA', REAL, ['7.01.01', 'Program A', 1100, 900], ['7.01.01.2.01', 'Keg Satu', 1100, 900], ['7.01.01.2.01.0001', 'Sub Satu', 1100, 900]));
    const found = computeBudget(dpa, real).findings.filter((f) => f.jenis === 'antar-lembar');
    expect(found.map((f) => [f.lembar, f.sel, f.tertulis, f.seharusnya, f.terkait])).toEqual([['LRA', 'C4', '1100', '1000', { lembar: 'DPA', sel: 'C4' }]]);
    expect(found[0].pesan).toBe(
      'Anggaran sub kegiatan “Sub Satu” di lembar LRA 1.100, di DPA (DPA!C4) 1.000 (di lembar realisasi lebih besar 100). DPA yang dipakai. ' +
        'Selisih yang sama ada pada induknya: kegiatan “Keg Satu” (LRA!C3 dan DPA!C3), “Program A” (LRA!C2 dan DPA!C2).',
    );
  });

  it('reports a difference at a rekening, and each of two differences under one parent on its own', () => {
    const dpa = budgetSheet(
      sheet('DPA', HEADER, ['7.01.01.2.01.0001', 'Sub Satu', 1000], ['5.1.02.01.01.0024', 'ATK', 600], ['5.1.02.01.01.0025', 'Cetak', 300], ['5.2.02.05.01.0001', 'Mebel', 100]),
    );
    const real = budgetSheet(
      sheet(
        'LRA',
        REAL,
        ['7.01.01.2.01.0001', 'Sub Satu', 1050, 0],
        ['5.1.02.01.01.0024', 'ATK', 650, 0],
        ['5.1.02.01.01.0025', 'Cetak', 300, 0],
        ['5.2.02.05.01.0001', 'Mebel', 100, 0],
      ),
    );
    const one = computeBudget(dpa, real).findings.filter((f) => f.jenis === 'antar-lembar');
    expect(one.map((f) => [f.sel, f.selisih])).toEqual([['C3', '50']]);
    expect(one[0].pesan).toContain('rekening “ATK”');
    expect(one[0].pesan).toContain('induknya: sub kegiatan “Sub Satu” (LRA!C2 dan DPA!C2)');

    const two = budgetSheet(
      sheet(
        'LRA',
        REAL,
        ['7.01.01.2.01.0001', 'Sub Satu', 1000, 0],
        ['5.1.02.01.01.0024', 'ATK', 650, 0],
        ['5.1.02.01.01.0025', 'Cetak', 250, 0],
        ['5.2.02.05.01.0001', 'Mebel', 100, 0],
      ),
    );
    const found = computeBudget(dpa, two).findings.filter((f) => f.jenis === 'antar-lembar');
    expect(found.map((f) => [f.sel, f.selisih])).toEqual([
      ['C3', '50'],
      ['C4', '-50'],
    ]);
    expect(found.every((f) => !f.pesan.includes('induknya'))).toBe(true);
  });

  it('says which cell of a wrong sum is likely wrong when the other sheet agrees with one side', () => {
    const dpa = budgetSheet(
      sheet(
        'DPA',
        HEADER,
        ['7.01.01', 'Program A', 1000],
        ['7.01.01.2.01', 'Keg Satu', 550],
        ['7.01.01.2.02', 'Keg Dua', 400],
        ['7.01.02', 'Program B', 300],
        ['7.01.02.2.01', 'Keg Tiga', 200],
      ),
    );
    const real = budgetSheet(
      sheet(
        'LRA',
        REAL,
        ['7.01.01', 'Program A', 1000, 0],
        ['7.01.01.2.01', 'Keg Satu', 600, 0],
        ['7.01.01.2.02', 'Keg Dua', 400, 0],
        ['7.01.02', 'Program B', 200, 0],
        ['7.01.02.2.01', 'Keg Tiga', 200, 0],
      ),
    );
    const sums = computeBudget(dpa, real).findings.filter((f) => f.jenis === 'jumlah');
    expect(sums.map((f) => [f.lembar, f.sel])).toEqual([
      ['DPA', 'C2'],
      ['DPA', 'C5'],
    ]);
    expect(sums[0].pesan).toContain('Kemungkinan yang salah: DPA!C3 (550), bukan jumlahnya: lembar LRA mencatat kegiatan “Keg Satu” 600 (LRA!C3), yang membuat 1.000 benar.');
    expect(sums[1].pesan).toContain('Kemungkinan yang salah: DPA!C5 sendiri, karena lembar LRA mencatat 200 (LRA!C5), sama dengan jumlah rinciannya.');
  });

  it('carries the realisasi up through a level the realisasi sheet skips, with no finding', () => {
    const dpa = budgetSheet(
      sheet('DPA', HEADER, ['7.01.01', 'Program A', 300], ['7.01.01.2.01', 'Keg Satu', 300], ['7.01.01.2.01.0001', 'Sub Satu', 100], ['7.01.01.2.01.0002', 'Sub Dua', 200]),
    );
    const real = budgetSheet(sheet('LRA', REAL, ['7.01.01', 'Program A', 300, 250], ['7.01.01.2.01.0001', 'Sub Satu', 100, 90], ['7.01.01.2.01.0002', 'Sub Dua', 200, 160]));
    const b = computeBudget(dpa, real);
    expect(b.all.map((i) => [i.nama, i.realisasi?.toString()])).toEqual([
      ['Program A', '250'],
      ['Keg Satu', '250'],
      ['Sub Satu', '90'],
      ['Sub Dua', '160'],
    ]);
    expect(b.findings).toEqual([]);
  });

  it('reports realisasi above anggaran at the deepest row where it happens', () => {
    const dpa = budgetSheet(sheet('DPA', HEADER, ['7.01.01', 'Program A', 1000], ['7.01.01.2.01', 'Keg Satu', 600], ['7.01.01.2.02', 'Keg Dua', 400]));
    const real = budgetSheet(sheet('LRA', REAL, ['7.01.01', 'Program A', 1000, 1100], ['7.01.01.2.01', 'Keg Satu', 600, 700], ['7.01.01.2.02', 'Keg Dua', 400, 400]));
    expect(
      computeBudget(dpa, real)
        .findings.filter((f) => f.jenis === 'melebihi')
        .map((f) => [f.lembar, f.sel]),
    ).toEqual([['LRA', 'D3']]);
  });

  it('sums belanja per jenis over the rekening rows, with each jenis’s share of the whole', () => {
    const dpa = budgetSheet(
      sheet('DPA', HEADER, ['7.01.01.2.01.0001', 'Sub Satu', 1000], ['5.1.02.01.01.0024', 'ATK', 600], ['5.1.02.01.01.0025', 'Cetak', 150], ['5.2.02.05.01.0001', 'Mebel', 250]),
    );
    const belanja = computeBudget(dpa, null).belanja!;
    expect(belanja.jenis.map((b) => [b.jenis, b.anggaran.toString(), b.porsi?.toFixed(2), b.realisasi])).toEqual([
      ['operasi', '750', '75.00', null],
      ['modal', '250', '25.00', null],
    ]);
    expect([belanja.jumlah.anggaran.toString(), belanja.jumlah.porsi?.toFixed(2)]).toEqual(['1000', '100.00']);
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
  /** In sen, up to 10^15 rupiah: a few of them pass 2^53, where a JavaScript number stops being exact. */
  const senArb = fc.oneof(fc.bigInt({ min: 0n, max: 100_000_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 17n }));
  const subArb = fc.record({
    rekening: fc.array(fc.record({ prefix: fc.constantFrom(...PREFIX), anggaran: senArb, realisasi: senArb }), { maxLength: 6 }),
    anggaran: senArb,
    realisasi: senArb,
    stops: fc.boolean(),
  });
  const senOf = (d: Decimal) => BigInt(d.times(100).toFixed());

  it('equals the direct sum in sen of the rekening leaves of each jenis, with or without a realisasi sheet', () => {
    fc.assert(
      fc.property(fc.array(fc.array(subArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), fc.boolean(), (kegiatan, withRealisasi) => {
        const dpa: CellValue[][] = [['Kode', 'Uraian', 'Anggaran']];
        const real: CellValue[][] = [['Kode', 'Uraian', 'Anggaran', 'Realisasi']];
        const want = new Map<string, { anggaran: bigint; realisasi: bigint | null }>();
        dpa.push(['7.01.01', 'Program Satu', null]);
        real.push(['7.01.01', 'Program Satu', null, null]);
        kegiatan.forEach((subs, k) => {
          const kk = `7.01.01.2.0${k + 1}`;
          dpa.push([kk, `Kegiatan ${kk}`, null]);
          real.push([kk, `Kegiatan ${kk}`, null, null]);
          subs.forEach((sub, s) => {
            const sk = `${kk}.000${s + 1}`;
            const subReal = sub.rekening.length > 0 ? sub.rekening.reduce((a, r) => a + r.realisasi, 0n) : sub.realisasi;
            dpa.push([sk, `Sub kegiatan ${sk}`, sub.rekening.length > 0 ? null : indonesianAmount(sub.anggaran)]);
            real.push([sk, `Sub kegiatan ${sk}`, null, indonesianAmount(subReal)]);
            sub.rekening.forEach((r, i) => {
              const rk = `${r.prefix}.02.01.01.000${i + 1}`;
              dpa.push([rk, `Belanja ${rk}`, indonesianAmount(r.anggaran)]);
              if (!sub.stops) real.push([rk, `Belanja ${rk}`, indonesianAmount(r.anggaran), indonesianAmount(r.realisasi)]);
              const jenis = JENIS[r.prefix];
              if (!jenis) return;
              const w = want.get(jenis) ?? { anggaran: 0n, realisasi: 0n };
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
        expect((belanja?.jenis ?? []).map((b) => [b.jenis, senOf(b.anggaran), b.realisasi && senOf(b.realisasi)])).toEqual(
          order.filter((j) => want.has(j)).map((j) => [j, want.get(j)!.anggaran, want.get(j)!.realisasi]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
