/**
 * Event-pipeline benchmark: raw BullMQ vs. the real outbox -> relay -> inbox pipeline.
 *
 *   npm run bench:events
 *
 * In one run, on the same PostgreSQL and Redis:
 *  (a) raw BullMQ: N events as jobs added with addBulk in relay-sized chunks, one job per event
 *      and consuming service of user.registered (investor and pledge; the relay itself sends
 *      each consumer one job per pass, carrying the pass's events),
 *      the investor's queue processed by a no-op Worker with the inbox worker's concurrency and
 *      job options -> events/s (first add to last `completed`).
 *  (b) pipeline: N user.registered events (role investor), each committed in its own gateway
 *      DataSource transaction through the real OutboxPublisher by P concurrent producers
 *      (BENCH_USER_ROW=1 also inserts the users row in that transaction, as
 *      IdentityService.createUser does); relayed by the real OutboxRelay; consumed by the real
 *      investor InboxConsumer (inbox row + investor_profiles row in one transaction). Twice:
 *      (b1) drain: the relay is stopped while the producers commit (their rate alone is
 *      printed), then started: events/s from relay start to last consumer commit, the
 *      pipeline's own throughput, and (b1)/(a), the ratio with the target;
 *      (b2) end to end: producers, relay and consumer at once on the same cores, from first
 *      producer commit to last consumer commit, and (b2)/(a) for information.
 *  (c) commit-to-consume lag at a paced, open-loop 1,000 events/s for 10 s (one event per
 *      transaction): lag = consumer commit - producer commit, both taken in this process
 *      with performance.now() (one monotonic clock).
 *
 * The gateway and investor services are booted in-process with createServiceApp and their
 * real definitions, against a throwaway database and Redis prefix that are removed at the end.
 *
 * CPU per 1,000 events is reported for (a) and (b): this Node process's own, and the whole
 * machine's from /proc/stat (PostgreSQL, Redis, the kernel, and anything else running).
 *
 * Tunables (environment): the service settings OUTBOX_BATCH_SIZE, OUTBOX_POLL_INTERVAL_MS,
 * INBOX_CONCURRENCY, DATABASE_POOL_SIZE are passed to both services; BENCH_EVENTS (N),
 * BENCH_PRODUCERS (P), BENCH_RATE, BENCH_SECONDS, BENCH_USER_ROW,
 * BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { contractOf, deadLetterQueueName, Event, inboxQueueName } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { eventsOf, INBOX_JOB_OPTIONS, InboxConsumer, OutboxPublisher, OutboxRelay } from '@crowdlink/messaging';
import { createRedis, PlatformConfig, Redis } from '@crowdlink/platform';
import { Job, Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { gatewayService } from '../apps/gateway/src/gateway.definition';
import { investorService } from '../apps/investor/src/investor.definition';
import {
  fmt,
  intFromEnv,
  now,
  onCleanup,
  percentile,
  runBench,
  table,
  takeOverSignals,
  tunablesFromEnv,
  databaseName,
  redisPrefix,
  REDIS_URL,
  cpuCost,
  CpuCost,
  cpuSample,
  describeMachine,
} from './bench-kit';
import { benchConfig, bootInProcess } from './in-process';

// ---------------------------------------------------------------------------------------------
// settings

const N = intFromEnv('BENCH_EVENTS', 20_000);
const PRODUCERS = intFromEnv('BENCH_PRODUCERS', 32);
const PACED_RATE = intFromEnv('BENCH_RATE', 1_000);
const PACED_SECONDS = intFromEnv('BENCH_SECONDS', 10);
/** 1: each producer transaction also inserts the users row, as IdentityService.createUser does. */
const WITH_USER_ROW = process.env.BENCH_USER_ROW === '1';
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 250;
const PHASE_TIMEOUT_MS = 120_000;
const SETTLE_MS = 2_000;

