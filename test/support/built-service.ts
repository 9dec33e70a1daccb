import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceName } from '@crowdlink/contracts';
import { freePorts, TestWorld, untilHealthy } from '@crowdlink/testing';
import { buildOnce } from './marketplace-launcher';

/*
 * One service as a real OS process (`node dist/apps/<service>/src/main.js`, as in
 * production), against a test world: for the specs that must kill it for real, mid-work.
 */

const ROOT = join(__dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 60_000;

export interface BuiltService {
  url: string;
  process: ChildProcess;
  /** Every line it wrote. */
  output: string[];
  /** SIGKILL: no shutdown hook runs, as when the machine dies. */
  kill(): Promise<void>;
  /** SIGTERM, and waits for the process to exit. */
  stop(): Promise<void>;
}

const PORT_VARIABLES: Record<Exclude<ServiceName, 'gateway'>, string> = {
  'project-listing': 'PROJECT_LISTING_PORT',
  investor: 'INVESTOR_PORT',
  pledge: 'PLEDGE_PORT',
  'loan-linkage': 'LOAN_LINKAGE_PORT',
};

/** Builds dist/ once per test run, starts the service and waits for its /health. */
export async function startBuiltService(
  service: Exclude<ServiceName, 'gateway'>,
  world: TestWorld,
  env: Record<string, string> = {},
): Promise<BuiltService> {
  await buildOnce();
  const [port] = await freePorts(1);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', service, 'src', 'main.js')], {
    // a directory without a .env, so only the world's settings apply
    cwd: mkdtempSync(join(tmpdir(), `crowdlink-${service}-`)),
    env: { PATH: process.env.PATH, ...world.env, HOST: '127.0.0.1', [PORT_VARIABLES[service]]: String(port), ...env },
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (process.env.TEST_LOG_LEVEL) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  await untilHealthy(child, [url], { timeoutMs: STARTUP_TIMEOUT_MS }).catch(async (error: Error) => {
    await signal('SIGKILL');
    throw new Error(`${service} did not start: ${error.message}\n${output.join('\n')}`);
  });
  return { url, process: child, output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
