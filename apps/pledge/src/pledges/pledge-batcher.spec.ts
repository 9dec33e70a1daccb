import { DomainException } from '@crowdlink/domain';
import { PledgeDto } from './dto/pledge.dto';
import { PledgeBatchCommit, PledgeOutcome } from './pledge-batch-commit';
import { PledgeRequest } from './pledge-batch-decisions';
import { MAX_PLEDGES_PER_BATCH, PledgeBatcher } from './pledge-batcher';

/**
 * The batch transaction in memory: records each batch it is given, answers each request from
 * `answer`, and fails a whole batch (as a database error would) when `failsBatch` says so.
 * Each batch is held until the test releases it, so what queues meanwhile is visible.
 */
class RecordingCommit {
  readonly batches: string[][] = [];
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly answer: (request: PledgeRequest) => PledgeOutcome,
    private readonly failsBatch: (requests: PledgeRequest[]) => boolean = () => false,
  ) {}

  async run(requests: PledgeRequest[]): Promise<PledgeOutcome[]> {
    this.batches.push(requests.map((request) => request.id));
    await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failsBatch(requests)) throw new Error('deadlock detected');
    return requests.map(this.answer);
  }

  /** Lets the oldest held batch finish, and waits until the batcher has acted on it. */
  async release(): Promise<void> {
    this.held.shift()?.();
    await nextTurn();
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const request = (id: string, projectId = 'campaign-a'): PledgeRequest => ({
  id,
  investorId: `investor-of-${id}`,
  projectId,
  body: { amount: 1_000, paymentMethod: 'pm_card_visa' },
  saved: { customerRef: 'cus_x', paymentMethodRef: 'pm_card_visa' },
});

const pledged = ({ id }: PledgeRequest): PledgeOutcome => ({ pledge: { id } as PledgeDto });

function setup(commit: RecordingCommit) {
  const batcher = new PledgeBatcher(commit as unknown as PledgeBatchCommit);
  const answers = new Map<string, string>();
  const submit = (id: string, projectId?: string): void => {
    void batcher.submit(request(id, projectId)).then(
      (pledge) => answers.set(id, `pledge ${pledge.id}`),
      (error: Error) => answers.set(id, error instanceof DomainException ? error.code : error.message),
    );
  };
  return { submit, answers };
}

describe(PledgeBatcher.name, () => {
  it('commits the pledges of one turn together, and what arrives meanwhile in one next batch per campaign', async () => {
    const commit = new RecordingCommit(pledged);
    const { submit, answers } = setup(commit);
    submit('p1');
    submit('p2');
    submit('q1', 'campaign-b');
    expect(commit.batches).toEqual([]);
    await nextTurn();
    expect(commit.batches).toEqual([['p1', 'p2'], ['q1']]);

    submit('p3');
    submit('p4');
    await commit.release(); // p1, p2
    expect(commit.batches).toEqual([['p1', 'p2'], ['q1'], ['p3', 'p4']]);
    expect(answers).toEqual(
      new Map([
        ['p1', 'pledge p1'],
        ['p2', 'pledge p2'],
      ]),
    );
    await commit.release(); // q1
    await commit.release(); // p3, p4
    expect(answers.get('p3')).toBe('pledge p3');
    expect(answers.get('p4')).toBe('pledge p4');
    expect(answers.get('q1')).toBe('pledge q1');
  });

  it('starts again with the next turn once a campaign has nothing left to commit', async () => {
    const commit = new RecordingCommit(pledged);
    const { submit, answers } = setup(commit);
    submit('p1');
    await nextTurn();
    await commit.release(); // p1: the campaign is idle again
    submit('p2');
    submit('p3');
    await nextTurn();
    expect(commit.batches).toEqual([['p1'], ['p2', 'p3']]);
    await commit.release();
    expect([...answers.values()]).toEqual(['pledge p1', 'pledge p2', 'pledge p3']);
  });

  it(`takes at most ${MAX_PLEDGES_PER_BATCH} pledges into one batch`, async () => {
    const commit = new RecordingCommit(pledged);
    const { submit } = setup(commit);
    for (let i = 0; i <= MAX_PLEDGES_PER_BATCH + 1; i++) submit(`p${i}`);
    await nextTurn();
    await commit.release();
    expect(commit.batches.map((batch) => batch.length)).toEqual([MAX_PLEDGES_PER_BATCH, 2]);
  });

  it('answers each request with its own outcome: a refusal fails only its request', async () => {
    const refused = new DomainException('CAMPAIGN_FULL', 'conflict', 'full');
    const commit = new RecordingCommit((r) => (r.id === 'p3' ? { refusal: refused } : pledged(r)));
    const { submit, answers } = setup(commit);
    for (const id of ['p1', 'p2', 'p3', 'p4']) submit(id);
    await nextTurn();
    await commit.release();
    expect([...answers.values()]).toEqual(['pledge p1', 'pledge p2', 'CAMPAIGN_FULL', 'pledge p4']);
  });

  it('retries each request of a failed batch alone, so only a request that fails alone fails', async () => {
    const commit = new RecordingCommit(pledged, (batch) => batch.some((r) => r.id === 'poison'));
    const { submit, answers } = setup(commit);
    for (const id of ['p1', 'p2', 'poison', 'p3']) submit(id);
    await nextTurn();
    for (let i = 0; i < 5; i++) await commit.release();
    expect(commit.batches).toEqual([['p1', 'p2', 'poison', 'p3'], ['p1'], ['p2'], ['poison'], ['p3']]);
    expect(answers).toEqual(
      new Map([
        ['p1', 'pledge p1'],
        ['p2', 'pledge p2'],
        ['poison', 'deadlock detected'],
        ['p3', 'pledge p3'],
      ]),
    );
  });
});
