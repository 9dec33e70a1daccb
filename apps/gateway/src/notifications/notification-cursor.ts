import { isUuid } from '@crowdlink/domain';
import { decodeCursorTuple, encodeCursorTuple, InvalidCursorException } from '@crowdlink/platform';

/**
 * Where a page ended in the order (created_at DESC, id DESC): the last row's created_at with
 * PostgreSQL's microseconds (a JavaScript Date would lose them and repeat or skip rows) and
 * its id. Opaque to clients: base64url of a small JSON array.
 */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor({ createdAt, id }: NotificationCursor): string {
  return encodeCursorTuple([createdAt, id]);
}

export function decodeCursor(cursor: string): NotificationCursor {
  const [createdAt, id] = decodeCursorTuple(cursor, 2);
  if (typeof createdAt !== 'string' || !TIMESTAMP.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw new InvalidCursorException();
  if (typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorException();
  return { createdAt, id };
}
