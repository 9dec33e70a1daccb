import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvestorProfiles1764170100000 implements MigrationInterface {
  name = 'CreateInvestorProfiles1764170100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE investor_profiles (
        user_id uuid PRIMARY KEY,
        display_name text NOT NULL,
        user_version integer NOT NULL CHECK (user_version > 0),
        kyc_status text NOT NULL DEFAULT 'NOT_SUBMITTED'
          CHECK (kyc_status IN ('NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE investor_profiles`);
  }
}
