import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsOmittable } from '../../shared/optional.validators';
import { IsPayoutAccountId } from './payout-account.validator';

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

  @ApiPropertyOptional({ description: 'Stripe Connect account a funded campaign pays out to', example: 'acct_1Nv0FG' })
  @IsOmittable()
  @IsPayoutAccountId()
  payoutAccountId?: string;
}
