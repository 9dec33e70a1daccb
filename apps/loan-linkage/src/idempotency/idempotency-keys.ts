import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertIdempotencyKey, IdempotencyKeyReusedException } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';

/**
 * api.md's Idempotency-Key: the key is claimed in the request's own transaction, so a second
 * request with the same key blocks on the primary key until the first commits (then it gets
 * the first answer) or rolls back (then it is decided afresh). A refusal rolls the key back
 * with everything else: only a committed answer is replayed.
 */
@Injectable()
export class IdempotencyKeys {
  async run<T>(
    manager: EntityManager,
    userId: string,
    key: string | undefined,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined) return work();
    assertIdempotencyKey(key);
    const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = (await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, hash],
    )) as unknown[];
    if (claimed.length === 0) {
      const [prior] = (await manager.query(
        `SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      )) as { request_hash: string; response: T }[];
      if (prior.request_hash !== hash) throw new IdempotencyKeyReusedException();
      return prior.response;
    }
    const answer = await work();
    await manager.query(
      `UPDATE idempotency_keys SET response = $3, updated_at = now() WHERE user_id = $1 AND key = $2`,
      [userId, key, JSON.stringify(answer)],
    );
    return answer;
  }
}
