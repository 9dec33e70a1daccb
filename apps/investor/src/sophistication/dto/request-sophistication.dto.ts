import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const SAFE = Number.MAX_SAFE_INTEGER;

/** ECSPR Annex II, one name per criterion (person: two of the first three; company: one of the last three). */
export const SOPHISTICATION_CRITERIA = [
  'INCOME_OR_PORTFOLIO',
  'FINANCIAL_SECTOR_EXPERIENCE',
  'TRADING_ACTIVITY',
  'OWN_FUNDS',
  'TURNOVER',
  'BALANCE_SHEET',
] as const;
export type SophisticationCriterion = (typeof SOPHISTICATION_CRITERIA)[number];

/**
 * What the investor states in support of the request. The figures are EUR minor units and
 * let the admin see at once whether Annex II is met; `description` and `documents` carry
 * the rest (references to documents the admin checks).
 */
export class SophisticationEvidenceDto {
  @ApiProperty({ enum: ['person', 'company'] })
  @IsIn(['person', 'company'])
  kind!: 'person' | 'company';

  @ApiPropertyOptional({ description: 'person: gross annual income, EUR minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  income?: number;

  @ApiPropertyOptional({ description: 'person: portfolio of cash and financial instruments, EUR minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  portfolio?: number;

  @ApiPropertyOptional({ description: 'person: years of relevant work in the financial sector' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(80)
  yearsOfFinancialSectorExperience?: number;

  @ApiPropertyOptional({ type: [Number], description: 'person: significant trades in each of the last four quarters' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(0, { each: true })
  significantTradesPerQuarterLastFourQuarters?: number[];

  @ApiPropertyOptional({ description: 'company: own funds, EUR minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  ownFunds?: number;

  @ApiPropertyOptional({ description: 'company: net turnover, EUR minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  turnover?: number;

  @ApiPropertyOptional({ description: 'company: balance sheet total, EUR minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  balanceSheetTotal?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'references to supporting documents' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  documents?: string[];
}

export class RequestSophisticationDto {
  @ApiProperty({ enum: SOPHISTICATION_CRITERIA, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SOPHISTICATION_CRITERIA, { each: true })
  criteria!: SophisticationCriterion[];

  @ApiProperty({ type: SophisticationEvidenceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SophisticationEvidenceDto)
  evidence!: SophisticationEvidenceDto;
}
