import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsString, Length, ValidateNested } from 'class-validator';
import { IsMinorUnits } from '../../shared/money.validators';
import { IsOmittable } from '../../shared/optional.validators';

export class AmendEquityTermsDto {
  @ApiPropertyOptional({ description: 'minor units per share' })
  @IsOmittable()
  @IsMinorUnits()
  pricePerShare?: number;

  @ApiPropertyOptional({ description: 'minor units' })
  @IsOmittable()
  @IsMinorUnits()
  preMoneyValuation?: number;
}

/** A material change to a LIVE offering: at least one term must change; every creation rule still holds. */
export class AmendProjectDto {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  closesAt?: string;

  @ApiPropertyOptional({ description: 'minor units' })
  @IsOmittable()
  @IsMinorUnits()
  targetAmount?: number;

  @ApiPropertyOptional({ type: AmendEquityTermsDto, description: 'EQUITY projects only' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => AmendEquityTermsDto)
  equity?: AmendEquityTermsDto;

  @ApiProperty({ description: 'what investors are told the change is for' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}
