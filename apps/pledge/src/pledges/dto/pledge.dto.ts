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
