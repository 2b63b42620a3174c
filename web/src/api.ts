// The one way the UI talks to the API: JSON in and out, the CSRF header on every change, and
// errors turned into plain words, per field where the API says which field.
import type { ErrorBody, ErrorCode, FieldError } from '../../src/contract/errors.ts';
import { messageFor } from './errors.ts';

import type { CallInCan } from '../../src/contract/can.ts';

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

// ---- response shapes (mirroring the TypeBox schemas in src/http/routes) --------------------

export interface Me {
  user: { id: string; email: string; displayName: string; isOperator: boolean };
  csrfToken: string;
  communities: Community[];
}

export interface Community {
  id: string;
  slug: string;
  name: string;
  intakeOpen: boolean;
  createdAt: string;
  role: string | null;
}

export interface Settings {
  settings: {
    triage: { callInsBeforeWarning: number; concernsForPattern: number };
    followUpDays: number;
    retentionDays: number;
    allowAnonymous: boolean;
  };
  intakeId: string;
  intakeOpen: boolean;
  intakeUrl: string;
}

export interface InboxItem {
  id: string;
  status: string;
  urgent: boolean;
  categories: string[];
  harmed: string;
  wants: string;
  anonymous: boolean;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConcernDetail extends InboxItem {
  what: string;
  quotes: string[];
  links: string[];
  impact: string;
  harmedName: string | null;
  about: { userId: string | null; name: string | null };
  reporter: { userId: string; name: string } | null;
  contact: string | null;
}

export interface Recommendation {
  kind: string;
  ladderLevel: string | null;
  urgent: boolean;
  caller: string | null;
  reasons: string[];
}

export interface History {
  earlierConcerns: number;
  earlierCallIns: number;
  highestEnforcement: string | null;
}

export interface TriageAnswers {
  categories: string[];
  immediateDanger: boolean;
  intent: string;
  publicHarm: string;
}

export interface Decision {
  id: string;
  decidedBy: string;
  decision: string;
  ladderLevel: string | null;
  reason: string;
  recommendation: Recommendation;
  answers: TriageAnswers;
  createdAt: string;
}

export interface Raised {
  id: string;
  status: string;
  createdAt: string;
  followUrl: string;
  followToken: string;
}

// ---- call-ins (flow steps 3-8) ---------------------------------------------------------------

export interface GuideStep {
  title: string;
  text: string;
}

export interface ConsentConditions {
  mayMentionMe: boolean;
  mayShareQuotes: boolean;
  note: string;
}

export interface CallInListItem {
  id: string;
  concernId: string;
  status: string;
  callerUserId: string | null;
  consentStatus: string;
  channel: string | null;
  outcome: string | null;
  updatedAt: string;
}

export interface CallInMessage {
  id: string;
  author: string;
  kind: string;
  text: string;
  createdAt: string;
}

export interface CallInDetail {
  id: string;
  concernId: string;
  viewer: string;
  /** What you may do next, from the server's lifecycle and policy. */
  can: CallInCan;
  status: string;
  callerUserId: string | null;
  channel: string | null;
  language: string | null;
  consent: { mode: string; status: string; conditions: ConsentConditions; at: string | null };
  concern: {
    what: string;
    quotes: string[];
    impact: string;
    categories: string[];
    urgent: boolean;
  };
  draft: string | null;
  memberState: string | null;
  outcome: { outcome: string; note: string; at: string | null } | null;
  messages: CallInMessage[];
  /** Organizers only: who was offered the call-in and what they answered. */
  offers: CallInOfferSeen[];
  guide: GuideStep[];
  createdAt: string;
  updatedAt: string;
}

export interface CallInOfferSeen {
  id: string;
  userId: string;
  name: string;
  relationship: string;
  status: string;
  createdAt: string;
  decidedAt: string | null;
}

export interface DraftAdvice {
  kind: string;
  message: string;
  excerpt?: string;
}

export interface MemberView {
  communityId: string;
  id: string;
  community: string;
  caller: string;
  status: string;
  statusText: string;
  canRespond: boolean;
  yourState: string | null;
  guide: GuideStep[];
  responses: string[];
  messages: { id: string; from: string; kind: string; text: string; createdAt: string }[];
}

export interface CoachResult {
  findings: {
    id: string;
    start: number;
    end: number;
    text: string;
    why: string;
    suggestion: string;
  }[];
  strengths: string[];
  language: { ruleId: string; text: string; message: string; suggestions: string[] }[];
}

export interface MyCare {
  capacity: number;
  paused: boolean;
  languages: string[];
  load: number;
  available: boolean;
}

export interface CareLog {
  id: string;
  callInId: string | null;
  minutes: number;
  drain: number;
  createdAt: string;
}

export interface LoadPicture {
  people: {
    userId: string;
    name: string;
    role: string;
    open: number;
    capacity: number;
    paused: boolean;
    overCapacity: boolean;
  }[];
  totalOpen: number;
  busiest: { people: number; share: number; warning: boolean };
  overCapacity: string[];
  checkIns: { userId: string; name: string; loggedAt: string }[];
  logs: { entries: number; totalMinutes: number; averageDrain: number | null };
}

export interface EnforcementRecord {
  id: string;
  level: string;
  reason: string;
  status: string;
  expiresAt: string | null;
  createdAt: string;
}

// ---- matching an ally, offers, conversations addressed to you ---------------------------------

/** Someone who could hold a call-in now (the API leaves out anyone paused or full). */
export interface Candidate {
  userId: string;
  name: string;
  role: string;
  load: number;
  spare: number;
  speaksLanguage: boolean;
}

export interface Handoff {
  id: string;
  concernId: string;
  status: string;
  callerUserId: string | null;
  consentMode: string;
  consentStatus: string;
  language: string | null;
}

export interface OfferForYou {
  id: string;
  callInId: string;
  relationship: string;
  categories: string[];
  urgent: boolean;
  language: string | null;
  createdAt: string;
}

export interface MyCallInItem {
  id: string;
  community: string;
  status: string;
  statusText: string;
  updatedAt: string;
}

/** GET /api/communities/:id/counts: cases per month raised, kind of behaviour and outcome. */
export interface CaseCounts {
  from: string;
  to: string;
  /** Per kind of behaviour: a case naming two kinds counts once under each. */
  items: { month: string; category: string; outcome: string; count: number }[];
  /** Each case once, per month and outcome. */
  totals: { month: string; outcome: string; count: number }[];
}
