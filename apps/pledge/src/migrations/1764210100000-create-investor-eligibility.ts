import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pledge service's copy of what each investor may pledge, fed by the investor service's
 * investor.eligibility-changed events, so pledges are decided without asking it.
 */
export class CreateInvestorEligibility1764210100000 implements MigrationInterface {
  name = 'CreateInvestorEligibility1764210100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE investor_eligibility (
        user_id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        kyc_status text NOT NULL,
        accredited boolean NOT NULL,
        currency char(3),
        annual_income bigint CHECK (annual_income >= 0),
        net_worth bigint CHECK (net_worth >= 0),
        financial_assets bigint CHECK (financial_assets >= 0),
        average_annual_income_three_years bigint CHECK (average_annual_income_three_years >= 0),
        knowledge_test_passed_until timestamptz,
        sophisticated boolean NOT NULL,
        loss_simulation_acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE investor_eligibility`);
  }
}
