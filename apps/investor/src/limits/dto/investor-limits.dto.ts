import { ApiProperty } from '@nestjs/swagger';
import { InvestorLimit } from '../investor-limit';

export class LimitReasonDto {
  @ApiProperty({
    enum: [
      'ACCREDITED_INVESTOR',
      'NO_LIMIT_IN_JURISDICTION',
      'FINANCIALS_MISSING',
      'CURRENCY_MISMATCH',
      'PLEDGES_IN_OTHER_CURRENCY',
    ],
    description:
      'ACCREDITED_INVESTOR and NO_LIMIT_IN_JURISDICTION: the law sets no limit. FINANCIALS_MISSING and CURRENCY_MISMATCH: the limit cannot be worked out from the profile (not "no limit"). PLEDGES_IN_OTHER_CURRENCY: the remainder cannot be worked out.',
  })
  code!: string;

  @ApiProperty() message!: string;
}

export class InvestorLimitDto {
  @ApiProperty({ enum: ['US', 'EU', 'CN'] }) jurisdiction!: string;
  @ApiProperty({ description: "the currency the jurisdiction's law states amounts in" }) currency!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'minor units; null = none (see reason)' })
  limit!: number | null;
  @ApiProperty({ description: 'committed and charged pledges of the last 12 months, minor units' })
  usedLast12Months!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'minor units; null when limit is null' })
  remaining!: number | null;
  @ApiProperty({
    type: LimitReasonDto,
    nullable: true,
    description: 'addition to api.md: why limit or remaining is null',
  })
  reason!: LimitReasonDto | null;

  static of(item: InvestorLimit): InvestorLimitDto {
    return {
      jurisdiction: item.jurisdiction,
      currency: item.currency,
      limit: item.limit?.toJSON().amount ?? null,
      usedLast12Months: item.usedLast12Months.toJSON().amount,
      remaining: item.remaining?.toJSON().amount ?? null,
      reason: item.reason,
    };
  }
}

export class InvestorLimitsDto {
  @ApiProperty({ type: [InvestorLimitDto] }) items!: InvestorLimitDto[];
}
