// The one way the UI talks to the API: JSON in and out, the CSRF header on every change, and
// errors turned into plain words, per field where the API says which field.

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** An error from the API, with messages per field (keyed by the body path, e.g. "about.name"). */
export class ApiError extends Error {
  readonly code: string;
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
const friendlyMessages: Record<string, string> = {
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

/** Turns the validator's wording into something a person can act on. */
export function friendlyProblem(problem: string): string {
  // The domain already speaks in plain words; only the validator's phrases need translating.
  if (problem && !/^must\b/.test(problem)) return problem;
  const min = /fewer than (\d+) characters/.exec(problem);
  if (min)
    return min[1] === '1' ? 'Please fill this in.' : `Please write at least ${min[1]} characters.`;
  const max = /more than (\d+) characters/.exec(problem);
  if (max) return `Please keep this under ${max[1]} characters.`;
  if (problem.includes('pattern "\\S"')) return 'Please write something here, not only spaces.';
  if (problem.includes('format "email"'))
    return 'Please enter an email address, like name@example.org.';
  if (problem.includes('https?'))
    return 'Please use full web addresses that start with https:// or http://.';
  if (problem.includes('pattern')) return 'Please check the format of this.';
  if (problem.includes('required property')) return 'Please fill this in.';
  if (problem.includes('must be equal to one of') || problem.includes('constant'))
    return 'Please choose one of the options.';
  return 'Please check this.';
}

function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as { field?: unknown; problems?: unknown }[]) {
    if (typeof d.field !== 'string') continue;
    const problem = Array.isArray(d.problems) ? String(d.problems[0] ?? '') : '';
    let field = d.field.replace(/^(body|querystring|params)\.?/, '');
    const required = /required property '([^']+)'/.exec(problem);
    if (required?.[1]) field = field ? `${field}.${required[1]}` : required[1];
    // A list item ("quotes.2") belongs to its list's field.
    field = field.replace(/\.\d+$/, '');
    if (!(field in out)) out[field] = friendlyProblem(problem);
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
    const err =
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
  Candidate,
  CareLog,
  CaseCounts,
  CaseOutcome,
  CoachResult,
  Community,
  CommunityEnforcement,
  ConcernDetail,
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
  Invitation,
  InvitationAccepted,
  InvitationMade,
  InvitationPreview,
  LoadPicture,
  Me,
  Member,
  MemberView,
  MessageSent,
  MyCallInItem,
  MyCare,
  MyConcern,
  MyEnforcement,
  NewAccountBody,
  OfferAnswered,
  OfferForYou,
  OutcomeRecorded,
  Raised,
  Recommendation,
  Settings,
  SignedIn,
  TriageAnswers,
  TriagePreview,
} from '../../src/contract/index.ts';

// The vocabulary: every fixed set of values, as unions.
export type {
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
