import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Clock } from '@crowdlink/domain';
import { FastifyInstance, LogController } from 'fastify';
import { Logger } from 'pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '../config/platform.config';
import { checkHealth } from '../health/health-check';
import { answerFrameworkError } from '../http/framework-errors';
import { installJsonBodyParser } from '../http/json-body-parser';
import { REQUEST_ID_HEADER, requestIdOf } from '../http/request-id';
import { NestPinoLogger } from '../logging/nest-logger';
import { createHttpLatencyHistogram, METRICS_REGISTRY } from '../metrics/metrics';
import { Redis, REDIS } from '../redis/redis';
import { PlatformModule } from './platform.module';
import { ServiceDefinition } from './service-definition';

export interface CreateServiceAppOptions {
  config: PlatformConfig;
  logger: Logger;
  clock?: Clock;
}

/**
 * Builds one service as a Fastify-backed Nest application with everything every service
 * shares: JSON logs with request ids, the api.md error format, /health, /metrics and
 * /openapi.json. Used by main.ts and by the integration tests alike.
 */
export async function createServiceApp(
  service: ServiceDefinition,
  { config, logger, clock }: CreateServiceAppOptions,
): Promise<NestFastifyApplication> {
  @Module({ imports: [PlatformModule.forRoot({ service, config, logger, clock }), service.module] })
  class RootModule {}

  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // one line per request is written by our onResponse hook, with its latency
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(RootModule, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    bodyParser: false, // ours, installed below
  });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installRequestHooks(fastify, app.get<Registry>(METRICS_REGISTRY), logger);
  installJsonBodyParser(fastify);
  registerOperationalRoutes(fastify, app);
  await service.configure?.(app, config);

  const document = buildOpenApiDocument(app, service);
  fastify.get('/openapi.json', async () => document);
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication, service: ServiceDefinition): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Crowdlink ${service.name}`)
    .setDescription(service.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

function installRequestHooks(fastify: FastifyInstance, registry: Registry, logger: Logger): void {
  const latency = createHttpLatencyHistogram(registry);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    latency.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}

function registerOperationalRoutes(fastify: FastifyInstance, app: NestFastifyApplication): void {
  fastify.get('/health', async (_request, reply) => {
    const report = await checkHealth(app.get<DataSource>(getDataSourceToken()), app.get<Redis>(REDIS));
    return reply.status(report.status === 'ok' ? 200 : 503).send(report);
  });
  fastify.get('/metrics', async (_request, reply) => {
    const registry = app.get<Registry>(METRICS_REGISTRY);
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}
