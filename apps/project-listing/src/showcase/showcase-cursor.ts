import { isUuid } from '@crowdlink/domain';
import { decodeCursorTuple, encodeCursorTuple, InvalidCursorException } from '@crowdlink/platform';

export const SHOWCASE_SORTS = ['newest', 'closing_soon', 'most_funded'] as const;
export type ShowcaseSort = (typeof SHOWCASE_SORTS)[number];

/**
 * Where a page ended: the sort key of its last project and its id, the tie-breaker that
 * makes the order total, so each project is on exactly one page. Timestamps keep
 * PostgreSQL's microseconds (a JavaScript Date would lose them and repeat or skip rows),
 * money is a decimal string.
 */
export interface ShowcaseCursor {
  sort: ShowcaseSort;
  key: string;
  id: string;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const AMOUNT = /^\d{1,19}$/;
const MAX_BIGINT = 2n ** 63n - 1n;

/** The sort key of each sort is a timestamp or an amount. */
export const KEY_KIND: Record<ShowcaseSort, 'timestamp' | 'amount'> = {
  newest: 'timestamp',
  closing_soon: 'timestamp',
  most_funded: 'amount',
};

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor({ sort, key, id }: ShowcaseCursor): string {
  return encodeCursorTuple([sort, key, id]);
}

/** Decodes a cursor for `sort`; anything else than what encodeCursor gave for it is INVALID_CURSOR. */
export function decodeCursor(cursor: string, sort: ShowcaseSort): ShowcaseCursor {
  const [cursorSort, key, id] = decodeCursorTuple(cursor, 3);
  if (cursorSort !== sort || typeof key !== 'string' || typeof id !== 'string' || !isUuid(id))
    throw new InvalidCursorException();
  if (!(KEY_KIND[sort] === 'timestamp' ? isTimestamp(key) : isAmount(key))) throw new InvalidCursorException();
  return { sort, key, id };
}

/** A real instant (no 30 February), so PostgreSQL never sees a date it would refuse. */
function isTimestamp(key: string): boolean {
  const match = TIMESTAMP.exec(key);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return year! >= 1 && date.toISOString().slice(-24, -5) === key.slice(0, 19);
}

function isAmount(key: string): boolean {
  return AMOUNT.test(key) && BigInt(key) <= MAX_BIGINT;
}
