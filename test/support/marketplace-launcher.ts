import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { currentTestRunId, eventually, freePorts, jwtKeyDirOf, TestWorld, untilHealthy } from '@crowdlink/testing';

/*
 * The marketplace as `npm start` runs it, for the cross-service suites: the built launcher
 * with its five processes, on free ports, against a test world's database and Redis prefix.
 */

const ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(ROOT, 'dist', 'scripts', 'start.js');
const BUILD_TIMEOUT_MS = 180_000;

/**
 * `npm run build` once per test run, however many suites need dist/: two tsc processes
 * writing one dist/ at once could leave it half written. The first caller builds; the
 * others wait for its outcome (empty: built; else why not).
 */
export async function buildOnce(): Promise<void> {
  const runDir = dirname(jwtKeyDirOf(currentTestRunId()));
  const lock = join(runDir, 'build.lock');
  const outcome = join(runDir, 'build.outcome');
  mkdirSync(runDir, { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const failure = await eventually(
      () => {
        if (!existsSync(outcome)) throw new Error('another suite is still building dist/');
        return readFileSync(outcome, 'utf8');
      },
      { timeoutMs: BUILD_TIMEOUT_MS, intervalMs: 250 },
    );
    if (failure) throw new Error(`npm run build failed in another suite: ${failure}`);
    return;
  }
  try {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, timeout: BUILD_TIMEOUT_MS });
    writeFileSync(outcome, '');
  } catch (error) {
    writeFileSync(outcome, (error as Error).message);
    throw error;
  }
}

export interface LaunchedMarketplace {
  /** The gateway, the one address clients use. */
  url: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 90_000;

/**
 * Starts the built launcher on the world's database and Redis prefix and waits for every
 * process's /health. Set TEST_LOG_LEVEL to see the processes' logs as they come.
 */
export async function launchMarketplace(
  world: TestWorld,
  env: Record<string, string> = {},
): Promise<LaunchedMarketplace> {
  const [gateway, projectListing, investor, pledge, loanLinkage] = await freePorts(5);
  const child = spawn(process.execPath, [LAUNCHER], {
    cwd: mkdtempSync(join(tmpdir(), 'crowdlink-e2e-')),
    env: {
      PATH: process.env.PATH,
      ...world.env,
      // kept in memory and shown only when the launch fails
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // five processes share PostgreSQL with the other suites running beside this one
      DATABASE_POOL_SIZE: '5',
      GATEWAY_PORT: String(gateway),
      PROJECT_LISTING_PORT: String(projectListing),
      INVESTOR_PORT: String(investor),
      PLEDGE_PORT: String(pledge),
      LOAN_LINKAGE_PORT: String(loanLinkage),
      ...env,
    },
  });
  // every line the five processes write, prefixed with the service's name: the story of a failed launch
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (process.env.TEST_LOG_LEVEL) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };

  const urls = [gateway, projectListing, investor, pledge, loanLinkage].map((port) => `http://127.0.0.1:${port}`);
  await untilHealthy(child, urls, { timeoutMs: STARTUP_TIMEOUT_MS, intervalMs: 250 }).catch(async (error: Error) => {
    await stop();
    throw new Error(`the marketplace did not come up: ${error.message}\n${output.join('\n')}`);
  });
  return { url: `http://127.0.0.1:${gateway}`, stop };
}
