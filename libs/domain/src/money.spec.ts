import { Money } from './money';

describe(Money.name, () => {
  it('adds and subtracts exact minor units', () => {
    expect(Money.of(10, 'USD').add(Money.of(20, 'USD')).minor).toBe(30n);
    expect(Money.of(10, 'USD').subtract(Money.of(25, 'USD')).minor).toBe(-15n);
  });

  it('refuses to mix currencies', () => {
    expect(() => Money.of(1, 'USD').add(Money.of(1, 'EUR'))).toThrow('Cannot combine USD with EUR');
  });

  it('refuses fractional minor units and bad currency codes', () => {
    expect(() => Money.of(1.5, 'USD')).toThrow(RangeError);
    expect(() => Money.of(1, 'usd')).toThrow(RangeError);
  });

  it.each([
    [10_000, 500, 500n], // 5% of 100.00
    [333, 500, 17n], // 16.65 rounds half away from zero
    [330, 500, 17n], // 16.5 rounds up
    [-330, 500, -17n], // and away from zero below it
    [329, 500, 16n],
  ])('takes %i × %i bps = %s', (minor, bps, expected) => {
    expect(Money.of(minor, 'CNY').multiplyBps(bps).minor).toBe(expected);
  });

  it('keeps amounts beyond 2^53 exact and will not send them as a lossy JSON number', () => {
    const huge = Money.of('9007199254740993', 'USD');
    expect(huge.add(Money.of(1, 'USD')).minor).toBe(9007199254740994n);
    expect(() => JSON.stringify(huge)).toThrow(RangeError);
    expect(JSON.stringify(Money.of(1250, 'EUR'))).toBe('{"amount":1250,"currency":"EUR"}');
  });
});
