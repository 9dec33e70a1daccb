import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MatchInvestor, MatchProject } from './match-score';

/** A LIVE project as matching reads it from the projection. */
export interface MatchableProject extends MatchProject {
  id: string;
  ownerId: string;
  title: string;
  jurisdiction: string;
  targetAmount: number;
  status: string;
  matchKey: string;
  campaignClosed: boolean;
}

export interface MatchCandidate extends MatchInvestor {
  id: string;
  displayName: string;
}

/** An investor's preferences with the combination keys PostgreSQL derived from them. */
export interface InvestorPreferencesRow extends MatchInvestor {
  matchKeys: string[];
}

/*
 * Candidate selection, kept bounded however large the tables grow: every query below reads
 * a fixed number of index entries (a LIMIT under an index that is already in the wanted
 * order, or one GIN posting list of the exact combination), and the exact score is left to
 * the pure scoreMatch. The numbers are deliberate:
 */
/** Projects fetched per preferred combination (all equally good on the four lists). */
export const PER_KEY_LIMIT = 20;
/** Projects fetched per preferred sector and per preferred kind. */
export const PER_LIST_LIMIT = 100;
/** At most this many combination keys are probed (50 sectors × 50 regions would be 30,000). */
export const MAX_KEYS_PROBED = 64;
/** The candidate set that the exact scoring ranks: recommendations and matches list no more. */
export const MAX_CANDIDATES = 300;

const PROJECT_COLUMNS = `project_id, owner_id, title, status, kind, sector, stage, region, jurisdiction, currency,
  target_amount, max_amount, min_pledge, raised, closes_at, match_key, campaign_closed`;

const INVESTOR_COLUMNS = `user_id, display_name, currency, pref_sectors, pref_stages, pref_regions, pref_kinds,
  ticket_min, ticket_max`;

interface ProjectRow {
  project_id: string;
  owner_id: string;
  title: string;
  status: string;
  kind: string;
  sector: string;
  stage: string;
  region: string;
  jurisdiction: string;
  currency: string;
  target_amount: string;
  max_amount: string;
  min_pledge: string;
  raised: string;
  closes_at: Date;
  match_key: string;
  campaign_closed: boolean;
}

interface InvestorRow {
  user_id: string;
  display_name: string;
  currency: string | null;
  pref_sectors: string[];
  pref_stages: string[];
  pref_regions: string[];
  pref_kinds: string[];
  ticket_min: string | null;
  ticket_max: string | null;
  match_keys?: string[];
}

