import { ApiProperty } from '@nestjs/swagger';
import { IsPayoutAccountId } from './payout-account.validator';

/** PATCH /v1/companies/:id: what a founder may change of a company after registering it. */
export class UpdateCompanyDto {
  @ApiProperty({ description: 'Stripe Connect account a funded campaign pays out to', example: 'acct_1Nv0FG' })
  @IsPayoutAccountId()
  payoutAccountId!: string;
}
