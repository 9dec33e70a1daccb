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
 * arrive while a write is in flight go together in the next one, so a burst of pledges costs
 * the sandbox two statements and one commit, not one commit each.
 */
@Injectable()
export class SandboxPaymentsLedger implements SandboxLedger {
  private pending: PendingCall[] = [];
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
      void this.writeNext();
    });
    if (!first.same) throw new SandboxIdempotencyError(key);
    return first.result as T;
  }

  private async writeNext(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const calls = this.pending;
    this.pending = [];
    try {
      const firsts = await this.record(calls);
      calls.forEach((call, index) => call.resolve(firsts[index]!));
    } catch (error) {
      for (const call of calls) call.reject(error);
    } finally {
      this.writing = false;
      void this.writeNext();
    }
  }

  /**
   * Inserts each key's first call (in arrival order: of two calls with one key, the earlier
   * wins) and then reads, for every call, whether it matches the row its key holds. The
   * INSERT waits for a concurrent writer of the same key to commit, so the read finds it.
   */
  private async record(calls: PendingCall[]): Promise<{ same: boolean; result: unknown }[]> {
    const params = [
      calls.map((call) => call.key),
      calls.map((call) => call.operation),
      calls.map((call) => call.request),
      calls.map((call) => call.result),
    ];
    await this.dataSource.query(
      `INSERT INTO sandbox_payments (idempotency_key, operation, request, result)
       SELECT key, operation, request, result
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY AS c(key, operation, request, result, n)
        ORDER BY n
       ON CONFLICT (idempotency_key) DO NOTHING`,
      params,
    );
    const rows = (await this.dataSource.query(
      `SELECT s.operation = c.operation AND s.request = c.request AS same, s.result
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) WITH ORDINALITY AS c(key, operation, request, result, n)
         JOIN sandbox_payments s ON s.idempotency_key = c.key
        ORDER BY c.n`,
      params,
    )) as { same: boolean; result: unknown }[];
    if (rows.length !== calls.length) throw new Error('sandbox_payments lost a row it had just recorded');
    return rows;
  }
}
