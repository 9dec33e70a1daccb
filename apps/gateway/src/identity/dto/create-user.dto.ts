import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { normaliseEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, trim } from './register.dto';

export const ADMIN_CREATED_ROLES = ['bank', 'appraiser', 'admin'] as const;

export class CreateUserDto {
  @ApiProperty()
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: ADMIN_CREATED_ROLES })
  @IsIn(ADMIN_CREATED_ROLES)
  role!: (typeof ADMIN_CREATED_ROLES)[number];

  @ApiProperty()
  @IsString()
  @Transform(trim)
  @Length(1, 100)
  displayName!: string;

  /** The bank or appraisal firm the account belongs to; required for those roles. */
  @ApiPropertyOptional({ example: 'Bank of Lingnan' })
  @ValidateIf((dto: CreateUserDto) => dto.role !== 'admin' || dto.organization !== undefined)
  @IsString()
  @Transform(trim)
  @Length(1, 200)
  organization?: string;
}
