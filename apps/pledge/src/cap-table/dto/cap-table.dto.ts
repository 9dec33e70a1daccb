import { ApiProperty } from '@nestjs/swagger';

export class CapTableHolderDto {
  @ApiProperty({ format: 'uuid' })
  investorId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null: the pledge service holds no investor names' })
  displayName!: string | null;

  @ApiProperty()
  shares!: number;

  @ApiProperty({ description: 'What the investor paid, integer minor units' })
  amount!: number;
}

export class CapTableOptionDto {
  @ApiProperty({ description: 'Who holds the option (the bank’s organisation)' })
  holder!: string;

  @ApiProperty({ example: 2.5, description: 'Derived from integer basis points: equityBps / 100' })
  equityPercent!: number;

  @ApiProperty({ example: 'WARRANT' })
  source!: 'WARRANT';

  @ApiProperty({ format: 'uuid' })
  loanId!: string;
}

export class CapTableDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null: not an equity campaign' })
  shareClass!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Integer minor units; null: not an equity campaign' })
  pricePerShare!: number | null;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ type: [CapTableHolderDto], description: 'Empty until the campaign is funded' })
  holders!: CapTableHolderDto[];

  @ApiProperty({ type: [CapTableOptionDto] })
  options!: CapTableOptionDto[];

  @ApiProperty({ description: 'Shares issued to the holders' })
  totalShares!: number;

  @ApiProperty({ description: 'What the holders paid for their shares, integer minor units' })
  raised!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'From the campaign’s terms, integer minor units' })
  preMoneyValuation!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'preMoneyValuation + raised, integer minor units' })
  postMoneyValuation!: number | null;
}
