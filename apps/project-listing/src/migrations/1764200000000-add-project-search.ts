import { MigrationInterface, QueryRunner } from 'typeorm';
import { projectSearchVector } from '../shared/search-text';

/** What anyone may see (PUBLIC_STATUSES), frozen here: the partial indexes below are built on it. */
const PUBLIC = `status IN ('APPROVED', 'LIVE', 'FUNDED', 'FAILED', 'WITHDRAWN')`;
const BACKFILL_BATCH = 1000;

/**
 * The public showcase (GET /v1/projects): a search_vector kept by the application (the CJK
 * bigram analyzer of shared/search-text.ts) with a GIN index, and one btree index per sort
 * over the publicly visible rows, so every page is an index range scan from its cursor.
 * `(status, created_at, id)` serves a status filter with the default sort (and admins'
 * filters on non-public statuses); it makes the plain status index redundant.
 */
export class AddProjectSearch1764200000000 implements MigrationInterface {
  name = 'AddProjectSearch1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''`);

    // backfill with the same analyzer the write paths use, in batches of ids
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, title, summary, description FROM projects WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_BATCH}`,
        [after],
      )) as { id: string; title: string; summary: string; description: string }[];
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE projects p SET search_vector = v.search_vector::tsvector
           FROM unnest($1::uuid[], $2::text[]) AS v (id, search_vector)
          WHERE p.id = v.id`,
        [rows.map((row) => row.id), rows.map((row) => projectSearchVector(row))],
      );
      after = rows[rows.length - 1]!.id;
    }

    await queryRunner.query(`CREATE INDEX projects_search_idx ON projects USING gin (search_vector)`);
    await queryRunner.query(`CREATE INDEX projects_public_newest_idx ON projects (created_at, id) WHERE ${PUBLIC}`);
    await queryRunner.query(`CREATE INDEX projects_public_most_funded_idx ON projects (raised, id) WHERE ${PUBLIC}`);
    await queryRunner.query(`CREATE INDEX projects_public_closing_idx ON projects (closes_at, id) WHERE ${PUBLIC}`);
    await queryRunner.query(`CREATE INDEX projects_status_created_idx ON projects (status, created_at, id)`);
    await queryRunner.query(
      `CREATE INDEX projects_public_sector_idx ON projects (sector, created_at, id) WHERE ${PUBLIC}`,
    );
    await queryRunner.query(
      `CREATE INDEX projects_public_region_idx ON projects (region, created_at, id) WHERE ${PUBLIC}`,
    );
    await queryRunner.query(`DROP INDEX projects_status_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX projects_status_idx ON projects (status)`);
    for (const index of [
      'projects_public_region_idx',
      'projects_public_sector_idx',
      'projects_status_created_idx',
      'projects_public_closing_idx',
      'projects_public_most_funded_idx',
      'projects_public_newest_idx',
      'projects_search_idx',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN search_vector`);
  }
}
