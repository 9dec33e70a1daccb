import { Money } from '@crowdlink/domain';
import { checkIssuerCap, issuerCapOn } from './issuer-cap';

const usd = (dollars: number) => Money.of(dollars * 100, 'USD');
const eur = (euros: number) => Money.of(euros * 100, 'EUR');

describe(issuerCapOn.name, () => {
  it.each([
    ['2021-03-14T23:59:59Z', 1_070_000],
    ['2021-03-15T00:00:00Z', 5_000_000],
    ['2020-01-01T00:00:00Z', 1_070_000],
    ['2026-11-26T00:00:00Z', 5_000_000],
  ])('puts the US cap on %s at $%i', (on, dollars) => {
    expect(issuerCapOn('US', new Date(on))).toEqual(usd(dollars));
  });

  it('caps EU project owners at €5,000,000', () => {
    expect(issuerCapOn('EU', new Date('2026-01-01T00:00:00Z'))).toEqual(eur(5_000_000));
  });

  it('has no issuer cap under the CN pilot rules', () => {
    expect(issuerCapOn('CN', new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe(checkIssuerCap.name, () => {
  const after = new Date('2026-06-01T00:00:00Z');
  const before = new Date('2021-03-01T00:00:00Z');

  it('allows reaching the cap exactly', () => {
    expect(checkIssuerCap('US', after, usd(3_000_000), usd(2_000_000)).allowed).toBe(true);
  });

  it('refuses passing it by one cent, and says by how much', () => {
    const check = checkIssuerCap('US', after, usd(3_000_000), usd(2_000_000).add(Money.of(1, 'USD')));
    expect(check).toEqual({
      allowed: false,
      cap: usd(5_000_000),
      used: usd(3_000_000),
      requested: Money.of(200_000_001, 'USD'),
    });
  });

  it('applies the older, lower US cap to offerings opening before 2021-03-15', () => {
    expect(checkIssuerCap('US', before, usd(0), usd(1_070_000)).allowed).toBe(true);
    expect(checkIssuerCap('US', before, usd(0), usd(1_070_001)).allowed).toBe(false);
    expect(checkIssuerCap('US', after, usd(0), usd(1_070_001)).allowed).toBe(true);
  });

  it('lets a CN issuer raise any amount', () => {
    expect(checkIssuerCap('CN', after, Money.of(10n ** 15n, 'CNY'), Money.of(10n ** 15n, 'CNY')).allowed).toBe(true);
  });
});
