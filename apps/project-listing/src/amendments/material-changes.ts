import { MATERIAL_TERMS, MaterialTerm } from '@crowdlink/contracts';
import { TermChange } from './project-amendment.entity';

/** The terms of a LIVE offering whose change is material (§227.304(c)); null: not an EQUITY project. */
export interface MaterialTerms {
  closesAt: Date;
  targetAmount: number;
  pricePerShare: number | null;
  preMoneyValuation: number | null;
}

/** What the founder asks for; absent: unchanged. */
export type RequestedTerms = Partial<{ [T in MaterialTerm]: NonNullable<MaterialTerms[T]> }>;

/**
 * The terms the request actually changes, in the order of MATERIAL_TERMS. A term asked for
 * with its current value is no change: re-sending the offering as it is asks nobody to reconfirm.
 */
export function materialChanges(current: MaterialTerms, requested: RequestedTerms): TermChange[] {
  return MATERIAL_TERMS.flatMap((term): TermChange[] => {
    const from = comparable(current[term]);
    const wanted = requested[term];
    if (wanted === undefined) return [];
    const to = comparable(wanted) as number | string;
    return from === to ? [] : [{ term, from, to }];
  });
}

function comparable(value: Date | number | null): number | string | null {
  return value instanceof Date ? value.toISOString() : value;
}
