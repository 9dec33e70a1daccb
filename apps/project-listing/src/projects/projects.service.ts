import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { newId } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import { CreateProjectDto } from './dto/create-project.dto';
import { RewardInputDto } from './dto/project-parts.dto';
import { UpdateProjectDto } from './dto/update-project.dto';
import { IpAsset } from './ip-asset.entity';
import { assertOwner, assertVisible } from './project-access';
import { ProjectEventsPublisher } from './events/project-events.publisher';
import { ProjectModifiedConcurrentlyException, ProjectNotEditableException } from './project.exceptions';
import { Project } from './project.entity';
import { EDITABLE_STATUSES } from './project.model';
import { ProjectReward } from './project-reward.entity';
import { projectSearchVector } from '../shared/search-text';
import { ProjectsRepository } from './projects.repository';
import { assertConsistentTerms, ProjectTerms } from './project-terms';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly projects: ProjectsRepository,
    private readonly events: ProjectEventsPublisher,
  ) {}

  async create(owner: AuthenticatedUser, input: CreateProjectDto): Promise<Project> {
    await this.companies.ownedBy(input.companyId, owner.id);
    const { equity, rewards = [], ipAssets = [], disclosures, opensAt, closesAt, ...rest } = input;
    const id = newId();
    const project = Object.assign(new Project(), {
      ...rest,
      id,
      ownerId: owner.id,
      version: 1,
      status: 'DRAFT',
      opensAt: new Date(opensAt),
      closesAt: new Date(closesAt),
      pricePerShare: equity?.pricePerShare ?? null,
      preMoneyValuation: equity?.preMoneyValuation ?? null,
      shareClass: equity?.shareClass ?? null,
      risks: disclosures?.risks ?? null,
      useOfFunds: disclosures?.useOfFunds ?? null,
      financialSummary: disclosures?.financialSummary ?? null,
      raised: 0,
      pledgeCount: 0,
      searchVector: projectSearchVector(rest),
      rewards: rewardsOf(id, rewards),
      ipAssets: ipAssets.map((asset, position) =>
        Object.assign(new IpAsset(), { ...asset, id: newId(), projectId: id, position }),
      ),
    } satisfies Partial<Project>);
    assertConsistentTerms(termsOf(project));

    return this.dataSource.transaction(async (manager) => {
      // plain inserts: save() would first look for rows that cannot exist yet
      const { rewards: newRewards, ipAssets: newAssets, ...row } = project;
      await manager.insert(Project, row);
      if (newRewards.length > 0) await manager.insert(ProjectReward, newRewards);
      if (newAssets.length > 0) await manager.insert(IpAsset, newAssets);
      for (const asset of project.ipAssets) await this.events.ipAssetDeclared(manager, project, asset);
      return this.projects.get(project.id, manager);
    });
  }

  /**
   * Edits a project while its owner holds the pen (DRAFT, CHANGES_REQUESTED). The write is
   * conditional on the version read, so two concurrent edits cannot both win silently.
   */
  async update(user: AuthenticatedUser, id: string, input: UpdateProjectDto): Promise<Project> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      assertOwner(project, user);
      if (!EDITABLE_STATUSES.includes(project.status)) throw new ProjectNotEditableException(project.status);
      // an empty edit changes nothing: no new version, no event
      if (Object.values(input).every((value) => value === undefined)) return project;

      const { equity, rewards, disclosures, opensAt, closesAt, ...rest } = input;
      const changed: Partial<Project> = { ...rest };
      if (opensAt !== undefined) changed.opensAt = new Date(opensAt);
      if (closesAt !== undefined) changed.closesAt = new Date(closesAt);
      if (equity !== undefined) {
        Object.assign(changed, {
          pricePerShare: equity.pricePerShare,
          preMoneyValuation: equity.preMoneyValuation,
          shareClass: equity.shareClass,
        });
      }
      if (disclosures !== undefined) {
        Object.assign(changed, {
          risks: disclosures.risks ?? null,
          useOfFunds: disclosures.useOfFunds ?? null,
          financialSummary: disclosures.financialSummary ?? null,
        });
      }
      const next = Object.assign(new Project(), project, changed);
      if (rewards !== undefined) next.rewards = rewardsOf(id, rewards);
      assertConsistentTerms(termsOf(next));
      // the search vector follows the text in the same UPDATE
      if (SEARCHED_FIELDS.some((field) => changed[field] !== undefined))
        changed.searchVector = projectSearchVector(next);

      const result = await manager
        .createQueryBuilder()
        .update(Project)
        .set({ ...changed, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: project.version })
        .execute();
      if (result.affected !== 1) throw new ProjectModifiedConcurrentlyException();
      if (rewards !== undefined) {
        await manager.delete(ProjectReward, { projectId: id });
        if (next.rewards.length > 0) await manager.insert(ProjectReward, next.rewards);
      }
      const updated = await this.projects.get(id, manager);
      await this.events.termsChanged(manager, updated);
      return updated;
    });
  }

  async view(id: string, user: AuthenticatedUser | undefined): Promise<Project> {
    const project = await this.projects.get(id);
    assertVisible(project, user);
    return project;
  }
}

/** What projectSearchVector reads: a change of any of them rewrites search_vector. */
const SEARCHED_FIELDS = ['title', 'summary', 'description'] as const satisfies readonly (keyof Project)[];

function rewardsOf(projectId: string, rewards: RewardInputDto[]): ProjectReward[] {
  return rewards.map((reward, position) =>
    Object.assign(new ProjectReward(), {
      ...reward,
      quantity: reward.quantity ?? null,
      id: newId(),
      projectId,
      position,
    }),
  );
}

export function termsOf(project: Project): ProjectTerms {
  return {
    kind: project.kind,
    jurisdiction: project.jurisdiction,
    currency: project.currency,
    targetAmount: project.targetAmount,
    maxAmount: project.maxAmount,
    minPledge: project.minPledge,
    opensAt: project.opensAt,
    closesAt: project.closesAt,
    fundingModel: project.fundingModel,
    hasEquityTerms: project.pricePerShare !== null,
    rewardCount: project.rewards.length,
  };
}
