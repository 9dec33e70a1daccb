import { ApiProperty } from '@nestjs/swagger';

export class PledgeTallyDto {
  @ApiProperty()
  count!: number;

  @ApiProperty({ description: 'Integer minor units' })
  amount!: number;
}

export class SettlementDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ enum: ['LIVE', 'SETTLING', 'FUNDED', 'FAILED'], description: 'or another project status before LIVE' })
  status!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ description: 'Integer minor units' })
  targetAmount!: number;

  @ApiProperty({ enum: ['ALL_OR_NOTHING', 'KEEP_IT_ALL'] })
  fundingModel!: string;

  @ApiProperty({ nullable: true, type: String, description: 'When the campaign was closed; null while LIVE' })
  closedAt!: string | null;

  @ApiProperty({ type: PledgeTallyDto, description: 'CHARGED pledges' })
  charged!: PledgeTallyDto;

  @ApiProperty({ type: PledgeTallyDto, description: 'COMMITTED pledges: not charged yet' })
  pending!: PledgeTallyDto;

  @ApiProperty({ type: PledgeTallyDto, description: 'PAYMENT_ACTION_REQUIRED pledges, in their fix window' })
  actionRequired!: PledgeTallyDto;

  @ApiProperty({ type: PledgeTallyDto, description: 'PAYMENT_FAILED pledges' })
  failed!: PledgeTallyDto;

  @ApiProperty({ type: PledgeTallyDto, description: 'RELEASED pledges whose charge was refunded' })
  refunded!: PledgeTallyDto;

  @ApiProperty({ type: PledgeTallyDto, description: 'RELEASED pledges never charged' })
  released!: PledgeTallyDto;

  @ApiProperty({ description: 'Kept by the platform at FUNDED; 0 before and when FAILED' })
  platformFee!: number;

  @ApiProperty({ description: "The startup's share at FUNDED (raised − fee); 0 before and when FAILED" })
  payout!: number;

  @ApiProperty({ enum: ['NONE', 'PENDING', 'AWAITING_PAYOUT_ACCOUNT', 'PAID'] })
  payoutStatus!: string;
}
