import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertIdempotencyKey, SqlParams, StatementPart } from '@crowdlink/platform';
import { EntityManager } from 'typeorm';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { PledgeDto } from './dto/pledge.dto';
import { idempotencyKeyId, PriorAnswer } from './pledge-batch-decisions';

/**
 * Idempotency-Keys of pledge requests: claimed in the pledge's own transaction, replayed,
 * stored with the answer (IdempotencyKeySweeper deletes them after their retention).
 */
@Injectable()
export class IdempotencyKeys {
  validate(key: string | undefined): void {
    if (key !== undefined) assertIdempotencyKey(key);
  }

  /**
   * Claims the keys of a batch in the caller's transaction, in (investor, key) order so that
   * two batches never wait on each other's keys in a cycle. A key held by another transaction
   * blocks until it commits: with its pledge (then that answer is returned here, to replay), or
   * without the key, released after a refusal or rolled back (then the key is claimed afresh). Answers the prior answers by idempotencyKeyId; every other key
   * is now this transaction's, to be stored with its pledge or released.
   */
  async claimAll(manager: EntityManager, claims: KeyClaim[]): Promise<Map<string, PriorAnswer>> {
    const distinct = [...new Map(claims.map((claim) => [idempotencyKeyId(claim.investorId, claim.key), claim]))];
    if (distinct.length === 0) return new Map();
    const [investors, keys, hashes] = columns(distinct.map(([, claim]) => claim));
    const claimed = (await manager.query(
      `INSERT INTO idempotency_keys (investor_id, key, request_hash, response_status, response_body)
       SELECT investor_id, key, hash, 0, 'null' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(investor_id, key, hash)
        ORDER BY investor_id, key
       ON CONFLICT (investor_id, key) DO NOTHING RETURNING investor_id, key`,
      [investors, keys, hashes],
    )) as { investor_id: string; key: string }[];
    const ours = new Set(claimed.map((row) => idempotencyKeyId(row.investor_id, row.key)));
    const taken = distinct.filter(([id]) => !ours.has(id)).map(([, claim]) => claim);
    if (taken.length === 0) return new Map();
    const [takenInvestors, takenKeys] = columns(taken);
    const prior = (await manager.query(
      `SELECT k.investor_id, k.key, k.request_hash, k.response_body
         FROM idempotency_keys k JOIN unnest($1::uuid[], $2::text[]) AS t(investor_id, key) USING (investor_id, key)`,
      [takenInvestors, takenKeys],
    )) as { investor_id: string; key: string; request_hash: string; response_body: PledgeDto }[];
    const answers = new Map(
      prior.map((row) => [
        idempotencyKeyId(row.investor_id, row.key),
        { hash: row.request_hash, answer: row.response_body },
      ]),
    );
    // swept between the two statements: the batch fails, and each request, retried alone, claims it afresh
    if (answers.size !== taken.length) throw new Error('An Idempotency-Key was swept while it was being claimed');
    return answers;
  }

  /**
   * The parts of the batch's write statement that settle the keys it claimed: each kept key
   * is stored with the request that kept it and its answer (replayed from now on); the keys of
   * refused requests are given back (only a pledge is replayed).
   */
  settleParts(
    params: SqlParams,
    kept: (KeyClaim & { answer: PledgeDto })[],
    released: Omit<KeyClaim, 'hash'>[],
  ): StatementPart[] {
    const parts: StatementPart[] = [];
    if (kept.length > 0) {
      parts.push([
        'kept_keys',
        `UPDATE idempotency_keys k SET request_hash = v.hash, response_status = 201, response_body = v.body
           FROM ${params.unnest(kept, 'v', {
             investor_id: [(claim) => claim.investorId, 'uuid[]'],
             key: [(claim) => claim.key, 'text[]'],
             hash: [(claim) => claim.hash, 'text[]'],
             body: [(claim) => JSON.stringify(claim.answer), 'jsonb[]'],
           })}
          WHERE k.investor_id = v.investor_id AND k.key = v.key`,
      ]);
    }
    if (released.length > 0) {
      parts.push([
        'released_keys',
        `DELETE FROM idempotency_keys k
          USING ${params.unnest(released, 'v', {
            investor_id: [(claim) => claim.investorId, 'uuid[]'],
            key: [(claim) => claim.key, 'text[]'],
          })}
          WHERE k.investor_id = v.investor_id AND k.key = v.key`,
      ]);
    }
    return parts;
  }
}

export interface KeyClaim {
  investorId: string;
  key: string;
  hash: string;
}

function columns(claims: KeyClaim[]): [string[], string[], string[]] {
  return [claims.map((c) => c.investorId), claims.map((c) => c.key), claims.map((c) => c.hash)];
}

export function requestHash(projectId: string, body: CreatePledgeDto): string {
  const canonical = JSON.stringify([
    projectId,
    body.amount,
    body.rewardId ?? null,
    body.paymentMethod,
    body.riskAcknowledged ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
