import rateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { createRedis, PlatformConfig, ServiceDefinition } from '@crowdlink/platform';
import { FastifyInstance } from 'fastify';
import { GatewayModule } from './gateway.module';
import { Organization } from './identity/organization.entity';
import { User } from './identity/user.entity';
import { CreateUsers1764170200000 } from './migrations/1764170200000-create-users';
import { CreateNotifications1764230000000 } from './migrations/1764230000000-create-notifications';
import { AddSettledBackerStatuses1764660000000 } from './migrations/1764660000000-add-settled-backer-statuses';
import { setUpOpenApi } from './openapi/openapi.setup';
import { proxyPlugin } from './routing/proxy.plugin';

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  description:
    "Identity (users, login, access tokens), every user's notifications, routing by path, the merged OpenAPI document.",
  module: GatewayModule,
  entities: [User, Organization],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateUsers1764170200000,
    CreateNotifications1764230000000,
    AddSettledBackerStatuses1764660000000,
  ],
  configure: configureGateway,
};

async function configureGateway(app: NestFastifyApplication, config: PlatformConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  if (config.RATE_LIMIT_PER_MINUTE) {
    const redis = createRedis(config.REDIS_URL, { connectTimeout: 500, maxRetriesPerRequest: 1 });
    fastify.addHook('onClose', async () => void (await redis.quit()));
    await fastify.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      redis,
      nameSpace: `${config.REDIS_PREFIX}:rate-limit:`,
      skipOnError: true,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `More than ${context.max} requests a minute from this address; retry in ${context.after}`,
      }),
    });
  }
  await fastify.register(proxyPlugin(config));
  setUpOpenApi(app, config, gatewayService);
}
