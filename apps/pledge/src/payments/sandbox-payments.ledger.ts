import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SandboxIdempotencyError, SandboxLedger } from './sandbox-payment-provider';

/**
 * The sandbox's first results, one row per idempotency key in `sandbox_payments`, each
 * written on its own (never in a caller's transaction), as Stripe keeps its own records.
 */
@Injectable()
export class SandboxPaymentsLedger implements SandboxLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement: inserts the key's first call, or, for a key already recorded, takes the
   * recorded row instead (DO UPDATE changes nothing, but waits for a concurrent writer of the
   * key to commit and returns its row, which DO NOTHING would not), and says whether this call
   * matches it.
   */
  async once<T extends object>(key: string, operation: string, request: object, decide: () => T): Promise<T> {
    const [first] = (await this.dataSource.query(
      `INSERT INTO sandbox_payments (idempotency_key, operation, request, result) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = sandbox_payments.idempotency_key
       RETURNING operation = $2 AND request = $3::jsonb AS same, result`,
      [key, operation, JSON.stringify(request), JSON.stringify(decide())],
    )) as { same: boolean; result: T }[];
    if (!first.same) throw new SandboxIdempotencyError(key);
    return first.result;
  }
}
