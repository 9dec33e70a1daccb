import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764230000000 implements MigrationInterface {
  name = 'CreateNotifications1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        type text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        source_event_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    // one notification per event and user, even when the event comes back after its inbox
    // row was swept (INBOX_RETENTION_DAYS)
    await queryRunner.query(
      `CREATE UNIQUE INDEX notifications_source_event_user_key ON notifications (source_event_id, user_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_user_newest_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC, id DESC)
       WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_projects (
        project_id uuid PRIMARY KEY,
        project_version integer NOT NULL CHECK (project_version > 0),
        owner_id uuid NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        jurisdiction text NOT NULL,
        currency text NOT NULL,
        closes_at timestamptz NOT NULL,
        -- the campaign's outcome once closed, for a backer whose pledge event arrives later
        closed_event_id uuid,
        outcome text CHECK (outcome IN ('FUNDED', 'FAILED')),
        raised bigint,
        raised_currency text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_pledges (
        pledge_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        investor_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('COMMITTED', 'CANCELLED')),
        pledge_version integer NOT NULL CHECK (pledge_version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX notification_pledges_project_idx ON notification_pledges (project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_pledges`);
    await queryRunner.query(`DROP TABLE notification_projects`);
    await queryRunner.query(`DROP TABLE notifications`);
  }
}
