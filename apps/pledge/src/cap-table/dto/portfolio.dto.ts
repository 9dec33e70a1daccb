import { ApiProperty } from '@nestjs/swagger';

export class PortfolioHoldingDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ nullable: true, type: String })
  projectTitle!: string | null;

  @ApiProperty()
  shares!: number;

  @ApiProperty()
  shareClass!: string;

  @ApiProperty({ description: 'Integer minor units' })
  amountInvested!: number;

  @ApiProperty({ example: 'USD' })
  currency!: string;
}

export class PortfolioPageDto {
  @ApiProperty({ type: [PortfolioHoldingDto] })
  items!: PortfolioHoldingDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
