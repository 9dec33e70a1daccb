import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK } from '@crowdlink/domain';
import { Page, pageOf, ValidationFailedException } from '@crowdlink/platform';
import { DataSource, In } from 'typeorm';
import { ProjectAmendment } from '../amendments/project-amendment.entity';
import { ProjectDto } from '../projects/dto/project.dto';
import { IpAsset } from '../projects/ip-asset.entity';
import { Project } from '../projects/project.entity';
import { PUBLIC_STATUSES } from '../projects/project.model';
import { ProjectReward } from '../projects/project-reward.entity';
import { tsqueryText } from '../shared/search-text';
import { ListProjectsQuery } from './dto/list-projects.query';
import { decodeCursor, encodeCursor, ShowcaseSort } from './showcase-cursor';

/**
 * The same list as PUBLIC_STATUSES, written into the SQL as constants (never user input) so
 * that the planner matches the partial indexes of migration 1764200000000 on it.
 */
const PUBLIC_STATUS_SQL = `p.status IN (${PUBLIC_STATUSES.map((status) => `'${status}'`).join(', ')})`;

const ISO_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** Per sort: the column, its direction (the id follows it as the tie-breaker), the cursor key as text and its type. */
const ORDER: Record<ShowcaseSort, { column: string; direction: 'ASC' | 'DESC'; key: string; type: string }> = {
  newest: {
    column: 'created_at',
    direction: 'DESC',
    key: `to_char(p.created_at AT TIME ZONE 'UTC', ${ISO_MICROS})`,
    type: 'timestamptz',
  },
  closing_soon: {
    column: 'closes_at',
    direction: 'ASC',
    key: `to_char(p.closes_at AT TIME ZONE 'UTC', ${ISO_MICROS})`,
    type: 'timestamptz',
  },
  most_funded: { column: 'raised', direction: 'DESC', key: `p.raised::text`, type: 'bigint' },
};

/**
 * How many projects, in the order of the listing, a text search first looks through
 * before asking the full-text index instead (see pageSql).
 */
export const SEARCH_WINDOW = 1000;

export interface PageSql {
  sql: string;
  params: unknown[];
}

/**
 * The public showcase, GET /v1/projects. Anyone sees the publicly visible projects
 * (project-access.ts); admins may also ask for one non-public status. Pages are keyset
 * ranges over (sort key, id), never OFFSET, so a page costs the same at any depth and a
 * project shows once even when many share a sort key.
 *
 * `closing_soon` lists only projects whose close is still ahead (by the injected clock):
 * a campaign that has closed is not closing; combine with `status=LIVE` for open ones only.
 */
