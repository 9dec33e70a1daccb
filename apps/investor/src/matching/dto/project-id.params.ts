import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProjectIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
