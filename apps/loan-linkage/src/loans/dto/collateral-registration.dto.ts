import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length } from 'class-validator';

/** The pledge registration (China Civil Code Art 444; CNIPA records patent pledges). */
export class CollateralRegistrationDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  registrationNumber!: string;

  @ApiProperty({ description: 'When the registry recorded the pledge (ISO 8601)' })
  @IsISO8601({ strict: true })
  registeredAt!: string;
}
