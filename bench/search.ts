/**
 * Showcase search benchmark: GET /v1/projects at 10k and at 100k public projects.
 *
 *   npm run bench:search
 *
 * The real project-listing service is booted in-process (createServiceApp, so its migrations
 * run) against a throwaway database and Redis prefix, removed at the end even on failure.
 * LIVE projects are seeded straight into PostgreSQL in batches (unnest arrays): varied
 * English and Chinese titles, summaries and descriptions, sectors, regions, stages, kinds,
 * amounts raised, with the search_vector computed by the same function the service writes
 * it with (projectSearchVector). ANALYZE follows each seeding.
 *
 * At each size, sequential HTTP requests (one client, after a warm-up) measure p50/p95 of
 *  (a) a filtered text search: `q` (Chinese or English, rotating) plus one filter,
 *  (b) the default listing: its first page, and a page deep inside it (a cursor at the middle).
 * The verdict compares p95 at 100k with p95 at 10k (target: at most 2x). The plans of the
 * queries at 100k (EXPLAIN ANALYZE BUFFERS of the very SQL the service runs) must use indexes.
 *
 * Tunables (environment): BENCH_SMALL, BENCH_LARGE (projects), BENCH_REQUESTS (per query and
 * size), BENCH_DATABASE_ADMIN_URL / TEST_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import 'reflect-metadata';
import { newId } from '@crowdlink/domain';
import { Client } from 'pg';
import { projectListingService } from '../apps/project-listing/src/project-listing.definition';
import { PUBLIC_STATUSES } from '../apps/project-listing/src/projects/project.model';
import { projectSearchVector } from '../apps/project-listing/src/shared/search-text';
import { ListProjectsQuery } from '../apps/project-listing/src/showcase/dto/list-projects.query';
import { encodeCursor } from '../apps/project-listing/src/showcase/showcase-cursor';
import { SEARCH_WINDOW, ShowcaseService } from '../apps/project-listing/src/showcase/showcase.service';
import {
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

// ---------------------------------------------------------------------------------------------
// settings

const SMALL = intFromEnv('BENCH_SMALL', 10_000);
const LARGE = intFromEnv('BENCH_LARGE', 100_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200);
const WARMUP = 30;
const BATCH = 5_000;
const TARGET_RATIO = 2;
const COMPANIES = 200;

// ---------------------------------------------------------------------------------------------
// realistic projects, deterministic (a seeded PRNG): the same data at every run

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20_261_126);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Word frequencies of real text are skewed: low indexes come up much more often. */
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(random() ** 2 * items.length)]!;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const EN_ADJECTIVES = [
  'organic',
  'smart',
  'solar',
  'affordable',
  'modular',
  'portable',
  'recycled',
  'autonomous',
  'local',
  'precision',
  'wireless',
  'sustainable',
  'low-cost',
  'open-source',
  'cloud',
  'electric',
  'handmade',
  'rural',
  'urban',
  'digital',
  'biodegradable',
  'compact',
  'secure',
  'clean',
  'fresh',
  'mobile',
  'industrial',
  'medical',
  'vertical',
  'circular',
];
const EN_NOUNS = [
  'cotton',
  'robot',
  'battery',
  'greenhouse',
  'clinic',
  'tutor',
  'payments',
  'kitchen',
  'warehouse',
  'vaccine',
  'bicycle',
  'drone',
  'tea',
  'coffee',
  'textile',
  'sensor',
  'platform',
  'marketplace',
  'farm',
  'fishery',
  'furniture',
  'camera',
  'ledger',
  'scooter',
  'water filter',
  'seed bank',
  'microgrid',
  'heat pump',
  'printer',
  'insurance',
  'language app',
  'bakery',
  'brewery',
  'rice',
  'silk',
  'bamboo',
  'solar panel',
  'wind turbine',
  'hearing aid',
  'prosthetic',
  'cold chain',
  'delivery van',
  'textbook',
  'game studio',
  'podcast',
  'film',
];
const EN_SENTENCES = [
  'We build {a} {n} for small businesses across {r}.',
  'Our {n} cuts costs by a third compared with imported equipment.',
  'The round funds a second production line and two {a} {n} pilots.',
  'Customers in {r} already use our {n} every day.',
  'We partner with local cooperatives to source {a} {n}.',
  'Revenue grew steadily last year, driven by {a} {n} sales.',
  'Our team spent six years designing the {n} and filed two patents.',
  'Every {n} is assembled in {r} and shipped within a week.',
  'The funds will pay for certification, marketing and a {a} {n}.',
];
const CN_ADJECTIVES = [
  '有机',
  '智能',
  '太阳能',
  '环保',
  '便携',
  '可回收',
  '自动',
  '本地',
  '精准',
  '无线',
  '可持续',
  '低成本',
  '开源',
  '云端',
  '电动',
  '手工',
  '乡村',
  '城市',
  '数字化',
  '可降解',
  '紧凑',
  '安全',
  '清洁',
  '新鲜',
  '移动',
  '工业',
  '医疗',
  '垂直',
];
const CN_NOUNS = [
  '棉花',
  '机器人',
  '电池',
  '温室',
  '诊所',
  '家教',
  '支付',
  '厨房',
  '仓库',
  '疫苗',
  '自行车',
  '无人机',
  '茶叶',
  '咖啡',
  '纺织品',
  '传感器',
  '平台',
  '市场',
  '农场',
  '渔业',
  '家具',
  '相机',
  '账本',
  '滑板车',
  '净水器',
  '种子库',
  '微电网',
  '热泵',
  '打印机',
  '保险',
  '语言应用',
  '面包店',
  '酿酒厂',
  '大米',
  '丝绸',
  '竹子',
  '光伏板',
  '风力发电机',
  '助听器',
  '假肢',
  '冷链',
  '物流车',
  '教材',
  '游戏工作室',
  '播客',
  '电影',
];
const CN_SENTENCES = [
  '我们为{r}的中小企业打造{a}{n}。',
  '与进口设备相比，我们的{n}成本降低了三分之一。',
  '本轮融资将用于第二条生产线和两个{a}{n}试点项目。',
  '{r}的客户每天都在使用我们的{n}。',
  '我们与当地合作社合作，采购{a}{n}。',
  '去年收入稳步增长，主要来自{a}{n}的销售。',
  '团队花了六年时间设计{n}，并申请了两项专利。',
  '每一台{n}都在{r}组装，一周内发货。',
  '资金将用于认证、市场推广和{a}{n}的研发。',
];
const CN_REGION_NAMES: Record<string, string> = {
  Zhejiang: '浙江',
  Guangdong: '广东',
  Jiangsu: '江苏',
  Beijing: '北京',
  Shanghai: '上海',
  Sichuan: '四川',
};

