import 'reflect-metadata';
import { runService } from '@crowdlink/platform';
import { gatewayService } from './gateway.definition';

void runService(gatewayService);
