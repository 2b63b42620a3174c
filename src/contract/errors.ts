// Errors as the API states them. Every failure has the shape { code, message, details? }: a
// stable code from the table below (with its HTTP status and the words people read), and, for
// bad input, one detail per problem naming the field and the rule it broke. Codes and rule
// names are part of the API: add to them; never rename or reuse one.
import { Type, type Static } from '@sinclair/typebox';

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
  invalid_signature: {
    status: 401,
    message: 'This request could not be confirmed as coming from the connected service.',
  },
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
  quota_exceeded: {
    status: 429,
    message:
      'You have done this many times in a short while, so we are pausing it for now. Please try again later; the answer says when.',
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
  reset_link_invalid: {
    status: 404,
    message:
      'That link to choose a new password has expired or was already used. You can ask for a new one.',
  },
  email_link_invalid: {
    status: 404,
    message:
      'That link to confirm a new email address has expired or was already used. You can ask for a new one from your account page.',
  },
  already_member: { status: 409, message: 'You are already part of this community.' },
  slug_taken: { status: 409, message: 'Another community already uses that short name.' },
  intake_closed: { status: 404, message: 'This form is not taking concerns right now.' },
  already_decided: {
    status: 409,
    message:
      'This concern already has a decision. To change it, say which decision you are replacing.',
  },
  decision_superseded: {
    status: 409,
    message: 'Someone decided this concern since you opened it. Read the newest decision first.',
  },
  invalid_state: { status: 409, message: 'That step does not fit where this case is now.' },
  last_organizer: { status: 409, message: 'A community needs at least one organizer.' },
  own_invitation: {
    status: 409,
    message:
      'This community holds cases, so nobody can join it through an invitation they made themselves. Please ask one of its organizers to invite you.',
  },
  organizer_handover_required: {
    status: 409,
    message:
      'This community holds cases and has no organizer, so its first organizer cannot be invited by the operator. Close and purge its cases to anonymous counts first, or ask its members to reach the operator another way.',
  },
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
  conflict_of_interest: {
    status: 403,
    message:
      'You are close to this case, so someone else needs to handle it. Thank you for stepping back.',
  },
  caller_cannot_decide_consent: {
    status: 409,
    message:
      'The person calling in cannot also decide consent or where it is asked. Another organizer needs to do this.',
  },
  caller_cannot_confirm_member_address: {
    status: 409,
    message:
      'The person calling in cannot also choose where the other person is written to. Another organizer needs to confirm the address.',
  },
  member_address_unconfirmed: {
    status: 409,
    message:
      'The email address for this person is waiting for an organizer who is not calling in to confirm it. Nothing is sent until then.',
  },
  member_address_from_account: {
    status: 409,
    message:
      'This person has an account here, so email goes to the address on their account. There is no address to add.',
  },
  member_link_claimed: {
    status: 403,
    message:
      'This private link was already opened in another browser, so it only works there. If that was not you, please ask the organizers for help.',
  },
  handover_not_for_caller: {
    status: 409,
    message:
      'This one-time link is for the person you are calling in. Please share it with them rather than opening it yourself.',
  },
  concern_closed: {
    status: 409,
    message:
      'This concern is closed, so it takes no new messages. If something new has happened, you can raise a new concern.',
  },
  thread_full: {
    status: 409,
    message:
      'This conversation has reached the most messages it can hold. The organizers can still read everything in it.',
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
export const errorCodeNames = Object.keys(errorCodes) as ErrorCode[];

/**
 * The rules a field can break. Most come straight from the validator's keyword; a few name what
 * a pattern or format means (`notBlank` for "something other than spaces", `plainText` for "no
 * control characters or bidi overrides", `email`, `url`), so
 * a client can word them without reading the pattern. `invalid` is a rule of the product itself
 * (for example "that person is not a member of this community"): its detail carries the
 * server's own words in `message`.
 */
export const validationRules = [
  'required',
  'type',
  'enum',
  'minLength',
  'maxLength',
  'notBlank',
  'plainText',
  'pattern',
  'email',
  'url',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'additionalProperties',
  'invalid',
] as const;
export type ValidationRule = (typeof validationRules)[number];

/** Where in the request a field is. */
export const fieldLocations = ['body', 'querystring', 'params', 'url'] as const;
export type FieldLocation = (typeof fieldLocations)[number];

export const FieldError = Type.Object(
  {
    field: Type.String({
      description:
        'The path of the field, dotted (`about.name`, `quotes.2`); for a missing or unexpected property, the property itself.',
    }),
    rule: Type.Union(
      validationRules.map((r) => Type.Literal(r)),
      { description: 'The rule the value broke.' },
    ),
    limit: Type.Optional(
      Type.Number({
        description:
          'The bound of a `minLength`, `maxLength`, `minItems`, `maxItems`, `minimum` or `maximum` rule.',
      }),
    ),
    in: Type.Optional(
      Type.Union(
        fieldLocations.map((l) => Type.Literal(l)),
        { description: 'Where in the request the validator found the field.' },
      ),
    ),
    message: Type.Optional(
      Type.String({ description: 'Words for people, where the server has more to say.' }),
    ),
  },
  { description: 'One field that needs another look.' },
);
export type FieldError = Static<typeof FieldError>;

/** Why a step could not be taken (`invalid_state`, `consent_required`, `over_capacity`). */
export const ErrorReason = Type.Object(
  {
    reason: Type.Optional(Type.String()),
    why: Type.Optional(Type.String()),
  },
  { description: 'Why a step could not be taken, in plain words.' },
);
export type ErrorReason = Static<typeof ErrorReason>;

export type ErrorDetails = FieldError[] | ErrorReason;

export const ErrorBody = Type.Object(
  {
    code: Type.Union(errorCodeNames.map((c) => Type.Literal(c))),
    message: Type.String(),
    details: Type.Optional(
      Type.Union([Type.Array(FieldError), ErrorReason], {
        description:
          'For `validation_failed`, one entry per field; for a step that does not fit, the reason.',
      }),
    ),
  },
  {
    $id: 'ErrorBody',
    description: 'Every error: a stable code from the error table, and a message for people.',
  },
);
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** A product rule broken by one field, in the server's own words. */
export function fieldError(field: string, message: string): FieldError {
  return { field, rule: 'invalid', message };
}
