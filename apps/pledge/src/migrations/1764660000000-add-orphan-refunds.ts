import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Charges the provider made for a pledge that does not keep them (cancelled while its charge
 * was in flight, or confirmed by a webhook after the pledge was charged, failed or cancelled),
 * each refunded once: keyed by the provider's charge, so the charge's webhook echo, or a rerun
 * after a crash, finds it. A webhook whose PaymentIntent was refunded so says `orphan_refunded`.
 */
export class AddOrphanRefunds1764660000000 implements MigrationInterface {
  name = 'AddOrphanRefunds1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE orphan_refunds (
        id uuid PRIMARY KEY,
        charge_ref text NOT NULL UNIQUE,
        pledge_id uuid NOT NULL REFERENCES pledges (id),
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        refund_ref text NOT NULL,
        refunded_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX orphan_refunds_pledge_idx ON orphan_refunds (pledge_id)`);
    await this.allowEffects(queryRunner, ['charge_confirmed', 'orphan_refunded', 'recorded', 'ignored']);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE stripe_webhook_events SET effect = 'recorded' WHERE effect = 'orphan_refunded'`);
    await this.allowEffects(queryRunner, ['charge_confirmed', 'recorded', 'ignored']);
    await queryRunner.query(`DROP TABLE orphan_refunds`);
  }

  private async allowEffects(queryRunner: QueryRunner, effects: string[]): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE stripe_webhook_events
        DROP CONSTRAINT stripe_webhook_events_effect_check,
        ADD CONSTRAINT stripe_webhook_events_effect_check CHECK (effect IN (${effects.map((e) => `'${e}'`).join(', ')}))`);
  }
}
