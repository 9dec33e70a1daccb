import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ComplaintEvent } from '../complaint-event.entity';
import { Complaint, COMPLAINT_STATUSES, ComplaintStatus } from '../complaint.entity';

export class ComplaintEventDto {
  @ApiProperty() action!: string;
  @ApiProperty({ format: 'uuid' }) by!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) investorId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: ComplaintStatus;
  @ApiProperty({ nullable: true, type: String }) resolution!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiPropertyOptional({ type: [ComplaintEventDto] }) history?: ComplaintEventDto[];

  static of(complaint: Complaint, history?: ComplaintEvent[]): ComplaintDto {
    return {
      id: complaint.id,
      projectId: complaint.projectId,
      investorId: complaint.investorId,
      subject: complaint.subject,
      body: complaint.body,
      status: complaint.status,
      resolution: complaint.resolution,
      createdAt: complaint.createdAt.toISOString(),
      resolvedAt: complaint.resolvedAt?.toISOString() ?? null,
      ...(history && {
        history: history.map((event) => ({
          action: event.action,
          by: event.actorId,
          notes: event.notes,
          at: event.createdAt.toISOString(),
        })),
      }),
    };
  }
}
