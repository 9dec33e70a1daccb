import { Injectable } from '@nestjs/common';
import { PledgeDto } from './dto/pledge.dto';
import { PledgeBatchCommit, PledgeOutcome } from './pledge-batch-commit';
import { PledgeRequest } from './pledge-batch-decisions';

/** Enough to pay a commit once for many pledges, small enough to keep the campaign row's lock short. */
export const MAX_PLEDGES_PER_BATCH = 64;

interface Waiting {
  request: PledgeRequest;
  resolve(pledge: PledgeDto): void;
  reject(error: unknown): void;
}

/**
 * Queues pledges per campaign in this process and commits them in batches: one batch per
 * campaign at a time, each taking whatever arrived while the previous one was committing (at
 * most MAX_PLEDGES_PER_BATCH). Pledges into one campaign serialise on its row lock anyway;
 * waiting here instead of on the lock lets a single transaction take them all. A request is
 * answered only after its batch committed. If a batch fails (a database error, not a
 * refusal), it is rolled back and each of its requests is committed again on its own, so only
 * a request that fails alone fails.
 *
 * An idle campaign's first batch starts on the event loop's next turn, not at its first
 * pledge: pledges arrive in bursts (the requests read in one poll of the sockets, the answers
 * of one batch bringing their clients back together), and a first batch of one would make the
 * rest of its burst wait a whole commit.
 */
@Injectable()
export class PledgeBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly batches: PledgeBatchCommit) {}

  submit(request: PledgeRequest): Promise<PledgeDto> {
    return new Promise((resolve, reject) => {
      const waiting = { request, resolve, reject };
      const queue = this.queues.get(request.projectId);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.queues.set(request.projectId, [waiting]);
      setImmediate(() => void this.commitQueue(request.projectId));
    });
  }

  /** Commits the campaign's queue a batch at a time, until it is empty. */
  private async commitQueue(projectId: string): Promise<void> {
    const queue = this.queues.get(projectId)!;
    let batch = queue.splice(0, MAX_PLEDGES_PER_BATCH);
    while (batch.length > 0) {
      await this.commit(batch);
      batch = queue.splice(0, MAX_PLEDGES_PER_BATCH);
    }
    this.queues.delete(projectId);
  }

  private async commit(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.batches.run(batch.map((waiting) => waiting.request));
      batch.forEach((waiting, i) => answer(waiting, outcomes[i]!));
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const waiting of batch) await this.commit([waiting]);
  }
}

function answer(waiting: Waiting, outcome: PledgeOutcome): void {
  if ('pledge' in outcome) waiting.resolve(outcome.pledge);
  else waiting.reject(outcome.refusal);
}
