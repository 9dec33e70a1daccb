import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { InvestorProfile } from '../investors/investor-profile.entity';
import { KycDecision } from './kyc-decision.entity';
import { KycAction, nextKycStatus } from './kyc-status.machine';
import { IllegalKycTransitionException } from './kyc.exceptions';

/**
 * Moves the (locked) profile's KYC status in place and writes the history line, inside the
 * caller's transaction; the caller saves the profile. Refuses an illegal move.
 */
export async function applyKycAction(
  manager: EntityManager,
  profile: InvestorProfile,
  action: KycAction,
  actorId: string,
  notes: string | null,
): Promise<void> {
  const from = profile.kycStatus;
  const to = nextKycStatus(from, action);
  if (to === undefined) throw new IllegalKycTransitionException(from, action);
  profile.kycStatus = to;
  await manager.insert(KycDecision, {
    id: newId(),
    userId: profile.userId,
    actorId,
    action,
    fromStatus: from,
    toStatus: to,
    notes,
  });
}
