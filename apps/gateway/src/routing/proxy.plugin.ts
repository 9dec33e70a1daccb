import replyFrom from '@fastify/reply-from';
import { isWellEncoded, MALFORMED_URL, PlatformConfig, REQUEST_ID_HEADER, urlOf } from '@crowdlink/platform';
import { FastifyInstance, FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import { LevelWithSilent } from 'pino';
import { RoutingTable, Upstream } from './routing-table';

const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Forwards every /v1 request that the gateway does not answer itself to the service that
 * owns it. Bodies pass through as raw bytes (a Stripe webhook signature covers the exact
 * bytes), and status, headers and body come back unchanged.
 */
export function proxyPlugin(config: PlatformConfig, table = new RoutingTable()) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    await scope.register(replyFrom, { undici: { connections: 256, keepAliveTimeout: 30_000 } });

    // reply-from narrates every request at info; our own request line is enough
    const logLevel = (
      ['silent', 'fatal', 'error'].includes(config.LOG_LEVEL) ? config.LOG_LEVEL : 'warn'
    ) as LevelWithSilent;
    scope.all('/v1/*', { logLevel }, (request, reply) => {
      const path = request.url.split('?', 1)[0];
      const owner = table.ownerOf(path);
      if (!owner) {
        return reply
          .status(404)
          .send({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `No route for ${request.method} ${path}` });
      }
      // reply-from decodes the whole URL, query included, and would throw (a 500) on a bad %-sequence
      if (!isWellEncoded(request.url)) return reply.status(MALFORMED_URL.statusCode).send(MALFORMED_URL);
      return reply.from(`${urlOf(config, owner)}${request.url}`, {
        // handed over explicitly with its content type: left to itself, reply-from re-encodes
        // an application/json body with JSON.stringify, which turns the raw Buffer into {type, data}
        ...(Buffer.isBuffer(request.body)
          ? { body: request.body, contentType: request.headers['content-type'] ?? 'application/octet-stream' }
          : {}),
        timeout: UPSTREAM_TIMEOUT_MS,
        rewriteRequestHeaders: (original, headers) => ({
          ...headers,
          [REQUEST_ID_HEADER]: original.id,
          'x-forwarded-for': original.ip,
        }),
        onError: (failed, { error }) => answerUnavailable(failed, owner, error),
      });
    });
  };
}

function answerUnavailable(
  reply: FastifyReply<RouteGenericInterface, RawServerBase>,
  owner: Upstream,
  error: Error,
): void {
  reply.log.warn({ upstream: owner, reason: error.message }, 'upstream failed');
  void reply.status(503).send({
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: `The ${owner} service is not answering; try again shortly`,
  });
}
