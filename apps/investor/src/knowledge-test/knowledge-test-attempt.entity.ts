import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Every attempt at the EU entry test is kept: what was answered, the score, when. */
@Entity({ name: 'knowledge_test_attempts' })
export class KnowledgeTestAttempt {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('integer')
  correct!: number;

  @Column('integer')
  questions!: number;

  @Column('boolean')
  passed!: boolean;

  @Column('jsonb')
  answers!: string[];

  @Column('timestamptz', { name: 'taken_at' })
  takenAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
