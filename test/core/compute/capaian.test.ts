import { capaianOf, capaianOfValues, scalesWith, SKALA_BAWAAN } from '../../../src/core/compute/capaian';
import { Decimal } from '../../../src/core/decimal';
import { Arah, parseKinerjaValue } from '../../../src/core/read/kinerja-sheet';

const d = (s: string | number) => new Decimal(s);
const ref = { lembar: 'K', sel: 'A1' };
const v = (x: string | number) => parseKinerjaValue(x, null, ref)!;
const capaian = (arah: Arah | null, target: string | number, realisasi: string | number, scales = SKALA_BAWAAN) => {
  const c = capaianOfValues(arah, v(target), v(realisasi), scales);
  return [c.capaian?.toFixed(2) ?? null, c.aturan, c.skala?.nama ?? null];
};

describe('numbers, as before', () => {
  it('naik: realisasi / target × 100', () => expect(capaianOf('naik', d(90), d('83.57'))!.toFixed(2)).toBe('92.86'));
  it('turun: (2·target − realisasi) / target × 100', () => expect(capaianOf('turun', d('9.5'), d(9))!.toFixed(2)).toBe('105.26'));
  it('turun, worse than target', () => expect(capaianOf('turun', d(10), d(12))!.toFixed(2)).toBe('80.00'));
  it('target 0 gives no capaian', () => expect(capaianOf('naik', d(0), d(5))).toBeNull());
  it('SAKIP grades written with their numbers are numbers (BB (74) → A (80,60): 108,92)', () => expect(capaian('naik', 'BB (74)', 'A (80,60)')).toEqual(['108.92', 'angka', null]));
  it('a grade without its number against a plain number uses the grade’s lower bound', () => expect(capaian('naik', 'A', 82)).toEqual(['102.50', 'batasHuruf', null]));
});

describe('ordinal scales: reaching or passing the target is 100, falling short the ratio of the levels', () => {
  it.each([
    ['WTP', 'WTP', '100.00'],
    ['WTP', 'WDP', '75.00'],
    ['WDP', 'WTP', '100.00'],
    ['WTP', 'TMP', '25.00'],
    ['Wajar Tanpa Pengecualian', 'Opini WDP', '75.00'],
  ])('opini BPK: target %s, realisasi %s → %s', (t, r, c) => expect(capaian('naik', t, r)).toEqual([c, 'skala', 'opini BPK']));
  it('Baik → Sangat Baik', () => expect(capaian('naik', 'Baik', 'Sangat Baik')).toEqual(['100.00', 'skala', 'kategori']));
  it('Baik → Cukup', () => expect(capaian('naik', 'Baik', 'Cukup')).toEqual(['66.67', 'skala', 'kategori']));
  it('SAKIP letters without numbers: BB for A is 5/6', () => expect(capaian('naik', 'A', 'BB')).toEqual(['83.33', 'skala', 'nilai SAKIP']));
  it('arah does not turn a scale around', () => expect(capaian('turun', 'WTP', 'WDP')).toEqual(['75.00', 'skala', 'opini BPK']));
  it('a scale from the settings', () => {
    const scales = scalesWith([['Tidak Memadai', 'Memadai', 'Sangat Memadai']]);
    expect(capaian('naik', 'Sangat Memadai', 'Memadai', scales)).toEqual(['66.67', 'skala', 'skala pengaturan']);
  });
  it('a label against a number is not compared', () => expect(capaian('naik', 'WTP', 85)).toEqual([null, null, null]));
});

describe('ranges: inside is 100, outside measured from the nearer bound with arah', () => {
  it.each([
    ['turun', '3 - 5', 4, '100.00'],
    ['turun', '3 - 5', 5, '100.00'],
    ['turun', '3 - 5', 6, '80.00'],
    ['turun', '3 - 5', 2, '133.33'],
    ['naik', '85–90', 80, '94.12'],
    ['naik', '85–90', 95, '105.56'],
    ['naik', '85 s.d. 90 %', '87,5%', '100.00'],
  ] as const)('%s, target %s, realisasi %p → %s', (arah, t, r, c) => expect(capaian(arah, t, r)).toEqual([c, 'rentang', null]));

  it.each([
    ['3 - 5 hari', '4 hari', '100.00'],
    ['3 - 5 hari', '6 hari', '80.00'],
    ['3 - 5 hari', '2 hari', '66.67'],
    ['85–90', 95, '94.44'],
  ])('with no arah written, passing either bound of %s falls short: %p → %s', (t, r, c) => expect(capaian(null, t, r)).toEqual([c, 'rentang', null]));
  it('with no arah written, a plain number is naik', () => expect(capaian(null, 90, '83,57')).toEqual(['92.86', 'angka', null]));
});

describe('comparators: the number with their arah', () => {
  it.each([
    ['≥ 85', 90, '105.88'],
    ['>= 85', 80, '94.12'],
    ['Minimal 90 %', '81%', '90.00'],
    ['≤ 10', 12, '80.00'],
    ['Maksimal 5', 4, '120.00'],
    ['paling banyak 5', 5, '100.00'],
  ])('target %s, realisasi %p → %s (the indikator says naik)', (t, r, c) => expect(capaian('naik', t, r)).toEqual([c, 'pembanding', null]));
});
