import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every Stripe webhook event the pledge service accepted, keyed by Stripe's event id: the row
 * is written in the same transaction as the event's effect, so a redelivered event finds it
 * and has no second effect. The verified payload is kept for audit (refunds, disputes).
 */
export class CreateStripeWebhookEvents1764620000000 implements MigrationInterface {
  name = 'CreateStripeWebhookEvents1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stripe_webhook_events (
        event_id text PRIMARY KEY CHECK (event_id LIKE 'evt\\_%'),
        type text NOT NULL,
        object_id text NOT NULL,
        pledge_id uuid,
        effect text NOT NULL CHECK (effect IN ('charge_confirmed', 'recorded', 'ignored')),
        livemode boolean NOT NULL,
        stripe_created_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX stripe_webhook_events_pledge_idx ON stripe_webhook_events (pledge_id) WHERE pledge_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stripe_webhook_events`);
  }
}
