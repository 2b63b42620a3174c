// Row types for every table. Timestamps are ISO-8601 UTC strings (they sort as text on both
// databases); booleans are 0/1 integers; JSON columns are text. Encrypted columns hold the
// envelope produced by the domain's cipher (never plaintext). Columns that hold one of a fixed
// set of values carry the vocabulary's union. The domain never sees these rows: repositories
// hand it records (records.ts).
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

import type {
  AccountLinkKind,
  CaseConflictKind,
  ActorKind,
  AppealStatus,
  AuditAction,
  AuditTargetType,
  CallInStatus,
  CaseOutcome,
  ActChannel,
  Channel,
  ConcernSource,
  ConcernStatus,
  ConsentMode,
  ConsentStatus,
  EnforcementStatus,
  Harmed,
  HolderKind,
  JobStatus,
  LadderLevel,
  MemberState,
  MessageAuthor,
  MessageKind,
  ReporterMessageKind,
  NewConcernEmail,
  NotificationTemplate,
  OfferStatus,
  Outcome,
  RecommendationKind,
  Relationship,
  ReporterWants,
  Role,
  Urgency,
} from '../contract/vocabulary.ts';
export type { JobStatus, Role };

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_operator: number;
  created_at: string;
  erased_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One-time account links (2026-12-01): a password reset, or a new address to confirm. */
