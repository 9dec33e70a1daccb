import { ApiProperty } from '@nestjs/swagger';
import { MATERIAL_TERMS, MaterialTerm } from '@crowdlink/contracts';
import { ProjectAmendment } from '../project-amendment.entity';

export class TermChangeDto {
  @ApiProperty({ enum: MATERIAL_TERMS }) term!: MaterialTerm;
  @ApiProperty({ nullable: true, description: 'minor units, or an ISO 8601 time for closesAt' }) from!:
    number | string | null;
  @ApiProperty({ description: 'minor units, or an ISO 8601 time for closesAt' }) to!: number | string;
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [TermChangeDto] }) changes!: TermChangeDto[];
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the project version the amendment made' }) projectVersion!: number;
  @ApiProperty({ format: 'date-time' }) amendedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'until when committed investors may reconfirm' })
  reconfirmBy!: string;

  static of(amendment: ProjectAmendment): AmendmentDto {
    return {
      id: amendment.id,
      changes: amendment.changes,
      reason: amendment.reason,
      projectVersion: amendment.projectVersion,
      amendedAt: amendment.amendedAt.toISOString(),
      reconfirmBy: amendment.reconfirmBy.toISOString(),
    };
  }
}
