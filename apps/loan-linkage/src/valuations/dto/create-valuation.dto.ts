import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, Length, Matches, Max, Min } from 'class-validator';

export const VALUATION_METHODS = ['INCOME', 'MARKET', 'COST'] as const;

export class CreateValuationDto {
  @ApiProperty({ enum: VALUATION_METHODS })
  @IsIn(VALUATION_METHODS)
  method!: (typeof VALUATION_METHODS)[number];

  @ApiProperty({ description: 'Integer minor units of `currency`' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ description: 'The valuation counts until this time (ISO 8601)' })
  @IsISO8601({ strict: true })
  validUntil!: string;

  @ApiProperty({ description: "The appraisal report's reference" })
  @IsString()
  @Length(1, 200)
  reportRef!: string;
}
