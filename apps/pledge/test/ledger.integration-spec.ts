import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createTestWorld, RunningService, startTestService, TestWorld } from '@crowdlink/testing';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, call, expectError, loginAdmin, registerActor } from '../../../test/support/api-client';
import { queryWorld } from '../../../test/support/backbone';
import { gatewayService } from '../../gateway/src/gateway.definition';
import { Journal } from '../src/ledger/journal';
import { TrialBalanceDto } from '../src/ledger/dto/trial-balance.dto';
import { pledgeService } from '../src/pledge.definition';

/*
 * The double-entry journal against the real database: every movement the settlement makes is
 * one balanced entry, posted once per reference, and the database itself refuses an entry
 * whose debits and credits differ. The trial balance is checked after every scenario.
 */

let world: TestWorld;
let gateway: RunningService;
let pledge: RunningService;
let admin: Actor;
let journal: Journal;

beforeAll(async () => {
  world = await createTestWorld();
  gateway = await startTestService(gatewayService, world);
  pledge = await startTestService(pledgeService, world);
  admin = await loginAdmin(gateway);
  journal = pledge.app.get(Journal);
}, 60_000);

afterAll(async () => {
  await pledge?.close();
  await gateway?.close();
});

const at = new Date('2026-06-01T12:00:00.000Z');

function inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return pledge.app.get<DataSource>(getDataSourceToken()).transaction(work);
}

