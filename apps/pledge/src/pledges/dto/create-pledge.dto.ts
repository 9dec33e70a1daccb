import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class CreatePledgeDto {
  @ApiProperty({ description: 'Integer minor units of the campaign currency' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  rewardId?: string;

  @ApiProperty({ description: 'A Stripe payment-method id (pm_…), saved now and charged at the close' })
  @Matches(/^pm_[A-Za-z0-9_]{1,250}$/, { message: 'paymentMethod must be a Stripe payment-method id (pm_…)' })
  paymentMethod!: string;

  @ApiPropertyOptional({ description: 'EU: the explicit risk acknowledgement above the threshold' })
  @IsOptional()
  @IsBoolean()
  riskAcknowledged?: boolean;
}
