import 'reflect-metadata';
import { runService } from '@crowdlink/platform';
import { projectListingService } from './project-listing.definition';

void runService(projectListingService);
