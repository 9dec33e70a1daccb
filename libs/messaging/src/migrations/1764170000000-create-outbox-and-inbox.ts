import { MigrationInterface, QueryRunner } from 'typeorm';
import { VacuumOutboxAsAQueue1764690000000 } from './1764690000000-vacuum-outbox-as-a-queue';

/**
 * The outbox and inbox tables every service has in its own schema. Frozen once released:
 * a change to these tables is a new migration class, never an edit of this one.
 */
export class CreateOutboxAndInbox1764170000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        event_type text NOT NULL,
        event_version integer NOT NULL CHECK (event_version > 0),
        aggregate_id uuid NOT NULL,
        aggregate_version bigint NOT NULL CHECK (aggregate_version > 0),
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, id) WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox (
        event_id uuid PRIMARY KEY,
        event_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
    await queryRunner.query(`DROP TABLE outbox`);
  }
}

export const MESSAGING_MIGRATIONS = [CreateOutboxAndInbox1764170000000, VacuumOutboxAsAQueue1764690000000];
