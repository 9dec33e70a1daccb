import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class FileComplaintDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 20_000)
  body!: string;
}
