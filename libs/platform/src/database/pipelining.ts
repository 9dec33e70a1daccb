import { DataSource, QueryRunner } from 'typeorm';

/**
 * Awaits two statements sent back to back on one transaction's connection (pipelined:
 * databaseOptions), one round trip for both. Start them in the order they must run, each with
 * a query call on the same manager: they reach the connection in that order, and PostgreSQL
 * runs them so, each with a fresh snapshot. Both are awaited even when the first failed, so
 * neither is left to reject unobserved; the first failure is thrown.
 */
export async function pipelined<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

/**
 * Sends `sql` and the runner's COMMIT back to back, so whatever the transaction locked is
 * released one round trip sooner. If the statement fails, the transaction is aborted and the
 * COMMIT ends it as a rollback, and the statement's error is thrown. Nothing can look at the
 * statement's result before the commit, so anything that must hold for it to commit is
 * checked inside the statement (a failed check raises).
 */
export async function runThenCommit(runner: QueryRunner, sql: string, params: unknown[]): Promise<void> {
  await pipelined(runner.query(sql, params), runner.commitTransaction());
}

/**
 * Runs `work` in a transaction that `work` ends itself: with runThenCommit, or the runner's
 * commitTransaction when it has nothing left to send. If `work` fails, the transaction is
 * rolled back unless its pipelined COMMIT already ended it, and `work`'s own error is thrown
 * (a rollback that fails too, on a lost connection, ends the same).
 */
export async function selfCommittingTransaction<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    return await work(runner);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
