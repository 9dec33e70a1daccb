import 'reflect-metadata';
import { runService } from '@crowdlink/platform';
import { loanLinkageService } from './loan-linkage.definition';

void runService(loanLinkageService);
