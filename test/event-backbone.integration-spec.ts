import { getDataSourceToken } from '@nestjs/typeorm';
import {
  deliveryBatchJobId,
  deliveryJobId,
  Event,
  EventType,
  inboxQueueName,
  deadLetterQueueName,
  UserSnapshotV1,
} from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import {
  BullMqConnections,
  DeadLetter,
  DeadLetterOffice,
  envelopeOf,
  EVENT_BATCH_JOB_NAME,
  INBOX_JOB_OPTIONS,
  MessagingJanitor,
  OutboxDelivery,
  OutboxPublisher,
  OutboxRelay,
} from '@crowdlink/messaging';
import {
  createTestWorld,
  eventually,
  PrivateRedis,
  RunningService,
  startTestService,
  TestWorld,
} from '@crowdlink/testing';
import { Job, Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { gatewayService } from '../apps/gateway/src/gateway.definition';
import { investorService } from '../apps/investor/src/investor.definition';
import { applyUserSnapshots } from '../apps/investor/src/investors/investor-user.projection';

/*
 * The event backbone as architecture.md describes it, proven against real PostgreSQL and
 * Redis with the real producer (gateway) and consumer (investor): outbox in the producer's
 * transaction, relay to the consumer's inbox queue, inbox guard in the consumer.
 */

const dataSourceOf = (service: RunningService): DataSource => service.app.get(getDataSourceToken());

function snapshot(overrides: Partial<UserSnapshotV1> = {}): UserSnapshotV1 {
  return {
    userId: newId(),
    role: 'investor',
    displayName: 'Grace',
    organizationId: null,
    userVersion: 1,
    ...overrides,
  };
}

/** Publishes a user event through the gateway's outbox, committing or rolling back. */
async function publishUserEvent(
  gateway: RunningService,
  type: 'user.registered' | 'user.profile-changed',
  user: UserSnapshotV1,
  outcome: 'commit' | 'rollback' = 'commit',
): Promise<void> {
  const publisher = gateway.app.get(OutboxPublisher);
  const published = dataSourceOf(gateway).transaction(async (manager) => {
    await publisher.publish(manager, type, {
      aggregateId: user.userId,
      aggregateVersion: user.userVersion,
      payload: user,
    });
    if (outcome === 'rollback') throw new Error('the state change failed');
  });
  if (outcome === 'rollback') await expect(published).rejects.toThrow('the state change failed');
  else await published;
}

async function profileOf(
  investor: RunningService,
  userId: string,
): Promise<{ display_name: string; user_version: number } | undefined> {
  const rows = await dataSourceOf(investor).query(
    `SELECT display_name, user_version FROM investor_profiles WHERE user_id = $1`,
    [userId],
  );
  return rows[0];
}

async function arrivedProfile(investor: RunningService, userId: string, timeoutMs = 10_000) {
  return eventually(
    async () => {
      const profile = await profileOf(investor, userId);
      if (!profile) throw new Error(`no investor profile for ${userId} yet`);
      return profile;
    },
    { timeoutMs },
  );
}

function envelope<T extends EventType>(type: T, user: UserSnapshotV1): Event<T> {
  return {
    id: newId(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'gateway',
    aggregateId: user.userId,
    aggregateVersion: user.userVersion,
    payload: user,
  } as unknown as Event<T>;
}

function queueOf(world: TestWorld, name: string): Queue {
  return new Queue(name, { connection: { url: world.env.REDIS_URL }, prefix: world.redisPrefix });
}

/** A job once it has finished; finishedOn and returnvalue are written together by BullMQ. */
async function finished(queue: Queue, jobId: string): Promise<Job> {
  return eventually(async () => {
    const job = await queue.getJob(jobId);
    if (!job?.finishedOn) throw new Error(`job ${jobId} has not finished`);
    return job;
  });
}

describe('event backbone', () => {
  let world: TestWorld;
  let gateway: RunningService;
  let investor: RunningService;
  let inbox: Queue;
  let deadLetters: Queue;

  beforeAll(async () => {
    world = await createTestWorld();
    [gateway, investor] = await Promise.all([
      startTestService(gatewayService, world),
      startTestService(investorService, world),
    ]);
    inbox = queueOf(world, inboxQueueName('investor'));
    deadLetters = queueOf(world, deadLetterQueueName('investor'));
  });

  afterAll(async () => {
    await Promise.all([inbox?.close(), deadLetters?.close()]);
    await Promise.all([gateway?.close(), investor?.close()]);
  });

  it('delivers a committed event to its consumer, who applies it', async () => {
    const user = snapshot({ displayName: 'Committed' });
    await publishUserEvent(gateway, 'user.registered', user);
    await expect(arrivedProfile(investor, user.userId)).resolves.toEqual({
      display_name: 'Committed',
      user_version: 1,
    });
  });

  it('publishes nothing from a rolled-back transaction', async () => {
    const rolledBack = snapshot({ displayName: 'Never happened' });
    const committedAfter = snapshot({ displayName: 'Happened' });
    await publishUserEvent(gateway, 'user.registered', rolledBack, 'rollback');
    await publishUserEvent(gateway, 'user.registered', committedAfter);

    // the later commit has been relayed and consumed, so the earlier one had every chance
    await arrivedProfile(investor, committedAfter.userId);
    expect(await profileOf(investor, rolledBack.userId)).toBeUndefined();
    const outboxRows = await dataSourceOf(gateway).query(
      `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1`,
      [rolledBack.userId],
    );
    expect(outboxRows[0].n).toBe(0);
  });

  it('has no second effect when the same event is delivered again', async () => {
    const user = snapshot({ displayName: 'Once' });
    const event = envelope('user.registered', user);
    await inbox.add(event.type, event, { jobId: 'first-delivery' });
    await expect(finished(inbox, 'first-delivery')).resolves.toHaveProperty('returnvalue', ['handled']);

    await inbox.add(event.type, event, { jobId: 'second-delivery' });
    await expect(finished(inbox, 'second-delivery')).resolves.toHaveProperty('returnvalue', ['duplicate']);
    const inboxRows = await dataSourceOf(investor).query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [
      event.id,
    ]);
    expect(inboxRows[0].n).toBe(1);
  });

  it('applies an event exactly once when 20 copies arrive at the same moment', async () => {
    const event = envelope('user.registered', snapshot({ displayName: 'Raced' }));
    const ids = Array.from({ length: 20 }, (_, copy) => `raced-${event.id}-${copy}`);
    await inbox.addBulk(ids.map((jobId) => ({ name: event.type, data: event, opts: { jobId } })));

    const outcomes = (await Promise.all(ids.map(async (jobId) => (await finished(inbox, jobId)).returnvalue))).flat();
    expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(19);
  });

  it('parks a malformed event in the dead-letter queue with the reason, and keeps consuming', async () => {
    const malformed = envelope('user.registered', snapshot({ role: 'pirate' as never, displayName: '' }));
    const unknownType = { ...envelope('user.registered', snapshot()), type: 'user.teleported' };
    await inbox.add(malformed.type, malformed, { jobId: 'malformed' });
    await inbox.add('user.teleported', unknownType, { jobId: 'unknown-type' });
    const healthy = snapshot({ displayName: 'After the bad ones' });
    await inbox.add('user.registered', envelope('user.registered', healthy), { jobId: 'healthy-after' });

    await arrivedProfile(investor, healthy.userId);
    const parked = await eventually(async () => {
      const letters = await Promise.all(['malformed', 'unknown-type'].map((id) => deadLetters.getJob(id)));
      if (letters.some((letter) => !letter)) throw new Error('not dead-lettered yet');
      return letters.map((letter) => letter!.data as DeadLetter);
    });
    expect(parked[0].reason).toMatch(/role/);
    expect(parked[0].reason).toMatch(/displayName/);
    expect(parked[0].event).toEqual(malformed);
    expect(parked[1].reason).toMatch(/unknown event type "user.teleported"/);
    expect(await profileOf(investor, malformed.aggregateId)).toBeUndefined();
  });

  it('keeps the newest state when older events arrive after newer ones', async () => {
    const userId = newId();
    const v1 = envelope('user.registered', snapshot({ userId, displayName: 'Name v1', userVersion: 1 }));
    const v2 = envelope('user.profile-changed', snapshot({ userId, displayName: 'Name v2', userVersion: 2 }));
    const v3 = envelope('user.profile-changed', snapshot({ userId, displayName: 'Name v3', userVersion: 3 }));

    for (const [event, jobId] of [
      [v3, 'v3'],
      [v2, 'v2'],
      [v1, 'v1'],
    ] as const) {
      await inbox.add(event.type, event, { jobId: `${userId}-${jobId}` });
      await finished(inbox, `${userId}-${jobId}`);
    }
    expect(await profileOf(investor, userId)).toEqual({ display_name: 'Name v3', user_version: 3 });
  });

  it('applies a burst of repeated, interleaved and out-of-order events as if one at a time', async () => {
    // per user: v3 then v2 (same type, one run), then v1 (another type), every event twice
    const users = Array.from({ length: 40 }, (_, n) => ({ userId: newId(), name: `Burst ${n}` }));
    const versions = (userVersion: number) =>
      users.map(({ userId, name }) =>
        envelope(
          userVersion === 1 ? 'user.registered' : 'user.profile-changed',
          snapshot({ userId, displayName: `${name} v${userVersion}`, userVersion }),
        ),
      );
    const [v1, v2, v3] = [versions(1), versions(2), versions(3)];
    const events = [...users.flatMap((_, n) => [v3[n]!, v2[n]!]), ...v1];
    const jobs = events.flatMap((event) =>
      [1, 2].map((copy) => ({ name: event.type, data: event, opts: { jobId: `burst-${event.id}-${copy}` } })),
    );
    await inbox.addBulk(jobs);

    const outcomes = (
      await Promise.all(jobs.map(async ({ opts }) => (await finished(inbox, opts.jobId)).returnvalue))
    ).flat();
    expect(outcomes.filter((outcome) => outcome === 'handled')).toHaveLength(events.length);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(events.length);
    for (const { userId, name } of users) {
      expect(await profileOf(investor, userId)).toEqual({ display_name: `${name} v3`, user_version: 3 });
    }
  });

  it('fails only the bad event of a burst; the rest of its group still commits together', async () => {
    const users = Array.from({ length: 40 }, (_, n) => snapshot({ displayName: `Group ${n}` }));
    // valid as a payload, but past PostgreSQL's integer column: its effect fails in the database
    const bad = envelope('user.registered', snapshot({ displayName: 'Too far', userVersion: 3_000_000_000 }));
    const events = users.map((user) => envelope('user.registered', user));
    events.splice(20, 0, bad);
    await inbox.addBulk(
      events.map((event) => ({ name: event.type, data: event, opts: { jobId: `group-${event.id}` } })),
    );

    for (const user of users) await arrivedProfile(investor, user.userId);
    const failedJob = await eventually(async () => {
      const job = await inbox.getJob(`group-${bad.id}`);
      if (!job?.failedReason) throw new Error('the bad event has not failed yet');
      return job;
    });
    expect(failedJob.failedReason).toMatch(/out of range/);
    expect(await profileOf(investor, bad.aggregateId)).toBeUndefined();
    // profiles written in one transaction share its now(): a few groups, not one per event
    const [{ transactions }] = await dataSourceOf(investor).query(
      `SELECT count(DISTINCT created_at)::int AS transactions FROM investor_profiles WHERE user_id = ANY($1)`,
      [users.map((user) => user.userId)],
    );
    expect(transactions).toBeLessThanOrEqual(10);
  });

  it('sends each consumer one job per relay pass, carrying all of its events', async () => {
    const relay = gateway.app.get(OutboxRelay);
    await relay.stop(); // so that the 30 events go in one pass
    try {
      const users = Array.from({ length: 30 }, (_, n) => snapshot({ displayName: `Pass ${n}` }));
      const publisher = gateway.app.get(OutboxPublisher);
      await dataSourceOf(gateway).transaction(async (manager) => {
        for (const user of users) {
          await publisher.publish(manager, 'user.registered', {
            aggregateId: user.userId,
            aggregateVersion: 1,
            payload: user,
          });
        }
      });
      const unsent: { id: string }[] = await dataSourceOf(gateway).query(
        `SELECT id FROM outbox WHERE published_at IS NULL ORDER BY next_attempt_at, id`,
      );
      expect(unsent).toHaveLength(30);

      await expect(relay.relayOnce()).resolves.toBe(30);

      const job = await finished(
        inbox,
        deliveryBatchJobId(
          unsent.map((row) => row.id),
          'investor',
        ),
      );
      expect(job.name).toBe(EVENT_BATCH_JOB_NAME);
      expect((job.data as { events: Event[] }).events.map((event) => event.aggregateId)).toEqual(
        users.map((user) => user.userId),
      );
      expect(job.returnvalue).toEqual(users.map(() => 'handled'));
      for (const user of users) await expect(profileOf(investor, user.userId)).resolves.toBeDefined();
    } finally {
      relay.start();
    }
  });

  it('parks a malformed event of a batch on its own and applies the rest', async () => {
    const [before, after] = [snapshot({ displayName: 'Before' }), snapshot({ displayName: 'After' })];
    const malformed = envelope('user.registered', snapshot({ displayName: '' }));
    const events = [envelope('user.registered', before), malformed, envelope('user.registered', after)];
    await inbox.add(EVENT_BATCH_JOB_NAME, { events }, { jobId: 'batch-with-a-malformed-event' });

    const job = await finished(inbox, 'batch-with-a-malformed-event');
    expect(job.returnvalue).toEqual(['handled', 'dead-lettered', 'handled']);
    expect(await profileOf(investor, before.userId)).toMatchObject({ display_name: 'Before' });
    expect(await profileOf(investor, after.userId)).toMatchObject({ display_name: 'After' });
    expect(await profileOf(investor, malformed.aggregateId)).toBeUndefined();
    const letter = await deadLetters.getJob('batch-with-a-malformed-event.1');
    expect(letter?.data).toMatchObject({ event: malformed, reason: expect.stringMatching(/displayName/) });
  });

  it('commits the rest of a batch when one event fails, and retries that event in a job of its own', async () => {
    const users = Array.from({ length: 10 }, (_, n) => snapshot({ displayName: `Batch ${n}` }));
    const bad = envelope('user.registered', snapshot({ displayName: 'Too far', userVersion: 3_000_000_000 }));
    const events = users.map((user) => envelope('user.registered', user));
    events.splice(5, 0, bad);
    await inbox.add(EVENT_BATCH_JOB_NAME, { events }, { jobId: 'batch-with-a-failing-event' });

    const job = await finished(inbox, 'batch-with-a-failing-event');
    expect(job.returnvalue).toEqual(events.map((event) => (event === bad ? 'retried-alone' : 'handled')));
    for (const user of users) await expect(profileOf(investor, user.userId)).resolves.toBeDefined();
    const retried = await eventually(async () => {
      const alone = await inbox.getJob(deliveryJobId(bad.id, 'investor'));
      if (!alone?.failedReason) throw new Error('the failing event has not been retried on its own yet');
      return alone;
    });
    expect(retried.data).toEqual(bad);
    expect(retried.failedReason).toMatch(/out of range/);
    expect(await profileOf(investor, bad.aggregateId)).toBeUndefined();
  });

  it('sends parked events back to the inbox when asked, and removes their letters', async () => {
    const office = new DeadLetterOffice('investor', investor.app.get(BullMqConnections));
    const lone = envelope('user.registered', snapshot({ displayName: 'Parked alone' }));
    const batch = ['Parked in a batch', 'Parked in a batch too'].map((displayName) =>
      envelope('user.registered', snapshot({ displayName })),
    );
    const parked = (name: string, event: unknown): DeadLetter => ({
      job: { id: `job-of-${name}`, name, attemptsMade: 8 },
      event,
      reason: 'handler failed 8 times: the handler had a bug, since mended',
      failedAt: new Date().toISOString(),
    });
    // as consumers park them: an event that kept failing, and a batch parked whole by an older consumer
    await deadLetters.add(lone.type, parked(lone.type, lone), { jobId: 'office-lone' });
    await deadLetters.add(EVENT_BATCH_JOB_NAME, parked(EVENT_BATCH_JOB_NAME, { events: batch }), {
      jobId: 'office-batch',
    });

    expect(await office.list()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'office-lone',
          type: 'user.registered',
          events: 1,
          reason: expect.stringMatching(/mended/),
        }),
        expect.objectContaining({ id: 'office-batch', type: EVENT_BATCH_JOB_NAME, events: 2 }),
      ]),
    );
    await expect(office.replay(['office-lone', 'office-batch'])).resolves.toBe(3);

    for (const event of [lone, ...batch]) {
      await expect(arrivedProfile(investor, event.aggregateId)).resolves.toMatchObject({
        display_name: event.payload.displayName,
      });
    }
    expect(await deadLetters.getJob('office-lone')).toBeUndefined();
    expect(await deadLetters.getJob('office-batch')).toBeUndefined();
    await expect(office.replay(['office-lone'])).rejects.toThrow(/no dead letter office-lone/);
  });

  it('applies several snapshots of one user in one statement as their newest', async () => {
    const userId = newId();
    const banker = snapshot({ role: 'bank' });
    await dataSourceOf(investor).transaction((manager) =>
      applyUserSnapshots(manager, [
        snapshot({ userId, displayName: 'Second', userVersion: 2 }),
        snapshot({ userId, displayName: 'Third', userVersion: 3 }),
        snapshot({ userId, displayName: 'First', userVersion: 1 }),
        banker,
      ]),
    );
    expect(await profileOf(investor, userId)).toEqual({ display_name: 'Third', user_version: 3 });
    expect(await profileOf(investor, banker.userId)).toBeUndefined();
  });

  it('redelivers after a relay dies between publishing and marking sent, with no second effect', async () => {
    const relay = gateway.app.get(OutboxRelay);
    await relay.stop(); // stop the background relay so this test plays the crash
    try {
      const user = snapshot({ displayName: 'Crash survivor' });
      await publishUserEvent(gateway, 'user.registered', user);

      // a relay claims the row and hands it to Redis, then dies before its commit
      const crashed = dataSourceOf(gateway).transaction(async (manager) => {
        const rows = await relay.claim(manager);
        await gateway.app.get(OutboxDelivery).deliver(rows.map((row) => envelopeOf(row, 'gateway')));
        throw new Error('killed before marking sent');
      });
      await expect(crashed).rejects.toThrow('killed before marking sent');
      const [{ id: eventId }] = await dataSourceOf(gateway).query(`SELECT id FROM outbox WHERE aggregate_id = $1`, [
        user.userId,
      ]);
      const jobId = deliveryBatchJobId([eventId], 'investor');
      await expect(finished(inbox, jobId)).resolves.toHaveProperty('returnvalue', ['handled']);
      const unsent = await dataSourceOf(gateway).query(`SELECT published_at FROM outbox WHERE id = $1`, [eventId]);
      expect(unsent[0].published_at).toBeNull();

      // BullMQ forgets job ids once completed jobs are cleaned; only the inbox guards then
      await (await inbox.getJob(jobId))!.remove();
      await relay.relayOnce();

      await expect(finished(inbox, jobId)).resolves.toHaveProperty('returnvalue', ['duplicate']);
      const sent = await dataSourceOf(gateway).query(`SELECT published_at FROM outbox WHERE id = $1`, [eventId]);
      expect(sent[0].published_at).not.toBeNull();
      expect(await profileOf(investor, user.userId)).toEqual({ display_name: 'Crash survivor', user_version: 1 });
    } finally {
      relay.start();
    }
  });
  it('claims due rows without re-reading the rows it already sent', async () => {
    const relay = gateway.app.get(OutboxRelay);
    await relay.stop();
    try {
      const users = Array.from({ length: 2_000 }, (_, n) => snapshot({ displayName: `Sent ${n}` }));
      await dataSourceOf(gateway).transaction((manager) =>
        gateway.app.get(OutboxPublisher).publishMany(
          manager,
          users.map((user) => ({
            type: 'user.registered' as const,
            aggregateId: user.userId,
            aggregateVersion: 1,
            payload: user,
          })),
        ),
      );
      while ((await relay.relayOnce()) > 0);

      // a sent row's index entry outlives it until VACUUM; an index scan marks it dead on its
      // first visit once no transaction can still see the row (another service's may, briefly)
      const heapBlocksReadByAClaim = () =>
        dataSourceOf(gateway).transaction(async (manager) => {
          const blocksRead = async (): Promise<number> =>
            (await manager.query(`SELECT pg_stat_get_xact_blocks_fetched('outbox'::regclass)::int AS n`))[0].n;
          const before = await blocksRead();
          await expect(relay.claim(manager)).resolves.toEqual([]);
          return (await blocksRead()) - before;
        });
      await eventually(async () => {
        const blocks = await heapBlocksReadByAClaim();
        if (blocks >= 5) throw new Error(`a claim read ${blocks} outbox pages`);
      });
    } finally {
      relay.start();
    }
  });

  it('has PostgreSQL vacuum the outbox after 10,000 changed rows, not after a fifth of the table', async () => {
    const [{ reloptions }] = await dataSourceOf(gateway).query(
      `SELECT reloptions FROM pg_class WHERE oid = 'outbox'::regclass`,
    );
    expect(reloptions).toEqual(
      expect.arrayContaining([
        'autovacuum_vacuum_scale_factor=0',
        'autovacuum_vacuum_threshold=10000',
        'autovacuum_analyze_scale_factor=0',
        'autovacuum_analyze_threshold=10000',
      ]),
    );
  });

  it('sweeps sent outbox rows after a week and inbox ids after a month, never unsent rows', async () => {
    const gatewayDb = dataSourceOf(gateway);
    const [old, unsent] = [newId(), newId()];
    const insert = `INSERT INTO outbox (id, event_type, event_version, aggregate_id, aggregate_version, payload, occurred_at, published_at)
                    VALUES ($1, 'user.registered', 1, $1, 1, '{}', now(), $2)`;
    await gatewayDb.query(insert, [old, new Date(Date.now() - 8 * 86_400_000)]);
    await gatewayDb.query(insert, [unsent, null]);
    await gatewayDb.query(`UPDATE outbox SET next_attempt_at = now() + interval '1 day' WHERE id = $1`, [unsent]);
    const staleInbox = newId();
    await dataSourceOf(investor).query(
      `INSERT INTO inbox (event_id, event_type, created_at) VALUES ($1, 'user.registered', now() - interval '31 days')`,
      [staleInbox],
    );

    await gateway.app.get(MessagingJanitor).sweep();
    await investor.app.get(MessagingJanitor).sweep();

    const remaining = await gatewayDb.query(`SELECT id FROM outbox WHERE id = ANY($1)`, [[old, unsent]]);
    expect(remaining.map((row: { id: string }) => row.id)).toEqual([unsent]);
    const inboxRows = await dataSourceOf(investor).query(`SELECT 1 FROM inbox WHERE event_id = $1`, [staleInbox]);
    expect(inboxRows).toHaveLength(0);
    await gatewayDb.query(`DELETE FROM outbox WHERE id = $1`, [unsent]);
  });
});

