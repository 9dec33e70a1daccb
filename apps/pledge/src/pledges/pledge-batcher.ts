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
 */
@Injectable()
export class PledgeBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly batches: PledgeBatchCommit) {}

  submit(request: PledgeRequest): Promise<PledgeDto> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(request.projectId);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      // no batch of this campaign is committing: this one starts now
      this.queues.set(request.projectId, []);
      void this.commitFrom(request.projectId, [{ request, resolve, reject }]);
    });
  }

  /** Commits `batch`, then each batch that queued meanwhile, until the campaign's queue is empty. */
  private async commitFrom(projectId: string, batch: Waiting[]): Promise<void> {
    for (let next = batch; next.length > 0;) {
      await this.commit(next);
      const queue = this.queues.get(projectId)!;
      next = queue.splice(0, MAX_PLEDGES_PER_BATCH);
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
