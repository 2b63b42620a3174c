// AppError: what domain code throws. The table of stable codes (statuses and the words people
// read) is part of the contract (src/contract/errors.ts); the HTTP layer maps an AppError
// through it.
import {
  errorCodes,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetails,
} from '../contract/errors.ts';

export { errorCodes, fieldError } from '../contract/errors.ts';
export type { ErrorBody, ErrorCode, ErrorDetails, FieldError } from '../contract/errors.ts';

/** Domain code throws this; the HTTP layer maps it through `errorCodes`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetails,
    message?: string,
  ) {
    super(message ?? errorCodes[code].message);
    this.name = 'AppError';
    this.status = errorCodes[code].status;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
