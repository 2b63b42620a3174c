// The one table of stable error codes. Codes are part of the API: clients match on `code`,
// people read `message`. Add codes; never rename or reuse one.

export const errorCodes = {
  validation_failed: { status: 400, message: 'Some of the details need another look.' },
  malformed_body: { status: 400, message: 'The request body could not be read as JSON.' },
  unsupported_media_type: { status: 415, message: 'Please send the request body as JSON.' },
  body_too_large: { status: 413, message: 'That is more text than we can take in one go.' },
  not_found: { status: 404, message: 'We could not find that.' },
  sign_in_required: { status: 401, message: 'Please sign in to continue.' },
  invalid_credentials: {
    status: 401,
    message: 'That email and password did not match an account.',
  },
  invalid_token: { status: 401, message: 'That access token is not valid any more.' },
  forbidden: { status: 403, message: 'Your role here does not include this.' },
  csrf_failed: {
    status: 403,
    message:
      'This request could not be confirmed as coming from this site. Reload the page and try again.',
  },
  rate_limited: {
    status: 429,
    message: 'That was a lot of requests in a short time. Please wait a minute and try again.',
  },
  setup_complete: { status: 409, message: 'This installation already has an operator.' },
  setup_link_invalid: {
    status: 404,
    message: 'That setup link is not valid. Run `callin admin create-operator` instead.',
  },
  invitation_invalid: {
    status: 404,
    message: 'That invitation link is not valid, or it has expired.',
  },
  email_taken: {
    status: 409,
    message: 'An account with that email already exists. Sign in to accept the invitation.',
  },
  already_member: { status: 409, message: 'You are already part of this community.' },
  slug_taken: { status: 409, message: 'Another community already uses that short name.' },
  intake_closed: { status: 404, message: 'This form is not taking concerns right now.' },
  invalid_state: { status: 409, message: 'That step does not fit where this case is now.' },
  last_organizer: { status: 409, message: 'A community needs at least one organizer.' },
  consent_required: { status: 409, message: 'The harmed person has not agreed to this yet.' },
  consent_withdrawn: {
    status: 409,
    message: 'The harmed person has withdrawn consent, so this has stopped.',
  },
  over_capacity: { status: 409, message: 'This person has no room for more work right now.' },
  harmed_person_cannot_call: {
    status: 409,
    message: 'The person who was harmed is only asked to do this when they chose to.',
  },
  same_organizer_appeal: {
    status: 409,
    message: 'A different organizer needs to decide this appeal.',
  },
  unavailable: {
    status: 503,
    message: 'This part is not ready yet. Please try again in a moment.',
  },
  storage_unavailable: {
    status: 503,
    message:
      'We could not save this just now, so nothing was changed. Please try again in a few minutes.',
  },
  malformed_request: { status: 400, message: 'The request could not be read as HTTP.' },
  headers_too_large: { status: 431, message: 'The request headers are larger than we accept.' },
  request_timeout: {
    status: 408,
    message: 'The request took too long to arrive. Please try again.',
  },
  too_many_connections: {
    status: 503,
    message: 'There are too many open connections from your address. Please try again shortly.',
  },
  internal_error: {
    status: 500,
    message: 'Something went wrong on our side. Nothing was changed.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Domain code throws this; the HTTP layer maps it through `errorCodes`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
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
