import { ApiProperty } from '@nestjs/swagger';
import { VentureDebtRatioDto } from '../../loans/dto/loan.dto';

export class BankProjectSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sector!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() region!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() closesAt!: string;
}

/** The round's aggregates only: never who pledged. */
export class RoundFundingDto {
  @ApiProperty() target!: number;
  @ApiProperty() raised!: number;
  @ApiProperty() pledgeCount!: number;
  @ApiProperty() percentOfTarget!: number;
  @ApiProperty() daysLeft!: number;
  @ApiProperty({ enum: ['APPROVED', 'LIVE'] }) status!: string;
}

export class BankCollateralDto {
  @ApiProperty() ipAsset!: { id: string; type: string; registryNumber: string; title: string; owner: string };
  @ApiProperty() valuation!: {
    id: string;
    method: string;
    value: number;
    currency: string;
    validUntil: string;
    reportRef: string;
    valuedAt: string;
  };
  @ApiProperty() ltvBps!: number;
  @ApiProperty() maxLoan!: number;
}

export class BankProjectDto {
  @ApiProperty({ type: BankProjectSummaryDto }) project!: BankProjectSummaryDto;
  @ApiProperty({ type: RoundFundingDto }) funding!: RoundFundingDto;
  @ApiProperty({ type: [BankCollateralDto] }) collateral!: BankCollateralDto[];
  @ApiProperty({ description: 'Σ maxLoan over the collateral' }) maxLoan!: number;
  @ApiProperty({ type: VentureDebtRatioDto, description: 'maxLoan against the round target' })
  ventureDebt!: VentureDebtRatioDto;
}

export class BankProjectPageDto {
  @ApiProperty({ type: [BankProjectDto] }) items!: BankProjectDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
