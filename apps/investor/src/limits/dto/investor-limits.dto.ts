import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@crowdlink/domain';
import { InvestorLimit } from '../investor-limit';
import { PledgeConditions } from '../pledge-conditions';

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

/** Addition to api.md: what the jurisdiction asks of a pledge besides a limit. */
export class PledgeConditionsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description:
      'EU: a pledge above this (minor units) needs riskAcknowledged: true — the higher of €1,000 or 5% of net worth; null for a sophisticated investor or without a net worth in EUR',
  })
  riskAcknowledgementAbove?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'CN: a qualified investor by financial assets or average income; null without those figures in CNY',
  })
  qualifiedInvestor?: boolean | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'CN: a single equity pledge of at least this qualifies on its own',
  })
  qualifyingSinglePledge?: number;

  static of(conditions: PledgeConditions): PledgeConditionsDto {
    const amount = (money: Money | null | undefined) =>
      money === undefined ? undefined : (money?.toJSON().amount ?? null);
    return Object.fromEntries(
      Object.entries({
        riskAcknowledgementAbove: amount(conditions.riskAcknowledgementAbove),
        qualifiedInvestor: conditions.qualifiedInvestor,
        qualifyingSinglePledge: amount(conditions.qualifyingSinglePledge),
      }).filter(([, value]) => value !== undefined),
    );
  }
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

  @ApiProperty({ type: PledgeConditionsDto })
  conditions!: PledgeConditionsDto;

  static of(item: InvestorLimit & { conditions: PledgeConditions }): InvestorLimitDto {
    return {
      jurisdiction: item.jurisdiction,
      currency: item.currency,
      limit: item.limit?.toJSON().amount ?? null,
      usedLast12Months: item.usedLast12Months.toJSON().amount,
      remaining: item.remaining?.toJSON().amount ?? null,
      reason: item.reason,
      conditions: PledgeConditionsDto.of(item.conditions),
    };
  }
}

export class InvestorLimitsDto {
  @ApiProperty({ type: [InvestorLimitDto] }) items!: InvestorLimitDto[];
}
