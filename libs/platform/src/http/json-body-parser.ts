import { DomainException } from '@crowdlink/domain';
import { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

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
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(body as string, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new MalformedJsonException(), undefined);
    }
  });
}
