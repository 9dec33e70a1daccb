import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const LOSS_SHARING_ROLES = ['POOL', 'BANK', 'INSURER', 'APPRAISER', 'OTHER'] as const;

/** One party's share of a loss (Zhongshan: fund 54 / bank 26 / insurer 16 / appraiser 4). */
export class LossSharingPartyDto {
  @ApiProperty({ example: 'Zhongshan risk fund' })
  @IsString()
  @Length(1, 200)
  party!: string;

  @ApiProperty({ enum: LOSS_SHARING_ROLES, description: 'POOL is the pool itself: its share is coverageBps' })
  @IsIn(LOSS_SHARING_ROLES)
  role!: (typeof LOSS_SHARING_ROLES)[number];

  @ApiProperty({ description: 'Basis points; all parties sum to 10 000' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  shareBps!: number;
}

const MONEY = { min: 1, max: Number.MAX_SAFE_INTEGER };

export class CreateRiskPoolDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'Who funds the pool' })
  @IsString()
  @Length(1, 200)
  sponsor!: string;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ description: 'The fund paid in, minor units' })
  @IsInt()
  @Min(MONEY.min)
  @Max(MONEY.max)
  balance!: number;

  @ApiProperty({ description: "The pool's share of a loss, basis points" })
  @IsInt()
  @Min(1)
  @Max(10_000)
  coverageBps!: number;

  @ApiProperty({ description: 'Most paid on one loan, minor units' })
  @IsInt()
  @Min(MONEY.min)
  @Max(MONEY.max)
  perLoanCap!: number;

  @ApiPropertyOptional({ description: 'Most paid on loans to one borrower (company), minor units' })
  @IsOptional()
  @IsInt()
  @Min(MONEY.min)
  @Max(MONEY.max)
  perBorrowerCap?: number;

  @ApiPropertyOptional({ description: 'Most paid in one calendar year (UTC), minor units' })
  @IsOptional()
  @IsInt()
  @Min(MONEY.min)
  @Max(MONEY.max)
  perYearCap?: number;

  @ApiPropertyOptional({ default: 10, description: 'Enrolled principal may reach this multiple of the balance' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  leverageMultiple?: number;

  @ApiPropertyOptional({
    type: [LossSharingPartyDto],
    description:
      'Every party sharing a loss, shares summing to 10 000, one POOL party with coverageBps; ' +
      'default: the pool (coverageBps) and the bank (the rest)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LossSharingPartyDto)
  parties?: LossSharingPartyDto[];
}

export class RiskPoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sponsor!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() balance!: number;
  @ApiProperty() coverageBps!: number;
  @ApiProperty() perLoanCap!: number;
  @ApiProperty({ nullable: true }) perBorrowerCap!: number | null;
  @ApiProperty({ nullable: true }) perYearCap!: number | null;
  @ApiProperty() leverageMultiple!: number;
  @ApiProperty() enrolledPrincipal!: number;
  @ApiProperty({ type: [LossSharingPartyDto] }) parties!: LossSharingPartyDto[];
}

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) loanId!: string;
  @ApiProperty({ format: 'uuid' }) riskPoolId!: string;
  @ApiProperty({ description: 'Principal not repaid when the loan defaulted' }) unrecoveredPrincipal!: number;
  @ApiProperty({ description: 'What the pool paid: its share, within its caps and balance' }) compensation!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() loanStatus!: string;
}
