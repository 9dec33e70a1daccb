import { ApiProperty } from '@nestjs/swagger';
import { SophisticationRequest } from '../sophistication-request.entity';
import { SOPHISTICATION_CRITERIA, SophisticationEvidenceDto } from './request-sophistication.dto';

export class SophisticationRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ['REQUESTED', 'APPROVED', 'REJECTED'] }) status!: string;
  @ApiProperty({ enum: SOPHISTICATION_CRITERIA, isArray: true }) criteria!: string[];
  @ApiProperty({ type: SophisticationEvidenceDto }) evidence!: SophisticationEvidenceDto;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'whether the structured evidence meets ECSPR Annex II (a hint; the admin decides)',
  })
  meetsCriteria!: boolean | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;

  static of(request: SophisticationRequest): SophisticationRequestViewDto {
    return {
      id: request.id,
      userId: request.userId,
      status: request.status,
      criteria: request.criteria,
      evidence: request.evidence,
      meetsCriteria: request.meetsCriteria,
      requestedAt: request.requestedAt.toISOString(),
      decidedBy: request.decidedBy,
      decidedAt: request.decidedAt?.toISOString() ?? null,
      notes: request.decisionNotes,
    };
  }
}

export class SophisticationRequestsDto {
  @ApiProperty({ type: [SophisticationRequestViewDto] }) items!: SophisticationRequestViewDto[];
}
