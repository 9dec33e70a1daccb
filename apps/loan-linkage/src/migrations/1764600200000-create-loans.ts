import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linked loans, their collateral, their state-machine history, their repayment schedules and
 * the pools' claims. "An IP asset backs at most one active loan" (domain-rules.md §3) is the
 * unique partial index on loan_collateral: concurrent offers on one asset cannot both commit.
 * "A claim pays once" is the unique index on claims (loan_id).
 */
export class CreateLoans1764600200000 implements MigrationInterface {
  name = 'CreateLoans1764600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE loans (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES equity_rounds (project_id),
        company_id uuid NOT NULL,
        founder_id uuid NOT NULL,
        bank_user_id uuid NOT NULL,
        bank_organization_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'DISBURSED',
                                               'REPAID', 'DEFAULTED', 'COMPENSATED', 'LAPSED')),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        principal bigint NOT NULL CHECK (principal > 0),
        currency char(3) NOT NULL,
        annual_rate_bps integer NOT NULL CHECK (annual_rate_bps BETWEEN 0 AND 10000),
        term_months integer NOT NULL CHECK (term_months > 0),
        min_equity_raised bigint NOT NULL CHECK (min_equity_raised >= 0),
        warrant_equity_bps integer CHECK (warrant_equity_bps BETWEEN 1 AND 10000),
        warrant_holder text,
        risk_pool_id uuid REFERENCES risk_pools (id),
        registration_number text,
        registered_at timestamptz,
        disbursed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'DISBURSED' OR (registration_number IS NOT NULL AND disbursed_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX loans_project_idx ON loans (project_id, status)`);
    await queryRunner.query(`CREATE INDEX loans_bank_organization_idx ON loans (bank_organization_id, id)`);
    await queryRunner.query(`
      CREATE TABLE loan_collateral (
        loan_id uuid NOT NULL REFERENCES loans (id),
        ip_asset_id uuid NOT NULL REFERENCES ip_assets (id),
        valuation_id uuid NOT NULL REFERENCES valuations (id),
        ltv_bps integer NOT NULL CHECK (ltv_bps BETWEEN 0 AND 10000),
        max_loan bigint NOT NULL CHECK (max_loan >= 0),
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (loan_id, ip_asset_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX loan_collateral_one_active_loan ON loan_collateral (ip_asset_id) WHERE released_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE loan_transitions (
        id uuid PRIMARY KEY,
        loan_id uuid NOT NULL REFERENCES loans (id),
        from_status text,
        to_status text NOT NULL,
        version integer NOT NULL,
        actor_id uuid,
        reason text NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (loan_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE instalments (
        loan_id uuid NOT NULL REFERENCES loans (id),
        seq integer NOT NULL CHECK (seq > 0),
        due_at timestamptz NOT NULL,
        principal bigint NOT NULL CHECK (principal >= 0),
        interest bigint NOT NULL CHECK (interest >= 0),
        paid bigint NOT NULL DEFAULT 0,
        overdue_since timestamptz,
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (loan_id, seq),
        CHECK (paid >= 0 AND paid <= principal + interest)
      )`);
    await queryRunner.query(`CREATE INDEX instalments_unpaid_due_idx ON instalments (due_at) WHERE paid_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE repayments (
        id uuid PRIMARY KEY,
        loan_id uuid NOT NULL REFERENCES loans (id),
        amount bigint NOT NULL CHECK (amount > 0),
        principal_part bigint NOT NULL CHECK (principal_part >= 0),
        interest_part bigint NOT NULL CHECK (interest_part >= 0),
        paid_by uuid NOT NULL,
        paid_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (principal_part + interest_part = amount)
      )`);
    await queryRunner.query(`CREATE INDEX repayments_loan_idx ON repayments (loan_id)`);
    await queryRunner.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY,
        loan_id uuid NOT NULL UNIQUE REFERENCES loans (id),
        risk_pool_id uuid NOT NULL REFERENCES risk_pools (id),
        company_id uuid NOT NULL,
        claimed_by uuid NOT NULL,
        unrecovered_principal bigint NOT NULL CHECK (unrecovered_principal >= 0),
        compensation bigint NOT NULL CHECK (compensation > 0),
        claimed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX claims_pool_idx ON claims (risk_pool_id, company_id, claimed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claims`);
    await queryRunner.query(`DROP TABLE repayments`);
    await queryRunner.query(`DROP TABLE instalments`);
    await queryRunner.query(`DROP TABLE loan_transitions`);
    await queryRunner.query(`DROP TABLE loan_collateral`);
    await queryRunner.query(`DROP TABLE loans`);
  }
}
