import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risk-compensation pools (风险补偿资金池). `enrolled_principal` is the principal of the
 * active loans enrolled in the pool, kept by conditional UPDATEs so the leverage limit holds
 * under concurrent offers; the CHECKs are the last line of defence.
 */
export class CreateRiskPools1764600100000 implements MigrationInterface {
  name = 'CreateRiskPools1764600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_pools (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        sponsor text NOT NULL,
        currency char(3) NOT NULL,
        balance bigint NOT NULL CHECK (balance >= 0),
        coverage_bps integer NOT NULL CHECK (coverage_bps BETWEEN 1 AND 10000),
        per_loan_cap bigint NOT NULL CHECK (per_loan_cap > 0),
        per_borrower_cap bigint CHECK (per_borrower_cap > 0),
        per_year_cap bigint CHECK (per_year_cap > 0),
        leverage_multiple integer NOT NULL CHECK (leverage_multiple > 0),
        enrolled_principal bigint NOT NULL DEFAULT 0 CHECK (enrolled_principal >= 0),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE risk_pool_parties (
        risk_pool_id uuid NOT NULL REFERENCES risk_pools (id),
        party text NOT NULL,
        role text NOT NULL CHECK (role IN ('POOL', 'BANK', 'INSURER', 'APPRAISER', 'OTHER')),
        share_bps integer NOT NULL CHECK (share_bps BETWEEN 0 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (risk_pool_id, party)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_pool_parties`);
    await queryRunner.query(`DROP TABLE risk_pools`);
  }
}
