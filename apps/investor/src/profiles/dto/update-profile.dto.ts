import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INVESTOR_TYPES, InvestorType } from '../../investors/investor-profile.entity';

const SAFE = Number.MAX_SAFE_INTEGER;
export const PROJECT_KINDS = ['EQUITY', 'REWARD', 'DONATION'] as const;
export const PROJECT_STAGES = ['IDEA', 'SEED', 'EARLY', 'GROWTH'] as const;

export class PreferencesDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  sectors!: string[];

  @ApiProperty({ enum: PROJECT_STAGES, isArray: true })
  @IsArray()
  @IsIn(PROJECT_STAGES, { each: true })
  stages!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  regions!: string[];

  @ApiProperty({ enum: PROJECT_KINDS, isArray: true })
  @IsArray()
  @IsIn(PROJECT_KINDS, { each: true })
  kinds!: string[];

  @ApiProperty({ description: 'minor units of the profile currency; ≤ ticketMax' })
  @IsInt()
  @Min(0)
  @Max(SAFE)
  ticketMin!: number;

  @ApiProperty({ description: 'minor units of the profile currency' })
  @IsInt()
  @Min(1)
  @Max(SAFE)
  ticketMax!: number;
}

/** The whole profile (api.md PUT /v1/investors/me); every money figure is in `currency`. */
export class UpdateProfileDto {
  @ApiProperty({ enum: INVESTOR_TYPES })
  @IsIn(INVESTOR_TYPES)
  type!: InvestorType;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2, capitals', example: 'DE' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals' })
  country!: string;

  @ApiProperty({ description: 'ISO 4217, capitals: the currency of every money figure here', example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ description: 'minor units of currency' })
  @IsInt()
  @Min(0)
  @Max(SAFE)
  annualIncome!: number;

  @ApiProperty({ description: 'minor units of currency' })
  @IsInt()
  @Min(0)
  @Max(SAFE)
  netWorth!: number;

  @ApiProperty({ description: 'US: accredited investor (Rule 501), self-certified' })
  @IsBoolean()
  selfCertifiedAccredited!: boolean;

  @ApiProperty({ type: PreferencesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences!: PreferencesDto;

  @ApiProperty({ description: 'whether founders may find this investor through matching' })
  @IsBoolean()
  discoverable!: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description:
      'Addition to api.md. CN qualified-investor test: financial assets, minor units of currency (CNY counts). Left out: unchanged; null: cleared.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  financialAssets?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description:
      'Addition to api.md. CN qualified-investor test: average annual income over three years, minor units of currency (CNY counts). Left out: unchanged; null: cleared.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SAFE)
  averageAnnualIncomeThreeYears?: number | null;

  @ApiPropertyOptional({
    description:
      'Addition to api.md. The profile version the change is based on; 409 INVESTOR_PROFILE_MODIFIED if stale',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
