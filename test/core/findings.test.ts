import fc from 'fast-check';
import { countByTingkat, finding, FindingLog, LISTED_IN_ALL, LISTED_PER_KIND, nameList, Perihal, quoted, quotedName } from '../../src/core/findings';

const nilai = (lembar: string, row: number) => finding('nilai', { lembar, sel: `C${row}` }, `Nilai di ${lembar}!C${row} tidak dapat dibaca.`);
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('FindingLog', () => {
  it('lists the first findings of a perihal on a sheet, then one that says how many more and where they start', () => {
    const list = new FindingLog().addAll(many(LISTED_PER_KIND + 1200, (i) => nilai('DPA', i + 5))).list();
    expect(list).toHaveLength(LISTED_PER_KIND + 1);
    expect(list.slice(0, LISTED_PER_KIND).map((f) => f.sel)).toEqual(many(LISTED_PER_KIND, (i) => `C${i + 5}`));
    expect(list[LISTED_PER_KIND]).toEqual({
      tingkat: 'galat',
      jenis: 'nilai',
      perihal: 'nilai',
      lembar: 'DPA',
      sel: `C${LISTED_PER_KIND + 5}`,
      tertulis: null,
      seharusnya: null,
      selisih: null,
      pesan:
        '1.200 temuan lain “Nilai yang tidak terbaca” di lembar “DPA” tidak dicantumkan satu per satu (daftar temuan memuat paling banyak 500 per kelompok temuan per lembar dan 5.000 seluruhnya); ' +
        'yang pertama di DPA!C505. 500 yang tercantum mulai di DPA!C5. Perbaiki yang tercantum, lalu hitung ulang untuk melihat sisanya.',
      tidakDicantumkan: 1200,
    });
    expect(countByTingkat(list)).toEqual({ galat: LISTED_PER_KIND + 1200, peringatan: 0 });
  });

  it('bounds each sheet apart, and all of them together', () => {
    const sheets = many(12, (s) => `Lembar ${s}`);
    const list = new FindingLog().addAll(sheets.flatMap((lembar) => many(LISTED_PER_KIND + 10, (i) => nilai(lembar, i + 1)))).list();
    const full = LISTED_IN_ALL / LISTED_PER_KIND;
    expect(list.filter((f) => f.tidakDicantumkan === undefined)).toHaveLength(LISTED_IN_ALL);
    // The sheets that had room list theirs; past the bound in all, a sheet lists none and says so once.
    expect(list.filter((f) => f.tidakDicantumkan !== undefined).map((f) => [f.lembar, f.tidakDicantumkan])).toEqual(
      sheets.map((lembar, s) => [lembar, s < full ? 10 : LISTED_PER_KIND + 10]),
    );
    expect(list.find((f) => f.lembar === 'Lembar 11')!.pesan).toMatch(/^510 temuan lain .* yang pertama di Lembar 11!C1\. Perbaiki/);
    expect(countByTingkat(list).galat).toBe(12 * (LISTED_PER_KIND + 10));
  });

  it('gives from the lists of several logs what one log gives from all their findings', () => {
    const perihal: Perihal[] = ['nilai', 'jumlah', 'cocok-nama'];
    // Runs of findings of one kind, long enough to pass both bounds.
    const arbRun = fc.record({ p: fc.constantFrom(...perihal), lembar: fc.constantFrom('A', 'B'), n: fc.integer({ min: 1, max: 900 }) });
    const findings = (runs: { p: Perihal; lembar: string; n: number }[]) => runs.flatMap(({ p, lembar, n }) => many(n, (i) => finding(p, { lembar, sel: `B${i + 1}` }, 'Pesan.')));
    fc.assert(
      fc.property(fc.array(fc.array(arbRun, { maxLength: 6 }), { maxLength: 6 }), (runs) => {
        const parts = runs.map(findings);
        const direct = new FindingLog().addAll(parts.flat()).list();
        const merged = parts.reduce((log, part) => log.addAll(new FindingLog().addAll(part).list()), new FindingLog()).list();
        expect(merged).toEqual(direct);
        expect(countByTingkat(merged)).toEqual(countByTingkat(parts.flat()));
      }),
      { numRuns: 40 },
    );
  });
});

describe('a user’s text in a message', () => {
  it('is quoted whole when short, its spaces as one', () => expect(quoted('  Program\n  Penunjang ')).toBe('“Program Penunjang”'));
  it('is cut where a message cannot carry it, looking only at its start', () => {
    expect(quoted('a'.repeat(100))).toBe(`“${'a'.repeat(59)}…”`);
    expect(quoted(`ab${' '.repeat(10_000_000)}c`)).toBe('“ab…”');
    expect(quotedName(`Program ${'Penunjang '.repeat(10_000)}`)).toHaveLength(162);
  });
  it('names at most five of a list and counts the rest', () => {
    expect(nameList(['“a”', '“b”'])).toBe('“a”, “b”');
    expect(nameList(Array.from({ length: 1000 }, (_, i) => `“${i}”`))).toBe('“0”, “1”, “2”, “3”, “4” dan 995 lainnya');
  });
});
