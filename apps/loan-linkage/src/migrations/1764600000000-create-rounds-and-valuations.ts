import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The equity rounds banks lend alongside (a projection of project-listing's project snapshots
 * and the pledge service's aggregate progress, never an investor's identity) and the
 * appraisers' valuations of IP assets. Valuations are only ever added: the history is kept,
 * and the newest one counts while it is valid.
 */
export class CreateRoundsAndValuations1764600000000 implements MigrationInterface {
  name = 'CreateRoundsAndValuations1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE equity_rounds (
        project_id uuid PRIMARY KEY,
        project_version integer NOT NULL,
        company_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        sector text NOT NULL,
        stage text NOT NULL,
        region text NOT NULL,
        jurisdiction text NOT NULL,
        status text NOT NULL,
        currency char(3) NOT NULL,
        target_amount bigint NOT NULL CHECK (target_amount > 0),
        closes_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX equity_rounds_status_idx ON equity_rounds (status, project_id)`);
    // progress and outcome arrive from the pledge service, possibly before the project snapshot
    await queryRunner.query(`
      CREATE TABLE round_progress (
        project_id uuid PRIMARY KEY,
        progress_version integer NOT NULL DEFAULT 0,
        raised bigint NOT NULL DEFAULT 0 CHECK (raised >= 0),
        pledge_count integer NOT NULL DEFAULT 0 CHECK (pledge_count >= 0),
        outcome text CHECK (outcome IN ('FUNDED', 'FAILED')),
        final_raised bigint CHECK (final_raised >= 0),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE valuations (
        id uuid PRIMARY KEY,
        ip_asset_id uuid NOT NULL REFERENCES ip_assets (id),
        appraiser_id uuid NOT NULL,
        appraiser_organization_id uuid,
        method text NOT NULL CHECK (method IN ('INCOME', 'MARKET', 'COST')),
        value bigint NOT NULL CHECK (value > 0),
        currency char(3) NOT NULL,
        valid_until timestamptz NOT NULL,
        report_ref text NOT NULL,
        valued_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until > valued_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX valuations_asset_latest_idx ON valuations (ip_asset_id, valued_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE valuations`);
    await queryRunner.query(`DROP TABLE round_progress`);
    await queryRunner.query(`DROP TABLE equity_rounds`);
  }
}
