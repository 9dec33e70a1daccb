import { isWellEncoded, MALFORMED_URL, PlatformConfig, REQUEST_ID_HEADER, urlOf } from '@crowdlink/platform';
import { FastifyInstance, FastifyReply } from 'fastify';
import { RoutingTable, Upstream } from './routing-table';
import { UpstreamPools } from './upstream-pools';

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
    const upstreams = new UpstreamPools({ connections: 256, timeoutMs: UPSTREAM_TIMEOUT_MS });
    scope.addHook('onClose', () => upstreams.close());

    scope.all('/v1/*', async (request, reply) => {
      const path = request.url.split('?', 1)[0];
      const owner = table.ownerOf(path);
      if (!owner) {
        return reply
          .status(404)
          .send({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `No route for ${request.method} ${path}` });
      }
      // a bad %-sequence in the query too is MALFORMED_URL (the services' router checks only the path)
      if (!isWellEncoded(request.url)) return reply.status(MALFORMED_URL.statusCode).send(MALFORMED_URL);
      try {
        const answer = await upstreams.exchange(urlOf(config, owner), {
          method: request.method,
          path: request.url,
          headers: { ...request.headers, [REQUEST_ID_HEADER]: request.id, 'x-forwarded-for': request.ip },
          body: Buffer.isBuffer(request.body) ? request.body : undefined,
        });
        return reply.status(answer.statusCode).headers(answer.headers).send(answer.body);
      } catch (error) {
        return answerUnavailable(reply, owner, error as Error);
      }
    });
  };
}

function answerUnavailable(reply: FastifyReply, owner: Upstream, error: Error): FastifyReply {
  reply.log.warn({ upstream: owner, reason: error.message }, 'upstream failed');
  return reply.status(503).send({
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: `The ${owner} service is not answering; try again shortly`,
  });
}
