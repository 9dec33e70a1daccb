/**
 * Matching benchmark: GET /v1/investors/me/recommendations and GET /v1/projects/:id/matches
 * at 100k investors / 10k LIVE projects, then at 1M / 100k.
 *
 *   npm run bench:matching
 *
 * The real investor service is booted in-process (createServiceApp, so its migrations run)
 * against a throwaway database and Redis prefix, removed at the end even on failure.
 * Investors (profiles with preferences as the API stores them; PostgreSQL derives the array
 * columns and combination keys) and projects (rows of the matchable_projects projection) are
 * seeded with INSERT … SELECT generate_series, deterministic (hash of the row number), and
 * ANALYZEd. Half the investors are discoverable; each wants 1–3 of 12 sectors, 1–2 of 4
 * stages, 1–2 of 12 regions, 1–2 of 3 kinds, a ticket in the currency of their first region.
 *
 * At each size, sequential HTTP requests (one client, after a warm-up), with real tokens,
 * rotating over 50 investors (recommendations) and the owners of 50 projects (matches),
 * measure p50/p95. The verdict compares p95 at the large size with p95 at the small one
 * (target: at most 2x). The plans of the candidate queries at the large size (EXPLAIN
 * ANALYZE BUFFERS of the very SQL the service runs) must use indexes, no Seq Scan.
 *
 * Tunables (environment): BENCH_INVESTORS_SMALL, BENCH_INVESTORS_LARGE, BENCH_PROJECTS_SMALL,
 * BENCH_PROJECTS_LARGE, BENCH_REQUESTS (per endpoint and size),
 * BENCH_DATABASE_ADMIN_URL / TEST_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import 'reflect-metadata';
import { SignJWT } from 'jose';
import { loadSigningKey } from '@crowdlink/auth';
import { PlatformConfig } from '@crowdlink/platform';
import { Client } from 'pg';
import { investorService } from '../apps/investor/src/investor.definition';
import { MatchingRepository } from '../apps/investor/src/matching/matching.repository';
import {
  cleanup,
  fmt,
  intFromEnv,
  Measured,
  measureGets,
  now,
  runBench,
  table,
  takeOverSignals,
  databaseName,
  describeMachine,
  explainPlan,
  redisPrefix,
} from './bench-kit';
import { benchConfig, schemaConnection, serveInProcess } from './in-process';
import { KINDS, REGIONS, SECTORS, STAGES } from './seed-vocabulary';

const INVESTORS_SMALL = intFromEnv('BENCH_INVESTORS_SMALL', 100_000);
const INVESTORS_LARGE = intFromEnv('BENCH_INVESTORS_LARGE', 1_000_000);
const PROJECTS_SMALL = intFromEnv('BENCH_PROJECTS_SMALL', 10_000);
const PROJECTS_LARGE = intFromEnv('BENCH_PROJECTS_LARGE', 100_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200);
const WARMUP = 30;
const SAMPLES = 50;
const OWNERS = 2_000;
const TARGET_RATIO = 2;
/** The tables a plan must not read sequentially. */
const PLAN_TABLES = ['investor_profiles', 'matchable_projects'];

const LISTS = [
  SECTORS,
  REGIONS.map((r) => r.region),
  REGIONS.map((r) => r.jurisdiction),
  REGIONS.map((r) => r.currency),
  STAGES,
  KINDS,
];

/** A valid version-4 UUID from a name, the same at every run (tokens insist on a real UUID). */
const uuidOf = (name: string): string => `overlay(overlay(md5(${name}) placing '4' from 13) placing 'a' from 17)::uuid`;

/** h(k): a non-negative pseudo-random integer of row i, stream k. */
const h = (k: number): string => `(hashint8(i * 16 + ${k}) + 2147483648::bigint)`;

