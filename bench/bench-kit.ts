/**
 * What the benchmarks share: settings from the environment, percentiles, tables, and the
 * cleanup that runs even when a bench fails or is interrupted.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDependencies, createRedis, DependencyUnavailableError, quoteIdentifier } from '@crowdlink/platform';
import { ADMIN_DATABASE_URL, deleteRedisKeys, withAdmin } from '@crowdlink/testing';
import { Client } from 'pg';

export function intFromEnv(name: string, fallback: number, { min = 1 }: { min?: number } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${raw}`);
  return value;
}

export const now = (): number => performance.now();

export function benchDatabaseUrl(name: string): string {
  const url = new URL(process.env.BENCH_DATABASE_ADMIN_URL ?? ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export const fmt = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
let cleanedUp: Promise<void> | undefined;
let interrupted = false;

/** Cleanups run last-registered first. */
export function onCleanup(name: string, run: () => Promise<unknown>): void {
  cleanups.unshift({ name, run });
}

export function cleanup(): Promise<void> {
  cleanedUp ??= (async () => {
    for (const { name, run } of cleanups) {
      try {
        await run();
      } catch (error) {
        process.stderr.write(`cleanup: ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleanedUp;
}

/** Nest's shutdown hooks would re-raise the signal before the database is dropped: ours run instead. */
export function takeOverSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`\n${signal}: cleaning up\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** Runs a bench's main: failures reported, cleanup always, then exit. */
export function runBench(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      if (interrupted) return;
      const told = error instanceof DependencyUnavailableError ? error.message : undefined;
      process.stderr.write(
        `bench failed: ${told ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
      );
      process.exitCode = 1;
    })
    .finally(() =>
      cleanup().then(() => {
        setTimeout(() => process.exit(), 100).unref();
      }),
    );
}

/** p50/p95 of sequential GETs (after a warm-up), rotating over `paths`, each with its token. */
export interface Measured {
  p50: number;
  p95: number;
  items: number;
}

export async function measureGets(
  baseUrl: string,
  requests: { path: string; token?: string }[],
  { count, warmup }: { count: number; warmup: number },
): Promise<Measured> {
  const get = async ({ path, token }: { path: string; token?: string }): Promise<number> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { items: unknown[] }).items.length;
  };
  for (let i = 0; i < warmup; i++) await get(requests[i % requests.length]!);
  const latencies: number[] = [];
  let items = 0;
  for (let i = 0; i < count; i++) {
    const started = now();
    items += await get(requests[i % requests.length]!);
    latencies.push(now() - started);
  }
  latencies.sort((x, y) => x - y);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), items: items / count };
}

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of a statement with its parameters and whether it reads any of
 * `tables` sequentially; true when it does not, or when the plan is only shown, not judged.
 */
export async function explainPlan(
  db: Client,
  label: string,
  sql: string,
  parameters: unknown[],
  { tables, informational = false }: { tables: string[]; informational?: boolean },
): Promise<boolean> {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const scanned = tables.filter((table) => plan.includes(`Seq Scan on ${table}`));
  const verdict =
    scanned.length > 0 ? `SEQ SCAN on ${scanned.join(', ')}` : `indexes only, no Seq Scan on ${tables.join(' or ')}`;
  console.log(`\n-- ${label}: ${verdict}${informational ? ' (informational, not judged)' : ''}`);
  console.log(sql.replace(/\s+/g, ' ').trim());
  console.log(`-- parameters: ${JSON.stringify(parameters)}`);
  console.log(plan);
  return informational || scanned.length === 0;
}

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const runId = randomBytes(4).toString('hex');
/** This run's own database and Redis key prefix. */
export const databaseName = `crowdlink_bench_${runId}`;
export const redisPrefix = `crowdlink-bench-${runId}`;

/** Rows describing this machine, its PostgreSQL and its Redis, for a bench's header. */
export async function describeMachine(): Promise<string[][]> {
  const cpus = os.cpus();
  const [pg, pgSettings] = await withAdmin((admin) =>
    Promise.all([
      admin.query<{ v: string }>(`SELECT version() AS v`),
      admin.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'shared_buffers', 'max_connections')`,
      ),
    ]),
  );
  const redis = createRedis(REDIS_URL, { enableOfflineQueue: true });
  let redisVersion = 'unknown';
  try {
    const info = await redis.info('server');
    redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
  return [
    ['cpus', `${cpus.length} x ${cpus[0]?.model ?? 'unknown'}`],
    ['memory', `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`],
    ['os', `${os.type()} ${os.release()} ${os.arch()}`],
    ['node', process.version],
    [
      'load average at start',
      os
        .loadavg()
        .map((load) => fmt(load, 2))
        .join(' '),
    ],
    ['postgresql', pg.rows[0]!.v.split(' on ')[0]!],
    ['pg settings', pgSettings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')],
    ['redis', redisVersion],
  ];
}

/**
 * What one bench run owns: its database, its Redis key prefix and a folder for the dev JWT
 * keys, each removed at cleanup. Without PostgreSQL or Redis it stops at once, saying which.
 * Answers the settings a service needs to run on them (as environment variables, for a service
 * in a process of its own), with `overrides`.
 */
export async function benchEnvironment(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const databaseUrl = benchDatabaseUrl(databaseName);
  await checkDependencies(databaseUrl, REDIS_URL, 'public', {
    database: 'BENCH_DATABASE_ADMIN_URL',
    redis: 'BENCH_REDIS_URL',
  });
  const jwtDir = await mkdtemp(join(os.tmpdir(), 'crowdlink-bench-'));
  onCleanup('remove the dev JWT keys', () => rm(jwtDir, { recursive: true, force: true }));
  onCleanup(`drop database ${databaseName}`, () =>
    withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`)),
  );
  onCleanup(`delete Redis keys ${redisPrefix}:*`, () => deleteRedisKeys(redisPrefix, REDIS_URL));
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'silent',
    JWT_KEY_DIR: jwtDir,
    ...overrides,
  };
}

/** The service settings a bench passes on from its own environment, when set. */
export function tunablesFromEnv(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
}

const USER_HZ = 100;

/** CPU time used: by this process, and by the whole machine (PostgreSQL and Redis included). */
export interface CpuSample {
  processMicros: number;
  machineTicks?: number;
}

export function cpuSample(): CpuSample {
  const own = process.cpuUsage();
  let machineTicks: number | undefined;
  if (existsSync('/proc/stat')) {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy
    machineTicks = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  }
  return { processMicros: own.user + own.system, machineTicks };
}

/** CPU milliseconds spent per 1,000 units of work since `from`. */
export interface CpuCost {
  nodeMsPer1k: number;
  machineMsPer1k: number;
}

export function cpuCost(from: CpuSample, to: CpuSample, units: number): CpuCost {
  const machineMs =
    from.machineTicks !== undefined && to.machineTicks !== undefined
      ? ((to.machineTicks - from.machineTicks) * 1000) / USER_HZ
      : Number.NaN;
  return {
    nodeMsPer1k: (to.processMicros - from.processMicros) / units,
    machineMsPer1k: (machineMs * 1000) / units,
  };
}

/** CPU time (ms) used so far by the processes a bench cares about, by the group it names for each. */
export type CpuByGroup = Map<string, number>;

/**
 * Reads utime + stime of every process from /proc (Linux; empty elsewhere) and adds them up
 * by the group `groupOf` names (undefined: not counted). Two readings a phase apart tell how
 * the machine's CPU went to the bench's own processes, PostgreSQL, Redis and the services.
 */
export function cpuByGroup(groupOf: (pid: number, command: string) => string | undefined): CpuByGroup {
  const used: CpuByGroup = new Map();
  if (!existsSync('/proc')) return used;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const group = groupOf(pid, command);
      if (!group) continue;
      // fields after the command: state is the 1st, utime the 12th, stime the 13th (in USER_HZ ticks)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
      used.set(group, (used.get(group) ?? 0) + ms);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return used;
}

/** Per group, CPU ms spent between two readings. */
export function cpuSpent(before: CpuByGroup, after: CpuByGroup): CpuByGroup {
  return new Map([...after].map(([group, ms]) => [group, ms - (before.get(group) ?? 0)]));
}
