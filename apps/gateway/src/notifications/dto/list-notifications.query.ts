import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@crowdlink/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** "true"/"false" in a query string; anything else stays a string and fails IsBoolean. */
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** GET /v1/notifications: newest first, keyset pages. */
export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only notifications not read yet' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  unread?: boolean;
}
