import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class CreateRepaymentDto {
  @ApiProperty({ description: 'Integer minor units of the loan currency' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;
}

export class RepaymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) loanId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() principalPart!: number;
  @ApiProperty() interestPart!: number;
  @ApiProperty({ description: 'The loan after the repayment (REPAID once nothing is owed)' }) loanStatus!: string;
  @ApiProperty({ description: 'What is still owed, principal and interest' }) outstanding!: number;
}
