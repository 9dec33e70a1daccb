import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from './error-body';

/**
 * Fastify's router answers a path it cannot even match (bad percent-encoding, a segment over
 * the router's length limit) before any hook or error handler runs; this gives those answers
 * the api.md format and a code of ours, without echoing the path back.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { statusCode: 414, code: 'URI_TOO_LONG', message: 'The path is too long' }
      : MALFORMED_URL;
  void reply.status(body.statusCode).send(body);
}

export const MALFORMED_URL: ErrorBody = {
  statusCode: 400,
  code: 'MALFORMED_URL',
  message: 'The URL is not validly percent-encoded',
};

/** Whether every %-sequence of `url` decodes (the router checks the path, not the query). */
export function isWellEncoded(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}
