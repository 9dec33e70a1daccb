import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLOCK, Clock, systemClock } from '@crowdlink/domain';
import { schemaOf } from '@crowdlink/contracts';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG, SERVICE_NAME } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform.config';
import { databaseOptions } from '../database/database-options';
import { migrateUnderLock } from '../database/migrate';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { createValidationPipe } from '../http/validation';
import { LOGGER } from '../logging/logger.token';
import { createMetricsRegistry, METRICS_REGISTRY } from '../metrics/metrics';
import { createRedis, Redis, REDIS } from '../redis/redis';
import { ServiceDefinition } from './service-definition';

export interface PlatformOptions {
  service: ServiceDefinition;
  config: PlatformConfig;
  logger: Logger;
  clock?: Clock;
}

/** Closes the request-time Redis connection last, after everything that used it. */
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot({ service, config, logger, clock = systemClock }: PlatformOptions): DynamicModule {
    const options = databaseOptions(config, service);
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => options,
          dataSourceFactory: async () => {
            const dataSource = await new DataSource(options).initialize();
            const applied = await migrateUnderLock(dataSource, config.DATABASE_URL, schemaOf(service.name));
            if (applied > 0) logger.info({ applied }, 'migrations applied');
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service.name },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        {
          provide: METRICS_REGISTRY,
          useValue: createMetricsRegistry(service.name, config.PROCESS_METRICS === 'true'),
        },
        { provide: REDIS, useFactory: () => createRedis(config.REDIS_URL) },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        RedisCloser,
      ],
      exports: [PLATFORM_CONFIG, SERVICE_NAME, LOGGER, CLOCK, METRICS_REGISTRY, REDIS],
    };
  }
}
