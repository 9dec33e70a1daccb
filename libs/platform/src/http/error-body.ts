import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainException, FailureKind } from '@crowdlink/domain';

/** The error format of api.md: `{ statusCode, code, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const STATUS_OF_KIND: Record<FailureKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  payment_required: HttpStatus.PAYMENT_REQUIRED,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Codes for errors raised by the framework (Fastify's body limits, an unknown route). */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/** Turns anything thrown while serving a request into the status and body the client gets. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainException) {
    return withDetails(
      { statusCode: STATUS_OF_KIND[error.kind], code: error.code, message: error.message },
      error.details,
    );
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const code = CODE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { statusCode, code, message: statusCode >= 500 ? 'Internal error' : error.message };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error' };
}

function withDetails(body: ErrorBody, details: unknown): ErrorBody {
  return details === undefined ? body : { ...body, details };
}