@Injectable()
export class MatchingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async preferencesOf(userId: string): Promise<InvestorPreferencesRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${INVESTOR_COLUMNS}, match_keys FROM investor_profiles WHERE user_id = $1`,
      [userId],
    )) as InvestorRow[];
    return row && { ...investorOf(row), matchKeys: row.match_keys ?? [] };
  }

  async project(
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchableProject | undefined> {
    const [row] = (await manager.query(
      `SELECT ${PROJECT_COLUMNS} FROM matchable_projects WHERE project_id = $1 AND owner_id IS NOT NULL`,
      [projectId],
    )) as ProjectRow[];
    return row && projectOf(row);
  }

  /**
   * LIVE, open projects worth scoring for an investor: those of exactly a wanted combination
   * (sector, stage, region, kind), then those of a wanted sector or kind, each probe the
   * ones with the most time left (PER_KEY_LIMIT, PER_LIST_LIMIT) through a partial index
   * read backwards; the union ranked by a cheap score
   * in SQL (the same weights as scoreMatch for the four lists), the best MAX_CANDIDATES kept.
   */
  candidateProjectsSql(): string {
    return `
      WITH wanted AS (
        SELECT $1::text[] AS keys, $2::text[] AS sectors, $3::text[] AS stages, $4::text[] AS regions,
               $5::text[] AS kinds
      ), candidates AS (
        SELECT p.* FROM wanted, unnest(wanted.keys) AS k (key)
          CROSS JOIN LATERAL (
            SELECT ${PROJECT_COLUMNS} FROM matchable_projects
             WHERE match_key = k.key AND status = 'LIVE' AND NOT campaign_closed AND closes_at > $6
             ORDER BY closes_at DESC, project_id DESC LIMIT ${PER_KEY_LIMIT}) AS p
        UNION
        SELECT p.* FROM wanted, unnest(wanted.sectors) AS s (sector)
          CROSS JOIN LATERAL (
            SELECT ${PROJECT_COLUMNS} FROM matchable_projects
             WHERE sector = s.sector AND status = 'LIVE' AND NOT campaign_closed AND closes_at > $6
             ORDER BY closes_at DESC, project_id DESC LIMIT ${PER_LIST_LIMIT}) AS p
        UNION
        SELECT p.* FROM wanted, unnest(wanted.kinds) AS kd (kind)
          CROSS JOIN LATERAL (
            SELECT ${PROJECT_COLUMNS} FROM matchable_projects
             WHERE kind = kd.kind AND status = 'LIVE' AND NOT campaign_closed AND closes_at > $6
             ORDER BY closes_at DESC, project_id DESC LIMIT ${PER_LIST_LIMIT}) AS p
      )
      SELECT c.* FROM candidates c, wanted w
       ORDER BY (c.sector = ANY(w.sectors))::int * 30 + (c.stage = ANY(w.stages))::int * 15
                + (c.region = ANY(w.regions))::int * 15 + (c.kind = ANY(w.kinds))::int * 15 DESC,
                c.closes_at DESC, c.project_id DESC
       LIMIT ${MAX_CANDIDATES}`;
  }

  candidateProjectsParams(investor: InvestorPreferencesRow, now: Date): unknown[] {
    return [
      investor.matchKeys.slice(0, MAX_KEYS_PROBED),
      investor.sectors,
      investor.stages,
      investor.regions,
      investor.kinds,
      now.toISOString(),
    ];
  }

  async candidateProjects(investor: InvestorPreferencesRow, now: Date): Promise<MatchableProject[]> {
    const rows = (await this.dataSource.query(
      this.candidateProjectsSql(),
      this.candidateProjectsParams(investor, now),
    )) as ProjectRow[];
    return rows.map(projectOf);
  }

  /**
   * Investors worth scoring for a project, in tiers, each a bounded query and the next run
   * only when the ones before found fewer than MAX_CANDIDATES: (1) investors who want the
   * project's exact combination and whose ticket fits (GIN on match_keys: one posting list),
   * (2) the same combination whatever the ticket, (3) investors who want its sector.
   */
  candidateInvestorTiers(
    project: MatchableProject,
    onlyDiscoverable: boolean,
  ): { sql: string; params: (exclude: string[], limit: number) => unknown[] }[] {
    const visible = onlyDiscoverable ? 'AND discoverable' : '';
    const rest = `AND NOT (user_id = ANY($2::uuid[])) ${visible} LIMIT $3`;
    const room = Math.max(0, project.maxAmount - project.raised);
    return [
      {
        sql: `SELECT ${INVESTOR_COLUMNS} FROM investor_profiles
               WHERE match_keys @> ARRAY[$1::text] AND currency = $4 AND ticket_max >= $5 AND ticket_min <= $6
                     ${rest}`,
        params: (exclude, limit) => [project.matchKey, exclude, limit, project.currency, project.minPledge, room],
      },
      {
        sql: `SELECT ${INVESTOR_COLUMNS} FROM investor_profiles WHERE match_keys @> ARRAY[$1::text] ${rest}`,
        params: (exclude, limit) => [project.matchKey, exclude, limit],
      },
      {
        sql: `SELECT ${INVESTOR_COLUMNS} FROM investor_profiles WHERE pref_sectors @> ARRAY[$1::text] ${rest}`,
        params: (exclude, limit) => [project.sector, exclude, limit],
      },
    ];
  }

  async candidateInvestors(
    project: MatchableProject,
    options: { onlyDiscoverable: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MatchCandidate[]> {
    const found: MatchCandidate[] = [];
    for (const tier of this.candidateInvestorTiers(project, options.onlyDiscoverable)) {
      const params = tier.params(
        found.map((candidate) => candidate.id),
        MAX_CANDIDATES - found.length,
      );
      const rows = (await manager.query(tier.sql, params)) as InvestorRow[];
      found.push(...rows.map(investorOf));
      if (found.length >= MAX_CANDIDATES) break;
    }
    return found;
  }
}

function projectOf(row: ProjectRow): MatchableProject {
  return {
    id: row.project_id,
    ownerId: row.owner_id,
    title: row.title,
    status: row.status,
    kind: row.kind,
    sector: row.sector,
    stage: row.stage,
    region: row.region,
    jurisdiction: row.jurisdiction,
    currency: row.currency,
    targetAmount: Number(row.target_amount),
    maxAmount: Number(row.max_amount),
    minPledge: Number(row.min_pledge),
    raised: Number(row.raised),
    closesAt: row.closes_at,
    matchKey: row.match_key,
    campaignClosed: row.campaign_closed,
  };
}

function investorOf(row: InvestorRow): MatchCandidate {
  return {
    id: row.user_id,
    displayName: row.display_name,
    currency: row.currency,
    sectors: row.pref_sectors ?? [],
    stages: row.pref_stages ?? [],
    regions: row.pref_regions ?? [],
    kinds: row.pref_kinds ?? [],
    ticketMin: row.ticket_min === null ? 0 : Number(row.ticket_min),
    ticketMax: row.ticket_max === null ? 0 : Number(row.ticket_max),
  };
}
