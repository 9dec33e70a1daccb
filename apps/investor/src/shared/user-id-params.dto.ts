import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:userId` path parameters are UUIDs; anything else is a 400, never a database error. */
export class UserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}
