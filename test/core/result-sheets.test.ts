import {
  editedSheets,
  EMPTY_RECORD,
  fingerprint,
  fingerprintsOf,
  nameKey,
  parseRecord,
  planReplacement,
  ReplacementRequest,
  ResultRecord,
  serializeRecord,
  userSheets,
} from '../../src/core/result-sheets';

const record = (lembar: ResultRecord['lembar']): ResultRecord => ({ versi: 1, lembar });

/** planReplacement as a run asks it: our sheets the user changed stay unless they are to be replaced. */
const planned = (req: Omit<ReplacementRequest, 'edited'> & { replaceEdited: boolean }) => planReplacement({ ...req, edited: req.replaceEdited ? [] : editedSheets(req) });

describe('the ownership record', () => {
  it('round-trips through its JSON', () => {
    const r = record([{ nama: 'HC Efisiensi', tabel: 'efisiensi', sidik: 'abc' }]);
    expect(parseRecord(serializeRecord(r))).toEqual(r);
  });

  it.each([null, '', '{', '[]', '{"versi":2,"lembar":[]}', '{"versi":1}', 'null'])('reads damaged JSON %p as no record', (json) => {
    expect(parseRecord(json)).toBeNull();
  });

  it('drops entries it does not understand and keeps the rest', () => {
    const json = JSON.stringify({ versi: 1, lembar: [{ nama: 'HC Predikat', tabel: 'predikat', sidik: 'x' }, { nama: 'X', tabel: 'bukan-tabel', sidik: 'y' }, { nama: 3 }, null] });
    expect(parseRecord(json)).toEqual(record([{ nama: 'HC Predikat', tabel: 'predikat', sidik: 'x' }]));
  });
});