export interface AccountLinksTable {
  token_hash: string;
  user_id: string;
  kind: AccountLinkKind;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An account waiting for its address to be confirmed before it joins (sealed details). */
export interface InvitationSignupsTable {
  token_hash: string;
  invitation_id: string;
  details: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CommunitiesTable {
  id: string;
  slug: string;
  name: string;
  intake_id: string;
  intake_open: number;
  /** JSON object (domain/accounts/community-settings.ts fills in defaults). */
  settings: string;
  created_by: string | null;
  created_at: string;
}

export interface MembershipsTable {
  community_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  community_id: string;
  token_hash: string;
  role: Role;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  max_uses: number;
  uses: number;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  community_id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ConcernsTable {
  id: string;
  community_id: string;
  status: ConcernStatus;
  urgency: Urgency;
  /** JSON list of ConcernCategory. */
  categories: string;
  harmed: Harmed;
  wants: ReporterWants;
  subject_user_id: string | null;
  subject_key: string | null;
  /** JSON list of blind indexes of the normalised words of the subject's names; null before. */
  subject_tokens: string | null;
  reporter_user_id: string | null;
  anonymous: number;
  source: ConcernSource;
  content: string;
  /** Encrypted one-line subject (the reporter's or an organizer's); null when none was given. */
  subject_line: string | null;
  /** The concern's id for follow links made since 2026-11-30; a hash of older links. */
  follow_lookup: string;
  /** A hash of the follow link's secret; null for older links. */
  follow_verifier_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface TriageDecisionsTable {
  id: string;
  concern_id: string;
  community_id: string;
  decided_by: string;
  /** JSON of the triage answers. */
  answers: string;
  /** JSON of the rubric's recommendation. */
  recommendation: string;
  ladder_level: LadderLevel | null;
  decision: RecommendationKind;
  reason: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  community_id: string | null;
  actor_kind: ActorKind;
  actor_id: string | null;
  action: AuditAction;
  target_type: AuditTargetType;
  target_id: string | null;
  at: string;
  prev_hash: string;
  /** A keyed MAC (HMAC-SHA256) of the entry and the one before; plain SHA-256 when key_id is null. */
  hash: string;
  /** The key the entry was sealed with; null for entries from before 2026-12-01. */
  key_id: string | null;
  /** How a person acted (app, follow link …); null for entries from before 2026-12-01T11. */
  channel?: ActChannel | null;
}

export interface JobsTable {
  id: string;
  /** Any registered job's name: integrations add their own (contract/vocabulary.ts names the product's). */
  name: string;
  version: number;
  /** JSON with ids only; anything private in a payload is encrypted by the caller. */
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

/** One row, rewritten by the health check to prove the database can still commit. */
export interface HealthProbeTable {
  id: number;
  checked_at: string;
}

/** Fixed-window counters shared by every process (src/db/rate-limits.ts). */
export interface RateLimitsTable {
  bucket: string;
  /** Milliseconds since the epoch when the current window began. */
  window_start: number;
  hits: number;
}

/** In-app notices, written by the `app` notification channel. */
export interface NoticesTable {
  id: string;
  user_id: string;
  community_id: string;
  template: NotificationTemplate;
  /** The link, encrypted (context `notice:<id>`). */
  link: string;
  delivery_id: string;
  created_at: string;
  read_at: string | null;
}

/** How one organizer hears about new concerns in one community, by email. */
export interface NoticeSettingsTable {
  user_id: string;
  community_id: string;
  new_concerns: NewConcernEmail;
  updated_at: string;
}

/** Rule 9: who may not handle a case beside the person it is about (metadata only). */
export interface CaseConflictsTable {
  concern_id: string;
  community_id: string;
  user_id: string;
  kind: CaseConflictKind;
  created_at: string;
}

/** The conversation with the reporter: organizers' questions, the reporter's answers and additions. */
export interface ReporterMessagesTable {
  id: string;
  concern_id: string;
  community_id: string;
  kind: ReporterMessageKind;
  /** The organizer who asked; null for everything the reporter wrote. */
  author_user_id: string | null;
  /** For an answer, the question it answers. */
  reply_to: string | null;
  /** Encrypted text (context `reporter-message:<community>:<concern>:<id>`). */
  body: string;
  created_at: string;
}

/** An address a reporter left on their follow link, only to hear that something changed. */
export interface FollowAlertsTable {
  concern_id: string;
  community_id: string;
  /** Encrypted address (context `follow-alert:<community>:<concern>`). */
  address: string;
  created_at: string;
  last_sent_at: string | null;
}

export interface Database {
  reporter_messages: ReporterMessagesTable;
  follow_alerts: FollowAlertsTable;
  notices: NoticesTable;
  notice_settings: NoticeSettingsTable;
  case_conflicts: CaseConflictsTable;
  health_probe: HealthProbeTable;
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  account_links: AccountLinksTable;
  invitation_signups: InvitationSignupsTable;
  communities: CommunitiesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  concerns: ConcernsTable;
  triage_decisions: TriageDecisionsTable;
  audit_log: AuditLogTable;
  call_ins: CallInsTable;
  call_in_messages: CallInMessagesTable;
  call_in_offers: CallInOffersTable;
  care_profiles: CareProfilesTable;
  care_logs: CareLogsTable;
  enforcements: EnforcementsTable;
  enforcement_appeals: EnforcementAppealsTable;
  retention_counts: RetentionCountsTable;
  retention_totals: RetentionTotalsTable;
  retention_cases: RetentionCasesTable;
}

export type UserRow = Selectable<UsersTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
export type ConcernRow = Selectable<ConcernsTable>;
export type NewConcernRow = Insertable<ConcernsTable>;
export type ConcernUpdateRow = Updateable<ConcernsTable>;
export type AuditEntryRow = Selectable<AuditLogTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type SessionRow = Selectable<SessionsTable>;
export type TriageDecisionRow = Selectable<TriageDecisionsTable>;
export type JobRow = Selectable<JobsTable>;
// Generated is re-exported for future tables with database-made columns.
export type { Generated };

// ---- call-ins, care and enforcement (flow steps 3-8) ----------------------------------------

export interface CallInsTable {
  id: string;
  community_id: string;
  concern_id: string;
  status: CallInStatus;
  language: string | null;
  caller_user_id: string | null;
  caller_kind: HolderKind | null;
  harmed_user_id: string | null;
  /** 'person' (the harmed person decides), 'organizer' (group/unknown), 'self' (no step). */
  consent_mode: ConsentMode;
  consent_status: ConsentStatus;
  consent_token_hash: string | null;
  /** Encrypted conditions set by the harmed person. */
  consent_conditions: string | null;
  consent_decided_by: string | null;
  consent_at: string | null;
  /** Encrypted recipient of the pending consent request ({ userId } or { email, name }). */
  consent_target: string | null;
  /** Encrypted address a caller proposed; sent only once an organizer confirms it. */
  consent_proposal: string | null;
  channel: Channel | null;
  /** Encrypted draft. */
  draft: string | null;
  member_token_hash: string | null;
  /** Encrypted private link for the member (so later notifications can carry it). */
  member_link: string | null;
  /** Hash of the secret bound to the browser that claimed the one-time handover link. */
  member_claim_hash: string | null;
  /** Encrypted { email, name } when the member has no account here. */
  member_contact: string | null;
  /** When an organizer who is not the caller confirmed member_contact; null while proposed. */
  member_contact_confirmed_at: string | null;
  member_state: MemberState | null;
  /** The first of `outcomes`, kept for what read it before several were possible. */
  outcome: Outcome | null;
  /** JSON list of Outcome (since 2026-12-01). */
  outcomes: string;
  outcome_note: string | null;
  outcome_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CallInMessagesTable {
  id: string;
  call_in_id: string;
  community_id: string;
  author: MessageAuthor;
  kind: MessageKind;
  /** Encrypted text. */
  body: string;
  created_at: string;
}

export interface CallInOffersTable {
  id: string;
  call_in_id: string;
  community_id: string;
  user_id: string;
  relationship: Relationship;
  status: OfferStatus;
  offered_by: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface CareProfilesTable {
  community_id: string;
  user_id: string;
  capacity: number;
  paused: number;
  /** JSON list of language codes. */
  languages: string;
  updated_at: string;
}

export interface CareLogsTable {
  id: string;
  community_id: string;
  user_id: string;
  call_in_id: string | null;
  minutes: number;
  drain: number;
  created_at: string;
}

export interface EnforcementsTable {
  id: string;
  community_id: string;
  subject_user_id: string | null;
  subject_key: string | null;
  level: LadderLevel;
  /** Encrypted. */
  reason: string;
  /** JSON list of concern ids. */
  concern_ids: string;
  call_in_id: string | null;
  status: EnforcementStatus;
  enforced_by: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnforcementAppealsTable {
  id: string;
  enforcement_id: string;
  community_id: string;
  appellant_user_id: string | null;
  /** Encrypted. */
  statement: string;
  status: AppealStatus;
  decided_by: string | null;
  /** Encrypted. */
  decision_note: string | null;
  /** The new terms when the appeal was decided `changed`. */
  changed_level: LadderLevel | null;
  changed_expires_at: string | null;
  created_at: string;
  decided_at: string | null;
}

export type CallInRow = Selectable<CallInsTable>;
export type CallInMessageRow = Selectable<CallInMessagesTable>;
export type CallInOfferRow = Selectable<CallInOffersTable>;
export type CareProfileRow = Selectable<CareProfilesTable>;
export type CareLogRow = Selectable<CareLogsTable>;
export type EnforcementRow = Selectable<EnforcementsTable>;
export type EnforcementAppealRow = Selectable<EnforcementAppealsTable>;

// ---- retention (anonymous counts kept after closed cases are purged) -------------------------

/** One count per purged case, per month raised and outcome (since 2026-11-30). */
export interface RetentionTotalsTable {
  community_id: string;
  month: string;
  outcome: CaseOutcome;
  count: number;
}

/** Each purged case once, per month raised (since 2026-12-01: a case may have several outcomes). */
export interface RetentionCasesTable {
  community_id: string;
  month: string;
  count: number;
}

export interface RetentionCountsTable {
  community_id: string;
  /** YYYY-MM of when the concern was raised. */
  month: string;
  /** A ConcernCategory, or 'uncategorised'. */
  category: string;
  outcome: CaseOutcome;
  count: number;
}
