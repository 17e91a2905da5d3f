import fc from 'fast-check';
import { isDateFormat, parseAmount, parsePercent, serialDate, writtenDecimals } from '../../../src/core/read/amount';
import { Decimal, formatIndonesian } from '../../../src/core/decimal';

const value = (v: Parameters<typeof parseAmount>[0]) => {
  const p = parseAmount(v);
  return p.kind === 'number' ? p.value.toString() : p.kind;
};

describe('parseAmount', () => {
  it.each([
    [2700414981, '2700414981'],
    ['2.700.414.981', '2700414981'],
    ['2.700.414.981,00', '2700414981'],
    ['Rp 2.407.846.274,-', '2407846274'],
    ['Rp. 1.500,50', '1500.5'],
    ['(1.500.000)', '-1500000'],
    ['-1.500.000', '-1500000'],
    ['2,700,414,981.00', '2700414981'],
    ['1234.5', '1234.5'],
    ['89,17', '89.17'],
    [0.1 + 0.2, '0.3'],
  ])('reads %p as %s', (input, expected) => expect(value(input)).toBe(expected));

  it.each([[null], [''], ['-'], ['  '], ['Rp -']])('reads %p as empty (zero)', (input) => expect(value(input)).toBe('empty'));

  it.each([[{ error: '#REF!' }], ['dua juta'], ['1.2.3,4,5'], [true], ['12abc']])('rejects %p', (input) => expect(value(input)).toBe('invalid'));

  it('reads any amount written the Indonesian way back exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.constantFrom('plain', 'rp', 'paren', 'minus'),
        (int, cents, negative, style) => {
          const d = new Decimal(`${int}.${String(cents).padStart(2, '0')}`);
          const text = formatIndonesian(d, 2);
          const written = !negative ? (style === 'rp' ? `Rp ${text}` : text) : style === 'paren' ? `(${text})` : `-${text}`;
          const p = parseAmount(written);
          expect(p.kind).toBe('number');
          if (p.kind === 'number') expect(p.value.eq(negative ? d.negated() : d)).toBe(true);
        },
      ),
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(['number', 'empty', 'invalid']).toContain(parseAmount(s).kind)));
  });
});

describe('parsePercent', () => {
  it('reads a %-formatted fraction, text with and without %, and a bare fraction near its expected value', () => {
    const v = (p: ReturnType<typeof parsePercent>) => (p.kind === 'number' ? p.value.toString() : p.kind);
    expect(v(parsePercent(0.8917, '0.00%'))).toBe('89.17');
    expect(v(parsePercent('89,17', null))).toBe('89.17');
    expect(v(parsePercent('89,17%', null))).toBe('89.17');
    expect(v(parsePercent('89,17 %', null))).toBe('89.17');
    expect(v(parsePercent(0.8917, null, new Decimal('89.1658')))).toBe('89.17');
    expect(v(parsePercent(89.17, null, new Decimal('89.1658')))).toBe('89.17');
    expect(v(parsePercent(' 89,17  % ', null))).toBe('89.17');
    expect(v(parsePercent(' % ', null))).toBe('empty');
    expect(v(parsePercent('1   x', null))).toBe('invalid');
  });

  it.each([
    ['89,17 %', 2],
    ['89,5%', 1],
    ['89,17 x', 0],
    ['100', 0],
    ['1.234,567 %', 3],
  ])('%s is written with %p decimals', (text, decimals) => expect(writtenDecimals(text, null)).toBe(decimals));
});

describe('dates', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-421]d mmmm yyyy;@', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['yyyy-mm-dd', true],
    ['General', false],
    ['#,##0', false],
    ['0.00%', false],
    ['_-[$Rp-421]* #,##0.00_-;\\-[$Rp-421]* #,##0.00_-;_-[$Rp-421]* "-"??_-;_-@_-', false],
    ['"Rp"#,##0', false],
    ['#,##0 "hari"', false],
    ['0.00E+00', false],
    ['@', false],
    ['[Red][<=100]0;[Blue]0', false],
    ['[[[[0', false],
    ['[[[[d', true],
    ['[$-421][h]:mm', true],
  ])('%s is a date format: %p', (format, date) => expect(isDateFormat(format)).toBe(date));

  it('shows a serial as the day Excel shows', () => {
    expect(serialDate(45306)).toBe('15/01/2024');
    expect(serialDate(1)).toBe('01/01/1900');
    expect(serialDate(61)).toBe('01/03/1900');
  });
});
