import { Project } from '../projects/project.entity';
import { MissingItem } from './review.exceptions';

/**
 * What a reviewer needs before looking at a project (domain-rules.md §4): the three
 * disclosures, equity terms for EQUITY, at least one reward for REWARD. Every gap is
 * listed at once, so the founder fixes them in one go.
 */
export function missingForReview(project: Project): MissingItem[] {
  const missing: MissingItem[] = [];
  const disclosures = {
    risks: project.risks,
    useOfFunds: project.useOfFunds,
    financialSummary: project.financialSummary,
  };
  for (const [name, text] of Object.entries(disclosures)) {
    if (!text?.trim()) missing.push({ item: `disclosures.${name}`, reason: 'required before review' });
  }
  if (project.kind === 'EQUITY' && project.equityTerms() === null) {
    missing.push({ item: 'equity', reason: 'EQUITY projects state price per share, valuation and share class' });
  }
  if (project.kind === 'REWARD' && project.rewards.length === 0) {
    missing.push({ item: 'rewards', reason: 'REWARD projects offer at least one reward' });
  }
  return missing;
}
