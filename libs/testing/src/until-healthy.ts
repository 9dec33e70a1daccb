import { ChildProcess } from 'node:child_process';
import { eventually } from './eventually';

/**
 * Waits until `GET <url>/health` answers 200 for every url, as the process `child` started
 * them. Rejects at once if `child` exits first, or when `timeoutMs` is up; the caller adds
 * what the process wrote.
 */
export async function untilHealthy(
  child: ChildProcess,
  urls: readonly string[],
  { timeoutMs, intervalMs = 200 }: { timeoutMs: number; intervalMs?: number },
): Promise<void> {
  const outcome = await eventually(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) return 'exited';
      for (const url of urls) {
        const health = await fetch(`${url}/health`);
        if (health.status !== 200) throw new Error(`${url}/health is ${health.status}`);
      }
      return 'up';
    },
    { timeoutMs, intervalMs },
  );
  if (outcome === 'exited')
    throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before it was up`);
}