function sentence(templates: readonly string[], adjectives: readonly string[], nouns: readonly string[], r: string) {
  return pick(templates).replace('{a}', pickSkewed(adjectives)).replace('{n}', pickSkewed(nouns)).replace('{r}', r);
}

interface SeedProject {
  id: string;
  companyId: string;
  ownerId: string;
  kind: string;
  title: string;
  summary: string;
  description: string;
  sector: string;
  stage: string;
  region: string;
  jurisdiction: string;
  currency: string;
  target: number;
  raised: number;
  createdAt: string;
  opensAt: string;
  closesAt: string;
  searchVector: string;
}

const DAY_MS = 24 * 3600 * 1000;

function seedProject(companies: { id: string; ownerId: string }[], index: number, total: number): SeedProject {
  const company = pick(companies);
  const place = pick(REGIONS);
  const chinese = place.jurisdiction === 'CN' ? random() < 0.8 : random() < 0.15;
  const r = chinese ? (CN_REGION_NAMES[place.region] ?? place.region) : place.region;
  const lines = (n: number) =>
    Array.from({ length: n }, () =>
      // some descriptions mix the two languages, as bilingual pitches do
      chinese === random() < 0.85
        ? sentence(CN_SENTENCES, CN_ADJECTIVES, CN_NOUNS, r)
        : sentence(EN_SENTENCES, EN_ADJECTIVES, EN_NOUNS, r),
    );
  const title = chinese
    ? `${pickSkewed(CN_ADJECTIVES)}${pickSkewed(CN_NOUNS)}${pick(['计划', '项目', '工坊', '科技', ''])}`
    : `${pickSkewed(EN_ADJECTIVES)} ${pickSkewed(EN_NOUNS)} ${pick(['co-op', 'labs', 'project', 'works', ''])}`.trim();
  const summary = lines(1)[0]!;
  const description = lines(between(3, 7)).join(chinese ? '' : ' ');
  const target = between(10, 1_000) * 100_000;
  // created over the last two years, oldest first; a few share a timestamp
  const createdAt = new Date(Date.now() - 2 * 365 * DAY_MS + Math.floor((index / total) * 2 * 365 * DAY_MS));
  const closesAt = new Date(Date.now() + between(1, 120) * DAY_MS);
  return {
    id: newId(),
    companyId: company.id,
    ownerId: company.ownerId,
    kind: pick(KINDS),
    title,
    summary,
    description,
    sector: pickSkewed(SECTORS),
    stage: pick(STAGES),
    region: place.region,
    jurisdiction: place.jurisdiction,
    currency: place.currency,
    target,
    raised: random() < 0.1 ? 0 : Math.floor(random() * target * 1.3),
    createdAt: createdAt.toISOString(),
    opensAt: new Date(closesAt.getTime() - 60 * DAY_MS).toISOString(),
    closesAt: closesAt.toISOString(),
    searchVector: projectSearchVector({ title, summary, description }),
  };
}

