import { Inject, Injectable } from '@nestjs/common';
import { lossBearingCapacity, policyOf } from '@crowdlink/compliance';
import { Clock, CLOCK, Money } from '@crowdlink/domain';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { LossSimulationNotAcknowledgedException, NetWorthInEurRequiredException } from './loss-simulation.exceptions';

export interface LossSimulation {
  netWorth: Money;
  lossBearingCapacity: Money;
  acknowledgedAt: Date;
}

/** ECSPR Art 21(5): the investor sees what they can bear to lose and acknowledges it. */
@Injectable()
export class LossSimulationService {
  constructor(
    private readonly profiles: InvestorProfilesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async acknowledge(userId: string, acknowledged: boolean): Promise<LossSimulation> {
    if (!acknowledged) throw new LossSimulationNotAcknowledgedException();
    const now = this.clock.now();
    const currency = policyOf('EU').currency;
    const { result } = await this.profiles.change(userId, (profile) => {
      if (profile.netWorth === null || profile.currency !== currency) {
        throw new NetWorthInEurRequiredException(profile.netWorth === null ? null : profile.currency);
      }
      const netWorth = Money.of(profile.netWorth, currency);
      profile.lossSimulationAcknowledgedAt = now;
      return { netWorth, lossBearingCapacity: lossBearingCapacity(netWorth, now), acknowledgedAt: now };
    });
    return result;
  }
}
