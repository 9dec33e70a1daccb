import { DomainException, isUuid } from '@crowdlink/domain';

export class InvalidCursorException extends DomainException {
  constructor() {
    super('INVALID_CURSOR', 'invalid', 'The cursor is not one this listing gave out; start again without it');
  }
}

/** A list's opaque `nextCursor`: base64url of a small JSON array (where the page ended). */
export function encodeCursorTuple(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The array encodeCursorTuple made, of exactly `length` items; anything else is
 * INVALID_CURSOR. The caller checks what each item must be.
 */
export function decodeCursorTuple(cursor: string, length: number): unknown[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorException();
  }
  if (!Array.isArray(parsed) || parsed.length !== length) throw new InvalidCursorException();
  return parsed as unknown[];
}

/**
 * The cursor of a list paged by id: the last id of the previous page, as it was given. None (or
 * empty): null, the first page; anything but a UUID is INVALID_CURSOR, never a silent first page.
 */
export function idCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!isUuid(cursor)) throw new InvalidCursorException();
  return cursor;
}