/** Investors [from, to): the profile as PUT /v1/investors/me stores it. Returns the seconds taken. */
async function seedInvestors(db: Client, from: number, to: number): Promise<number> {
  const started = now();
  await db.query(
    `INSERT INTO investor_profiles (user_id, display_name, user_version, version, kyc_status, type, country, currency,
                                    annual_income, net_worth, self_certified_accredited, preferences, discoverable,
                                    submitted_at)
     SELECT ${uuidOf(`'investor-' || i`)}, 'Investor ' || i, 1, 2, 'VERIFIED', 'INDIVIDUAL',
            ($3::text[])[1 + ${h(4)} % 12],
            ($4::text[])[1 + ${h(4)} % 12], (50000 + ${h(13)} % 200000) * 100, (100000 + ${h(14)} % 900000) * 100,
            false,
            jsonb_build_object(
              'sectors', to_jsonb((ARRAY[($1::text[])[1 + ${h(1)} % 12], ($1::text[])[1 + ${h(2)} % 12],
                                         ($1::text[])[1 + ${h(3)} % 12]])[1 : 1 + i % 3]),
              'stages', to_jsonb((ARRAY[($5::text[])[1 + ${h(6)} % 4], ($5::text[])[1 + ${h(7)} % 4]])[1 : 1 + ${h(8)} % 2]),
              'regions', to_jsonb((ARRAY[($2::text[])[1 + ${h(4)} % 12], ($2::text[])[1 + ${h(5)} % 12]])[1 : 1 + ${h(15)} % 2]),
              'kinds', to_jsonb((ARRAY[($6::text[])[1 + ${h(9)} % 3], ($6::text[])[1 + ${h(10)} % 3]])[1 : 1 + ${h(11)} % 2]),
              'ticketMin', (1 + ${h(12)} % 100) * 10000,
              'ticketMax', (1 + ${h(12)} % 100) * 100000),
            i % 2 = 0, now()
       FROM generate_series($7::bigint, $8::bigint - 1) AS i`,
    [...LISTS, from, to],
  );
  await db.query('ANALYZE investor_profiles');
  return (now() - started) / 1000;
}

/** LIVE projects [from, to) in the matching projection, closing over the next 120 days. */
async function seedProjects(db: Client, from: number, to: number): Promise<number> {
  const started = now();
  await db.query(
    `INSERT INTO matchable_projects (project_id, project_version, owner_id, title, status, kind, sector, stage, region,
                                     jurisdiction, currency, target_amount, max_amount, min_pledge, opens_at,
                                     closes_at, funding_version, raised, pledge_count)
     SELECT ${uuidOf(`'project-' || i`)}, 2, ${uuidOf(`'owner-' || i % ${OWNERS}`)}, 'Project ' || i, 'LIVE',
            ($6::text[])[1 + ${h(1)} % 3], ($1::text[])[1 + ${h(2)} % 12], ($5::text[])[1 + ${h(3)} % 4],
            ($2::text[])[1 + ${h(4)} % 12], ($3::text[])[1 + ${h(4)} % 12], ($4::text[])[1 + ${h(4)} % 12],
            (10 + ${h(5)} % 990) * 100000, (10 + ${h(5)} % 990) * 200000, (1 + ${h(6)} % 50) * 10000,
            now() - interval '30 days', now() + (1 + ${h(7)} % 120) * interval '1 day' + (i % 86400) * interval '1 s',
            1, ((10 + ${h(5)} % 990) * 100000 * (${h(8)} % 130)) / 100, ${h(8)} % 130
       FROM generate_series($7::bigint, $8::bigint - 1) AS i`,
    [...LISTS, from, to],
  );
  await db.query('ANALYZE matchable_projects');
  return (now() - started) / 1000;
}

async function tokenFor(config: PlatformConfig, id: string, role: 'investor' | 'founder'): Promise<string> {
  return new SignJWT({ role })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(id)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(loadSigningKey(config));
}

/** Spread over the whole range, so that old and new rows are both asked for. */
const sampleIndexes = (size: number): number[] =>
  Array.from({ length: SAMPLES }, (_, j) => Math.floor(((j + 0.5) * size) / SAMPLES));

