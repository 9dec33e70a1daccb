import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pledges_project_status_idx (project_id, status) answers every lookup by project that
 * pledges_project_idx (project_id) did, so the latter only cost a write on every pledge.
 */
export class DropRedundantPledgesProjectIndex1764670000000 implements MigrationInterface {
  name = 'DropRedundantPledgesProjectIndex1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX pledges_project_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX pledges_project_idx ON pledges (project_id)`);
  }
}
