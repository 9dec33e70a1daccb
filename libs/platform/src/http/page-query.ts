import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** api.md lists: `?limit=` (default 20, max 100). */
export class LimitQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

/** api.md lists: `?limit=` and `?cursor=`, the opaque nextCursor of the previous page. */
export class PageQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, as it was given (opaque)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** api.md lists: `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page from the rows of a query asked for `limit + 1`: the extra row only says that more
 * follow, and then the cursor is `cursorOf` the page's last row.
 */
export function pageOf<R>(rows: readonly R[], limit: number, cursorOf: (last: R) => string): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
