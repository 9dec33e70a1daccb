import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who did what, when: every bank, appraiser and admin action on money or collateral (append-only). */
export class CreateAuditLog1764600400000 implements MigrationInterface {
  name = 'CreateAuditLog1764600400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        organization_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
