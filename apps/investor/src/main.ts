import 'reflect-metadata';
import { runService } from '@crowdlink/platform';
import { investorService } from './investor.definition';

void runService(investorService);
