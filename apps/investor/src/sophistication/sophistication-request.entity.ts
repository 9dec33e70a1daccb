import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SophisticationCriterion, SophisticationEvidenceDto } from './dto/request-sophistication.dto';

export type SophisticationRequestStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED';

/** An investor's request for sophisticated status (ECSPR Annex II) and the admin's decision: the history. */
@Entity({ name: 'sophistication_requests' })
export class SophisticationRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('jsonb')
  criteria!: SophisticationCriterion[];

  @Column('jsonb')
  evidence!: SophisticationEvidenceDto;

  /** meetsSophisticationCriteria on the structured evidence, as a hint for the admin. */
  @Column('boolean', { name: 'meets_criteria', nullable: true })
  meetsCriteria!: boolean | null;

  @Column('text')
  status!: SophisticationRequestStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'decision_notes', nullable: true })
  decisionNotes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
