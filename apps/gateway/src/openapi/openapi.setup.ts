import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, PlatformConfig, ServiceDefinition } from '@crowdlink/platform';
import { FastifyInstance } from 'fastify';
import { mergedOpenApi } from './merged-openapi';

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Crowdlink API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script>window.ui = SwaggerUIBundle({ url: '/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });</script>
  </body>
</html>`;

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
} as const;

/** Serves the whole marketplace's API at /v1/openapi.json, and browsable with Swagger UI at /docs. */
export function setUpOpenApi(app: NestFastifyApplication, config: PlatformConfig, gateway: ServiceDefinition): void {
  let own: OpenAPIObject | undefined;
  const ownDocument = (): OpenAPIObject => (own ??= buildOpenApiDocument(app, gateway));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  fastify.get('/v1/openapi.json', () => mergedOpenApi(config, ownDocument()));
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_PAGE));
  for (const [file, contentType] of Object.entries(ASSETS)) {
    fastify.get(`/docs/${file}`, async (_request, reply) =>
      reply
        .type(contentType)
        .header('cache-control', 'public, max-age=86400')
        .send(await readFile(join(SWAGGER_UI_DIR, file))),
    );
  }
}
