import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class WarrantDto {
  @ApiProperty({ description: 'Percent of the company the option covers, at most 2 decimals (2.5 = 2.5%)' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  equityPercent!: number;

  @ApiPropertyOptional({ description: "The bank's designated party holding the option (the cap table shows it)" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  holder?: string;
}

export class CreateLoanOfferDto {
  @ApiProperty({ format: 'uuid', description: 'The project whose equity round the loan follows' })
  @IsUUID()
  projectId!: string;

  @ApiProperty({ type: [String], description: 'IP assets declared with the project, pledged as collateral' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ipAssetIds!: string[];

  @ApiProperty({ description: 'Integer minor units of `currency`' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  principal!: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ description: 'Yearly interest rate, basis points' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  annualRateBps!: number;

  @ApiProperty({ description: 'Months of equal instalments; at most LOAN_MAX_TERM_MONTHS (36)' })
  @IsInt()
  @Min(1)
  termMonths!: number;

  @ApiProperty({ description: 'The round must raise at least this much (minor units) for the loan to be paid out' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minEquityRaised!: number;

  @ApiPropertyOptional({ type: WarrantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WarrantDto)
  warrant?: WarrantDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Enrol the loan in this risk-compensation pool' })
  @IsOptional()
  @IsUUID()
  riskPoolId?: string;
}
