import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@crowdlink/domain';
import { ValidationFailedException } from '@crowdlink/platform';
import { InvestorProfile } from '../investors/investor-profile.entity';
import { InvestorProfilesRepository } from '../investors/investor-profiles.repository';
import { applyKycAction } from '../kyc/kyc-transition';
import { nextKycStatus } from '../kyc/kyc-status.machine';
import { UpdateProfileDto } from './dto/update-profile.dto';

@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: InvestorProfilesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async profileOf(userId: string): Promise<InvestorProfile> {
    return this.profiles.get(userId);
  }

  /**
   * Replaces the investor's profile. The first complete profile (and a corrected one after a
   * KYC rejection) goes to the admins for KYC: NOT_SUBMITTED | REJECTED → PENDING.
   * The CN inputs are optional: left out they stay as they were, null clears them.
   */
  async update(userId: string, body: UpdateProfileDto): Promise<InvestorProfile> {
    const { preferences } = body;
    if (preferences.ticketMin > preferences.ticketMax) {
      throw new ValidationFailedException([
        { field: 'preferences.ticketMin', errors: ['ticketMin must not be greater than ticketMax'] },
      ]);
    }
    const { profile } = await this.profiles.change(
      userId,
      async (profile, manager) => {
        Object.assign(profile, {
          type: body.type,
          displayName: body.displayName,
          country: body.country,
          currency: body.currency,
          annualIncome: body.annualIncome,
          netWorth: body.netWorth,
          selfCertifiedAccredited: body.selfCertifiedAccredited,
          preferences: {
            sectors: preferences.sectors,
            stages: preferences.stages,
            regions: preferences.regions,
            kinds: preferences.kinds,
            ticketMin: preferences.ticketMin,
            ticketMax: preferences.ticketMax,
          },
          discoverable: body.discoverable,
        });
        if (body.financialAssets !== undefined) profile.financialAssets = body.financialAssets;
        if (body.averageAnnualIncomeThreeYears !== undefined) {
          profile.averageAnnualIncomeThreeYears = body.averageAnnualIncomeThreeYears;
        }
        profile.submittedAt ??= this.clock.now();
        if (nextKycStatus(profile.kycStatus, 'submit') !== undefined) {
          await applyKycAction(manager, profile, 'submit', userId, null);
        }
      },
      { expectedVersion: body.version },
    );
    return profile;
  }
}
