import { ChildProcess, spawn } from 'node:child_process';
import IORedis from 'ioredis';
import { eventually } from './eventually';
import { freePorts } from './free-ports';

/**
 * A Redis server of a test's own, on its own port, that the test may stop and start again:
 * the machine's shared Redis is never taken down under other tests.
 */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis((await freePorts(1))[0]!);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.isRunning()) return;
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await eventually(() => this.ping(), { timeoutMs: 5000 });
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running || !this.isRunning()) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  private isRunning(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  private async ping(): Promise<void> {
    const client = new IORedis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }
}
