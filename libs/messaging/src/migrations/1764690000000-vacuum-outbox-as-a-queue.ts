import { MigrationInterface, QueryRunner } from 'typeorm';

const AFTER_CHANGED_ROWS = 10_000;

/**
 * The outbox is a queue: each row the relay marks sent leaves a dead entry in
 * outbox_pending_idx, which every claim walks past until VACUUM removes it. PostgreSQL's
 * default waits until dead rows pass a fifth of the table, and the table keeps a week of sent
 * events, so that would be days of traffic; instead, vacuum (and analyze) it after a fixed
 * number of changed rows, whatever its size.
 */
export class VacuumOutboxAsAQueue1764690000000 implements MigrationInterface {
  name = 'VacuumOutboxAsAQueue1764690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox SET (
        autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = ${AFTER_CHANGED_ROWS},
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = ${AFTER_CHANGED_ROWS})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox RESET (
        autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
        autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)`);
  }
}
