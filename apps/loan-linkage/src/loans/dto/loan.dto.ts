import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VentureDebtRatioDto {
  @ApiProperty({ description: 'The loan as basis points of the round target' }) roundRatioBps!: number;
  @ApiProperty({ description: 'Venture-debt practice: 2000–4000 bps (20–40%)' }) practiceMinBps!: number;
  @ApiProperty() practiceMaxBps!: number;
  @ApiProperty() withinPractice!: boolean;
}

export class LoanOfferCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OFFERED' }) status!: string;
  @ApiProperty() principal!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Σ valuation × LTV over the collateral' }) maxLoan!: number;
  @ApiProperty({ type: VentureDebtRatioDto }) ventureDebt!: VentureDebtRatioDto;
}

export class LoanStatusDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() status!: string;
}

export class CollateralRegisteredDto extends LoanStatusDto {
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() registeredAt!: string;
}

export class InstalmentDto {
  @ApiProperty() seq!: number;
  @ApiProperty() dueAt!: string;
  @ApiProperty() principal!: number;
  @ApiProperty() interest!: number;
  @ApiProperty() amount!: number;
  @ApiProperty() paid!: number;
  @ApiProperty({ enum: ['PAID', 'DUE', 'OVERDUE'] }) status!: 'PAID' | 'DUE' | 'OVERDUE';
}

export class LoanCollateralDto {
  @ApiProperty({ format: 'uuid' }) ipAssetId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() registryNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) valuationId!: string;
  @ApiProperty() ltvBps!: number;
  @ApiProperty() maxLoan!: number;
  @ApiProperty() released!: boolean;
}

export class LoanTransitionDto {
  @ApiProperty({ nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() at!: string;
}

export class LoanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() principal!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() annualRateBps!: number;
  @ApiProperty() termMonths!: number;
  @ApiProperty() minEquityRaised!: number;
  @ApiPropertyOptional({ nullable: true }) warrant!: { equityBps: number; holder: string } | null;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) riskPoolId!: string | null;
  @ApiPropertyOptional({ nullable: true })
  registration!: { registrationNumber: string; registeredAt: string } | null;
  @ApiPropertyOptional({ nullable: true }) disbursedAt!: string | null;
  @ApiProperty({ description: 'Principal not yet repaid' }) outstandingPrincipal!: number;
  @ApiProperty({ type: VentureDebtRatioDto }) ventureDebt!: VentureDebtRatioDto;
  @ApiProperty({ type: [InstalmentDto] }) schedule!: InstalmentDto[];
  @ApiProperty({ type: [LoanCollateralDto] }) collateral!: LoanCollateralDto[];
  @ApiProperty({ type: [LoanTransitionDto] }) history!: LoanTransitionDto[];
}

export class LoanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() principal!: number;
  @ApiProperty() currency!: string;
}

export class LoanSummaryPageDto {
  @ApiProperty({ type: [LoanSummaryDto] }) items!: LoanSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
