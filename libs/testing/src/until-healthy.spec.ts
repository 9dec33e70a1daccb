import { ChildProcess, spawn } from 'node:child_process';
import { freePorts } from './free-ports';
import { untilHealthy } from './until-healthy';

const started: ChildProcess[] = [];
afterEach(() => started.splice(0).forEach((child) => child.kill('SIGKILL')));

/** A node process running `script`, killed after the test. */
function nodeProcess(script: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  started.push(child);
  return child;
}

describe(untilHealthy.name, () => {
  it('resolves once /health answers 200', async () => {
    const [port] = await freePorts(1);
    // up only after a moment, as a service that runs its migrations first
    const child = nodeProcess(
      `setTimeout(() => require('node:http').createServer((q, s) => s.writeHead(q.url === '/health' ? 200 : 404).end())` +
        `.listen(${port}, '127.0.0.1'), 300)`,
    );
    await expect(untilHealthy(child, [`http://127.0.0.1:${port}`], { timeoutMs: 10_000 })).resolves.toBeUndefined();
  });

  // the helper would wait 10 minutes; the test fails at Jest's 10 s unless it gives up at the exit
  it('rejects at once when the process exits first, not at the timeout', async () => {
    const [port] = await freePorts(1);
    const child = nodeProcess('process.exit(3)');
    await expect(untilHealthy(child, [`http://127.0.0.1:${port}`], { timeoutMs: 600_000 })).rejects.toThrow(
      'the process exited (3) before it was up',
    );
  }, 10_000);

  it('rejects with the last answer when /health never says 200', async () => {
    const [port] = await freePorts(1);
    const child = nodeProcess(
      `require('node:http').createServer((q, s) => s.writeHead(503).end()).listen(${port}, '127.0.0.1')`,
    );
    await expect(untilHealthy(child, [`http://127.0.0.1:${port}`], { timeoutMs: 1_500 })).rejects.toThrow(
      `http://127.0.0.1:${port}/health is 503`,
    );
  });
});
