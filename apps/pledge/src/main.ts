import 'reflect-metadata';
import { runService } from '@crowdlink/platform';
import { pledgeService } from './pledge.definition';

void runService(pledgeService);
