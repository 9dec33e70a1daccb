import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` is a UUID; anything else is a 400, never a database error. */
export class NotificationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
