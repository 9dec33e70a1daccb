import { MigrationInterface, QueryRunner } from 'typeorm';

/** The company's Stripe Connect account (acct_…) that a funded campaign pays out to; none until given. */
export class AddCompanyPayoutAccount1764210000000 implements MigrationInterface {
  name = 'AddCompanyPayoutAccount1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE companies
        ADD COLUMN payout_account_id text,
        ADD CONSTRAINT companies_payout_account_format CHECK (payout_account_id ~ '^acct_[A-Za-z0-9]+$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE companies DROP CONSTRAINT companies_payout_account_format, DROP COLUMN payout_account_id`,
    );
  }
}
