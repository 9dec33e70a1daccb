import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateCompanyDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  registrationNumber!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  sector!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  region!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 10_000)
  description!: string;
}
