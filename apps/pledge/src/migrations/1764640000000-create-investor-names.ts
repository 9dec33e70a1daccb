import { MigrationInterface, QueryRunner } from 'typeorm';

/** Investors' display names from the gateway's user events, shown on cap tables. */
export class CreateInvestorNames1764640000000 implements MigrationInterface {
  name = 'CreateInvestorNames1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE investor_names (
        user_id uuid PRIMARY KEY,
        display_name text NOT NULL,
        user_version integer NOT NULL CHECK (user_version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE investor_names`);
  }
}
