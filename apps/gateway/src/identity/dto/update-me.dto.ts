import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim } from './register.dto';

export class UpdateMeDto {
  @ApiProperty()
  @IsString()
  @Transform(trim)
  @Length(1, 100)
  displayName!: string;
}
