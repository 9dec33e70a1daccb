import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { ProjectListingModule } from './project-listing.module';

export const projectListingService: ServiceDefinition = {
  name: 'project-listing',
  description: 'Companies, projects, review, the public showcase and search, IP declarations.',
  module: ProjectListingModule,
  entities: [],
  migrations: [...MESSAGING_MIGRATIONS],
};
