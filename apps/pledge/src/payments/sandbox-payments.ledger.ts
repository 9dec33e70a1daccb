import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SandboxIdempotencyError, SandboxLedger } from './sandbox-payment-provider';

/**
 * The sandbox's first results, one row per idempotency key in `sandbox_payments`. The INSERT
 * runs on its own (never in a caller's transaction), so a concurrent call with the same key
 * waits on the primary key and then reads the first result.
 */
@Injectable()
export class SandboxPaymentsLedger implements SandboxLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async once<T extends object>(key: string, operation: string, request: object, decide: () => T): Promise<T> {
    const params = [key, operation, JSON.stringify(request)];
    // one round trip (and one commit) in the usual case: the insert, or the first result
    let [first] = (await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO sandbox_payments (idempotency_key, operation, request, result)
         VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING true AS same, result)
       SELECT same, result FROM inserted
       UNION ALL
       SELECT operation = $2 AND request = $3::jsonb, result FROM sandbox_payments
        WHERE idempotency_key = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [...params, JSON.stringify(decide())],
    )) as { same: boolean; result: T }[];
    // a concurrent first call committed after this statement's snapshot: read it now
    first ??= (
      (await this.dataSource.query(
        `SELECT operation = $2 AND request = $3::jsonb AS same, result FROM sandbox_payments WHERE idempotency_key = $1`,
        params,
      )) as { same: boolean; result: T }[]
    )[0];
    if (!first?.same) throw new SandboxIdempotencyError(key);
    return first.result;
  }
}
