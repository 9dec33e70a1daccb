import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { newId } from '@crowdlink/domain';
import { EntityManager, Repository } from 'typeorm';
import { Company } from './company.entity';
import { CompanyNotFoundException, PayoutAccountAlreadySetException } from './company.exceptions';
import { CreateCompanyDto } from './dto/create-company.dto';

@Injectable()
export class CompaniesService {
  constructor(@InjectRepository(Company) private readonly companies: Repository<Company>) {}

  async create(ownerId: string, input: CreateCompanyDto): Promise<Company> {
    return this.companies.save(
      this.companies.create({ ...input, payoutAccountId: input.payoutAccountId ?? null, id: newId(), ownerId }),
    );
  }

  /** The company, if the caller owns it; someone else's company is reported as missing. */
  async ownedBy(companyId: string, ownerId: string): Promise<Company> {
    const company = await this.companies.findOneBy({ id: companyId, ownerId });
    if (!company) throw new CompanyNotFoundException();
    return company;
  }

  /**
   * Gives the caller's company its payout account, once. Redirecting where a startup's money
   * goes is the classic account-takeover fraud, so a different account is refused once one is
   * set (support changes it after checking); the same account again is a harmless retry.
   * `changed` says whether this call set it.
   */
  async setPayoutAccount(
    manager: EntityManager,
    companyId: string,
    ownerId: string,
    payoutAccountId: string,
  ): Promise<{ company: Company; changed: boolean }> {
    const [set] = (await manager.query(
      `UPDATE companies SET payout_account_id = $3, updated_at = now()
        WHERE id = $1 AND owner_id = $2 AND payout_account_id IS NULL
        RETURNING id`,
      [companyId, ownerId, payoutAccountId],
    )) as [unknown[], number];
    const company = await manager.findOneBy(Company, { id: companyId, ownerId });
    if (!company) throw new CompanyNotFoundException();
    if (company.payoutAccountId !== payoutAccountId) throw new PayoutAccountAlreadySetException();
    return { company, changed: set.length === 1 };
  }
}