async function seedCompanies(db: Client): Promise<{ id: string; ownerId: string }[]> {
  const companies = Array.from({ length: COMPANIES }, (_, i) => ({ id: newId(), ownerId: newId(), i }));
  await db.query(
    `INSERT INTO companies (id, owner_id, name, registration_number, sector, region, description)
     SELECT id, owner_id, 'Company ' || i, 'REG-' || i, 'various', 'various', 'A company of the benchmark'
       FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS c (id, owner_id, i)`,
    [companies.map((c) => c.id), companies.map((c) => c.ownerId), companies.map((c) => c.i)],
  );
  return companies;
}

/** Seeds projects [from, to) as LIVE, in batches; a third get a declared patent. Returns the seconds taken. */
async function seedProjects(
  db: Client,
  companies: { id: string; ownerId: string }[],
  from: number,
  to: number,
): Promise<number> {
  const started = now();
  for (let start = from; start < to; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, to - start) }, (_, i) =>
      seedProject(companies, start + i, LARGE),
    );
    const column = <K extends keyof SeedProject>(key: K) => batch.map((project) => project[key]);
    await db.query(
      `INSERT INTO projects (id, company_id, owner_id, status, kind, title, summary, description, sector, stage, region,
                             jurisdiction, currency, target_amount, max_amount, min_pledge, opens_at, closes_at,
                             funding_model, price_per_share, pre_money_valuation, share_class, raised, pledge_count,
                             created_at, updated_at, search_vector)
       SELECT id, company_id, owner_id, 'LIVE', kind, title, summary, description, sector, stage, region,
              jurisdiction, currency, target, target * 2, 1000, opens_at, closes_at,
              CASE WHEN kind = 'EQUITY' THEN 'ALL_OR_NOTHING' ELSE 'KEEP_IT_ALL' END,
              CASE WHEN kind = 'EQUITY' THEN 100 END, CASE WHEN kind = 'EQUITY' THEN target * 20 END,
              CASE WHEN kind = 'EQUITY' THEN 'Common' END,
              raised, raised / 50000, created_at, created_at, search_vector::tsvector
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::bigint[],
                     $15::timestamptz[], $16::timestamptz[], $17::timestamptz[], $18::text[])
           AS s (id, company_id, owner_id, kind, title, summary, description, sector, stage, region, jurisdiction,
                 currency, target, raised, created_at, opens_at, closes_at, search_vector)`,
      [
        column('id'),
        column('companyId'),
        column('ownerId'),
        column('kind'),
        column('title'),
        column('summary'),
        column('description'),
        column('sector'),
        column('stage'),
        column('region'),
        column('jurisdiction'),
        column('currency'),
        column('target'),
        column('raised'),
        column('createdAt'),
        column('opensAt'),
        column('closesAt'),
        column('searchVector'),
      ],
    );
    await db.query(
      `INSERT INTO ip_assets (id, project_id, position, type, registry_number, title, owner)
       SELECT gen_random_uuid(), id, 0, 'INVENTION_PATENT', 'ZL ' || left(md5(id::text), 10), 'Core patent', 'Founder'
         FROM unnest($1::uuid[]) AS s (id) WHERE get_byte(uuid_send(id), 15) % 3 = 0`,
      [column('id')],
    );
  }
  await db.query('ANALYZE projects');
  await db.query('ANALYZE ip_assets');
  return (now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// measuring

/** (a): a text query in either language, with one filter, rotating. */
const SEARCHES: Record<string, string>[] = [
  { q: '有机棉花', sector: 'agriculture' },
  { q: 'organic cotton', sector: 'textiles' },
  { q: '机器人', region: 'Zhejiang' },
  { q: 'solar battery', kind: 'EQUITY' },
  { q: '智能 仓库', stage: 'SEED' },
  { q: 'heat pump', region: 'Bavaria' },
  { q: '冷链物流', sector: 'logistics' },
  { q: 'clinic', sector: 'healthcare' },
  // sparse: rarely used words, found through the full-text index
  { q: '助听器', region: 'Sichuan' },
  { q: 'prosthetic hearing aid', sector: 'media' },
];

async function measure(baseUrl: string, paths: string[]): Promise<Measured> {
  return measureGets(
    baseUrl,
    paths.map((path) => ({ path })),
    { count: REQUESTS, warmup: WARMUP },
  );
}

const pathOf = (params: Record<string, string>): string => `/v1/projects?${new URLSearchParams(params).toString()}`;

/** A cursor at the middle of the default listing, as a client paging that far would hold. */
async function deepCursor(db: Client, size: number): Promise<string> {
  const { rows } = await db.query<{ id: string; key: string }>(
    `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key
       FROM projects WHERE status = ANY($1) ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [PUBLIC_STATUSES, Math.floor(size / 2)],
  );
  return encodeCursor({ sort: 'newest', key: rows[0]!.key, id: rows[0]!.id });
}

interface SizeResult {
  size: number;
  seedSeconds: number;
  search: Measured;
  first: Measured;
  deep: Measured;
}

async function measureAt(baseUrl: string, db: Client, size: number, seedSeconds: number): Promise<SizeResult> {
  const cursor = await deepCursor(db, size);
  const result = {
    size,
    seedSeconds,
    search: await measure(baseUrl, SEARCHES.map(pathOf)),
    first: await measure(baseUrl, [pathOf({})]),
    deep: await measure(baseUrl, [pathOf({ cursor })]),
  };
  console.log(
    `    ${fmt(size)} projects: (a) search p50 ${fmt(result.search.p50, 1)} ms p95 ${fmt(result.search.p95, 1)} ms ` +
      `(${fmt(result.search.items, 1)} items/page); (b) first page p50 ${fmt(result.first.p50, 1)} ms p95 ` +
      `${fmt(result.first.p95, 1)} ms; deep page p50 ${fmt(result.deep.p50, 1)} ms p95 ${fmt(result.deep.p95, 1)} ms`,
  );
  return result;
}

/** The showcase's page query for `params`, explained. */
async function explain(
  db: Client,
  showcase: ShowcaseService,
  label: string,
  params: Partial<ListProjectsQuery>,
  options: { window?: number } = {},
): Promise<boolean> {
  const query = Object.assign(new ListProjectsQuery(), params);
  const { sql, params: parameters } = showcase.pageSql(query, undefined, options);
  return explainPlan(db, label, sql, parameters, { tables: ['projects'] });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStarted = now();
  const config = await benchConfig();

  console.log('# Crowdlink showcase search benchmark\n');
  console.log(table([['machine', ''], ...(await describeMachine())]));
  console.log();
  console.log(
    table([
      ['setting', 'value'],
      ['database / redis prefix', `${databaseName} / ${redisPrefix}`],
      ['sizes', `${fmt(SMALL)} then ${fmt(LARGE)} LIVE projects`],
      ['requests', `${REQUESTS} per query and size, sequential, after ${WARMUP} warm-up requests`],
    ]),
  );
  console.log();

  console.log('booting project-listing in-process (migrations run) ...');
  const { app, baseUrl } = await serveInProcess(projectListingService, config);
  takeOverSignals();
  const showcase = app.get(ShowcaseService);

  const db = await schemaConnection(config, projectListingService);
  const companies = await seedCompanies(db);

  console.log(`seeding ${fmt(SMALL)} projects ...`);
  const small = await measureAt(baseUrl, db, SMALL, await seedProjects(db, companies, 0, SMALL));
  console.log(`growing to ${fmt(LARGE)} projects ...`);
  const large = await measureAt(baseUrl, db, LARGE, await seedProjects(db, companies, SMALL, LARGE));
  const { rows: sizes } = await db.query<{ table_size: string; search_index: string }>(
    `SELECT pg_size_pretty(pg_table_size('projects')) AS table_size,
            pg_size_pretty(pg_relation_size('projects_search_idx')) AS search_index`,
  );

  const verdicts: boolean[] = [];
  const row = (name: string, pick: (result: SizeResult) => Measured): string[] => {
    const ratio = pick(large).p95 / pick(small).p95;
    verdicts.push(ratio <= TARGET_RATIO);
    return [
      name,
      fmt(pick(small).p50, 1),
      fmt(pick(small).p95, 1),
      fmt(pick(large).p50, 1),
      fmt(pick(large).p95, 1),
      `${fmt(ratio, 2)}x`,
      `<= ${TARGET_RATIO}x`,
      ratio <= TARGET_RATIO ? 'PASS' : 'FAIL',
    ];
  };
  console.log();
  console.log(
    table([
      [
        'GET /v1/projects (ms)',
        `p50 @${fmt(SMALL)}`,
        `p95 @${fmt(SMALL)}`,
        `p50 @${fmt(LARGE)}`,
        `p95 @${fmt(LARGE)}`,
        'p95 ratio',
        'target',
        'verdict',
      ],
      row('(a) q + one filter', (result) => result.search),
      row('(b) default, first page', (result) => result.first),
      row('(b) default, middle page (cursor)', (result) => result.deep),
    ]),
  );
  console.log(
    `\nseeding: ${fmt(small.seedSeconds, 1)} s for ${fmt(SMALL)}, ${fmt(large.seedSeconds, 1)} s for ` +
      `${fmt(LARGE - SMALL)} more; at ${fmt(LARGE)}: table ${sizes[0]!.table_size}, GIN index ${sizes[0]!.search_index}`,
  );

  console.log(`\n## plans at ${fmt(LARGE)} projects (EXPLAIN (ANALYZE, BUFFERS) of the service's own SQL)`);
  const cursor = await deepCursor(db, LARGE);
  const plansOk = [
    await explain(
      db,
      showcase,
      `(a) q=有机棉花 & sector=agriculture, first step: the first ${SEARCH_WINDOW} of the listing`,
      { q: '有机棉花', sector: 'agriculture' },
      { window: SEARCH_WINDOW },
    ),
    await explain(
      db,
      showcase,
      `(a) q=organic cotton & sector=textiles, first step: the first ${SEARCH_WINDOW} of the listing`,
      { q: 'organic cotton', sector: 'textiles' },
      { window: SEARCH_WINDOW },
    ),
    await explain(
      db,
      showcase,
      `(a) q=prosthetic hearing aid & sector=media, second step (taken when the first ${SEARCH_WINDOW} do not fill the page): the full-text index`,
      { q: 'prosthetic hearing aid', sector: 'media' },
    ),
    await explain(db, showcase, '(b) default listing, first page', {}),
    await explain(db, showcase, '(b) default listing, middle page', { cursor }),
  ];
  verdicts.push(...plansOk);

  const pass = verdicts.every(Boolean);
  console.log(`\n${pass ? 'PASS' : 'FAIL'} (bench took ${fmt((now() - benchStarted) / 1000, 1)} s)`);
  if (!pass) process.exitCode = 1;
}

runBench(main);
