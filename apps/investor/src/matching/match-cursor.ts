import { decodeCursorTuple, encodeCursorTuple, InvalidCursorException } from '@crowdlink/platform';

/** Where a ranked page ended: the last item's score and id (the tie-breaker). Opaque to clients. */
export interface MatchCursor {
  score: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeMatchCursor({ score, id }: MatchCursor): string {
  return encodeCursorTuple([score, id]);
}

export function decodeMatchCursor(cursor: string): MatchCursor {
  const [score, id] = decodeCursorTuple(cursor, 2);
  if (!Number.isSafeInteger(score) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursorException();
  return { score: score as number, id };
}

/** One page of a list ranked best first (score, then id), after `cursor`. */
export function pageOf<T extends { score: number; id: string }>(
  ranked: T[],
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  const after = cursor === undefined ? undefined : decodeMatchCursor(cursor);
  const rest =
    after === undefined
      ? ranked
      : ranked.filter((item) => item.score < after.score || (item.score === after.score && item.id > after.id));
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rest.length > limit && last ? encodeMatchCursor(last) : null };
}
