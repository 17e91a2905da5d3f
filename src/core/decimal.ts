import DecimalBase from 'decimal.js';

/** The one Decimal used for money and percentages: 40 significant digits, half-up rounding. */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** Decimal.sum rounds once at the end instead of after every addition; chunks keep the argument list short. */
const SUM_CHUNK = 1000;

export function sum(values: Iterable<Decimal>): Decimal {
  const list = Array.isArray(values) ? (values as Decimal[]) : [...values];
  if (list.length === 0) return ZERO;
  if (list.length <= SUM_CHUNK) return Decimal.sum(...list);
  let total = ZERO;
  for (let i = 0; i < list.length; i += SUM_CHUNK) total = total.plus(Decimal.sum(...list.slice(i, i + SUM_CHUNK)));
  return total;
}

/** part / whole × 100, or null when whole is zero. Exact; round only for display. */
export function percent(part: Decimal, whole: Decimal): Decimal | null {
  if (whole.isZero()) return null;
  return part.div(whole).times(HUNDRED);
}

/** Every digit and no exponent (`1000000000000000000000`, not `1e+21`): the JSON form of an amount. */
export const plainString = (d: Decimal): string => d.toFixed();

/** Two-decimal string with a '.', half-up: the JSON form of a percentage. */
export function percentString(p: Decimal | null): string | null {
  return p === null ? null : p.toFixed(2);
}

/** Indonesian display: thousands '.', decimals ','. */
export function formatIndonesian(d: Decimal, decimals: number): string {
  const fixed = d.abs().toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = d.isNegative() && /[1-9]/.test(fixed) ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/** A count as a clerk reads it: `12.001`. */
export const countText = (n: number) => formatIndonesian(new Decimal(n), 0);

export function formatRupiah(d: Decimal): string {
  return formatIndonesian(d, d.isInteger() ? 0 : 2);
}

export function formatPersen(p: Decimal): string {
  return formatIndonesian(p, 2);
}

/** An amount as a summary shows it: `Rp 2.700.414.981`, or `–` when there is none. */
export const rupiahText = (d: Decimal | null | undefined) => (d ? `Rp ${formatRupiah(d)}` : '–');

/** A percentage as a summary shows it: `89,17%`, or `–` when there is none. */
export const persenText = (p: Decimal | null | undefined) => (p ? `${formatPersen(p)}%` : '–');

/** A percentage as a sentence writes it: `92,86%`, `100%` (never `100,00%`). */
export const persenKalimat = (p: Decimal) => formatIndonesian(p.toDecimalPlaces(2), 2).replace(/,00$/, '') + '%';

/** A difference in words, so its sign needs no explaining: `lebih 200`, `kurang 200`. */
export const selisihText = (d: Decimal) => `${d.isNegative() ? 'lebih kecil' : 'lebih besar'} ${formatRupiah(d.abs())}`;
