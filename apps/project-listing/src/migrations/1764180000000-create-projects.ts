import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies, their projects (with equity terms, rewards and declared IP), the review
 * history, founder updates and complaints. Invariants that protect money are checked by
 * the database as well as by the code.
 */
export class CreateProjects1764180000000 implements MigrationInterface {
  name = 'CreateProjects1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        name text NOT NULL,
        registration_number text NOT NULL,
        sector text NOT NULL,
        region text NOT NULL,
        description text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX companies_owner_idx ON companies (owner_id)`);

    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES companies (id),
        owner_id uuid NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN
          ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'LIVE', 'FUNDED', 'FAILED', 'REJECTED', 'WITHDRAWN')),
        kind text NOT NULL CHECK (kind IN ('EQUITY', 'REWARD', 'DONATION')),
        title text NOT NULL,
        summary text NOT NULL,
        description text NOT NULL,
        sector text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('IDEA', 'SEED', 'EARLY', 'GROWTH')),
        region text NOT NULL,
        jurisdiction text NOT NULL CHECK (jurisdiction IN ('CN', 'US', 'EU')),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        target_amount bigint NOT NULL CHECK (target_amount > 0),
        max_amount bigint NOT NULL,
        min_pledge bigint NOT NULL CHECK (min_pledge > 0),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        funding_model text NOT NULL CHECK (funding_model IN ('ALL_OR_NOTHING', 'KEEP_IT_ALL')),
        price_per_share bigint CHECK (price_per_share > 0),
        pre_money_valuation bigint CHECK (pre_money_valuation > 0),
        share_class text,
        risks text,
        use_of_funds text,
        financial_summary text,
        raised bigint NOT NULL DEFAULT 0 CHECK (raised >= 0),
        pledge_count integer NOT NULL DEFAULT 0 CHECK (pledge_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projects_target_within_max CHECK (target_amount <= max_amount),
        CONSTRAINT projects_closes_after_opens CHECK (closes_at > opens_at),
        CONSTRAINT projects_equity_all_or_nothing CHECK (kind <> 'EQUITY' OR funding_model = 'ALL_OR_NOTHING'),
        CONSTRAINT projects_equity_terms_only_on_equity
          CHECK (kind = 'EQUITY' OR (price_per_share IS NULL AND pre_money_valuation IS NULL AND share_class IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX projects_company_idx ON projects (company_id, jurisdiction, opens_at)`);
    await queryRunner.query(`CREATE INDEX projects_status_idx ON projects (status)`);

    await queryRunner.query(`
      CREATE TABLE project_rewards (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        quantity integer CHECK (quantity > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, position)
      )`);

    await queryRunner.query(`
      CREATE TABLE ip_assets (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        position integer NOT NULL,
        type text NOT NULL CHECK (type IN ('INVENTION_PATENT', 'UTILITY_MODEL', 'DESIGN_PATENT', 'TRADEMARK',
          'COPYRIGHT', 'SOFTWARE_COPYRIGHT')),
        registry_number text NOT NULL,
        title text NOT NULL,
        owner text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, position)
      )`);

    await queryRunner.query(`
      CREATE TABLE project_status_history (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        project_version integer NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX project_status_history_project_idx ON project_status_history (project_id, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE project_updates (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX project_updates_project_idx ON project_updates (project_id, id)`);

    await queryRunner.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        investor_id uuid NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
        resolution text,
        resolved_by uuid,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complaints_resolved_has_resolution
          CHECK ((status = 'RESOLVED') = (resolution IS NOT NULL AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX complaints_status_idx ON complaints (status, id)`);

    await queryRunner.query(`
      CREATE TABLE complaint_events (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('FILED', 'RESOLVED')),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'complaint_events',
      'complaints',
      'project_updates',
      'project_status_history',
      'ip_assets',
      'project_rewards',
      'projects',
      'companies',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
