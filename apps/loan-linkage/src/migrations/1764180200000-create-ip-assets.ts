import { MigrationInterface, QueryRunner } from 'typeorm';

/** The IP rights declared with projects, as project-listing announced them: possible collateral. */
export class CreateIpAssets1764180200000 implements MigrationInterface {
  name = 'CreateIpAssets1764180200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ip_assets (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        company_id uuid NOT NULL,
        founder_id uuid NOT NULL,
        type text NOT NULL,
        registry_number text NOT NULL,
        title text NOT NULL,
        owner text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ip_assets_project_idx ON ip_assets (project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ip_assets`);
  }
}
