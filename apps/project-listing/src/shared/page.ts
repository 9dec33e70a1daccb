import { ApiPropertyOptional } from '@nestjs/swagger';
import { LimitQuery, Page } from '@crowdlink/platform';
import { IsOptional, IsUUID } from 'class-validator';

/** api.md lists, where the cursor is the last id seen. */
export class PageQueryDto extends LimitQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

/** Builds a page from `limit + 1` rows ordered by id: the extra row says whether more follow. */
export function pageOf<R extends { id: string }, T>(rows: R[], limit: number, view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit ? items[items.length - 1]!.id : null,
  };
}
