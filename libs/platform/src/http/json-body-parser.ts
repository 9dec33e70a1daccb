import { DomainException } from '@crowdlink/domain';
import { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep the body's bytes in `request.rawBody` as well as parsing them. */
    rawBody?: boolean;
  }
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export class MalformedJsonException extends DomainException {
  constructor() {
    super('MALFORMED_JSON', 'invalid', 'The body is not valid JSON');
  }
}

/**
 * Parses JSON bodies ourselves so that a malformed body is a MALFORMED_JSON answer (Nest
 * would turn Fastify's own error into a bare 400). Prototype-poisoning keys are refused.
 * JSON is the only body type: Fastify's default text/plain parser goes too, so a body sent
 * as text is 415, not a string that fails validation field by field.
 * A route that must see the exact bytes (a signed webhook: the signature covers them, not
 * their parse) asks with `@RouteConfig({ rawBody: true })` and finds them in `request.rawBody`.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    if (request.routeOptions.config.rawBody === true) request.rawBody = raw;
    if (raw.length === 0) return done(null, undefined);
    try {
      done(null, secureJson.parse(raw, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new MalformedJsonException(), undefined);
    }
  });
}
