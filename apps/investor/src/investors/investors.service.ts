import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvestorProfile } from './investor-profile.entity';
import { InvestorNotFoundException } from './investor.exceptions';

@Injectable()
export class InvestorsService {
  constructor(@InjectRepository(InvestorProfile) private readonly profiles: Repository<InvestorProfile>) {}

  async profileOf(userId: string): Promise<InvestorProfile> {
    const profile = await this.profiles.findOneBy({ userId });
    if (!profile) throw new InvestorNotFoundException();
    return profile;
  }
}
