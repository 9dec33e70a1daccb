import { newId } from '@crowdlink/domain';
import { createTestWorld, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { SandboxIdempotencyError } from '../src/payments/sandbox-payment-provider';
import { SandboxPaymentsLedger } from '../src/payments/sandbox-payments.ledger';
import { pledgeService } from '../src/pledge.definition';
import { queryWorld } from '../../../test/support/backbone';

/*
 * The sandbox's record of first results, written in batches: whatever arrives together, each
 * idempotency key keeps its first call's result, exactly as one call at a time would.
 */

let world: TestWorld;
let pledge: RunningService;
let ledger: SandboxPaymentsLedger;

beforeAll(async () => {
  world = await createTestWorld();
  pledge = await startTestService(pledgeService, world);
  ledger = pledge.app.get(SandboxPaymentsLedger);
});

afterAll(async () => {
  await pledge?.close();
});

async function rowsFor(keys: string[]): Promise<{ idempotency_key: string; result: { ref: string } }[]> {
  return queryWorld(
    world,
    `SELECT idempotency_key, result FROM pledge.sandbox_payments WHERE idempotency_key = ANY($1)`,
    [keys],
  );
}

describe(SandboxPaymentsLedger.name, () => {
  it('records 300 concurrent calls with distinct keys, each with its own result', async () => {
    const keys = Array.from({ length: 300 }, () => `charge:${newId()}`);
    const results = await Promise.all(
      keys.map((key) => ledger.once(key, 'charge', { amount: 100 }, () => ({ ref: `ref-${key}` }))),
    );
    expect(results).toEqual(keys.map((key) => ({ ref: `ref-${key}` })));
    expect(await rowsFor(keys)).toHaveLength(300);
  });

  it('writes the calls made in one turn in one transaction, the first call among them', async () => {
    const keys = Array.from({ length: 40 }, () => `setup:${newId()}`);
    await Promise.all(keys.map((key) => ledger.once(key, 'save_payment_method', {}, () => ({ ref: key }))));
    const writes = await queryWorld<{ n: number }>(
      world,
      `SELECT count(DISTINCT created_at)::int AS n FROM pledge.sandbox_payments WHERE idempotency_key = ANY($1)`,
      [keys],
    );
    expect(writes).toEqual([{ n: 1 }]); // created_at is the writing transaction's now()
  });

  it('answers every repeat of a key with the first result, however many arrive at once', async () => {
    const key = `charge:${newId()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => ledger.once(key, 'charge', { amount: 100 }, () => ({ ref: `call-${n}` }))),
    );
    expect(new Set(results.map((result) => result.ref))).toEqual(new Set(['call-0']));
    expect(await rowsFor([key])).toEqual([{ idempotency_key: key, result: { ref: 'call-0' } }]);
  });

  it('refuses a key reused with another request, in the same burst or later, and keeps the first', async () => {
    const key = `refund:${newId()}`;
    const [first, reused] = await Promise.allSettled([
      ledger.once(key, 'refund', { amount: 100 }, () => ({ ref: 'first' })),
      ledger.once(key, 'refund', { amount: 999 }, () => ({ ref: 'second' })),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: { ref: 'first' } });
    expect(reused).toMatchObject({ status: 'rejected', reason: expect.any(SandboxIdempotencyError) });
    await expect(ledger.once(key, 'charge', { amount: 100 }, () => ({ ref: 'third' }))).rejects.toBeInstanceOf(
      SandboxIdempotencyError,
    );
    expect(await rowsFor([key])).toEqual([{ idempotency_key: key, result: { ref: 'first' } }]);
  });
});
