import { currencyExponent, formatMoney } from './money-format';

describe(formatMoney.name, () => {
  it.each([
    [123456, 'USD', 'USD 1,234.56'],
    [5, 'EUR', 'EUR 0.05'],
    [0, 'CNY', 'CNY 0.00'],
    [100_000_000, 'CNY', 'CNY 1,000,000.00'],
    [1200, 'JPY', 'JPY 1,200'],
    [1234567, 'KWD', 'KWD 1,234.567'],
    [-250, 'USD', 'USD -2.50'],
    [Number.MAX_SAFE_INTEGER, 'USD', 'USD 90,071,992,547,409.91'],
  ])('%d minor units of %s read %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('knows the exponents of ISO 4217', () => {
    expect([currencyExponent('USD'), currencyExponent('JPY'), currencyExponent('BHD')]).toEqual([2, 0, 3]);
  });
});
