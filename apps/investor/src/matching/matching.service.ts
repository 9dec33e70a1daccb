import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { InvestorNotFoundException } from '../investors/investor.exceptions';
import { InvestorMatchDto, ProjectMatchesDto } from './dto/project-matches.dto';
import { RecommendationsDto, RecommendedProjectDto } from './dto/recommendations.dto';
import { rankedPageOf } from './match-cursor';
import { compareRanked, scoreMatch } from './match-score';
import { MatchableProject, MatchingRepository } from './matching.repository';
import { MatchingProjectNotFoundException, NotProjectOwnerException } from './matching.exceptions';

/** Investors told about a project going live: the best NOTIFY_TOP_N scoring at least NOTIFY_MIN_SCORE. */
export const NOTIFY_TOP_N = 50;
/** Sector and three more criteria (30 + 15 + 15), or sector, two criteria and the ticket. */
export const NOTIFY_MIN_SCORE = 60;

/**
 * Ranks LIVE projects for an investor and discoverable investors for a project's owner:
 * SQL picks a bounded candidate set through indexes (MatchingRepository), scoreMatch
 * decides the exact order and the reasons.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly repository: MatchingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async recommendationsFor(userId: string, limit: number, cursor?: string): Promise<RecommendationsDto> {
    const investor = await this.repository.preferencesOf(userId);
    if (!investor) throw new InvestorNotFoundException();
    const now = this.clock.now();
    const candidates = await this.repository.candidateProjects(investor, now);
    const ranked = candidates
      .map((project) => ({ id: project.id, project, ...scoreMatch(investor, project, now) }))
      .sort(compareRanked);
    const page = rankedPageOf(ranked, limit, cursor);
    return {
      items: page.items.map(({ project, score, reasons }) => ({
        project: RecommendedProjectDto.of(project),
        score,
        reasons,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async matchesFor(projectId: string, callerId: string, limit: number, cursor?: string): Promise<ProjectMatchesDto> {
    const project = await this.repository.project(projectId);
    if (!project) throw new MatchingProjectNotFoundException();
    if (project.ownerId !== callerId) throw new NotProjectOwnerException();
    const now = this.clock.now();
    const candidates = await this.repository.candidateInvestors(project, { onlyDiscoverable: true });
    const ranked = candidates
      .map((investor) => ({
        id: investor.id,
        displayName: investor.displayName,
        ...scoreMatch(investor, project, now, { discloseTicket: false }),
      }))
      .sort(compareRanked);
    const page = rankedPageOf(ranked, limit, cursor);
    // built field by field: nothing of the investor beyond these four ever leaves
    const items: InvestorMatchDto[] = page.items.map(({ id, displayName, score, reasons }) => ({
      investorId: id,
      displayName,
      score,
      reasons,
    }));
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * The investors to tell that `project` went live: discoverable or not (it is their own
   * notification), the best NOTIFY_TOP_N with at least NOTIFY_MIN_SCORE, best first.
   */
  async investorsToNotify(project: MatchableProject, manager: EntityManager): Promise<string[]> {
    const now = this.clock.now();
    const candidates = await this.repository.candidateInvestors(project, { onlyDiscoverable: false }, manager);
    return candidates
      .map((investor) => ({ id: investor.id, score: scoreMatch(investor, project, now).score }))
      .filter((ranked) => ranked.score >= NOTIFY_MIN_SCORE)
      .sort(compareRanked)
      .slice(0, NOTIFY_TOP_N)
      .map((ranked) => ranked.id);
  }
}
