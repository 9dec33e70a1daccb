import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Material changes to LIVE projects (17 CFR 227.304(c)): what changed, from what to what, why
 * and by whom. A row is never updated: the amendments of a project are its record of changes.
 */
export class CreateProjectAmendments1764220000000 implements MigrationInterface {
  name = 'CreateProjectAmendments1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_amendments (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        project_version integer NOT NULL CHECK (project_version > 0),
        actor_id uuid NOT NULL,
        changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        amended_at timestamptz NOT NULL,
        reconfirm_by timestamptz NOT NULL CHECK (reconfirm_by > amended_at),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, project_version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_amendments`);
  }
}
