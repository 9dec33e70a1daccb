import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The investor's profile (finances, preferences), KYC decisions, the EU entry test, loss
 * simulation and sophistication requests, and the projection of pledges that the limits
 * count. Money is bigint minor units of the profile's currency.
 */
export class AddInvestorProfileDetails1764210000000 implements MigrationInterface {
  name = 'AddInvestorProfileDetails1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE investor_profiles
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN type text CHECK (type IN ('INDIVIDUAL', 'INSTITUTION')),
        ADD COLUMN country char(2),
        ADD COLUMN currency char(3),
        ADD COLUMN annual_income bigint CHECK (annual_income >= 0),
        ADD COLUMN net_worth bigint CHECK (net_worth >= 0),
        ADD COLUMN financial_assets bigint CHECK (financial_assets >= 0),
        ADD COLUMN average_annual_income_three_years bigint CHECK (average_annual_income_three_years >= 0),
        ADD COLUMN self_certified_accredited boolean NOT NULL DEFAULT false,
        ADD COLUMN preferences jsonb,
        ADD COLUMN discoverable boolean NOT NULL DEFAULT false,
        ADD COLUMN submitted_at timestamptz,
        ADD COLUMN knowledge_test_passed_at timestamptz,
        ADD COLUMN knowledge_test_passed_until timestamptz,
        ADD COLUMN loss_simulation_acknowledged_at timestamptz,
        ADD COLUMN sophisticated_status text NOT NULL DEFAULT 'NONE'
          CHECK (sophisticated_status IN ('NONE', 'REQUESTED', 'APPROVED', 'REJECTED'))`);
    await queryRunner.query(`
      CREATE TABLE kyc_decisions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES investor_profiles (user_id),
        actor_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('submit', 'verify', 'reject')),
        from_status text NOT NULL,
        to_status text NOT NULL,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX kyc_decisions_user_idx ON kyc_decisions (user_id, id)`);
    await queryRunner.query(`
      CREATE TABLE knowledge_test_attempts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES investor_profiles (user_id),
        correct integer NOT NULL CHECK (correct >= 0),
        questions integer NOT NULL CHECK (questions > 0 AND correct <= questions),
        passed boolean NOT NULL,
        answers jsonb NOT NULL,
        taken_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX knowledge_test_attempts_user_idx ON knowledge_test_attempts (user_id, id)`);
    await queryRunner.query(`
      CREATE TABLE sophistication_requests (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES investor_profiles (user_id),
        criteria jsonb NOT NULL,
        evidence jsonb NOT NULL,
        meets_criteria boolean,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED')),
        requested_at timestamptz NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one open request per investor at a time
    await queryRunner.query(
      `CREATE UNIQUE INDEX sophistication_requests_open_idx ON sophistication_requests (user_id) WHERE status = 'REQUESTED'`,
    );
    // No foreign key to investor_profiles: a pledge event may arrive before user.registered.
    await queryRunner.query(`
      CREATE TABLE investor_pledges (
        pledge_id uuid PRIMARY KEY,
        investor_id uuid NOT NULL,
        project_id uuid NOT NULL,
        jurisdiction text NOT NULL CHECK (jurisdiction IN ('CN', 'US', 'EU')),
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        status text NOT NULL,
        pledge_version integer NOT NULL CHECK (pledge_version > 0),
        committed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX investor_pledges_investor_idx ON investor_pledges (investor_id, jurisdiction, committed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE investor_pledges`);
    await queryRunner.query(`DROP TABLE sophistication_requests`);
    await queryRunner.query(`DROP TABLE knowledge_test_attempts`);
    await queryRunner.query(`DROP TABLE kyc_decisions`);
    await queryRunner.query(`
      ALTER TABLE investor_profiles
        DROP COLUMN version, DROP COLUMN type, DROP COLUMN country, DROP COLUMN currency,
        DROP COLUMN annual_income, DROP COLUMN net_worth, DROP COLUMN financial_assets,
        DROP COLUMN average_annual_income_three_years, DROP COLUMN self_certified_accredited,
        DROP COLUMN preferences, DROP COLUMN discoverable, DROP COLUMN submitted_at,
        DROP COLUMN knowledge_test_passed_at, DROP COLUMN knowledge_test_passed_until,
        DROP COLUMN loss_simulation_acknowledged_at, DROP COLUMN sophisticated_status`);
  }
}