@Injectable()
export class ShowcaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: ListProjectsQuery, user: AuthenticatedUser | undefined): Promise<Page<ProjectDto>> {
    const rows = await this.pageRows(query, user);
    const page = pageOf(rows, query.limit, (last) => encodeCursor({ sort: query.sort, key: last.key, id: last.id }));
    const projects = await this.load(page.items.map((row) => row.id));
    return { ...page, items: projects.map((project) => ProjectDto.of(project)) };
  }

  /**
   * The ids (and cursor keys) of one page and one row more, which tells whether another follows.
   *
   * A text search that matches many projects is fastest walked in the listing's own index
   * order until the page is full; one that matches few, through the GIN index and a sort of
   * its matches. PostgreSQL chooses between the two by its estimate of the matches, and the
   * overlapping bigrams of a Chinese query are so correlated that it underestimates them
   * badly and sorts thousands of rows. So a search first walks the first SEARCH_WINDOW
   * projects of the listing (a bounded index range scan); only when the page is not full by
   * then does it ask the full query, whose matches are then known to be sparse.
   */
  private async pageRows(query: ListProjectsQuery, user: AuthenticatedUser | undefined) {
    const run = async ({ sql, params }: PageSql) =>
      (await this.dataSource.query(sql, params)) as { id: string; key: string }[];
    if (this.searchOf(query) !== null) {
      const rows = await run(this.pageSql(query, user, { window: SEARCH_WINDOW }));
      if (rows.length > query.limit) return rows;
    }
    return run(this.pageSql(query, user));
  }

  /** The SQL of a page (the bench explains it): over the whole listing, or over its first `window` rows. */
  pageSql(query: ListProjectsQuery, user: AuthenticatedUser | undefined, options: { window?: number } = {}): PageSql {
    const order = ORDER[query.sort];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];

    if (query.status !== undefined) {
      const isPublic = PUBLIC_STATUSES.includes(query.status);
      if (!isPublic && user?.role !== 'admin') {
        throw new ValidationFailedException([
          { field: 'status', errors: [`status must be one of the public statuses: ${PUBLIC_STATUSES.join(', ')}`] },
        ]);
      }
      if (isPublic) where.push(PUBLIC_STATUS_SQL);
      where.push(`p.status = ${param(query.status)}`);
    } else {
      where.push(PUBLIC_STATUS_SQL);
    }
    if (query.kind !== undefined) where.push(`p.kind = ${param(query.kind)}`);
    if (query.stage !== undefined) where.push(`p.stage = ${param(query.stage)}`);
    if (query.sector !== undefined) where.push(`p.sector = ${param(query.sector)}`);
    if (query.region !== undefined) where.push(`p.region = ${param(query.region)}`);
    if (query.sort === 'closing_soon') where.push(`p.closes_at > ${param(this.clock.now())}`);
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor, query.sort);
      const comparison = order.direction === 'DESC' ? '<' : '>';
      where.push(
        `(p.${order.column}, p.id) ${comparison} (CAST(${param(cursor.key)} AS ${order.type}), CAST(${param(cursor.id)} AS uuid))`,
      );
    }
    const search = this.searchOf(query);
    const matches = search === null ? null : `search_vector @@ CAST(${param(search)} AS tsquery)`;
    const orderBy = (alias: string) =>
      `ORDER BY ${alias}.${order.column} ${order.direction}, ${alias}.id ${order.direction}`;
    const limit = param(query.limit + 1);

    if (options.window !== undefined && matches !== null) {
      return {
        sql: `SELECT w.id, w.key FROM (
                SELECT p.id, p.${order.column}, ${order.key} AS key, p.search_vector
                  FROM projects p WHERE ${where.join(' AND ')} ${orderBy('p')} LIMIT ${param(options.window)}
              ) w
              WHERE w.${matches} ${orderBy('w')} LIMIT ${limit}`,
        params,
      };
    }
    if (matches !== null) where.push(`p.${matches}`);
    return {
      sql: `SELECT p.id, ${order.key} AS key FROM projects p WHERE ${where.join(' AND ')} ${orderBy('p')} LIMIT ${limit}`,
      params,
    };
  }

  private searchOf(query: ListProjectsQuery): string | null {
    return query.q === undefined ? null : tsqueryText(query.q);
  }

  /**
   * Whole projects in the order of `ids`: rows, rewards, IP assets and amendments in one query
   * each, not one per project.
   */
  private async load(ids: string[]): Promise<Project[]> {
    if (ids.length === 0) return [];
    const where = { projectId: In(ids) };
    const [projects, rewards, ipAssets, amendments] = await Promise.all([
      this.dataSource.manager.find(Project, { where: { id: In(ids) } }),
      this.dataSource.manager.find(ProjectReward, { where }),
      this.dataSource.manager.find(IpAsset, { where }),
      this.dataSource.manager.find(ProjectAmendment, { where, order: { projectVersion: 'ASC' } }),
    ]);
    const byId = new Map(
      projects.map((project) => [project.id, Object.assign(project, { rewards: [], ipAssets: [], amendments: [] })]),
    );
    for (const reward of rewards) byId.get(reward.projectId)?.rewards.push(reward);
    for (const asset of ipAssets) byId.get(asset.projectId)?.ipAssets.push(asset);
    for (const amendment of amendments) byId.get(amendment.projectId)?.amendments.push(amendment);
    // a project deleted between the two reads is simply left out
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
