import { ApiProperty } from '@nestjs/swagger';

export class ValuationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ipAssetId!: string;
  @ApiProperty({ enum: ['INCOME', 'MARKET', 'COST'] }) method!: string;
  @ApiProperty() value!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() validUntil!: string;
  @ApiProperty() reportRef!: string;
  @ApiProperty() valuedAt!: string;
  @ApiProperty({ format: 'uuid' }) appraiserId!: string;
}

export class IpAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() registryNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty() owner!: string;
  @ApiProperty({ enum: ['FREE', 'ENCUMBERED'], description: 'ENCUMBERED while an active loan (or offer) holds it' })
  lienStatus!: 'FREE' | 'ENCUMBERED';
  @ApiProperty({ type: ValuationDto, nullable: true, description: 'The newest valuation, while valid' })
  currentValuation!: ValuationDto | null;
  @ApiProperty({ type: [ValuationDto], description: 'Every valuation, newest first' })
  valuations!: ValuationDto[];
}
