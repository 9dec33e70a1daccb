import { join } from 'node:path';
import { runToEnd } from './support/run-to-end';

/*
 * `npm test` as a newcomer runs it on a machine where PostgreSQL or Redis is not running: one
 * line says which, where, and how to start it, before any test runs.
 */

const ROOT = join(__dirname, '..');
const JEST = join(ROOT, 'node_modules', '.bin', 'jest');
/** Any one spec: the run stops in its global setup, before any test. */
const A_SPEC = 'libs/domain/src/money.spec.ts';

async function testRunWith(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const { code, stdout, stderr } = await runToEnd(JEST, [A_SPEC], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code, lines: (stdout + stderr).split('\n').filter(Boolean) };
}

describe('npm test without its dependencies', () => {
  it.each([
    [
      'PostgreSQL',
      { TEST_DATABASE_ADMIN_URL: 'postgres://postgres@127.0.0.1:1/postgres' },
      /^PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/\S+ \(ECONNREFUSED\)\. Start it with: pg_ctlcluster .* \(or set TEST_DATABASE_ADMIN_URL\)$/,
    ],
    [
      'Redis',
      { TEST_REDIS_URL: 'redis://127.0.0.1:1' },
      /^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start it with: redis-server .* \(or set TEST_REDIS_URL\)$/,
    ],
  ])('says in one line that %s is missing, where, and how to start it', async (_name, env, line) => {
    const { code, lines } = await testRunWith(env);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });
});
