import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry journal, and the cap table written when an equity campaign is funded.
 *
 * Balance is the database's invariant, not the code's: a deferred constraint trigger checks
 * every entry touched by a transaction at its commit (after all of its lines are in), and
 * refuses an entry whose debits differ from its credits or that has no lines at all. A line's
 * currency is tied to its entry's by the composite foreign key.
 */
export class CreateLedgerAndCapTable1764600000000 implements MigrationInterface {
  name = 'CreateLedgerAndCapTable1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        kind text NOT NULL,
        currency char(3) NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, currency)
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_lines (
        id uuid PRIMARY KEY,
        entry_id uuid NOT NULL,
        account text NOT NULL,
        debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
        credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
        currency char(3) NOT NULL,
        CONSTRAINT journal_lines_one_side CHECK ((debit > 0) <> (credit > 0)),
        CONSTRAINT journal_lines_entry_fk FOREIGN KEY (entry_id, currency) REFERENCES journal_entries (id, currency)
      )`);
    await queryRunner.query(`CREATE INDEX journal_lines_entry_idx ON journal_lines (entry_id)`);
    await queryRunner.query(`
      CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        checked_entry uuid;
        total_debit numeric;
        total_credit numeric;
      BEGIN
        IF TG_TABLE_NAME = 'journal_entries' THEN
          checked_entry := NEW.id;
        ELSIF TG_OP = 'DELETE' THEN
          checked_entry := OLD.entry_id;
        ELSE
          checked_entry := NEW.entry_id;
        END IF;
        -- An entry removed with its lines in the same transaction leaves nothing to balance.
        IF NOT EXISTS (SELECT 1 FROM journal_entries WHERE id = checked_entry) THEN
          RETURN NULL;
        END IF;
        SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0) INTO total_debit, total_credit
          FROM journal_lines WHERE entry_id = checked_entry;
        IF total_debit = 0 OR total_debit <> total_credit THEN
          RAISE EXCEPTION 'journal entry % does not balance: debits %, credits %',
            checked_entry, total_debit, total_credit
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance()`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT OR UPDATE OR DELETE ON journal_lines
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance()`);

    await queryRunner.query(`
      CREATE TABLE holdings (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES campaigns (project_id),
        investor_id uuid NOT NULL,
        share_class text NOT NULL,
        currency char(3) NOT NULL,
        shares bigint NOT NULL CHECK (shares > 0),
        amount_invested bigint NOT NULL CHECK (amount_invested > 0),
        issued_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, investor_id, share_class)
      )`);
    await queryRunner.query(`CREATE INDEX holdings_investor_idx ON holdings (investor_id, id)`);
    await queryRunner.query(`
      CREATE TABLE warrant_options (
        id uuid PRIMARY KEY,
        loan_id uuid NOT NULL UNIQUE,
        project_id uuid NOT NULL,
        holder text NOT NULL,
        holder_organization_id uuid NOT NULL,
        equity_bps integer NOT NULL CHECK (equity_bps BETWEEN 1 AND 10000),
        granted_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX warrant_options_project_idx ON warrant_options (project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE warrant_options`);
    await queryRunner.query(`DROP TABLE holdings`);
    await queryRunner.query(`DROP TABLE journal_lines`);
    await queryRunner.query(`DROP TABLE journal_entries`);
    await queryRunner.query(`DROP FUNCTION journal_entry_must_balance()`);
  }
}