describe('a relay that polls its outbox rarely', () => {
  const POLL_MS = 10_000;
  /** Well within the poll: only the commit's own signal gets an event there in time. */
  const PROMPT_MS = 4_000;
  let world: TestWorld;
  let gateway: RunningService;
  let investor: RunningService;

  beforeAll(async () => {
    world = await createTestWorld();
    [gateway, investor] = await Promise.all([
      startTestService(gatewayService, world, { env: { OUTBOX_POLL_INTERVAL_MS: String(POLL_MS) } }),
      startTestService(investorService, world),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.close(), investor?.close()]);
  });

  it('sends a committed event at once, not at its next poll', async () => {
    const user = snapshot({ displayName: 'Prompt' });
    await publishUserEvent(gateway, 'user.registered', user);
    await expect(arrivedProfile(investor, user.userId, PROMPT_MS)).resolves.toMatchObject({ display_name: 'Prompt' });
  });

  it('sends an event published in a nested transaction when the outermost one commits', async () => {
    const user = snapshot({ displayName: 'Nested' });
    const publisher = gateway.app.get(OutboxPublisher);
    await dataSourceOf(gateway).transaction(async (outer) => {
      await outer.transaction((inner) =>
        publisher.publish(inner, 'user.registered', { aggregateId: user.userId, aggregateVersion: 1, payload: user }),
      );
      // the savepoint is released; the event is not visible to the relay until the outer commit
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    await expect(arrivedProfile(investor, user.userId, PROMPT_MS)).resolves.toMatchObject({ display_name: 'Nested' });
  });
});

describe('event backbone while Redis is down', () => {
  let redis: PrivateRedis;
  let world: TestWorld;
  let gateway: RunningService;
  let investor: RunningService;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    world = await createTestWorld({ REDIS_URL: redis.url });
    [gateway, investor] = await Promise.all([
      startTestService(gatewayService, world),
      startTestService(investorService, world),
    ]);
  });

  afterAll(async () => {
    await redis.start(); // if a failed test left it stopped: closing BullMQ workers needs a Redis
    await Promise.all([gateway?.close(), investor?.close()]);
    await redis?.stop();
  });

  it('commits while Redis is stopped, and the events arrive once it is back', async () => {
    const before = snapshot({ displayName: 'Before the outage' });
    await publishUserEvent(gateway, 'user.registered', before);
    await arrivedProfile(investor, before.userId);

    await redis.stop();
    const during = snapshot({ displayName: 'During the outage' });
    await publishUserEvent(gateway, 'user.registered', during);
    const register = await fetch(`${gateway.url}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `outage-${newId()}@example.com`,
        password: 'a long enough password',
        role: 'investor',
        displayName: 'Outage',
      }),
    });
    expect(register.status).toBe(201);
    const registered = (await register.json()) as { user: { id: string } };

    // the relay tried, failed, and kept the rows for later
    await eventually(async () => {
      const rows = await dataSourceOf(gateway).query(
        `SELECT attempts, last_error FROM outbox WHERE aggregate_id = $1 AND published_at IS NULL`,
        [during.userId],
      );
      if (!(rows[0]?.attempts > 0 && rows[0].last_error)) throw new Error('relay has not tried yet');
    });
    expect(await profileOf(investor, during.userId)).toBeUndefined();

    await redis.start();
    await expect(arrivedProfile(investor, during.userId, 30_000)).resolves.toEqual({
      display_name: 'During the outage',
      user_version: 1,
    });
    await expect(arrivedProfile(investor, registered.user.id, 30_000)).resolves.toMatchObject({
      display_name: 'Outage',
    });
  });
});

describe('an inbox job whose worker process died twice while working it', () => {
  /** Short, so that a dead worker's jobs stall within a test; the services keep BullMQ's defaults. */
  const DEAD_WORKER_LOCK_MS = 200;
  let world: TestWorld;
  let inbox: Queue;
  let deadLetters: Queue;
  let investor: RunningService | undefined;

  beforeAll(async () => {
    world = await createTestWorld();
    inbox = queueOf(world, inboxQueueName('investor'));
    deadLetters = queueOf(world, deadLetterQueueName('investor'));
  });

  afterAll(async () => {
    await Promise.all([inbox?.close(), deadLetters?.close()]);
    await investor?.close();
  });

  /**
   * Takes the jobs twice the way a consumer process does and dies with them each time (their
   * locks are never renewed), until BullMQ's stalled check has put them back twice: the state jobs
   * are in after two crashes. The next worker to take one fails it as stalled, without retrying.
   */
  async function stallTwice(jobIds: string[]): Promise<void> {
    const dying = new Worker(inboxQueueName('investor'), null, {
      connection: { url: world.env.REDIS_URL },
      prefix: world.redisPrefix,
      autorun: false,
      lockDuration: DEAD_WORKER_LOCK_MS,
      stalledInterval: DEAD_WORKER_LOCK_MS / 2,
    });
    try {
      await dying.startStalledCheckTimer();
      for (const stall of [1, 2]) {
        const taken: (string | undefined)[] = [];
        while (taken.length < jobIds.length)
          taken.push((await dying.getNextJob(`dying-${stall}`, { block: false }))?.id);
        expect(taken.sort()).toEqual([...jobIds].sort());
        await eventually(async () => {
          const states = await Promise.all(jobIds.map((id) => inbox.getJobState(id)));
          if (states.some((state) => state !== 'waiting')) throw new Error(`not stalled ${stall} time(s) yet`);
        });
      }
    } finally {
      await dying.close(true);
    }
  }

  it('sends each event of a batch on alone, and dead-letters a lone event', async () => {
    const users = Array.from({ length: 5 }, (_, n) => snapshot({ displayName: `Stalled ${n}` }));
    const batch = users.map((user) => envelope('user.registered', user));
    const lone = envelope('user.registered', snapshot({ displayName: 'Stalled alone' }));
    await inbox.add(EVENT_BATCH_JOB_NAME, { events: batch }, { ...INBOX_JOB_OPTIONS, jobId: 'stalled-batch' });
    await inbox.add(lone.type, lone, { ...INBOX_JOB_OPTIONS, jobId: 'stalled-event' });
    await stallTwice(['stalled-batch', 'stalled-event']);

    investor = await startTestService(investorService, world);

    for (const user of users) {
      await expect(arrivedProfile(investor, user.userId)).resolves.toMatchObject({ display_name: user.displayName });
    }
    const failedBatch = await finished(inbox, 'stalled-batch');
    expect(failedBatch.failedReason).toMatch(/stalled/);
    for (const event of batch) {
      expect((await finished(inbox, deliveryJobId(event.id, 'investor'))).returnvalue).toEqual(['handled']);
    }
    const letter = await eventually(async () => {
      const parked = await deadLetters.getJob('stalled-event');
      if (!parked) throw new Error('the lone event is not dead-lettered yet');
      return parked;
    });
    expect(letter.data).toMatchObject({ event: lone, reason: expect.stringMatching(/stalled/) });
    expect(await profileOf(investor, lone.aggregateId)).toBeUndefined();
    expect(await deadLetters.getJob('stalled-batch')).toBeUndefined();
  });
});
