import { newId } from '@crowdlink/domain';
import { createTestWorld, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { SandboxIdempotencyError } from '../src/payments/sandbox-payment-provider';
import { SandboxPaymentsLedger } from '../src/payments/sandbox-payments.ledger';
import { pledgeService } from '../src/pledge.definition';
import { queryWorld } from '../../../test/support/backbone';

/*
 * The sandbox's record of first results: however many calls arrive together, each idempotency
 * key keeps the result of the call recorded first, and every other call with the key gets it.
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

  it('answers every repeat of a key with the first result, however many arrive at once', async () => {
    const key = `charge:${newId()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => ledger.once(key, 'charge', { amount: 100 }, () => ({ ref: `call-${n}` }))),
    );
    const recorded = await rowsFor([key]);
    expect(recorded).toHaveLength(1);
    expect(results).toEqual(Array.from({ length: 20 }, () => recorded[0]!.result));
  });

  it('refuses a key reused with another request, at the same moment or later, and keeps the first', async () => {
    const key = `refund:${newId()}`;
    const settled = await Promise.allSettled([
      ledger.once(key, 'refund', { amount: 100 }, () => ({ ref: 'one' })),
      ledger.once(key, 'refund', { amount: 999 }, () => ({ ref: 'other' })),
    ]);
    const kept = settled.filter((call) => call.status === 'fulfilled');
    expect(kept).toHaveLength(1);
    expect(settled.filter((call) => call.status === 'rejected')).toEqual([
      { status: 'rejected', reason: expect.any(SandboxIdempotencyError) },
    ]);
    await expect(ledger.once(key, 'charge', { amount: 100 }, () => ({ ref: 'third' }))).rejects.toBeInstanceOf(
      SandboxIdempotencyError,
    );
    expect(await rowsFor([key])).toEqual([{ idempotency_key: key, result: kept[0]!.value }]);
  });
});
