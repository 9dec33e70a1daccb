import { meetsSophisticationCriteria } from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';
import { SophisticationEvidenceDto } from './dto/request-sophistication.dto';

/** Whether the structured evidence meets ECSPR Annex II; the figures are EUR minor units. */
export function evidenceMeetsCriteria(evidence: SophisticationEvidenceDto): boolean {
  const eur = (minor: number | undefined) => (minor === undefined ? undefined : Money.of(minor, 'EUR'));
  return meetsSophisticationCriteria({
    kind: evidence.kind,
    income: eur(evidence.income),
    portfolio: eur(evidence.portfolio),
    yearsOfFinancialSectorExperience: evidence.yearsOfFinancialSectorExperience,
    significantTradesPerQuarterLastFourQuarters: evidence.significantTradesPerQuarterLastFourQuarters,
    ownFunds: eur(evidence.ownFunds),
    turnover: eur(evidence.turnover),
    balanceSheetTotal: eur(evidence.balanceSheetTotal),
  });
}
