import { BPS_PER_WHOLE } from '@crowdlink/domain';
import { LossSharingPartyDto } from './dto/create-risk-pool.dto';
import { LossSharesInvalidException } from './risk-pool.exceptions';

/**
 * The parties sharing a pool's losses (domain-rules.md §3): shares sum to 100%, and the pool's
 * own share is its coverage. Without a list, the bank carries what the pool does not.
 */
export function lossSharingParties(
  coverageBps: number,
  sponsor: string,
  parties?: LossSharingPartyDto[],
): LossSharingPartyDto[] {
  if (!parties) {
    const own = { party: sponsor, role: 'POOL' as const, shareBps: coverageBps };
    return coverageBps === BPS_PER_WHOLE
      ? [own]
      : [own, { party: 'lending bank', role: 'BANK', shareBps: BPS_PER_WHOLE - coverageBps }];
  }
  const total = parties.reduce((sum, party) => sum + party.shareBps, 0);
  if (total !== BPS_PER_WHOLE) throw new LossSharesInvalidException(`Loss shares sum to ${total} bps, not 10 000`);
  const pools = parties.filter((party) => party.role === 'POOL');
  if (pools.length !== 1) throw new LossSharesInvalidException('Exactly one party is the POOL');
  if (pools[0].shareBps !== coverageBps) {
    throw new LossSharesInvalidException(
      `The POOL party's share (${pools[0].shareBps}) must equal coverageBps (${coverageBps})`,
    );
  }
  if (new Set(parties.map((party) => party.party)).size !== parties.length) {
    throw new LossSharesInvalidException('Each party is named once');
  }
  return parties;
}
