import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxPublisher } from '@crowdlink/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { eligibilityChanged, eligibilityOf } from './investor-eligibility';
import { InvestorProfile } from './investor-profile.entity';
import { InvestorNotFoundException, InvestorProfileModifiedException } from './investor.exceptions';

/**
 * The one way to change an investor's profile. The row is locked for the transaction, the
 * change applied, the version bumped, and when anything a pledge decision needs changed,
 * `investor.eligibility-changed` goes into the outbox in the same transaction.
 */
@Injectable()
export class InvestorProfilesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<InvestorProfile> {
    const profile = await manager.findOneBy(InvestorProfile, { userId });
    if (!profile) throw new InvestorNotFoundException();
    return profile;
  }

  async change<T>(
    userId: string,
    mutate: (profile: InvestorProfile, manager: EntityManager) => Promise<T> | T,
    options: { expectedVersion?: number } = {},
  ): Promise<{ profile: InvestorProfile; result: T }> {
    return this.dataSource.transaction(async (manager) => {
      const profile = await manager.findOne(InvestorProfile, {
        where: { userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!profile) throw new InvestorNotFoundException();
      if (options.expectedVersion !== undefined && options.expectedVersion !== profile.version) {
        throw new InvestorProfileModifiedException(options.expectedVersion, profile.version);
      }
      const before = eligibilityOf(profile);
      const result = await mutate(profile, manager);
      profile.version += 1;
      await manager.save(InvestorProfile, profile);
      const after = eligibilityOf(profile);
      if (eligibilityChanged(before, after)) {
        await this.outbox.publish(manager, 'investor.eligibility-changed', {
          aggregateId: profile.userId,
          aggregateVersion: profile.version,
          payload: after,
        });
      }
      return { profile, result };
    });
  }
}
