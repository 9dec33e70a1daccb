import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  currentTestRunId,
  databaseUrl,
  eventually,
  freePorts,
  redisPrefixOf,
  templateDatabaseName,
  withAdmin,
} from '@crowdlink/testing';
import { buildOnce } from './support/marketplace-launcher';

/*
 * `npm start` as a newcomer runs it: the built launcher starts all five processes, the
 * marketplace answers through the gateway, and stopping npm stops everything cleanly.
 */

const ROOT = join(__dirname, '..');

interface Launched {
  process: ChildProcess;
  output: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm start` through npm and its shell, as a newcomer runs it; `--ignore-scripts` skips only
 * the prestart build (the run builds once, below). Its signing key is its own, not the
 * checkout's `.data/`.
 */
function launch(env: Record<string, string>): Launched {
  const child = spawn('npm', ['start', '--silent', '--ignore-scripts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      JWT_KEY_DIR: mkdtempSync(join(tmpdir(), 'crowdlink-start-jwt-')),
      ...env,
    },
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => void output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output, exit };
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

// one build per test run, shared with the other suites that start the built launcher
beforeAll(() => buildOnce(), 180_000);

describe('npm start', () => {
  const runId = currentTestRunId();
  let ports: number[];
  let launched: Launched;
  let gateway: string;

  beforeAll(async () => {
    ports = await freePorts(5);
    gateway = `http://127.0.0.1:${ports[0]}`;
    launched = launch({
      // a database that does not exist yet: the launcher creates it
      DATABASE_URL: databaseUrl(`${templateDatabaseName(runId)}_start`),
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `${redisPrefixOf(runId)}-start`,
      GATEWAY_PORT: String(ports[0]),
      PROJECT_LISTING_PORT: String(ports[1]),
      INVESTOR_PORT: String(ports[2]),
      PLEDGE_PORT: String(ports[3]),
      LOAN_LINKAGE_PORT: String(ports[4]),
    });
  });

  afterAll(async () => {
    if (launched.process.exitCode === null) launched.process.kill('SIGKILL');
  });

  it('answers /health within 60 s', async () => {
    const startedAt = Date.now();
    await eventually(
      async () => {
        const response = await fetch(`${gateway}/health`);
        if (response.status !== 200) throw new Error(`health is ${response.status}`);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  it('has created the database and every service answers its own /health', async () => {
    const exists = await withAdmin((admin) =>
      admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [`${templateDatabaseName(runId)}_start`]),
    );
    expect(exists.rowCount).toBe(1);
    for (const port of ports.slice(1)) {
      await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200), {
        timeoutMs: 30_000,
      });
    }
  });

  it('registers, logs in and shows the investor record made by another process', async () => {
    const email = `newcomer-${runId}@example.com`;
    const registered = await fetch(`${gateway}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a newcomer password', role: 'investor', displayName: 'Newcomer' }),
    });
    expect(registered.status).toBe(201);
    const login = await fetch(`${gateway}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a newcomer password' }),
    });
    expect(login.status).toBe(200);
    const authorization = `Bearer ${(await json(login)).accessToken as string}`;
    const me = await fetch(`${gateway}/v1/me`, { headers: { authorization } });
    expect(await json(me)).toMatchObject({ email, role: 'investor', displayName: 'Newcomer' });

    const investor = await eventually(async () => {
      const response = await fetch(`${gateway}/v1/investors/me`, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`investors/me is ${response.status}`);
      return json(response);
    });
    expect(investor).toMatchObject({ displayName: 'Newcomer', kycStatus: 'NOT_SUBMITTED' });
  });

  it('prefixes every line with the service that wrote it', () => {
    for (const service of ['gateway', 'project-listing', 'investor', 'pledge', 'loan-linkage']) {
      expect(launched.output.some((line) => line.startsWith(`${service.padEnd(15)} | {`))).toBe(true);
    }
  });

  it('stops all five processes within 10 s when npm is told to stop, as a supervisor or `timeout` tells it', async () => {
    const stoppingAt = Date.now();
    launched.process.kill('SIGTERM');
    const { code } = await launched.exit;
    expect(Date.now() - stoppingAt).toBeLessThan(10_000);
    expect(code).toBe(0);
    for (const port of ports) await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});

describe('npm start without its dependencies', () => {
  it.each([
    [
      'PostgreSQL',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/crowdlink' },
      /^PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/crowdlink \(ECONNREFUSED\)\. Start it with: pg_ctlcluster/,
    ],
    [
      'Redis',
      { REDIS_URL: 'redis://127.0.0.1:1' },
      /^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start it with: redis-server/,
    ],
  ])('says in one line that %s is missing, where, and how to start it', async (_name, env, line) => {
    const launched = launch({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', ...env });
    const { code } = await launched.exit;
    expect(code).toBe(1);
    expect(launched.output).toHaveLength(1);
    expect(launched.output[0]).toMatch(line);
  });
});
