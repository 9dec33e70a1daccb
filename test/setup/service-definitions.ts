import { gatewayService } from '../../apps/gateway/src/gateway.definition';
import { investorService } from '../../apps/investor/src/investor.definition';
import { loanLinkageService } from '../../apps/loan-linkage/src/loan-linkage.definition';
import { pledgeService } from '../../apps/pledge/src/pledge.definition';
import { projectListingService } from '../../apps/project-listing/src/project-listing.definition';

export const ALL_SERVICES = [gatewayService, projectListingService, investorService, pledgeService, loanLinkageService];
