// One error shape for every failure: { code, message, details? } with a stable code. Unknown
// errors are logged without request content and answered with a plain 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorCodes, type ErrorCode, type ErrorDetails } from '../../config/errors.ts';
import type { StorageFailure } from '../../contract/vocabulary.ts';
import { classifyStorageError } from '../../db/storage-health.ts';
import { fieldErrorsFrom } from '../validation-details.ts';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
};

function send(code: ErrorCode, details?: ErrorDetails) {
  return { status: errorCodes[code].status, body: new AppError(code, details).toBody() };
}

export interface ErrorHandlingOptions {
  /** A write failed because the database cannot take it (disk full, unreachable …). */
  onStorageFailure?: (reason: StorageFailure) => void;
}

export function registerErrorHandling(
  app: FastifyInstance,
  options: ErrorHandlingOptions = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let out: { status: number; body: unknown };
    // Errors Fastify made about the request itself (they carry a status) are never storage.
    const storageFailure =
      error instanceof AppError || error.statusCode !== undefined
        ? null
        : classifyStorageError(error);
    if (storageFailure) {
      // Not a bug and not the person's fault: the database cannot take writes right now.
      request.log.warn({ storage: storageFailure }, 'database cannot take writes');
      options.onStorageFailure?.(storageFailure);
      out = send('storage_unavailable');
    } else if (error instanceof AppError) {
      out = { status: error.status, body: error.toBody() };
    } else if (error.validation) {
      out = send('validation_failed', fieldErrorsFrom(error.validation, error.validationContext));
    } else if (error.statusCode === 429) {
      out = send('rate_limited');
    } else if (error.code && fastifyCodes[error.code]) {
      out = send(fastifyCodes[error.code]!);
    } else if (
      error instanceof SyntaxError ||
      (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))
    ) {
      out = send('malformed_body');
    } else if (
      typeof error.statusCode === 'number' &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      out = send(
        error.statusCode === 413
          ? 'body_too_large'
          : error.statusCode === 415
            ? 'unsupported_media_type'
            : 'validation_failed',
      );
    } else {
      // Never log request bodies or messages: only what kind of failure and where.
      request.log.error(
        { err: { type: error.name, code: error.code, stack: error.stack } },
        'request failed',
      );
      out = send('internal_error');
    }
    if (out.status === 429) void reply.header('retry-after', '60');
    if (storageFailure) void reply.header('retry-after', '30');
    return reply.code(out.status).send(out.body);
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(new AppError('not_found').toBody()),
  );
}
