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
    await this.dataSource.query(
      `INSERT INTO sandbox_payments (idempotency_key, operation, request, result)
       VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING`,
      [key, operation, JSON.stringify(request), JSON.stringify(decide())],
    );
    const [first] = (await this.dataSource.query(
      `SELECT operation = $2 AND request = $3::jsonb AS same, result FROM sandbox_payments WHERE idempotency_key = $1`,
      [key, operation, JSON.stringify(request)],
    )) as { same: boolean; result: T }[];
    if (!first.same) throw new SandboxIdempotencyError(key);
    return first.result;
  }
}
