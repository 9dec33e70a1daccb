import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { DataSource, EntityManager } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { ProjectEventsPublisher } from '../projects/events/project-events.publisher';
import { ProjectStatus } from '../projects/project.model';
import { ProjectsRepository } from '../projects/projects.repository';

/** Projects whose money is still to be paid out: the ones other services must learn the account of. */
const NOT_YET_SETTLED: readonly ProjectStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'LIVE'];

/**
 * A company's Stripe Connect payout account. Project events carry it in their snapshot, so
 * the pledge service's settlement knows where to pay; setting it later publishes a fresh
 * snapshot (`project.terms-changed`, a new project version) of every project not yet
 * settled, in the same transaction.
 */
@Injectable()
export class PayoutAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly projects: ProjectsRepository,
    private readonly events: ProjectEventsPublisher,
  ) {}

  async set(user: AuthenticatedUser, companyId: string, payoutAccountId: string): Promise<Company> {
    return this.dataSource.transaction(async (manager) => {
      const { company, changed } = await this.companies.setPayoutAccount(manager, companyId, user.id, payoutAccountId);
      if (changed) await this.announce(manager, companyId);
      return company;
    });
  }

  private async announce(manager: EntityManager, companyId: string): Promise<void> {
    const [bumped] = (await manager.query(
      `UPDATE projects SET version = version + 1, updated_at = now()
        WHERE company_id = $1 AND status = ANY($2)
        RETURNING id`,
      [companyId, NOT_YET_SETTLED],
    )) as [{ id: string }[], number];
    for (const { id } of bumped) await this.events.termsChanged(manager, await this.projects.get(id, manager));
  }
}