async function trialBalance(): Promise<TrialBalanceDto> {
  const answer = await call<TrialBalanceDto>(pledge, 'GET', '/v1/admin/ledger/trial-balance', { token: admin.token });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Asserts the books balance in every currency, and answers the given accounts' balances. */
async function balancedBalancesOf(currency: string, ...names: string[]): Promise<Record<string, number>> {
  const books = await trialBalance();
  expect(books.balanced).toBe(true);
  for (const totals of books.currencies) expect(totals.debits).toBe(totals.credits);
  return Object.fromEntries(
    names.map((name) => [
      name,
      books.accounts.find((line) => line.account === name && line.currency === currency)?.balance ?? 0,
    ]),
  );
}

function linesOf(reference: string): Promise<{ account: string; debit: string; credit: string }[]> {
  return queryWorld(
    world,
    `SELECT l.account, l.debit::text AS debit, l.credit::text AS credit
       FROM pledge.journal_lines l JOIN pledge.journal_entries e ON e.id = l.entry_id
      WHERE e.reference = $1 ORDER BY l.debit DESC, l.account`,
    [reference],
  );
}

describe('Journal', () => {
  it('charges into escrow, settles to the startup and the fee, pays out, and the books balance after each', async () => {
    const projectId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    const escrow = `escrow:${projectId}`;
    const payable = `startup-payable:${projectId}`;

    await inTransaction(async (manager) => {
      expect(
        await journal.recordCharge(manager, { pledgeId: first, projectId, currency: 'USD', amount: 60_000, at }),
      ).toBe(true);
      expect(
        await journal.recordCharge(manager, { pledgeId: second, projectId, currency: 'USD', amount: 40_000, at }),
      ).toBe(true);
    });
    expect(await linesOf(`charge:${first}`)).toEqual([
      { account: 'psp-cash', debit: '60000', credit: '0' },
      { account: escrow, debit: '0', credit: '60000' },
    ]);
    expect(await balancedBalancesOf('USD', escrow)).toEqual({ [escrow]: -100_000 });

    await inTransaction((manager) =>
      journal.recordSettlement(manager, { projectId, currency: 'USD', raised: 100_000, platformFee: 5_000, at }),
    );
    expect(await linesOf(`settlement:${projectId}`)).toEqual([
      { account: escrow, debit: '100000', credit: '0' },
      { account: 'platform-fee-revenue', debit: '0', credit: '5000' },
      { account: payable, debit: '0', credit: '95000' },
    ]);
    expect(await balancedBalancesOf('USD', escrow, payable)).toEqual({ [escrow]: 0, [payable]: -95_000 });

    await inTransaction((manager) => journal.recordPayout(manager, { projectId, currency: 'USD', amount: 95_000, at }));
    expect(await linesOf(`payout:${projectId}`)).toEqual([
      { account: payable, debit: '95000', credit: '0' },
      { account: 'psp-cash', debit: '0', credit: '95000' },
    ]);
    expect(await balancedBalancesOf('USD', escrow, payable)).toEqual({ [escrow]: 0, [payable]: 0 });
  });

  it('refunds a charge back out of escrow', async () => {
    const projectId = randomUUID();
    const pledgeId = randomUUID();
    const escrow = `escrow:${projectId}`;
    const movement = { pledgeId, projectId, currency: 'EUR', amount: 25_000, at };

    await inTransaction((manager) => journal.recordCharge(manager, movement));
    expect(await balancedBalancesOf('EUR', escrow)).toEqual({ [escrow]: -25_000 });
    expect(await inTransaction((manager) => journal.recordRefund(manager, movement))).toBe(true);

    expect(await linesOf(`refund:${pledgeId}`)).toEqual([
      { account: escrow, debit: '25000', credit: '0' },
      { account: 'psp-cash', debit: '0', credit: '25000' },
    ]);
    expect(await balancedBalancesOf('EUR', escrow)).toEqual({ [escrow]: 0 });
  });

  it('posts each reference once: a repeated movement is a no-op answering false', async () => {
    const projectId = randomUUID();
    const pledgeId = randomUUID();
    const escrow = `escrow:${projectId}`;
    const charge = { pledgeId, projectId, currency: 'USD', amount: 7_000, at };
    const settlement = { projectId, currency: 'USD', raised: 7_000, platformFee: 350, at };

    expect(await inTransaction((manager) => journal.recordCharge(manager, charge))).toBe(true);
    expect(await inTransaction((manager) => journal.recordCharge(manager, { ...charge, amount: 9_000 }))).toBe(false);
    expect(await inTransaction((manager) => journal.recordSettlement(manager, settlement))).toBe(true);
    expect(await inTransaction((manager) => journal.recordSettlement(manager, settlement))).toBe(false);
    expect(await inTransaction((manager) => journal.recordPayout(manager, { ...charge, amount: 6_650 }))).toBe(true);
    expect(await inTransaction((manager) => journal.recordPayout(manager, { ...charge, amount: 6_650 }))).toBe(false);

    expect(await linesOf(`charge:${pledgeId}`)).toHaveLength(2);
    expect(await linesOf(`settlement:${projectId}`)).toHaveLength(3);
    expect(await linesOf(`payout:${projectId}`)).toHaveLength(2);
    expect(await balancedBalancesOf('USD', escrow, `startup-payable:${projectId}`)).toEqual({
      [escrow]: 0,
      [`startup-payable:${projectId}`]: 0,
    });
  });

  it('leaves out the fee line when the fee is zero', async () => {
    const projectId = randomUUID();
    await inTransaction((manager) =>
      journal.recordSettlement(manager, { projectId, currency: 'USD', raised: 12_000, platformFee: 0, at }),
    );
    expect(await linesOf(`settlement:${projectId}`)).toEqual([
      { account: `escrow:${projectId}`, debit: '12000', credit: '0' },
      { account: `startup-payable:${projectId}`, debit: '0', credit: '12000' },
    ]);
  });

  it('refuses amounts that are not positive integers, and a fee above what was raised, writing nothing', async () => {
    const projectId = randomUUID();
    const pledgeId = randomUUID();
    const charge = { pledgeId, projectId, currency: 'USD', at };
    await expect(inTransaction((manager) => journal.recordCharge(manager, { ...charge, amount: 0 }))).rejects.toThrow(
      RangeError,
    );
    await expect(inTransaction((manager) => journal.recordCharge(manager, { ...charge, amount: 1.5 }))).rejects.toThrow(
      RangeError,
    );
    await expect(
      inTransaction((manager) =>
        journal.recordSettlement(manager, { projectId, currency: 'USD', raised: 100, platformFee: 101, at }),
      ),
    ).rejects.toThrow(RangeError);
    expect(await linesOf(`charge:${pledgeId}`)).toEqual([]);
    expect(await linesOf(`settlement:${projectId}`)).toEqual([]);
  });
});

describe('the database', () => {
  const entry = (manager: EntityManager, id: string, reference: string): Promise<unknown> =>
    manager.query(
      `INSERT INTO journal_entries (id, reference, kind, currency, occurred_at) VALUES ($1, $2, 'MANUAL', 'USD', now())`,
      [id, reference],
    );
  const line = (
    manager: EntityManager,
    entryId: string,
    account: string,
    debit: number,
    credit: number,
  ): Promise<unknown> =>
    manager.query(
      `INSERT INTO journal_lines (id, entry_id, account, debit, credit, currency) VALUES ($1, $2, $3, $4, $5, 'USD')`,
      [randomUUID(), entryId, account, debit, credit],
    );

  it('refuses at commit an entry whose debits and credits differ, after accepting its lines one by one', async () => {
    const id = randomUUID();
    const reference = `manual:${id}`;
    let linesWritten = 0;
    await expect(
      inTransaction(async (manager) => {
        await entry(manager, id, reference);
        await line(manager, id, 'psp-cash', 1_000, 0);
        await line(manager, id, 'platform-fee-revenue', 0, 999);
        linesWritten = 2;
      }),
    ).rejects.toThrow(/does not balance/);
    expect(linesWritten).toBe(2);
    expect(await linesOf(reference)).toEqual([]);
    expect((await trialBalance()).balanced).toBe(true);
  });

  it('accepts the same entry hand-made when it balances', async () => {
    const id = randomUUID();
    await inTransaction(async (manager) => {
      await entry(manager, id, `manual:${id}`);
      await line(manager, id, 'psp-cash', 1_000, 0);
      await line(manager, id, 'platform-fee-revenue', 0, 1_000);
    });
    expect(await linesOf(`manual:${id}`)).toHaveLength(2);
  });

  it('refuses an entry without lines, a line on both sides, and a line in another currency than its entry', async () => {
    const id = randomUUID();
    await expect(inTransaction((manager) => entry(manager, id, `manual:${id}`))).rejects.toThrow(/does not balance/);
    await expect(
      inTransaction(async (manager) => {
        await entry(manager, id, `manual:${id}`);
        await line(manager, id, 'psp-cash', 500, 500);
      }),
    ).rejects.toThrow(/journal_lines_one_side/);
    await expect(
      inTransaction(async (manager) => {
        await entry(manager, id, `manual:${id}`);
        await manager.query(
          `INSERT INTO journal_lines (id, entry_id, account, debit, credit, currency)
           VALUES ($1, $2, 'psp-cash', 10, 0, 'EUR'), ($3, $2, 'platform-fee-revenue', 0, 10, 'EUR')`,
          [randomUUID(), id, randomUUID()],
        );
      }),
    ).rejects.toThrow(/journal_lines_entry_fk/);
  });
});

describe('GET /v1/admin/ledger/trial-balance', () => {
  it('sums the journal per currency and per account, sorted by account', async () => {
    const projectId = randomUUID();
    await inTransaction(async (manager) => {
      await journal.recordCharge(manager, { pledgeId: randomUUID(), projectId, currency: 'GBP', amount: 3_000, at });
      await journal.recordSettlement(manager, { projectId, currency: 'GBP', raised: 3_000, platformFee: 150, at });
    });

    const books = await trialBalance();
    expect(books.balanced).toBe(true);
    expect(books.currencies.find((totals) => totals.currency === 'GBP')).toEqual({
      currency: 'GBP',
      debits: 6_000,
      credits: 6_000,
      balanced: true,
    });
    expect(books.accounts.filter((account) => account.currency === 'GBP')).toEqual([
      { account: `escrow:${projectId}`, currency: 'GBP', debit: 3_000, credit: 3_000, balance: 0 },
      { account: 'platform-fee-revenue', currency: 'GBP', debit: 0, credit: 150, balance: -150 },
      { account: 'psp-cash', currency: 'GBP', debit: 3_000, credit: 0, balance: 3_000 },
      { account: `startup-payable:${projectId}`, currency: 'GBP', debit: 0, credit: 2_850, balance: -2_850 },
    ]);
    const currencies = books.currencies.map((totals) => totals.currency);
    expect(currencies).toEqual([...currencies].sort());
  });

  it('is for admins only: 403 for an investor, 401 without a token', async () => {
    const investor = await registerActor(gateway, 'investor');
    expectError(
      await call(pledge, 'GET', '/v1/admin/ledger/trial-balance', { token: investor.token }),
      403,
      'FORBIDDEN',
    );
    const anonymous = await call(pledge, 'GET', '/v1/admin/ledger/trial-balance');
    expect(anonymous.status).toBe(401);
  });
});
