import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The saved payment method of each pledge (the provider's customer and payment-method refs,
 * charged off-session at the close), and the sandbox provider's first result per idempotency
 * key. The refs are nullable only for pledges made before payment methods were saved.
 */
export class AddPaymentMethods1764500000000 implements MigrationInterface {
  name = 'AddPaymentMethods1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE pledges
        ADD COLUMN customer_ref text,
        ADD COLUMN payment_method_ref text,
        ADD CONSTRAINT pledges_payment_refs_together CHECK ((customer_ref IS NULL) = (payment_method_ref IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE sandbox_payments (
        idempotency_key text PRIMARY KEY,
        operation text NOT NULL,
        request jsonb NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sandbox_payments`);
    await queryRunner.query(`
      ALTER TABLE pledges
        DROP CONSTRAINT pledges_payment_refs_together, DROP COLUMN payment_method_ref, DROP COLUMN customer_ref`);
  }
}
