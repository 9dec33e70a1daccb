import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loan ledger: every money movement of a loan or a pool is one journal entry whose lines
 * balance. The balance is enforced by a deferred constraint trigger, checked at commit, so a
 * code path that writes half an entry cannot commit it.
 */
export class CreateLoanLedger1764600300000 implements MigrationInterface {
  name = 'CreateLoanLedger1764600300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        reference_id uuid NOT NULL,
        currency char(3) NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX journal_entries_reference_idx ON journal_entries (reference_id)`);
    await queryRunner.query(`
      CREATE TABLE journal_lines (
        id uuid PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES journal_entries (id),
        account text NOT NULL,
        debit bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
        credit bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((debit > 0) <> (credit > 0))
      )`);
    await queryRunner.query(`CREATE INDEX journal_lines_entry_idx ON journal_lines (entry_id)`);
    await queryRunner.query(`CREATE INDEX journal_lines_account_idx ON journal_lines (account)`);
    await queryRunner.query(`
      CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        unbalanced numeric;
      BEGIN
        EXECUTE format('SELECT sum(debit) - sum(credit) FROM %I.journal_lines WHERE entry_id = $1', TG_TABLE_SCHEMA)
          INTO unbalanced USING NEW.entry_id;
        IF unbalanced IS DISTINCT FROM 0 THEN
          RAISE EXCEPTION 'journal entry % does not balance (debits - credits = %)', NEW.entry_id, unbalanced
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER journal_lines_balanced
        AFTER INSERT OR UPDATE ON journal_lines
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE journal_lines`);
    await queryRunner.query(`DROP FUNCTION journal_entry_must_balance()`);
    await queryRunner.query(`DROP TABLE journal_entries`);
  }
}
