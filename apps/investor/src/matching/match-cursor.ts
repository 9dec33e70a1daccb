import { InvalidMatchCursorException } from './matching.exceptions';

/** Where a ranked page ended: the last item's score and id (the tie-breaker). Opaque to clients. */
export interface MatchCursor {
  score: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeMatchCursor({ score, id }: MatchCursor): string {
  return Buffer.from(JSON.stringify([score, id])).toString('base64url');
}

export function decodeMatchCursor(cursor: string): MatchCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidMatchCursorException();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidMatchCursorException();
  const [score, id] = parsed as unknown[];
  if (!Number.isSafeInteger(score) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidMatchCursorException();
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
