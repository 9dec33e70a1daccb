/** Basis points in a whole (100%): rates, shares and caps are whole numbers of 1/10 000. */
export const BPS_PER_WHOLE = 10_000;

/**
 * An amount of money as an integer count of the currency's minor unit (fen, cents), like
 * Stripe. Arithmetic and rounding live here and nowhere else.
 */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: string,
  ) {}

  static of(minor: bigint | number | string, currency: string): Money {
    if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
      throw new RangeError(`Money needs an integer count of minor units, got ${minor}`);
    }
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new RangeError(`Money needs an ISO 4217 currency code, got "${currency}"`);
    }
    return new Money(BigInt(minor), currency);
  }

  static zero(currency: string): Money {
    return Money.of(0n, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minor + other.minor, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minor - other.minor, this.currency);
  }

  /** Multiplies by basis points (1 bp = 1/10 000), rounding half away from zero. */
  multiplyBps(bps: number): Money {
    if (!Number.isSafeInteger(bps)) throw new RangeError(`Basis points must be an integer, got ${bps}`);
    return new Money(divideRoundingHalfAway(this.minor * BigInt(bps), BigInt(BPS_PER_WHOLE)), this.currency);
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.minor < other.minor ? -1 : this.minor > other.minor ? 1 : 0;
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.minor === other.minor;
  }

  /** JSON-safe form; amounts above 2^53 are refused rather than silently rounded. */
  toJSON(): { amount: number; currency: string } {
    if (this.minor > BigInt(Number.MAX_SAFE_INTEGER) || this.minor < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`Amount ${this.minor} is too large to be sent as a JSON number`);
    }
    return { amount: Number(this.minor), currency: this.currency };
  }

  toString(): string {
    return `${this.minor} ${this.currency}`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new RangeError(`Cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}

function divideRoundingHalfAway(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}
