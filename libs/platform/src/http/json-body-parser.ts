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

/**
 * Deeper than any body of ours (a few levels) by far, shallow enough for every recursive walk
 * after the parse (Nest's ValidationPipe, class-transformer): 10,000 levels overflowed the stack.
 */
export const MAX_JSON_DEPTH = 32;

export class MalformedJsonException extends DomainException {
  constructor(message = 'The body is not valid JSON') {
    super('MALFORMED_JSON', 'invalid', message);
  }
}

/** The bytes of JSON's syntax that nest, and those that delimit a string. */
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }

/** How deep the arrays and objects of a JSON text nest, counting no bracket inside a string; stops past `limit`. */
export function jsonNestingDepth(text: Buffer, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length && deepest <= limit; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) deepest = Math.max(deepest, ++depth);
    else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return deepest;
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
    if (jsonNestingDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return done(new MalformedJsonException(`The body nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    try {
      done(null, secureJson.parse(raw, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new MalformedJsonException(), undefined);
    }
  });
}
