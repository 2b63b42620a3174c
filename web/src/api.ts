// The one way the UI talks to the API: JSON in and out, the CSRF header on every change, and
// errors turned into plain words, per field where the API says which field.
import type { ErrorBody, ErrorCode, FieldError } from '../../src/contract/errors.ts';
import { messageFor } from './errors.ts';

/** The API's error body, or `network` when the server could not be reached at all. */
export type ApiErrorBody = Omit<ErrorBody, 'code'> & { code: ErrorCode | 'network' };

/** An error from the API, with messages per field (keyed by the body path, e.g. "about.name"). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly fields: Record<string, string>;
  constructor(status: number, body: ApiErrorBody, fields: Record<string, string>) {
    super(friendlyMessages[body.code] ?? body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = status;
    this.fields = fields;
  }
}

// Where the product's wording in the browser should be kinder or more specific than the API's.
const friendlyMessages: Partial<Record<ErrorCode | 'network', string>> = {
  invitation_invalid:
    'We could not find that invitation. It may have expired or been used already — ask the organizer for a new link.',
  setup_link_invalid:
    'That setup link has been used or has expired. Run `callin admin create-operator` on the server, or restart it to get a new link.',
  setup_complete: 'This installation already has an operator. Sign in instead.',
  email_taken:
    'An account with that email already exists. Sign in first, then open the invitation again.',
  intake_closed:
    'This form is not taking concerns right now. If something is urgent, contact the organizers another way.',
  csrf_failed: 'We could not confirm this came from this page. Reload the page and try again.',
  network: 'We could not reach the server. Check your connection and try again.',
};

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One message per field (keyed by its path, e.g. "about.name"), from the API's field errors. */
function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as Partial<FieldError>[]) {
    if (typeof d.field !== 'string' || typeof d.rule !== 'string') continue;
    // A list item ("quotes.2") belongs to its list's field.
    const field = d.field.replace(/\.\d+$/, '');
    if (!(field in out))
      out[field] = messageFor({ rule: d.rule, limit: d.limit, message: d.message });
  }
  return out;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: friendlyMessages.network ?? '' }, {});
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err: ApiErrorBody =
      data && typeof data === 'object' && 'code' in data
        ? (data as ApiErrorBody)
        : {
            code: 'internal_error',
            message: 'Something went wrong on our side. Nothing was changed.',
          };
    throw new ApiError(res.status, err, fieldErrors(err.details));
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string, body?: unknown) => api<T>('DELETE', path, body);

// ---- response shapes: the API's own schemas (src/contract/schemas), as types only ------------
// Type-only exports: nothing of TypeBox or the server reaches the browser bundle. Each name is
// `Static<typeof Schema>` of the schema the route validates and serialises with.

export type {
  AllyBoard,
  AllyUnavailableReason,
  ApiToken,
  ApiTokenMade,
  CallInDetail,
  CallInListItem,
  CallInMessage,
  CallInOfferSeen,
  ChannelChosen,
  Candidate,
  CareLog,
  CaseCounts,
  CaseOutcome,
  CoachResult,
  Community,
  CommunityEnforcement,
  Appealed,
  ConcernDetail,
  ConcernThread,
  ConflictDeclared,
  ConsentConditions,
  ConsentRequested,
  ConsentView,
  CountCategory,
  Decision,
  DraftAdvice,
  DraftSaved,
  EnforcementRecord,
  FollowView,
  GuideStep,
  Handoff,
  History,
  InboxItem,
  InboxPage,
  IntakeView,
  StaffList,
  Invitation,
  InvitationAccepted,
  InvitationPending,
  InvitationMade,
  InvitationPreview,
  LoadPicture,
  Me,
  Member,
  MemberMatch,
  MemberMatches,
  MemberView,
  MessageAdvice,
  MessageSent,
  LinkClaimed,
  MyCallInItem,
  MyCare,
  MyConcern,
  MyEnforcement,
  NewAccountBody,
  NoticeItem,
  NoticeList,
  OfferAnswered,
  OfferForYou,
  OutcomeRecorded,
  Raised,
  Recommendation,
  ReporterMessageSent,
  ReporterThread,
  FollowAlertState,
  Settings,
  SignedIn,
  TriageAnswers,
  TriagePreview,
} from '../../src/contract/index.ts';

// The vocabulary: every fixed set of values, as unions.
export type {
  AppealBlock,
  AppealStatus,
  CallerKind,
  CallInStatus,
  Channel,
  ConcernCategory,
  ConcernSource,
  ConcernStatus,
  ConsentStatus,
  EnforcementStatus,
  Harmed,
  Intent,
  LadderLevel,
  MemberResponse,
  MessageKind,
  OfferStatus,
  Outcome,
  PublicHarm,
  RecommendationKind,
  Relationship,
  ReporterWants,
  Role,
} from '../../src/contract/vocabulary.ts';
