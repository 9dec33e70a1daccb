import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';

export const SELF_REGISTERED_ROLES = ['founder', 'investor'] as const;
export const PASSWORD_MIN_LENGTH = 10;
/** Bounded so that a huge password cannot make argon2 (or the server) work for nothing. */
export const PASSWORD_MAX_LENGTH = 128;

export const normaliseEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: SELF_REGISTERED_ROLES })
  @IsIn(SELF_REGISTERED_ROLES)
  role!: (typeof SELF_REGISTERED_ROLES)[number];

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Transform(trim)
  @Length(1, 100)
  displayName!: string;
}
