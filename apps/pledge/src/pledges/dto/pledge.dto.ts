import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PledgeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ format: 'uuid' })
  investorId!: string;

  @ApiProperty({ example: 'COMMITTED' })
  status!: string;

  @ApiProperty({ description: 'Integer minor units' })
  amount!: number;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiPropertyOptional({ description: 'EQUITY only' })
  shares?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  rewardId?: string;

  @ApiProperty()
  paymentMethod!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null: no right to cancel' })
  cancellableUntil!: string | null;

  @ApiProperty()
  committedAt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'after a material change: reconfirm (POST /v1/pledges/:id/reconfirm) before this or the pledge is cancelled; null when none is pending',
  })
  reconfirmBy!: string | null;

  @ApiPropertyOptional({ description: 'PAYMENT_ACTION_REQUIRED only: give a new payment method before this' })
  fixBy?: string;

  @ApiPropertyOptional({ example: 'insufficient_funds', description: 'PAYMENT_ACTION_REQUIRED or PAYMENT_FAILED: why' })
  declineCode?: string;
}

export class PledgePageDto {
  @ApiProperty({ type: [PledgeDto] })
  items!: PledgeDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class CancelledPledgeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CANCELLED' })
  status!: 'CANCELLED';
}