interface Requests {
  recommendations: { path: string; token: string }[];
  matches: { path: string; token: string }[];
  sampleInvestor: string;
  sampleProject: string;
}

async function requestsAt(db: Client, config: PlatformConfig, investors: number, projects: number): Promise<Requests> {
  const investorIds = (
    await db.query<{ id: string }>(`SELECT ${uuidOf(`'investor-' || i`)}::text AS id FROM unnest($1::int[]) AS i`, [
      sampleIndexes(investors),
    ])
  ).rows.map((row) => row.id);
  const sampled = (
    await db.query<{ id: string; owner: string }>(
      `SELECT project_id::text AS id, owner_id::text AS owner FROM matchable_projects
        WHERE project_id = ANY(ARRAY(SELECT ${uuidOf(`'project-' || i`)} FROM unnest($1::int[]) AS i))`,
      [sampleIndexes(projects)],
    )
  ).rows;
  return {
    recommendations: await Promise.all(
      investorIds.map(async (id) => ({
        path: '/v1/investors/me/recommendations',
        token: await tokenFor(config, id, 'investor'),
      })),
    ),
    matches: await Promise.all(
      sampled.map(async ({ id, owner }) => ({
        path: `/v1/projects/${id}/matches`,
        token: await tokenFor(config, owner, 'founder'),
      })),
    ),
    sampleInvestor: investorIds[0]!,
    sampleProject: sampled[0]!.id,
  };
}

interface SizeResult {
  label: string;
  recommendations: Measured;
  matches: Measured;
}

async function measureAt(baseUrl: string, label: string, requests: Requests): Promise<SizeResult> {
  const options = { count: REQUESTS, warmup: WARMUP };
  const result = {
    label,
    recommendations: await measureGets(baseUrl, requests.recommendations, options),
    matches: await measureGets(baseUrl, requests.matches, options),
  };
  console.log(
    `    ${label}: recommendations p50 ${fmt(result.recommendations.p50, 1)} ms p95 ` +
      `${fmt(result.recommendations.p95, 1)} ms (${fmt(result.recommendations.items, 1)} items/page); matches p50 ` +
      `${fmt(result.matches.p50, 1)} ms p95 ${fmt(result.matches.p95, 1)} ms (${fmt(result.matches.items, 1)} items/page)`,
  );
  return result;
}

