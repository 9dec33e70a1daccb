import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledges and the counters that keep the campaign's hard cap, the CN investor count and each
 * investor's 12-month limit under any concurrency. The counters sit on rows that every pledge
 * of the same campaign (or investor) updates conditionally; the CHECKs are the last line of
 * defence should a code path ever forget the condition.
 */
export class CreatePledges1764400000000 implements MigrationInterface {
  name = 'CreatePledges1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE campaigns
        ADD COLUMN committed_amount bigint NOT NULL DEFAULT 0,
        ADD COLUMN pledge_count integer NOT NULL DEFAULT 0,
        ADD COLUMN investor_count integer NOT NULL DEFAULT 0,
        ADD COLUMN max_investors integer,
        ADD COLUMN progress_version integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT campaigns_committed_within_cap CHECK (committed_amount >= 0 AND committed_amount <= max_amount),
        ADD CONSTRAINT campaigns_pledge_count_non_negative CHECK (pledge_count >= 0),
        ADD CONSTRAINT campaigns_investor_count_within_limit
          CHECK (investor_count >= 0 AND (max_investors IS NULL OR investor_count <= max_investors))`);
    await queryRunner.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES campaigns (project_id),
        investor_id uuid NOT NULL,
        status text NOT NULL,
        jurisdiction text NOT NULL,
        kind text NOT NULL,
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        shares bigint CHECK (shares > 0),
        reward_id uuid,
        payment_method text NOT NULL,
        risk_acknowledged boolean NOT NULL,
        cancellable_until timestamptz,
        committed_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX pledges_investor_idx ON pledges (investor_id, id)`);
    await queryRunner.query(
      `CREATE INDEX pledges_investor_window_idx ON pledges (investor_id, jurisdiction, committed_at)`,
    );
    await queryRunner.query(`CREATE INDEX pledges_project_idx ON pledges (project_id)`);
    await queryRunner.query(`
      CREATE TABLE campaign_investors (
        project_id uuid NOT NULL REFERENCES campaigns (project_id),
        investor_id uuid NOT NULL,
        first_pledged_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, investor_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE investor_usage (
        investor_id uuid NOT NULL,
        jurisdiction text NOT NULL,
        currency char(3) NOT NULL,
        used_last_12_months bigint NOT NULL DEFAULT 0,
        limit_amount bigint,
        version integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (investor_id, jurisdiction),
        CONSTRAINT investor_usage_within_limit
          CHECK (used_last_12_months >= 0 AND (limit_amount IS NULL OR used_last_12_months <= limit_amount))
      )`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        investor_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash char(64) NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (investor_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TABLE investor_usage`);
    await queryRunner.query(`DROP TABLE campaign_investors`);
    await queryRunner.query(`DROP TABLE pledges`);
    await queryRunner.query(`
      ALTER TABLE campaigns
        DROP CONSTRAINT campaigns_investor_count_within_limit,
        DROP CONSTRAINT campaigns_pledge_count_non_negative,
        DROP CONSTRAINT campaigns_committed_within_cap,
        DROP COLUMN progress_version, DROP COLUMN max_investors, DROP COLUMN investor_count,
        DROP COLUMN pledge_count, DROP COLUMN committed_amount`);
  }
}
