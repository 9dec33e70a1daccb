import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token';
import { toErrorBody } from './error-body';

/** The one place where a thrown error becomes an HTTP answer. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      this.logger.error({ err: error, requestId: http.getRequest<FastifyRequest>().id }, 'request failed');
    }
    void reply.status(body.statusCode).send(body);
  }
}
