import { MigrationInterface, QueryRunner } from 'typeorm';

/** Backers follow their pledge through settlement, so a failed payment no longer hears "funded". */
export class AddSettledBackerStatuses1764660000000 implements MigrationInterface {
  name = 'AddSettledBackerStatuses1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification_pledges
        DROP CONSTRAINT notification_pledges_status_check,
        ADD CONSTRAINT notification_pledges_status_check
          CHECK (status IN ('COMMITTED', 'CANCELLED', 'CHARGED', 'PAYMENT_FAILED', 'RELEASED'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notification_pledges WHERE status NOT IN ('COMMITTED', 'CANCELLED')`);
    await queryRunner.query(`
      ALTER TABLE notification_pledges
        DROP CONSTRAINT notification_pledges_status_check,
        ADD CONSTRAINT notification_pledges_status_check CHECK (status IN ('COMMITTED', 'CANCELLED'))`);
  }
}
