import { isUuid } from '@crowdlink/domain';
import { decodeCursorTuple, encodeCursorTuple, InvalidCursorException, Page, pageOf } from '@crowdlink/platform';

/** Where a ranked page ended: the last item's score and id (the tie-breaker). Opaque to clients. */
export interface MatchCursor {
  score: number;
  id: string;
}

export function encodeMatchCursor({ score, id }: MatchCursor): string {
  return encodeCursorTuple([score, id]);
}

export function decodeMatchCursor(cursor: string): MatchCursor {
  const [score, id] = decodeCursorTuple(cursor, 2);
  if (!Number.isSafeInteger(score) || typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorException();
  return { score: score as number, id };
}

/** One page of a list ranked best first (score, then id), after `cursor`. */
export function rankedPageOf<T extends { score: number; id: string }>(
  ranked: T[],
  limit: number,
  cursor: string | undefined,
): Page<T> {
  const after = cursor === undefined ? undefined : decodeMatchCursor(cursor);
  const rest =
    after === undefined
      ? ranked
      : ranked.filter((item) => item.score < after.score || (item.score === after.score && item.id > after.id));
  return pageOf(rest, limit, encodeMatchCursor);
}