describe('fingerprint', () => {
  it('is the same for a sheet read with or without its trailing empty cells, empty as null or as ""', () => {
    const a = fingerprint([
      ['Tabel', null],
      [1, 2.5, null],
      [null, null],
    ]);
    expect(fingerprint([['Tabel', '', ''], [1, 2.5], [], []])).toBe(a);
    expect(fingerprint([['Tabel'], [1, 2.5]])).toBe(a);
  });

  it('changes with any value, and tells a number from its text', () => {
    const a = fingerprint([['Tabel', 1]]);
    expect(fingerprint([['Tabel', 2]])).not.toBe(a);
    expect(fingerprint([['Tabel', '1']])).not.toBe(a);
    expect(fingerprint([['Tabel'], [1]])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('planReplacement', () => {
  const base = {
    record: record([
      { nama: 'HC Efisiensi', tabel: 'efisiensi', sidik: 'e1' },
      { nama: 'HC Predikat', tabel: 'predikat', sidik: 'p1' },
    ]),
    tables: [
      { tabel: 'efisiensi' as const, sidik: 'e2' },
      { tabel: 'predikat' as const, sidik: 'p2' },
    ],
    replaceEdited: false,
  };

  it('replaces our unchanged sheets under their own names', () => {
    const plan = planned({
      ...base,
      sheetNames: ['DPA', 'HC Efisiensi', 'HC Predikat'],
      fingerprints: new Map([
        ['HC Efisiensi', 'e1'],
        ['HC Predikat', 'p1'],
      ]),
    });
    expect(plan).toEqual({
      remove: ['HC Efisiensi', 'HC Predikat'],
      edited: [],
      names: ['HC Efisiensi', 'HC Predikat'],
      record: record([
        { nama: 'HC Efisiensi', tabel: 'efisiensi', sidik: 'e2' },
        { nama: 'HC Predikat', tabel: 'predikat', sidik: 'p2' },
      ]),
    });
  });

  it('keeps a sheet the user edited, which is no longer ours, and names the new one beside it', () => {
    const plan = planned({
      ...base,
      sheetNames: ['DPA', 'HC Efisiensi', 'HC Predikat'],
      fingerprints: new Map([
        ['HC Efisiensi', 'diubah'],
        ['HC Predikat', 'p1'],
      ]),
    });
    expect(plan.remove).toEqual(['HC Predikat']);
    expect(plan.edited).toEqual(['HC Efisiensi']);
    expect(plan.names).toEqual(['HC Efisiensi (2)', 'HC Predikat']);
    expect(plan.record.lembar.map((s) => s.nama)).toEqual(['HC Efisiensi (2)', 'HC Predikat']);
  });

  it('replaces an edited sheet too when asked', () => {
    const plan = planned({ ...base, replaceEdited: true, sheetNames: ['HC Efisiensi'], fingerprints: new Map([['HC Efisiensi', 'diubah']]) });
    expect([plan.remove, plan.edited, plan.names]).toEqual([['HC Efisiensi'], [], ['HC Efisiensi', 'HC Predikat']]);
  });

  it('never touches a user sheet named HC … that is not in the record; names compare without case', () => {
    const plan = planned({ ...base, record: EMPTY_RECORD, sheetNames: ['hc efisiensi', 'HC Efisiensi (2)', 'HC Predikat'], fingerprints: new Map() });
    expect(plan.remove).toEqual([]);
    expect(plan.names).toEqual(['HC Efisiensi (3)', 'HC Predikat (2)']);
  });

  it('compares names as Excel does, with Unicode case folding: the Kelvin sign, a long s, a decomposed é', () => {
    const plan = planned({
      ...base,
      record: EMPTY_RECORD,
      tables: [{ tabel: 'pengukuran-kinerja', sidik: 'k' }, ...base.tables],
      sheetNames: ['HC Pengukuran \u212Ainerja', 'HC Efiſienſi', 'hc predikat'],
      fingerprints: new Map(),
    });
    expect(plan.names).toEqual(['HC Pengukuran Kinerja (2)', 'HC Efisiensi (2)', 'HC Predikat (2)']);
    expect(nameKey('HC Pengukuran \u212Ainerja')).toBe(nameKey('hc pengukuran kinerja'));
    expect(nameKey('Realisasi e\u0301')).toBe(nameKey('REALISASI É'));
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(nameKey('HC Efisiensi')).not.toBe(nameKey('HC Efisiensi (2)'));
  });

  it('forgets recorded sheets the user deleted or renamed', () => {
    const plan = planned({ ...base, sheetNames: ['DPA'], fingerprints: new Map() });
    expect([plan.remove, plan.edited, plan.names]).toEqual([[], [], ['HC Efisiensi', 'HC Predikat']]);
  });

  it('keeps a numbered name within the 31 characters Excel allows', () => {
    const plan = planned({
      ...base,
      record: EMPTY_RECORD,
      tables: [{ tabel: 'belanja-operasi-modal', sidik: 'b' }],
      sheetNames: ['HC Belanja Operasi Modal'],
      fingerprints: new Map(),
    });
    expect(plan.names).toEqual(['HC Belanja Operasi Modal (2)']);
    const long = planned({
      ...base,
      record: EMPTY_RECORD,
      tables: [{ tabel: 'perbandingan-tahun', sidik: 'b' }],
      sheetNames: ['HC Perbandingan Tahun', ...Array.from({ length: 9 }, (_, i) => `HC Perbandingan Tahun (${i + 2})`)],
      fingerprints: new Map(),
    });
    expect(long.names).toEqual(['HC Perbandingan Tahun (11)']);
    expect(long.names[0].length).toBeLessThanOrEqual(31);
  });
});

describe('what a workbook holds already', () => {
  const grid = (name: string, values: (string | number | null)[][], origin = { row: 0, col: 0 }) => ({ name, values, origin });
  const record = { versi: 1 as const, lembar: [{ nama: 'HC Efisiensi', tabel: 'efisiensi' as const, sidik: fingerprint([['Tabel 3.7'], [null, 12]]) }] };

  it('fingerprints our sheets from A1, wherever their used range starts', () => {
    const prints = fingerprintsOf([grid('DPA', [['x']]), grid('HC Efisiensi', [[12]], { row: 1, col: 1 })], record);
    expect([...prints.keys()]).toEqual(['HC Efisiensi']);
    expect(prints.get('HC Efisiensi')).toBe(fingerprint([[], [null, 12]]));
  });

  it('tells the sheets of ours the user changed, and a recorded sheet that could not be read counts as changed', () => {
    const same = fingerprintsOf([grid('HC Efisiensi', [['Tabel 3.7'], [null, 12]])], record);
    expect(editedSheets({ sheetNames: ['DPA', 'HC Efisiensi'], record, fingerprints: same })).toEqual([]);
    expect(editedSheets({ sheetNames: ['DPA', 'HC Efisiensi'], record, fingerprints: new Map() })).toEqual(['HC Efisiensi']);
    expect(editedSheets({ sheetNames: ['DPA'], record, fingerprints: new Map() })).toEqual([]);
  });

  it('hands the engine every sheet but ours, a user’s “HC …” sheet included', () => {
    const grids = [grid('HC DPA Saya', []), grid('HC Efisiensi', []), grid('DPA', [])];
    expect(userSheets(grids, record).map((g) => g.name)).toEqual(['HC DPA Saya', 'DPA']);
  });
});
