import { ApiProperty } from '@nestjs/swagger';

export class CurrencyTotalsDto {
  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ description: 'Sum of all debit lines, integer minor units' })
  debits!: number;

  @ApiProperty({ description: 'Sum of all credit lines, integer minor units' })
  credits!: number;

  @ApiProperty()
  balanced!: boolean;
}

export class AccountBalanceDto {
  @ApiProperty({ example: 'escrow:0190a8c4-…' })
  account!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ description: 'Integer minor units' })
  debit!: number;

  @ApiProperty({ description: 'Integer minor units' })
  credit!: number;

  @ApiProperty({ description: 'debit − credit, integer minor units' })
  balance!: number;
}

export class TrialBalanceDto {
  @ApiProperty({ type: [CurrencyTotalsDto] })
  currencies!: CurrencyTotalsDto[];

  @ApiProperty({ description: 'Every currency balances' })
  balanced!: boolean;

  @ApiProperty({ type: [AccountBalanceDto], description: 'Sorted by account, then currency' })
  accounts!: AccountBalanceDto[];
}