/** Service settings a run may override; both services get the same values. */
const SERVICE_TUNABLES = ['OUTBOX_BATCH_SIZE', 'OUTBOX_POLL_INTERVAL_MS', 'INBOX_CONCURRENCY', 'DATABASE_POOL_SIZE'];

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(work: Promise<T>, what: string, timeoutMs = PHASE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = PHASE_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

// ---------------------------------------------------------------------------------------------
// cleanup, run even on failure

// ---------------------------------------------------------------------------------------------
// (a) raw BullMQ baseline

interface BaselineResult {
  jobs: number;
  seconds: number;
  rate: number;
  cpu: CpuCost;
}

/**
 * BullMQ doing the Redis work of the pipeline without the outbox and the inbox: each event is
 * one job in the queue of every service that consumes user.registered (the routing table's
 * fan-out, as the relay adds them, chunk by chunk), and the investor's queue is worked by a
 * no-op worker; the other queues only fill, as the pipeline's do while only the investor runs.
 */
async function rawBullMqBaseline(config: PlatformConfig): Promise<BaselineResult> {
  const consumers = contractOf('user.registered').consumers;
  // the same connection settings as BullMqConnections: a fail-fast producer, a blocking worker
  const producer = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const workerConnection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  producer.on('error', () => undefined);
  workerConnection.on('error', () => undefined);
  const queues = consumers.map(
    (consumer) => new Queue(`bench.baseline.${consumer}`, { connection: producer, prefix: config.REDIS_PREFIX }),
  );
  let completed = 0;
  let lastCompletedAt = 0;
  const worker = new Worker(`bench.baseline.${consumers[0]}`, async () => undefined, {
    connection: workerConnection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.INBOX_CONCURRENCY,
  });
  const closeAll = async (): Promise<void> => {
    await worker.close();
    await Promise.all(queues.map((queue) => queue.close()));
    await Promise.all([producer, workerConnection].map((c: Redis) => c.quit().catch(() => c.disconnect())));
  };
  try {
    const allDone = new Promise<void>((resolve) => {
      worker.on('completed', () => {
        completed += 1;
        if (completed === N) {
          lastCompletedAt = now();
          resolve();
        }
      });
    });
    let failure: Error | undefined;
    worker.on('failed', (_job, error) => (failure ??= error));
    await Promise.all(queues.map((queue) => queue.waitUntilReady()));
    await worker.waitUntilReady();

    const cpuBefore = cpuSample();
    const started = now();
    for (let offset = 0; offset < N; offset += config.OUTBOX_BATCH_SIZE) {
      const events: Event<'user.registered'>[] = [];
      for (let i = offset; i < Math.min(N, offset + config.OUTBOX_BATCH_SIZE); i++) {
        const userId = newId();
        // an envelope of the same shape and size as a relayed user.registered
        events.push({
          id: newId(),
          type: 'user.registered',
          version: 1,
          occurredAt: new Date().toISOString(),
          producer: 'gateway',
          aggregateId: userId,
          aggregateVersion: 1,
          payload: { userId, role: 'investor', displayName: `bench-a-${i}`, organizationId: null, userVersion: 1 },
        });
      }
      await Promise.all(
        queues.map((queue, q) =>
          queue.addBulk(
            events.map((data) => ({
              name: data.type,
              data,
              opts: { ...INBOX_JOB_OPTIONS, jobId: `baseline.${consumers[q]}.${data.id}` },
            })),
          ),
        ),
      );
    }
    await withTimeout(allDone, 'the baseline jobs');
    const cpu = cpuCost(cpuBefore, cpuSample(), N);
    if (failure) throw failure;
    const seconds = (lastCompletedAt - started) / 1000;
    await Promise.all(queues.map((queue) => queue.obliterate({ force: true })));
    return { jobs: N, seconds, rate: N / seconds, cpu };
  } finally {
    await closeAll();
  }
}

// ---------------------------------------------------------------------------------------------
// the two services, in-process

interface Services {
  gateway: NestFastifyApplication;
  investor: NestFastifyApplication;
  gatewayData: DataSource;
  publisher: OutboxPublisher;
  tracker: ConsumeTracker;
}

/** Consumer-commit times, taken when InboxConsumer.process resolves (its transaction has committed). */
class ConsumeTracker {
  readonly consumedAt = new Map<string, number>();
  notHandled = 0;
  private waiter?: { count: number; resolve: () => void };

  handled(eventId: string, at: number): void {
    this.consumedAt.set(eventId, at);
    if (this.waiter && this.consumedAt.size >= this.waiter.count) this.waiter.resolve();
  }

  reset(): void {
    this.consumedAt.clear();
    this.notHandled = 0;
  }

  async untilConsumed(count: number, what: string): Promise<void> {
    if (this.consumedAt.size >= count) return;
    try {
      await withTimeout(new Promise<void>((resolve) => (this.waiter = { count, resolve })), what);
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${this.consumedAt.size}/${count} consumed`);
    } finally {
      this.waiter = undefined;
    }
  }
}

async function bootServices(config: PlatformConfig): Promise<Services> {
  // the investor first, so that it is consuming when the gateway's first-admin event is relayed
  const investor = await bootInProcess(investorService, config);
  const gateway = await bootInProcess(gatewayService, config);
  takeOverSignals();

  const tracker = new ConsumeTracker();
  const consumer = investor.get(InboxConsumer);
  const original = consumer.process.bind(consumer);
  // measurement only: the worker calls this.process(job), so the wrapper sees each job's outcomes
  // right after its events' inbox transactions committed, and changes nothing about how it is handled
  consumer.process = async (job: Job) => {
    const outcomes = await original(job);
    const events = eventsOf(job) as { id: string }[];
    const at = now();
    outcomes.forEach((outcome, index) => {
      if (outcome === 'handled') tracker.handled(events[index]!.id, at);
      else tracker.notHandled += 1;
    });
    return outcomes;
  };
  return {
    gateway,
    investor,
    gatewayData: gateway.get<DataSource>(getDataSourceToken()),
    publisher: gateway.get(OutboxPublisher),
    tracker,
  };
}

/**
 * One producer transaction holding one user.registered event, published through the real
 * OutboxPublisher; with BENCH_USER_ROW=1 the users row is inserted in it too, as in
 * IdentityService.createUser (its argon2 hash, which has nothing to do with events, is left out).
 */
async function produceOne(services: Services, label: string): Promise<{ id: string; committedAt: number }> {
  const userId = newId();
  const displayName = `bench ${label}`;
  const event = await services.gatewayData.transaction(async (manager) => {
    if (WITH_USER_ROW) {
      await manager.query(
        `INSERT INTO users (id, email, password_hash, role, display_name, version) VALUES ($1, $2, $3, 'investor', $4, 1)`,
        [userId, `${label}.${userId}@bench.invalid`, 'not-a-hash', displayName],
      );
    }
    return services.publisher.publish(manager, 'user.registered', {
      aggregateId: userId,
      aggregateVersion: 1,
      payload: { userId, role: 'investor', displayName, organizationId: null, userVersion: 1 },
    });
  });
  return { id: event.id, committedAt: now() };
}

interface State {
  outboxPending: number;
  inbox: number;
  profiles: number;
  waiting: number;
  active: number;
  failed: number;
  deadLetters: number;
}

/** What the bench reads behind the services' backs to check them. */
interface Watch {
  observer: Client;
  inbox: Queue;
  deadLetter: Queue;
}

async function stateOf({ observer, inbox, deadLetter }: Watch): Promise<State> {
  const { rows } = await observer.query<{ pending: number; inbox: number; profiles: number }>(
    `SELECT (SELECT count(*)::int FROM gateway.outbox WHERE published_at IS NULL) AS pending,
            (SELECT count(*)::int FROM investor.inbox) AS inbox,
            (SELECT count(*)::int FROM investor.investor_profiles) AS profiles`,
  );
  const counts = await inbox.getJobCounts('waiting', 'active', 'failed', 'delayed');
  const dead = await deadLetter.getJobCounts('waiting', 'completed', 'failed');
  return {
    outboxPending: rows[0]!.pending,
    inbox: rows[0]!.inbox,
    profiles: rows[0]!.profiles,
    waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0),
    active: counts.active ?? 0,
    failed: counts.failed ?? 0,
    deadLetters: (dead.waiting ?? 0) + (dead.completed ?? 0) + (dead.failed ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// (b) pipeline throughput

interface PipelineResult {
  events: number;
  seconds: number;
  rate: number;
  produceRate: number;
  lagP50: number;
  lagP99: number;
  cpu: CpuCost;
}

/**
 * (b1) drain: the relay is stopped while the producers commit, so their rate is the outbox's
 * own (durable commits alone); then the relay starts and the clock runs from that moment to
 * the last consumer commit: the pipeline's throughput, relay + BullMQ + inbox, with nothing
 * else competing for the CPU. (b2) end to end: producers and pipeline at once, on the same
 * two cores, from the first producer commit to the last consumer commit.
 */
async function pipelineThroughput(services: Services, mode: 'drain' | 'end-to-end'): Promise<PipelineResult> {
  services.tracker.reset();
  const relay = services.gateway.get(OutboxRelay);
  const committed = new Map<string, number>();
  let next = 0;
  const producer = async (): Promise<void> => {
    while (next < N) {
      const i = next++;
      const { id, committedAt } = await produceOne(services, `${mode}-${i}`);
      committed.set(id, committedAt);
    }
  };
  if (mode === 'drain') await relay.stop();
  let cpuBefore = cpuSample();
  await Promise.all(Array.from({ length: PRODUCERS }, producer));
  const commitTimes = [...committed.values()];
  const firstCommit = Math.min(...commitTimes);
  const lastCommit = Math.max(...commitTimes);
  let started = firstCommit;
  if (mode === 'drain') {
    cpuBefore = cpuSample();
    started = now();
    relay.start();
  }
  await services.tracker.untilConsumed(N, `the ${mode} phase`);
  const cpu = cpuCost(cpuBefore, cpuSample(), N);

  const lags: number[] = [];
  let lastConsumed = 0;
  for (const [id, committedAt] of committed) {
    const consumedAt = services.tracker.consumedAt.get(id);
    if (consumedAt === undefined) throw new Error(`event ${id} was committed but not consumed`);
    lastConsumed = Math.max(lastConsumed, consumedAt);
    lags.push(consumedAt - committedAt);
  }
  lags.sort((x, y) => x - y);
  const seconds = (lastConsumed - started) / 1000;
  return {
    events: N,
    seconds,
    rate: N / seconds,
    produceRate: N / ((lastCommit - firstCommit) / 1000),
    lagP50: percentile(lags, 50),
    lagP99: percentile(lags, 99),
    cpu,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) commit-to-consume lag at a steady rate

interface LagResult {
  events: number;
  offeredRate: number;
  committedRate: number;
  consumedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  commitDelayP99: number;
  dbCheck: { p50: number; p99: number; max: number };
}

async function pacedLag(services: Services, observer: Client): Promise<LagResult> {
  services.tracker.reset();
  const total = PACED_RATE * PACED_SECONDS;
  const committed = new Map<string, number>();
  const commitDelays: number[] = [];
  const inFlight: Promise<void>[] = [];
  const errors: unknown[] = [];
  const started = now();
  let issued = 0;
  // open loop: event i is due at started + i/rate, whether or not earlier ones have committed
  while (issued < total) {
    const due = Math.min(total, Math.floor(((now() - started) * PACED_RATE) / 1000) + 1);
    for (; issued < due; issued++) {
      const dueAt = started + (issued * 1000) / PACED_RATE;
      inFlight.push(
        produceOne(services, `c${issued}`).then(
          ({ id, committedAt }) => {
            committed.set(id, committedAt);
            commitDelays.push(committedAt - dueAt);
          },
          (error: unknown) => void errors.push(error),
        ),
      );
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  if (errors.length > 0) throw new Error(`${errors.length} producer transactions failed; first: ${String(errors[0])}`);
  await services.tracker.untilConsumed(total, 'the paced phase');

  const lags: number[] = [];
  let firstCommit = Infinity;
  let lastCommit = 0;
  let lastConsumed = 0;
  for (const [id, committedAt] of committed) {
    const consumedAt = services.tracker.consumedAt.get(id);
    if (consumedAt === undefined) throw new Error(`event ${id} was committed but not consumed`);
    firstCommit = Math.min(firstCommit, committedAt);
    lastCommit = Math.max(lastCommit, committedAt);
    lastConsumed = Math.max(lastConsumed, consumedAt);
    lags.push(consumedAt - committedAt);
  }
  lags.sort((x, y) => x - y);
  commitDelays.sort((x, y) => x - y);

  // cross-check on the database's clock: outbox.occurred_at (producer, before its commit) to
  // investor_profiles.created_at (now() of the consumer transaction, before its commit)
  const { rows } = await observer.query<{ p50: number; p99: number; max: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
            max(ms) AS max
       FROM (SELECT extract(epoch FROM p.created_at - o.occurred_at) * 1000 AS ms
               FROM gateway.outbox o JOIN investor.investor_profiles p ON p.user_id = o.aggregate_id
              WHERE o.id = ANY($1::uuid[])) lag`,
    [[...committed.keys()]],
  );
  return {
    events: total,
    offeredRate: total / (((total - 1) * 1000) / PACED_RATE / 1000),
    committedRate: total / ((lastCommit - firstCommit) / 1000),
    consumedRate: total / ((lastConsumed - firstCommit) / 1000),
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    p99: percentile(lags, 99),
    max: lags[lags.length - 1]!,
    commitDelayP99: percentile(commitDelays, 99),
    dbCheck: { p50: Number(rows[0]!.p50), p99: Number(rows[0]!.p99), max: Number(rows[0]!.max) },
  };
}

// ---------------------------------------------------------------------------------------------

/** Runs one (b) phase, prints it, and checks that every event landed exactly once. */
async function pipelinePhase(
  services: Services,
  watch: Watch,
  { mode, title, span, phasesDone }: { mode: 'drain' | 'end-to-end'; title: string; span: string; phasesDone: number },
): Promise<PipelineResult> {
  console.log(title);
  const result = await pipelineThroughput(services, mode);
  const after = await stateOf(watch);
  console.log(
    `    ${fmt(result.rate)} events/s (${fmt(result.seconds, 2)} s ${span}); ` +
      `producers committed ${fmt(result.produceRate)} events/s; lag p50 ${fmt(result.lagP50, 1)} ms, p99 ${fmt(result.lagP99, 1)} ms`,
  );
  console.log(`    CPU per 1,000 events: ${describeCpu(result.cpu)}`);
  console.log(
    `    check: inbox ${fmt(after.inbox)} rows, investor_profiles ${fmt(after.profiles)}, outbox pending ${after.outboxPending}, ` +
      `jobs failed ${after.failed}, dead letters ${after.deadLetters}, duplicates/invalid ${services.tracker.notHandled}\n`,
  );
  if (after.profiles !== phasesDone * N || after.inbox !== phasesDone * N + 1 || after.outboxPending !== 0) {
    throw new Error(`the ${mode} phase left the databases inconsistent`);
  }
  return result;
}

function describeCpu(cost: CpuCost): string {
  return `${fmt(cost.nodeMsPer1k)} ms in this Node process, ${fmt(cost.machineMsPer1k)} ms machine-wide (Node + PostgreSQL + Redis + kernel + any other load)`;
}

async function main(): Promise<void> {
  const benchStarted = now();
  const tunables = tunablesFromEnv(SERVICE_TUNABLES);
  const config = await benchConfig(tunables);

  console.log('# Crowdlink event pipeline benchmark\n');
  console.log(table([['machine', ''], ...(await describeMachine())]));
  console.log();
  console.log(
    table([
      ['setting', 'value'],
      ['database / redis prefix', `${databaseName} / ${redisPrefix}`],
      ['N (events, jobs)', fmt(N)],
      ['producers in (b)', `${PRODUCERS} concurrent, one event per transaction`],
      [
        'producer transaction',
        WITH_USER_ROW ? 'INSERT users + OutboxPublisher.publish' : 'OutboxPublisher.publish only',
      ],
      ['paced load in (c)', `${fmt(PACED_RATE)} events/s for ${PACED_SECONDS} s, open loop, one event per transaction`],
      ['OUTBOX_BATCH_SIZE', String(config.OUTBOX_BATCH_SIZE)],
      ['OUTBOX_POLL_INTERVAL_MS', String(config.OUTBOX_POLL_INTERVAL_MS)],
      ['INBOX_CONCURRENCY', String(config.INBOX_CONCURRENCY)],
      ['DATABASE_POOL_SIZE (each service)', String(config.DATABASE_POOL_SIZE)],
      ['overridden from the environment', Object.keys(tunables).join(', ') || 'none (defaults)'],
    ]),
  );
  console.log();

  console.log(
    `(a) raw BullMQ: ${fmt(N)} events, one job each for ${contractOf('user.registered').consumers.join(' and ')}, ` +
      `addBulk x ${config.OUTBOX_BATCH_SIZE}, no-op worker x ${config.INBOX_CONCURRENCY} on the first ...`,
  );
  const baseline = await rawBullMqBaseline(config);
  const fanOut = contractOf('user.registered').consumers.length;
  console.log(
    `    ${fmt(baseline.rate)} events/s: ${fmt(baseline.rate * fanOut)} jobs added/s, ${fmt(baseline.rate)} jobs processed/s ` +
      `(${fmt(baseline.seconds, 2)} s first add -> last completed)`,
  );
  console.log(`    CPU per 1,000 events: ${describeCpu(baseline.cpu)}\n`);

  console.log('booting gateway and investor in-process ...');
  const bootStarted = now();
  const services = await bootServices(config);
  const observer = new Client({ connectionString: config.DATABASE_URL });
  await observer.connect();
  onCleanup('close the observer connection', () => observer.end());
  const observerRedis = createRedis(REDIS_URL, { enableOfflineQueue: true });
  onCleanup('close the observer Redis connection', () => observerRedis.quit());
  const inboxQueue = new Queue(inboxQueueName('investor'), { connection: observerRedis, prefix: redisPrefix });
  const deadLetterQueue = new Queue(deadLetterQueueName('investor'), {
    connection: observerRedis,
    prefix: redisPrefix,
  });
  onCleanup('close the observer queues', () => Promise.all([inboxQueue.close(), deadLetterQueue.close()]));
  const watch: Watch = { observer, inbox: inboxQueue, deadLetter: deadLetterQueue };
  // the gateway's first admin (user.registered, role admin: an inbox row, no profile) goes through first
  await waitFor('the first-admin event', async () => {
    const state = await stateOf(watch);
    return state.outboxPending === 0 && state.inbox === 1 && state.waiting + state.active === 0;
  });
  console.log(`    up in ${fmt((now() - bootStarted) / 1000, 1)} s\n`);

  const drain = await pipelinePhase(services, watch, {
    mode: 'drain',
    title: `(b1) drain: ${fmt(N)} events committed by ${PRODUCERS} producers with the relay stopped, then relayed and consumed ...`,
    span: 'relay start -> last consumed',
    phasesDone: 1,
  });
  const endToEnd = await pipelinePhase(services, watch, {
    mode: 'end-to-end',
    title: `(b2) end to end: ${fmt(N)} events, ${PRODUCERS} producers committing while the relay and the consumer run ...`,
    span: 'first commit -> last consumed',
    phasesDone: 2,
  });

  await sleep(SETTLE_MS); // let the bursts of (b) settle before the steady load starts
  console.log(`(c) lag: ${fmt(PACED_RATE)} events/s for ${PACED_SECONDS} s ...`);
  const lag = await pacedLag(services, observer);
  const afterC = await stateOf(watch);
  console.log(
    `    lag p50 ${fmt(lag.p50, 1)} ms, p95 ${fmt(lag.p95, 1)} ms, p99 ${fmt(lag.p99, 1)} ms, max ${fmt(lag.max, 1)} ms ` +
      `(offered ${fmt(lag.offeredRate)}/s, committed ${fmt(lag.committedRate)}/s, consumed ${fmt(lag.consumedRate)}/s; ` +
      `producer due -> commit p99 ${fmt(lag.commitDelayP99, 1)} ms)`,
  );
  console.log(
    `    cross-check on the database clock (outbox.occurred_at -> investor_profiles.created_at): ` +
      `p50 ${fmt(lag.dbCheck.p50, 1)} ms, p99 ${fmt(lag.dbCheck.p99, 1)} ms, max ${fmt(lag.dbCheck.max, 1)} ms`,
  );
  console.log(
    `    check: inbox ${fmt(afterC.inbox)} rows, investor_profiles ${fmt(afterC.profiles)}, outbox pending ${afterC.outboxPending}, ` +
      `jobs failed ${afterC.failed}, dead letters ${afterC.deadLetters}, duplicates/invalid ${services.tracker.notHandled}\n`,
  );
  if (afterC.profiles !== 2 * N + lag.events || afterC.outboxPending !== 0) {
    throw new Error('paced phase left the databases inconsistent');
  }

  const ratio = drain.rate / baseline.rate;
  const ratioPass = ratio >= TARGET_RATIO;
  const lagPass = lag.p99 <= TARGET_P99_MS;
  console.log(
    table([
      ['measure', 'result', 'target', 'verdict'],
      ['(a) raw BullMQ (a job per event, no-op worker)', `${fmt(baseline.rate)} events/s`, '', ''],
      ['(b1) outbox -> relay -> inbox (drain)', `${fmt(drain.rate)} events/s`, '', ''],
      ['(b1)/(a)', fmt(ratio, 2), `>= ${TARGET_RATIO}`, ratioPass ? 'PASS' : 'FAIL'],
      ['producers alone (commits into the outbox)', `${fmt(drain.produceRate)} events/s`, '', ''],
      ['(b2) end to end, producers included', `${fmt(endToEnd.rate)} events/s`, '', ''],
      ['(b2)/(a)', fmt(endToEnd.rate / baseline.rate, 2), '', 'informational'],
      ['(c) lag p50', `${fmt(lag.p50, 1)} ms`, '', ''],
      ['(c) lag p95', `${fmt(lag.p95, 1)} ms`, '', ''],
      ['(c) lag p99', `${fmt(lag.p99, 1)} ms`, `<= ${TARGET_P99_MS} ms`, lagPass ? 'PASS' : 'FAIL'],
      ['(c) lag max', `${fmt(lag.max, 1)} ms`, '', ''],
    ]),
  );
  console.log(`\n${ratioPass && lagPass ? 'PASS' : 'FAIL'} (bench took ${fmt((now() - benchStarted) / 1000, 1)} s)`);
  if (!(ratioPass && lagPass)) process.exitCode = 1;
}

runBench(main);
