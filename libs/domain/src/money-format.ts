const exponents = new Map<string, number>();

/**
 * How many minor units a currency's major unit has, as a power of ten (ISO 4217 exponent:
 * USD 2, JPY 0, KWD 3), from the ICU data that Node.js ships.
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    // building an Intl.NumberFormat costs far more than the formatting it is asked for
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * Money for people to read: `USD 1,234.56`, `JPY 1,200`. The code rather than a symbol,
 * because ¥ is both yuan and yen. Integer arithmetic on the minor units, never a float.
 */
export function formatMoney(minor: number | bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const value = BigInt(minor);
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${currency} ${value < 0n ? '-' : ''}${whole}${fraction}`;
}
