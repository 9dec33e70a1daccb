import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching (issue 4 part B).
 *
 * Investor side: the preferences stay one jsonb document (the profile API and its code are
 * unchanged), and PostgreSQL derives proper columns from it (STORED generated columns, so
 * they can never drift from the document): the four text[] lists, the ticket bounds, and
 * `match_keys`, every sector×stage×region×kind combination the investor wants, as one text
 * each. A GIN index on `match_keys` finds the investors that want exactly a project's
 * combination with one posting list (small however many investors there are); GIN on
 * `pref_sectors` is the fallback for a project few investors want in full.
 *
 * Project side: `matchable_projects`, a projection of project-listing's project.* events
 * (version-guarded by project_version) and the pledge service's campaign.* events
 * (version-guarded by funding_version), with the same combination key and partial indexes
 * over the LIVE rows only.
 */
export class AddMatching1764300000000 implements MigrationInterface {
  name = 'AddMatching1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // the functions call each other by their qualified name: whatever search_path a writer has
    const [{ schema }] = (await queryRunner.query(`SELECT current_schema() AS schema`)) as [{ schema: string }];
    const textArray = `"${schema}".matching_text_array`;
    // PL/pgSQL over plain expressions: a generated column calls these once per row written,
    // and a LANGUAGE sql body with set-returning functions is planned anew on every call.
    await queryRunner.query(`
      CREATE FUNCTION matching_text_array(list jsonb) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        AS $$
        DECLARE
          result text[] := '{}';
        BEGIN
          IF list IS NULL OR jsonb_typeof(list) <> 'array' THEN
            RETURN result;
          END IF;
          FOR i IN 0 .. jsonb_array_length(list) - 1 LOOP
            result := result || (list ->> i);
          END LOOP;
          RETURN result;
        END $$`);
    // chr(31), the unit separator, cannot occur in a sector or region typed by a person
    await queryRunner.query(`
      CREATE FUNCTION matching_keys(preferences jsonb) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        AS $$
        DECLARE
          result text[] := '{}';
          s text;
          st text;
          r text;
          k text;
        BEGIN
          FOREACH s IN ARRAY ${textArray}(preferences -> 'sectors') LOOP
            FOREACH st IN ARRAY ${textArray}(preferences -> 'stages') LOOP
              FOREACH r IN ARRAY ${textArray}(preferences -> 'regions') LOOP
                FOREACH k IN ARRAY ${textArray}(preferences -> 'kinds') LOOP
                  result := result || (s || chr(31) || st || chr(31) || r || chr(31) || k);
                END LOOP;
              END LOOP;
            END LOOP;
          END LOOP;
          RETURN result;
        END $$`);
    await queryRunner.query(`
      ALTER TABLE investor_profiles
        ADD COLUMN pref_sectors text[] GENERATED ALWAYS AS (matching_text_array(preferences -> 'sectors')) STORED,
        ADD COLUMN pref_stages text[] GENERATED ALWAYS AS (matching_text_array(preferences -> 'stages')) STORED,
        ADD COLUMN pref_regions text[] GENERATED ALWAYS AS (matching_text_array(preferences -> 'regions')) STORED,
        ADD COLUMN pref_kinds text[] GENERATED ALWAYS AS (matching_text_array(preferences -> 'kinds')) STORED,
        ADD COLUMN ticket_min bigint GENERATED ALWAYS AS ((preferences ->> 'ticketMin')::bigint) STORED,
        ADD COLUMN ticket_max bigint GENERATED ALWAYS AS ((preferences ->> 'ticketMax')::bigint) STORED,
        ADD COLUMN match_keys text[] GENERATED ALWAYS AS (matching_keys(preferences)) STORED`);
    await queryRunner.query(
      `CREATE INDEX investor_profiles_match_keys_idx ON investor_profiles USING gin (match_keys)`,
    );
    await queryRunner.query(
      `CREATE INDEX investor_profiles_pref_sectors_idx ON investor_profiles USING gin (pref_sectors)`,
    );

    // Project columns are null until the first project.* event: campaign.* may come first.
    await queryRunner.query(`
      CREATE TABLE matchable_projects (
        project_id uuid PRIMARY KEY,
        project_version integer NOT NULL DEFAULT 0 CHECK (project_version >= 0),
        owner_id uuid,
        title text,
        status text,
        kind text,
        sector text,
        stage text,
        region text,
        jurisdiction text,
        currency char(3),
        target_amount bigint CHECK (target_amount > 0),
        max_amount bigint CHECK (max_amount > 0),
        min_pledge bigint CHECK (min_pledge > 0),
        opens_at timestamptz,
        closes_at timestamptz,
        funding_version integer NOT NULL DEFAULT 0 CHECK (funding_version >= 0),
        raised bigint NOT NULL DEFAULT 0 CHECK (raised >= 0),
        pledge_count integer NOT NULL DEFAULT 0 CHECK (pledge_count >= 0),
        campaign_closed boolean NOT NULL DEFAULT false,
        match_key text GENERATED ALWAYS AS (sector || chr(31) || stage || chr(31) || region || chr(31) || kind) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE INDEX matchable_projects_key_idx ON matchable_projects (match_key, closes_at, project_id)
        WHERE status = 'LIVE' AND NOT campaign_closed`);
    await queryRunner.query(`
      CREATE INDEX matchable_projects_sector_idx ON matchable_projects (sector, closes_at, project_id)
        WHERE status = 'LIVE' AND NOT campaign_closed`);
    await queryRunner.query(`
      CREATE INDEX matchable_projects_kind_idx ON matchable_projects (kind, closes_at, project_id)
        WHERE status = 'LIVE' AND NOT campaign_closed`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE matchable_projects`);
    await queryRunner.query(`
      ALTER TABLE investor_profiles
        DROP COLUMN match_keys, DROP COLUMN ticket_max, DROP COLUMN ticket_min, DROP COLUMN pref_kinds,
        DROP COLUMN pref_regions, DROP COLUMN pref_stages, DROP COLUMN pref_sectors`);
    await queryRunner.query(`DROP FUNCTION matching_keys(jsonb)`);
    await queryRunner.query(`DROP FUNCTION matching_text_array(jsonb)`);
  }
}
