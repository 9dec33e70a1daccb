/**
 * `npm start`: runs the whole marketplace on this machine. Checks PostgreSQL and Redis
 * first (one clear line if either is missing), then starts the five processes with their
 * output prefixed, and stops them all together on Ctrl-C or SIGTERM.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { schemaOf, SERVICE_NAMES, ServiceName } from '@crowdlink/contracts';
import { checkDependencies, ConfigurationError, DependencyUnavailableError, loadConfig } from '@crowdlink/platform';

const STOP_DEADLINE_MS = 10_000;
const LABEL_WIDTH = Math.max(...SERVICE_NAMES.map((name) => name.length));

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const config = loadConfig(process.env);
    await checkDependencies(config.DATABASE_URL, config.REDIS_URL, schemaOf('gateway'));
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof DependencyUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const children = new Map<ServiceName, ChildProcess>();
  let stopping = false;

  const stopAll = (exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) child.kill('SIGTERM');
    const deadline = setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL');
    }, STOP_DEADLINE_MS);
    void Promise.all([...children.values()].map(exited)).then(() => {
      clearTimeout(deadline);
      process.exit(exitCode);
    });
  };

  for (const service of SERVICE_NAMES) {
    const child = spawn(process.execPath, ['--enable-source-maps', entryOf(service)], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(service, child);
    prefixLines(child.stdout!, service, process.stdout);
    prefixLines(child.stderr!, service, process.stderr);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(`${label(service)}exited (${signal ?? `code ${code}`}); stopping the others\n`);
      stopAll(code || 1);
    });
  }

  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}

function entryOf(service: ServiceName): string {
  return join(__dirname, '..', 'apps', service, 'src', 'main.js');
}

function label(service: ServiceName): string {
  return `${service.padEnd(LABEL_WIDTH)} | `;
}

function prefixLines(input: NodeJS.ReadableStream, service: ServiceName, output: NodeJS.WritableStream): void {
  createInterface({ input }).on('line', (line) => output.write(`${label(service)}${line}\n`));
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

void main();
