import 'tsconfig-paths/register';
import { currentTestRunId, deleteRedisKeys, dropRunDatabases, jwtKeyDirOf, redisPrefixOf } from '@crowdlink/testing';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Leaves nothing behind: the run's databases, Redis keys and dev keys go. */
export default async function globalTeardown(): Promise<void> {
  const runId = currentTestRunId();
  await dropRunDatabases(runId);
  await deleteRedisKeys(redisPrefixOf(runId));
  await rm(dirname(jwtKeyDirOf(runId)), { recursive: true, force: true });
}
