import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconfirmation after a material change to a live campaign (17 CFR 227.304(c)): a COMMITTED
 * pledge with `reconfirm_by` set awaits its investor's reconfirmation, and is cancelled once
 * that time passes. `reconfirm_project_version` is the project version of the latest
 * amendment the pledge was asked about, so a late copy of an older amendment asks nothing.
 * The partial index serves the deadline sweep.
 */
export class AddReconfirmation1764630000000 implements MigrationInterface {
  name = 'AddReconfirmation1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE pledges
        ADD COLUMN reconfirm_by timestamptz,
        ADD COLUMN reconfirm_project_version integer,
        ADD COLUMN reconfirmed_at timestamptz,
        ADD CONSTRAINT pledges_reconfirm_has_version
          CHECK (reconfirm_by IS NULL OR reconfirm_project_version IS NOT NULL)`);
    await queryRunner.query(
      `CREATE INDEX pledges_reconfirm_due_idx ON pledges (reconfirm_by)
        WHERE status = 'COMMITTED' AND reconfirm_by IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX pledges_reconfirm_due_idx`);
    await queryRunner.query(`
      ALTER TABLE pledges
        DROP CONSTRAINT pledges_reconfirm_has_version,
        DROP COLUMN reconfirmed_at, DROP COLUMN reconfirm_project_version, DROP COLUMN reconfirm_by`);
  }
}
