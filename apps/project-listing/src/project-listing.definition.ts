import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { ProjectAmendment } from './amendments/project-amendment.entity';
import { Company } from './companies/company.entity';
import { ComplaintEvent } from './complaints/complaint-event.entity';
import { Complaint } from './complaints/complaint.entity';
import { CreateProjects1764180000000 } from './migrations/1764180000000-create-projects';
import { AddFundingVersion1764190000000 } from './migrations/1764190000000-add-funding-version';
import { AddProjectSearch1764200000000 } from './migrations/1764200000000-add-project-search';
import { AddCompanyPayoutAccount1764210000000 } from './migrations/1764210000000-add-company-payout-account';
import { CreateProjectAmendments1764220000000 } from './migrations/1764220000000-create-project-amendments';
import { ProjectListingModule } from './project-listing.module';
import { IpAsset } from './projects/ip-asset.entity';
import { Project } from './projects/project.entity';
import { ProjectReward } from './projects/project-reward.entity';
import { ProjectStatusChange } from './review/project-status-change.entity';
import { ProjectUpdate } from './updates/project-update.entity';

export const projectListingService: ServiceDefinition = {
  name: 'project-listing',
  description: 'Companies, projects, review, the public showcase and search, IP declarations.',
  module: ProjectListingModule,
  entities: [
    Company,
    Project,
    ProjectReward,
    IpAsset,
    ProjectStatusChange,
    ProjectUpdate,
    Complaint,
    ComplaintEvent,
    ProjectAmendment,
  ],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateProjects1764180000000,
    AddFundingVersion1764190000000,
    AddProjectSearch1764200000000,
    AddCompanyPayoutAccount1764210000000,
    CreateProjectAmendments1764220000000,
  ],
};
