import { ApiProperty } from '@nestjs/swagger';

/** A discoverable investor as a founder sees them: never a financial figure of theirs. */
export class InvestorMatchDto {
  @ApiProperty({ format: 'uuid' }) investorId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: '0–100, integer' }) score!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class ProjectMatchesDto {
  @ApiProperty({ type: [InvestorMatchDto] }) items!: InvestorMatchDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
