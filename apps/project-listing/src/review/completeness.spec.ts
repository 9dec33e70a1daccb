import { Project } from '../projects/project.entity';
import { ProjectReward } from '../projects/project-reward.entity';
import { missingForReview } from './completeness';

function project(overrides: Partial<Project> = {}): Project {
  return Object.assign(new Project(), {
    kind: 'EQUITY',
    pricePerShare: 100,
    preMoneyValuation: 1_000_000,
    shareClass: 'Common',
    risks: 'r',
    useOfFunds: 'u',
    financialSummary: 'f',
    rewards: [],
    ...overrides,
  });
}

describe(missingForReview.name, () => {
  it('finds nothing missing in a complete project', () => {
    expect(missingForReview(project())).toEqual([]);
  });

  it('lists every gap at once', () => {
    const items = missingForReview(project({ risks: ' ', useOfFunds: null, shareClass: null })).map((m) => m.item);
    expect(items).toEqual(['disclosures.risks', 'disclosures.useOfFunds', 'equity']);
  });

  it('wants a reward on REWARD projects only', () => {
    const reward = { kind: 'REWARD' as const, pricePerShare: null, preMoneyValuation: null, shareClass: null };
    expect(missingForReview(project(reward)).map((m) => m.item)).toEqual(['rewards']);
    expect(missingForReview(project({ ...reward, rewards: [new ProjectReward()] }))).toEqual([]);
    expect(missingForReview(project({ ...reward, kind: 'DONATION' }))).toEqual([]);
  });
});
