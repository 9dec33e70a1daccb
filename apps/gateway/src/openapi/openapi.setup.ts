import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument, PlatformConfig, ServiceDefinition } from '@crowdlink/platform';
import { FastifyInstance } from 'fastify';
import { mergedOpenApi } from './merged-openapi';

/** Serves the whole marketplace's API at /v1/openapi.json and browsable at /docs. */
export function setUpOpenApi(app: NestFastifyApplication, config: PlatformConfig, gateway: ServiceDefinition): void {
  let own: OpenAPIObject | undefined;
  const ownDocument = (): OpenAPIObject => (own ??= buildOpenApiDocument(app, gateway));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.get('/v1/openapi.json', () => mergedOpenApi(config, ownDocument()));
  SwaggerModule.setup('docs', app, ownDocument, {
    raw: false,
    customSiteTitle: 'Crowdlink API',
    patchDocumentOnRequest: () => mergedOpenApi(config, ownDocument()) as never,
  });
}
