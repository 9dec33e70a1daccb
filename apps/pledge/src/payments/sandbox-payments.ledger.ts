import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SandboxIdempotencyError, SandboxLedger } from './sandbox-payment-provider';

interface PendingCall {
  key: string;
  operation: string;
  request: string;
  result: string;
  resolve(first: { same: boolean; result: unknown }): void;
  reject(error: unknown): void;
}

/**
 * The sandbox's first results, one row per idempotency key in `sandbox_payments`, written on
 * their own (never in a caller's transaction), as Stripe keeps its own records. Calls that
 * arrive while a write is in flight go together in the next one, and a write starts on the
 * event loop's next turn, so the calls of one burst of pledges share it: the burst costs the
 * sandbox one statement and one commit, not one commit each.
 */
@Injectable()
export class SandboxPaymentsLedger implements SandboxLedger {
  private pending: PendingCall[] = [];
  /** A write is due or in flight: calls made meanwhile wait for it to take them. */
  private writing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async once<T extends object>(key: string, operation: string, request: object, decide: () => T): Promise<T> {
    const first = await new Promise<{ same: boolean; result: unknown }>((resolve, reject) => {
      this.pending.push({
        key,
        operation,
        request: JSON.stringify(request),
        result: JSON.stringify(decide()),
        resolve,
        reject,
      });
      if (this.writing) return;
      this.writing = true;
      setImmediate(() => void this.writePending());
    });
    if (!first.same) throw new SandboxIdempotencyError(key);
    return first.result as T;
  }

  /** Writes the pending calls, then those that arrived meanwhile, until none is left. */
  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const calls = this.pending;
      this.pending = [];
      try {
        const firsts = await this.record(calls);
        calls.forEach((call, index) => call.resolve(firsts[index]!));
      } catch (error) {
        for (const call of calls) call.reject(error);
      }
    }
    this.writing = false;
  }

  /**
   * One statement: inserts each key's first call (of two calls with one key in the burst, the
   * earlier wins), and for a key already recorded takes the recorded row instead (DO UPDATE
   * changes nothing, but waits for a concurrent writer of the key to commit and returns its
   * row, which DO NOTHING would not); then says, for every call, whether it matches the row its
   * key holds. Keys are written in key order, so two processes' bursts never wait on each other
   * in a cycle.
   */
  private async record(calls: PendingCall[]): Promise<{ same: boolean; result: unknown }[]> {
    const rows = (await this.dataSource.query(
      `WITH calls AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY
           AS c(key, operation, request, result, n)),
       firsts AS (
         INSERT INTO sandbox_payments (idempotency_key, operation, request, result)
         SELECT DISTINCT ON (key) key, operation, request, result FROM calls ORDER BY key, n
         ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = sandbox_payments.idempotency_key
         RETURNING idempotency_key, operation, request, result)
       SELECT f.operation = c.operation AND f.request = c.request AS same, f.result
         FROM calls c JOIN firsts f ON f.idempotency_key = c.key
        ORDER BY c.n`,
      [
        calls.map((call) => call.key),
        calls.map((call) => call.operation),
        calls.map((call) => call.request),
        calls.map((call) => call.result),
      ],
    )) as { same: boolean; result: unknown }[];
    if (rows.length !== calls.length) throw new Error('sandbox_payments lost a row it had just recorded');
    return rows;
  }
}
