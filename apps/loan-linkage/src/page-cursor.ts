import { isUuid } from '@crowdlink/domain';

/** Lists page by descending UUIDv7 id; a cursor that is not one starts from the top rather than failing in SQL. */
export function idCursor(cursor: string | undefined): string | null {
  return cursor !== undefined && isUuid(cursor) ? cursor : null;
}
