import { investmentLimit, Jurisdiction, policyOf, remainingLimit } from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';

export type LimitReasonCode =
  | 'ACCREDITED_INVESTOR'
  | 'NO_LIMIT_IN_JURISDICTION'
  | 'FINANCIALS_MISSING'
  | 'CURRENCY_MISMATCH'
  | 'PLEDGES_IN_OTHER_CURRENCY';

/** Why `limit` (or `remaining`) is null: either the law sets no limit, or it cannot be worked out. */
export interface LimitReason {
  code: LimitReasonCode;
  message: string;
}

export interface InvestorLimit {
  jurisdiction: Jurisdiction;
  currency: string;
  limit: Money | null;
  usedLast12Months: Money;
  remaining: Money | null;
  reason: LimitReason | null;
}

/** The profile's figures as the investor stated them; null where not stated yet. */
export interface StatedFinances {
  currency: string | null;
  annualIncome: number | null;
  netWorth: number | null;
  accredited: boolean;
}

const NO_LIMIT_MESSAGES: Record<Jurisdiction, string> = {
  US: 'Accredited investors have no Reg CF investment limit',
  EU: 'ECSPR sets no investment limit: a pledge above the higher of €1,000 or 5% of net worth needs a risk acknowledgement instead',
  CN: 'The CN pilot sets no investment limit: equity pledges need a qualified investor instead',
};

/**
 * "No currency" (ISO 4217 XXX) stands in for figures the investor has not stated: a rule
 * that needs them refuses it like any other currency, one that does not never looks.
 */
const NOT_STATED = 'XXX';

/**
 * One jurisdiction's limit for the investor, what they used of it in the last 12 months
 * (by currency, from the pledge projection) and what remains. The rule itself is the
 * compliance library's; figures in another currency than the law's are reported, never
 * converted at a guessed rate.
 */
export function investorLimitIn(
  jurisdiction: Jurisdiction,
  finances: StatedFinances,
  usedByCurrency: ReadonlyMap<string, bigint>,
  on: Date,
): InvestorLimit {
  const currency = policyOf(jurisdiction).currency;
  const usedLast12Months = Money.of(usedByCurrency.get(currency) ?? 0n, currency);
  const stated = finances.currency !== null && finances.annualIncome !== null && finances.netWorth !== null;
  const figureCurrency = stated ? (finances.currency ?? NOT_STATED) : NOT_STATED;

  let limit: Money | null;
  try {
    limit = investmentLimit(
      jurisdiction,
      {
        annualIncome: Money.of(finances.annualIncome ?? 0, figureCurrency),
        netWorth: Money.of(finances.netWorth ?? 0, figureCurrency),
        accredited: finances.accredited,
      },
      on,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const reason: LimitReason = stated
      ? {
          code: 'CURRENCY_MISMATCH',
          message: `The ${jurisdiction} limit is worked out from income and net worth in ${currency}; the profile states them in ${finances.currency}`,
        }
      : {
          code: 'FINANCIALS_MISSING',
          message: `The ${jurisdiction} limit is worked out from income and net worth: complete the profile`,
        };
    return { jurisdiction, currency, limit: null, usedLast12Months, remaining: null, reason };
  }

  const others = [...usedByCurrency].filter(([code, amount]) => code !== currency && amount > 0n).map(([code]) => code);
  if (limit !== null && others.length > 0) {
    return {
      jurisdiction,
      currency,
      limit,
      usedLast12Months,
      remaining: null,
      reason: {
        code: 'PLEDGES_IN_OTHER_CURRENCY',
        message: `Pledges in ${others.join(', ')} count against this limit too, and cannot be converted to ${currency} here`,
      },
    };
  }
  const reason: LimitReason | null =
    limit !== null
      ? null
      : jurisdiction === 'US'
        ? { code: 'ACCREDITED_INVESTOR', message: NO_LIMIT_MESSAGES.US }
        : { code: 'NO_LIMIT_IN_JURISDICTION', message: NO_LIMIT_MESSAGES[jurisdiction] };
  return {
    jurisdiction,
    currency,
    limit,
    usedLast12Months,
    remaining: remainingLimit(limit, usedLast12Months),
    reason,
  };
}
