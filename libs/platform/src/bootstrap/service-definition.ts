import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformConfig } from '../config/platform.config';
import { PersistenceDefinition } from '../database/database-options';

/** Everything the platform needs to know to run one of the marketplace's processes. */
export interface ServiceDefinition extends PersistenceDefinition {
  module: Type<unknown>;
  description: string;
  /** Extra HTTP wiring that lives outside Nest's controllers (the gateway's proxy). */
  configure?(app: NestFastifyApplication, config: PlatformConfig): Promise<void> | void;
}
