import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ResolveComplaintDto {
  @ApiProperty()
  @IsString()
  @Length(1, 20_000)
  resolution!: string;
}
