import { join } from 'node:path';
import { deadLetterQueueName, inboxQueueName } from '@crowdlink/contracts';
import { newId } from '@crowdlink/domain';
import { DeadLetter } from '@crowdlink/messaging';
import { currentTestRunId, deleteRedisKeys, redisPrefixOf, TEST_REDIS_URL } from '@crowdlink/testing';
import { Queue } from 'bullmq';
import { buildOnce } from './support/marketplace-launcher';
import { Ended, runToEnd } from './support/run-to-end';

/*
 * `npm run dead-letters` as whoever runs the marketplace uses it: the built script lists each
 * service's parked events with the reason and sends the chosen ones back to the inbox.
 */

const SCRIPT = join(__dirname, '..', 'dist', 'scripts', 'dead-letters.js');
const prefix = `${redisPrefixOf(currentTestRunId())}-dead-letters`;

function deadLetters(...args: string[]): Promise<Ended> {
  return runToEnd(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix },
  });
}

beforeAll(() => buildOnce(), 180_000);

describe('npm run dead-letters', () => {
  const connection = { url: TEST_REDIS_URL };
  const letters = new Queue(deadLetterQueueName('pledge'), { connection, prefix });
  const inbox = new Queue(inboxQueueName('pledge'), { connection, prefix });
  const event = { id: newId(), type: 'project.live', version: 99, payload: {} };

  beforeAll(async () => {
    const letter: DeadLetter = {
      job: { id: `pledge.${event.id}`, name: event.type, attemptsMade: 0 },
      event,
      reason: 'project.live version 99 is not supported (expected 1)',
      failedAt: '2026-11-27T10:00:00.000Z',
    };
    await letters.add(event.type, letter, { jobId: `pledge.${event.id}` });
  });

  afterAll(async () => {
    await Promise.all([letters.close(), inbox.close()]);
    await deleteRedisKeys(prefix, TEST_REDIS_URL);
  });

  it("lists every service's letters with when, what and why", async () => {
    const { code, stdout } = await deadLetters();
    expect(code).toBe(0);
    expect(stdout).toContain('gateway: 0 dead letter(s)');
    expect(stdout).toContain('pledge: 1 dead letter(s)');
    expect(stdout).toContain(
      `  pledge.${event.id}  2026-11-27T10:00:00.000Z  project.live: project.live version 99 is not supported (expected 1)`,
    );
  });

  it('sends a letter back to the inbox and removes it; an unknown one or service is refused', async () => {
    await expect(deadLetters('replay', 'pledge', 'pledge.no-such-letter')).resolves.toMatchObject({
      code: 1,
      stderr: 'no dead letter pledge.no-such-letter for pledge\n',
    });
    await expect(deadLetters('replay', 'nobody')).resolves.toMatchObject({ code: 2 });

    const replayed = await deadLetters('replay', 'pledge', `pledge.${event.id}`);
    expect(replayed).toMatchObject({ code: 0, stdout: 'pledge: 1 event(s) sent back to pledge.inbox\n' });
    expect((await inbox.getJob(`pledge.${event.id}.replay.0`))?.data).toEqual(event);
    expect(await letters.getJob(`pledge.${event.id}`)).toBeUndefined();
  });
});
