import { ValueTransformer } from 'typeorm';

/**
 * bigint minor units ↔ JSON-safe numbers. Amounts enter through DTOs that accept safe
 * integers only, so a value beyond 2^53 here means corrupt data: refuse it, never round.
 */
export const MONEY_COLUMN: ValueTransformer = {
  to: (value: number | null | undefined) => (value === null || value === undefined ? value : String(value)),
  from: (value: string | null) => {
    if (value === null) return null;
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${value} is beyond a safe integer`);
    return amount;
  },
};
