import { schemaOf, ServiceName } from '@crowdlink/contracts';
import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { PlatformConfig } from '../config/platform.config';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Migration = Function;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entity = Function | EntitySchema;

export interface PersistenceDefinition {
  name: ServiceName;
  entities: MixedList<Entity>;
  migrations: Migration[];
}

/**
 * One data source per service, confined to the service's own schema: the search path
 * holds only that schema, so raw SQL cannot wander into another service's tables. Its
 * connections pipeline: statements sent on one without awaiting the one before go out back
 * to back, and PostgreSQL answers them in order (an awaited statement works as ever).
 */
export function databaseOptions(config: PlatformConfig, service: PersistenceDefinition): DataSourceOptions {
  const schema = schemaOf(service.name);
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    schema,
    entities: service.entities,
    migrations: service.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    applicationName: `crowdlink-${service.name}`,
    extra: { max: config.DATABASE_POOL_SIZE, options: `-c search_path=${schema}`, pipeline: true },
  };
}
