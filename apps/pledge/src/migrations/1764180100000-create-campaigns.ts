import { MigrationInterface, QueryRunner } from 'typeorm';

/** The pledge service's copy of each project's terms, fed by project-listing's events. */
export class CreateCampaigns1764180100000 implements MigrationInterface {
  name = 'CreateCampaigns1764180100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaigns (
        project_id uuid PRIMARY KEY,
        project_version integer NOT NULL CHECK (project_version > 0),
        status text NOT NULL,
        kind text NOT NULL,
        jurisdiction text NOT NULL,
        currency char(3) NOT NULL,
        target_amount bigint NOT NULL CHECK (target_amount > 0),
        max_amount bigint NOT NULL CHECK (max_amount >= target_amount),
        min_pledge bigint NOT NULL CHECK (min_pledge > 0),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
        funding_model text NOT NULL,
        price_per_share bigint CHECK (price_per_share > 0),
        share_class text,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaigns`);
  }
}
