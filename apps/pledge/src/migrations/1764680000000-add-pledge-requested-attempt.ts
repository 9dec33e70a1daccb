import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempt whose charge was last sent to the payment provider, written before the call.
 * An investor may cancel while that charge is in flight; if the process then dies before the
 * provider's answer is applied, the cancelled pledge no longer says that money may have been
 * taken. This column does, so the charge job's retry asks the provider again (same key) and
 * gives the money back.
 */
export class AddPledgeRequestedAttempt1764680000000 implements MigrationInterface {
  name = 'AddPledgeRequestedAttempt1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE pledges ADD COLUMN requested_attempt integer
         CONSTRAINT pledges_requested_attempt_check CHECK (requested_attempt <= charge_attempt)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pledges DROP COLUMN requested_attempt`);
  }
}