async function main(): Promise<void> {
  const benchStarted = now();
  const config = await benchConfig();

  console.log('# Crowdlink matching benchmark\n');
  console.log(table([['machine', ''], ...(await describeMachine())]));
  console.log();
  const small = `${fmt(INVESTORS_SMALL)} investors / ${fmt(PROJECTS_SMALL)} projects`;
  const large = `${fmt(INVESTORS_LARGE)} investors / ${fmt(PROJECTS_LARGE)} projects`;
  console.log(
    table([
      ['setting', 'value'],
      ['database / redis prefix', `${databaseName} / ${redisPrefix}`],
      ['sizes', `${small}, then ${large} (LIVE)`],
      ['requests', `${REQUESTS} per endpoint and size, sequential, after ${WARMUP} warm-up requests`],
    ]),
  );
  console.log();

  console.log('booting investor in-process (migrations run) ...');
  const { app, baseUrl } = await serveInProcess(investorService, config);
  takeOverSignals();
  const repository = app.get(MatchingRepository);

  const db = await schemaConnection(config, investorService);

  console.log(`seeding ${small} ...`);
  const seedSmall = (await seedInvestors(db, 0, INVESTORS_SMALL)) + (await seedProjects(db, 0, PROJECTS_SMALL));
  const atSmall = await measureAt(baseUrl, small, await requestsAt(db, config, INVESTORS_SMALL, PROJECTS_SMALL));
  console.log(`growing to ${large} ...`);
  const seedLarge =
    (await seedInvestors(db, INVESTORS_SMALL, INVESTORS_LARGE)) +
    (await seedProjects(db, PROJECTS_SMALL, PROJECTS_LARGE));
  const requests = await requestsAt(db, config, INVESTORS_LARGE, PROJECTS_LARGE);
  const atLarge = await measureAt(baseUrl, large, requests);

  const verdicts: boolean[] = [];
  const row = (name: string, pick: (result: SizeResult) => Measured): string[] => {
    const ratio = pick(atLarge).p95 / pick(atSmall).p95;
    verdicts.push(ratio <= TARGET_RATIO);
    return [
      name,
      fmt(pick(atSmall).p50, 1),
      fmt(pick(atSmall).p95, 1),
      fmt(pick(atLarge).p50, 1),
      fmt(pick(atLarge).p95, 1),
      `${fmt(ratio, 2)}x`,
      `<= ${TARGET_RATIO}x`,
      ratio <= TARGET_RATIO ? 'PASS' : 'FAIL',
    ];
  };
  console.log();
  console.log(
    table([
      ['latency (ms)', 'p50 small', 'p95 small', 'p50 large', 'p95 large', 'p95 ratio', 'target', 'verdict'],
      row('GET /v1/investors/me/recommendations', (result) => result.recommendations),
      row('GET /v1/projects/:id/matches', (result) => result.matches),
    ]),
  );
  const { rows: sizes } = await db.query<{ investors: string; projects: string; keys: string }>(
    `SELECT pg_size_pretty(pg_table_size('investor_profiles')) AS investors,
            pg_size_pretty(pg_table_size('matchable_projects')) AS projects,
            pg_size_pretty(pg_relation_size('investor_profiles_match_keys_idx')) AS keys`,
  );
  console.log(
    `\nseeding: ${fmt(seedSmall, 1)} s for the small size, ${fmt(seedLarge, 1)} s to grow to the large one; ` +
      `at the large size: investor_profiles ${sizes[0]!.investors}, GIN match_keys ${sizes[0]!.keys}, ` +
      `matchable_projects ${sizes[0]!.projects}`,
  );

  console.log(`\n## plans at ${large} (EXPLAIN (ANALYZE, BUFFERS) of the service's own SQL)`);
  const investor = await repository.preferencesOf(requests.sampleInvestor);
  const project = await repository.project(requests.sampleProject);
  if (!investor || !project) throw new Error('the sampled investor or project is missing');
  const plansOk = [
    await explainPlan(
      db,
      `recommendations for investor ${investor.matchKeys.length} combination keys, sectors ${JSON.stringify(investor.sectors)}, kinds ${JSON.stringify(investor.kinds)}`,
      repository.candidateProjectsSql(),
      repository.candidateProjectsParams(investor, new Date()),
      { tables: PLAN_TABLES },
    ),
  ];
  const tiers = repository.candidateInvestorTiers(project, true);
  const names = [
    'matches tier 1 (always run): the exact combination, ticket fits',
    'matches tier 2 (run when tier 1 finds fewer than the candidate cap): the exact combination',
    'matches tier 3 (run when tiers 1 and 2 find fewer than the cap): the sector, GIN or a scan that stops at the LIMIT',
  ];
  for (const [index, tier] of tiers.entries()) {
    plansOk.push(
      await explainPlan(db, names[index]!, tier.sql, tier.params([], 300), {
        tables: PLAN_TABLES,
        // shown, not judged: under a LIMIT, with a third of the rows qualifying, the planner may
        // rightly read the table in order and stop after a few thousand, whatever its size
        informational: index === 2,
      }),
    );
  }
  verdicts.push(...plansOk);

  const pass = verdicts.every(Boolean);
  console.log(`\n${pass ? 'PASS' : 'FAIL'} (bench took ${fmt((now() - benchStarted) / 1000, 1)} s)`);
  if (!pass) process.exitCode = 1;
  await cleanup();
}

runBench(main);
