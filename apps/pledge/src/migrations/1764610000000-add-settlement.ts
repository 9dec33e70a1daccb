import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign's settlement: the close (LIVE → SETTLING), the charge attempts of each pledge,
 * the outcome (FUNDED | FAILED) and the payout.
 *
 * The pledge's charge attempt is what makes a retry safe: the provider key is derived from
 * (pledge, attempt), an attempt's result is applied once (`decided_attempt`), and nothing
 * else may move a pledge while an attempt is undecided (`charge_attempt <> decided_attempt`).
 *
 * The trigger keeps a settling or settled campaign's status against the project snapshots:
 * a snapshot published before the close but applied after it (a deadline amended at the last
 * minute) would otherwise put the campaign back to LIVE and reopen it to pledges. The
 * projection always raises project_version; the settlement's own updates never touch it.
 */
export class AddSettlement1764610000000 implements MigrationInterface {
  name = 'AddSettlement1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE pledges
        ADD COLUMN charge_attempt integer NOT NULL DEFAULT 0 CHECK (charge_attempt >= 0),
        ADD COLUMN decided_attempt integer CHECK (decided_attempt <= charge_attempt),
        ADD COLUMN charge_ref text,
        ADD COLUMN charged_at timestamptz,
        ADD COLUMN decline_code text,
        ADD COLUMN fix_by timestamptz,
        ADD COLUMN refund_ref text,
        ADD CONSTRAINT pledges_charged_has_ref CHECK (status <> 'CHARGED' OR charge_ref IS NOT NULL)`);
    await queryRunner.query(`CREATE INDEX pledges_project_status_idx ON pledges (project_id, status)`);
    await queryRunner.query(`
      CREATE TABLE settlements (
        project_id uuid PRIMARY KEY REFERENCES campaigns (project_id),
        closed_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('FUNDED', 'FAILED')),
        decided_at timestamptz,
        raised bigint NOT NULL DEFAULT 0 CHECK (raised >= 0),
        charged_count integer NOT NULL DEFAULT 0 CHECK (charged_count >= 0),
        investor_count integer NOT NULL DEFAULT 0 CHECK (investor_count >= 0),
        platform_fee bigint NOT NULL DEFAULT 0 CHECK (platform_fee >= 0 AND platform_fee <= raised),
        payout_amount bigint NOT NULL DEFAULT 0 CHECK (payout_amount = raised - platform_fee OR outcome IS NULL),
        payout_status text NOT NULL DEFAULT 'NONE'
          CHECK (payout_status IN ('NONE', 'PENDING', 'AWAITING_PAYOUT_ACCOUNT', 'PAID')),
        payout_ref text,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION campaigns_keep_settlement_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('SETTLING', 'FUNDED', 'FAILED') AND NEW.project_version <> OLD.project_version THEN
          NEW.status := OLD.status;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER campaigns_keep_settlement_status BEFORE UPDATE ON campaigns
        FOR EACH ROW EXECUTE FUNCTION campaigns_keep_settlement_status()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER campaigns_keep_settlement_status ON campaigns`);
    await queryRunner.query(`DROP FUNCTION campaigns_keep_settlement_status()`);
    await queryRunner.query(`DROP TABLE settlements`);
    await queryRunner.query(`DROP INDEX pledges_project_status_idx`);
    await queryRunner.query(`
      ALTER TABLE pledges
        DROP CONSTRAINT pledges_charged_has_ref,
        DROP COLUMN refund_ref, DROP COLUMN fix_by, DROP COLUMN decline_code, DROP COLUMN charged_at,
        DROP COLUMN charge_ref, DROP COLUMN decided_attempt, DROP COLUMN charge_attempt`);
  }
}
