// What the repositories hand the domain and take from it: one record per table, with camelCase
// fields, real booleans, parsed arrays and objects, and the vocabulary's unions. The rows in
// schema.ts keep the storage encoding (0/1 integers, JSON text, snake_case); each table's
// `toX(row)` here is the one place a row becomes a record, and `xRow(record)` the one place a
// record becomes a row. Both only build a plain object, so the hot paths stay cheap.
// Encrypted columns stay opaque strings: the domain's cipher seals and opens them.
import type {
  ActChannel,
  ActorKind,
  AppealStatus,
  AuditAction,
  AuditTargetType,
  CallerKind,
  CallInStatus,
  CaseConflictKind,
  Channel,
  ConcernCategory,
  ConcernSource,
  ConcernStatus,
  ConsentMode,
  ConsentStatus,
  EnforcementStatus,
  Harmed,
  HolderKind,
  Intent,
  JobStatus,
  LadderLevel,
  MemberState,
  MessageAuthor,
  MessageKind,
  NewConcernEmail,
  NotificationTemplate,
  OfferStatus,
  Outcome,
  PublicHarm,
  RecommendationKind,
  Relationship,
  ReporterWants,
  Role,
  Urgency,
  ReporterMessageKind,
} from '../contract/vocabulary.ts';
import type {
  ApiTokensTable,
  AuditLogTable,
  CallInMessagesTable,
  CallInOffersTable,
  CallInsTable,
  CareLogsTable,
  CareProfilesTable,
  CommunitiesTable,
  ConcernsTable,
  EnforcementAppealsTable,
  EnforcementsTable,
  InvitationsTable,
  MembershipsTable,
  NoticeSettingsTable,
  NoticesTable,
  ReporterMessagesTable,
  FollowAlertsTable,
  SessionsTable,
  SetupTokensTable,
  AccountLinksTable,
  InvitationSignupsTable,
  TriageDecisionsTable,
  UsersTable,
  CaseConflictsTable,
} from './schema.ts';

// ---- JSON columns ------------------------------------------------------------------------------

/** A JSON column's text as a list of strings; anything else (or unreadable text) is empty. */
export function parseList<T extends string = string>(text: string): T[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed.map(String) as T[]) : [];
  } catch {
    return [];
  }
}

/** A JSON column's text as an object; anything else (or unreadable text) is empty. */
export function parseObject(text: string): JsonObject {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as JsonObject)
      : {};
  } catch {
    return {};
  }
}

export type JsonObject = { readonly [key: string]: unknown };

/** A community's settings as saved: whatever object the domain wrote (it fills in defaults). */
export type StoredSettings = object;

// ---- users, sessions, setup links --------------------------------------------------------------

export interface User {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isOperator: boolean;
  createdAt: string;
  erasedAt: string | null;
}

export function toUser(r: UsersTable): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    isOperator: r.is_operator === 1,
    createdAt: r.created_at,
    erasedAt: r.erased_at,
  };
}

export function userRow(u: User): UsersTable {
  return {
    id: u.id,
    email: u.email,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    is_operator: u.isOperator ? 1 : 0,
    created_at: u.createdAt,
    erased_at: u.erasedAt,
  };
}

export interface Session {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export function sessionRow(s: Session): SessionsTable {
  return {
    id_hash: s.idHash,
    user_id: s.userId,
    csrf_token: s.csrfToken,
    created_at: s.createdAt,
    expires_at: s.expiresAt,
    last_seen_at: s.lastSeenAt,
  };
}

/** Who a session or an API token belongs to. */
export interface Holder {
  userId: string;
  email: string;
  displayName: string;
  isOperator: boolean;
  erasedAt: string | null;
}

export interface SessionWithUser extends Holder {
  idHash: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export function toSessionWithUser(
  r: Pick<SessionsTable, 'id_hash' | 'csrf_token' | 'expires_at' | 'last_seen_at'> &
    Pick<UsersTable, 'email' | 'display_name' | 'is_operator' | 'erased_at'> & { user_id: string },
): SessionWithUser {
  return {
    idHash: r.id_hash,
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    isOperator: r.is_operator === 1,
    erasedAt: r.erased_at,
  };
}

export interface SetupToken {
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function toSetupToken(r: SetupTokensTable): SetupToken {
  return {
    tokenHash: r.token_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
  };
}

export interface AccountLink {
  tokenHash: string;
  userId: string;
  kind: AccountLinksTable['kind'];
  newEmail: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function toAccountLink(r: AccountLinksTable): AccountLink {
  return {
    tokenHash: r.token_hash,
    userId: r.user_id,
    kind: r.kind,
    newEmail: r.new_email,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
  };
}

export function accountLinkRow(l: AccountLink): AccountLinksTable {
  return {
    token_hash: l.tokenHash,
    user_id: l.userId,
    kind: l.kind,
    new_email: l.newEmail,
    created_at: l.createdAt,
    expires_at: l.expiresAt,
    used_at: l.usedAt,
  };
}

export interface InvitationSignup {
  tokenHash: string;
  invitationId: string;
  /** Sealed: the new account's email, name and password hash. */
  details: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function toInvitationSignup(r: InvitationSignupsTable): InvitationSignup {
  return {
    tokenHash: r.token_hash,
    invitationId: r.invitation_id,
    details: r.details,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
  };
}

export function invitationSignupRow(s: InvitationSignup): InvitationSignupsTable {
  return {
    token_hash: s.tokenHash,
    invitation_id: s.invitationId,
    details: s.details,
    created_at: s.createdAt,
    expires_at: s.expiresAt,
    used_at: s.usedAt,
  };
}

export function setupTokenRow(t: SetupToken): SetupTokensTable {
  return {
    token_hash: t.tokenHash,
    created_at: t.createdAt,
    expires_at: t.expiresAt,
    used_at: t.usedAt,
  };
}

// ---- communities, memberships, invitations, API tokens ------------------------------------------

export interface Community {
  id: string;
  slug: string;
  name: string;
  intakeId: string;
  intakeOpen: boolean;
  /** The settings object as saved; the domain fills in defaults (community-settings.ts). */
  settings: StoredSettings;
  createdBy: string | null;
  createdAt: string;
}

export function toCommunity(r: CommunitiesTable): Community {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    intakeId: r.intake_id,
    intakeOpen: r.intake_open === 1,
    settings: parseObject(r.settings),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function communityRow(c: Community): CommunitiesTable {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    intake_id: c.intakeId,
    intake_open: c.intakeOpen ? 1 : 0,
    settings: JSON.stringify(c.settings),
    created_by: c.createdBy,
    created_at: c.createdAt,
  };
}

export type CommunityPatch = Partial<
  Pick<Community, 'name' | 'settings' | 'intakeOpen' | 'intakeId'>
>;

export function communityPatchRow(
  p: CommunityPatch,
): Partial<Pick<CommunitiesTable, 'name' | 'settings' | 'intake_open' | 'intake_id'>> {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.settings !== undefined ? { settings: JSON.stringify(p.settings) } : {}),
    ...(p.intakeOpen !== undefined ? { intake_open: p.intakeOpen ? 1 : 0 } : {}),
    ...(p.intakeId !== undefined ? { intake_id: p.intakeId } : {}),
  };
}

export interface Membership {
  communityId: string;
  userId: string;
  role: Role;
  createdAt: string;
}

export function toMembership(r: MembershipsTable): Membership {
  return {
    communityId: r.community_id,
    userId: r.user_id,
    role: r.role,
    createdAt: r.created_at,
  };
}

export function membershipRow(m: Membership): MembershipsTable {
  return {
    community_id: m.communityId,
    user_id: m.userId,
    role: m.role,
    created_at: m.createdAt,
  };
}

export interface Invitation {
  id: string;
  communityId: string;
  tokenHash: string;
  role: Role;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
}

export function toInvitation(r: InvitationsTable): Invitation {
  return {
    id: r.id,
    communityId: r.community_id,
    tokenHash: r.token_hash,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    maxUses: r.max_uses,
    uses: r.uses,
    revokedAt: r.revoked_at,
  };
}

export function invitationRow(i: Invitation): InvitationsTable {
  return {
    id: i.id,
    community_id: i.communityId,
    token_hash: i.tokenHash,
    role: i.role,
    created_by: i.createdBy,
    created_at: i.createdAt,
    expires_at: i.expiresAt,
    max_uses: i.maxUses,
    uses: i.uses,
    revoked_at: i.revokedAt,
  };
}

export interface ApiToken {
  id: string;
  tokenHash: string;
  communityId: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function apiTokenRow(t: ApiToken): ApiTokensTable {
  return {
    id: t.id,
    token_hash: t.tokenHash,
    community_id: t.communityId,
    user_id: t.userId,
    name: t.name,
    created_at: t.createdAt,
    last_used_at: t.lastUsedAt,
    revoked_at: t.revokedAt,
  };
}

export interface ApiTokenWithUser extends Holder {
  id: string;
  communityId: string;
  lastUsedAt: string | null;
}

export function toApiTokenWithUser(
  r: Pick<ApiTokensTable, 'id' | 'community_id' | 'last_used_at'> &
    Pick<UsersTable, 'email' | 'display_name' | 'is_operator' | 'erased_at'> & { user_id: string },
): ApiTokenWithUser {
  return {
    id: r.id,
    communityId: r.community_id,
    lastUsedAt: r.last_used_at,
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    isOperator: r.is_operator === 1,
    erasedAt: r.erased_at,
  };
}

// ---- concerns and triage -----------------------------------------------------------------------

export interface Concern {
  id: string;
  communityId: string;
  status: ConcernStatus;
  urgency: Urgency;
  categories: ConcernCategory[];
  harmed: Harmed;
  wants: ReporterWants;
  subjectUserId: string | null;
  subjectKey: string | null;
  /** Blind indexes of the normalised words of the names it is about; null for older concerns. */
  subjectTokens: string[] | null;
  reporterUserId: string | null;
  anonymous: boolean;
  source: ConcernSource;
  /** Encrypted. */
  content: string;
  /** Encrypted one-line subject, or null. */
  subjectLine: string | null;
  /** The concern's id for follow links made since 2026-11-30; a hash of older links. */
  followLookup: string;
  /** A hash of the follow link's secret; null for older links. */
  followVerifierHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toConcern(r: ConcernsTable): Concern {
  return {
    id: r.id,
    communityId: r.community_id,
    status: r.status,
    urgency: r.urgency,
    categories: parseList<ConcernCategory>(r.categories),
    harmed: r.harmed,
    wants: r.wants,
    subjectUserId: r.subject_user_id,
    subjectKey: r.subject_key,
    subjectTokens: r.subject_tokens ? parseList<string>(r.subject_tokens) : null,
    reporterUserId: r.reporter_user_id,
    anonymous: r.anonymous === 1,
    source: r.source,
    content: r.content,
    subjectLine: r.subject_line ?? null,
    followLookup: r.follow_lookup,
    followVerifierHash: r.follow_verifier_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function concernRow(c: Concern): ConcernsTable {
  return {
    id: c.id,
    community_id: c.communityId,
    status: c.status,
    urgency: c.urgency,
    categories: JSON.stringify(c.categories),
    harmed: c.harmed,
    wants: c.wants,
    subject_user_id: c.subjectUserId,
    subject_key: c.subjectKey,
    subject_tokens: c.subjectTokens ? JSON.stringify(c.subjectTokens) : null,
    reporter_user_id: c.reporterUserId,
    anonymous: c.anonymous ? 1 : 0,
    source: c.source,
    content: c.content,
    subject_line: c.subjectLine,
    follow_lookup: c.followLookup,
    follow_verifier_hash: c.followVerifierHash,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** A line of the organizer inbox: metadata only, no content. */
export type InboxConcern = Pick<
  Concern,
  | 'id'
  | 'status'
  | 'urgency'
  | 'categories'
  | 'harmed'
  | 'wants'
  | 'anonymous'
  | 'source'
  | 'subjectLine'
  | 'createdAt'
  | 'updatedAt'
>;

export function toInboxConcern(
  r: Pick<
    ConcernsTable,
    | 'id'
    | 'status'
    | 'urgency'
    | 'categories'
    | 'harmed'
    | 'wants'
    | 'anonymous'
    | 'source'
    | 'subject_line'
    | 'created_at'
    | 'updated_at'
  >,
): InboxConcern {
  return {
    id: r.id,
    status: r.status,
    urgency: r.urgency,
    categories: parseList<ConcernCategory>(r.categories),
    harmed: r.harmed,
    wants: r.wants,
    anonymous: r.anonymous === 1,
    source: r.source,
    subjectLine: r.subject_line ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The answers an organizer gave the triage rubric (the same shape as the domain's). */
export interface StoredTriageAnswers {
  categories: ConcernCategory[];
  immediateDanger: boolean;
  intent: Intent;
  publicHarm: PublicHarm;
}

/** What the rubric recommended (the same shape as the domain's). */
export interface StoredRecommendation {
  kind: RecommendationKind;
  ladderLevel: LadderLevel | null;
  urgent: boolean;
  caller: CallerKind | null;
  reasons: string[];
}

export interface TriageDecision {
  id: string;
  concernId: string;
  communityId: string;
  decidedBy: string;
  answers: StoredTriageAnswers;
  recommendation: StoredRecommendation;
  ladderLevel: LadderLevel | null;
  decision: RecommendationKind;
  /** Encrypted. */
  reason: string;
  createdAt: string;
}

export function toTriageDecision(r: TriageDecisionsTable): TriageDecision {
  return {
    id: r.id,
    concernId: r.concern_id,
    communityId: r.community_id,
    decidedBy: r.decided_by,
    // Written only by triageDecisionRow below, from the domain's typed values.
    answers: JSON.parse(r.answers) as StoredTriageAnswers,
    recommendation: JSON.parse(r.recommendation) as StoredRecommendation,
    ladderLevel: r.ladder_level,
    decision: r.decision,
    reason: r.reason,
    createdAt: r.created_at,
  };
}

export function triageDecisionRow(d: TriageDecision): TriageDecisionsTable {
  return {
    id: d.id,
    concern_id: d.concernId,
    community_id: d.communityId,
    decided_by: d.decidedBy,
    answers: JSON.stringify(d.answers),
    recommendation: JSON.stringify(d.recommendation),
    ladder_level: d.ladderLevel,
    decision: d.decision,
    reason: d.reason,
    created_at: d.createdAt,
  };
}

// ---- call-ins, their thread and offers ---------------------------------------------------------

export interface CallIn {
  id: string;
  communityId: string;
  concernId: string;
  status: CallInStatus;
  language: string | null;
  callerUserId: string | null;
  callerKind: HolderKind | null;
  harmedUserId: string | null;
  /** 'person' (the harmed person decides), 'organizer' (group/unknown), 'self' (no step). */
  consentMode: ConsentMode;
  consentStatus: ConsentStatus;
  consentTokenHash: string | null;
  /** Encrypted conditions set by the harmed person. */
  consentConditions: string | null;
  consentDecidedBy: string | null;
  consentAt: string | null;
  /** Encrypted recipient of the pending consent request. */
  consentTarget: string | null;
  /** Encrypted address a caller proposed, waiting for an organizer. */
  consentProposal: string | null;
  channel: Channel | null;
  /** Encrypted draft. */
  draft: string | null;
  memberTokenHash: string | null;
  /** Encrypted private link for the member (so later notifications can carry it). */
  memberLink: string | null;
  /** Hash of the secret held by the browser that claimed the one-time handover link. */
  memberClaimHash: string | null;
  /** Encrypted { email, name } when the member has no account here. */
  memberContact: string | null;
  /** When an organizer (not the caller) confirmed memberContact; null while only proposed. */
  memberContactConfirmedAt: string | null;
  memberState: MemberState | null;
  /** The first of `outcomes`, or null. */
  outcome: Outcome | null;
  /** Every outcome recorded at once (committed to change and apologised …); empty before one. */
  outcomes: Outcome[];
  /** Encrypted. */
  outcomeNote: string | null;
  outcomeAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export function toCallIn(r: CallInsTable): CallIn {
  return {
    id: r.id,
    communityId: r.community_id,
    concernId: r.concern_id,
    status: r.status,
    language: r.language,
    callerUserId: r.caller_user_id,
    callerKind: r.caller_kind,
    harmedUserId: r.harmed_user_id,
    consentMode: r.consent_mode,
    consentStatus: r.consent_status,
    consentTokenHash: r.consent_token_hash,
    consentConditions: r.consent_conditions,
    consentDecidedBy: r.consent_decided_by,
    consentAt: r.consent_at,
    consentTarget: r.consent_target ?? null,
    consentProposal: r.consent_proposal ?? null,
    channel: r.channel,
    draft: r.draft,
    memberTokenHash: r.member_token_hash,
    memberLink: r.member_link,
    memberClaimHash: r.member_claim_hash ?? null,
    memberContact: r.member_contact,
    memberContactConfirmedAt: r.member_contact_confirmed_at ?? null,
    memberState: r.member_state,
    outcome: r.outcome,
    outcomes: parseList<Outcome>(r.outcomes ?? (r.outcome ? `["${r.outcome}"]` : '[]')),
    outcomeNote: r.outcome_note,
    outcomeAt: r.outcome_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  };
}

export function callInRow(c: CallIn): CallInsTable {
  return {
    id: c.id,
    community_id: c.communityId,
    concern_id: c.concernId,
    ...callInPatchRow(c),
  } as CallInsTable;
}

export type CallInPatch = Partial<Omit<CallIn, 'id' | 'communityId' | 'concernId'>>;

/** The columns of a patch; a field left out (undefined) is left as it is. */
export function callInPatchRow(p: CallInPatch): Partial<CallInsTable> {
  const row: Partial<CallInsTable> = {};
  if (p.status !== undefined) row.status = p.status;
  if (p.language !== undefined) row.language = p.language;
  if (p.callerUserId !== undefined) row.caller_user_id = p.callerUserId;
  if (p.callerKind !== undefined) row.caller_kind = p.callerKind;
  if (p.harmedUserId !== undefined) row.harmed_user_id = p.harmedUserId;
  if (p.consentMode !== undefined) row.consent_mode = p.consentMode;
  if (p.consentStatus !== undefined) row.consent_status = p.consentStatus;
  if (p.consentTokenHash !== undefined) row.consent_token_hash = p.consentTokenHash;
  if (p.consentConditions !== undefined) row.consent_conditions = p.consentConditions;
  if (p.consentDecidedBy !== undefined) row.consent_decided_by = p.consentDecidedBy;
  if (p.consentAt !== undefined) row.consent_at = p.consentAt;
  if (p.consentTarget !== undefined) row.consent_target = p.consentTarget;
  if (p.consentProposal !== undefined) row.consent_proposal = p.consentProposal;
  if (p.channel !== undefined) row.channel = p.channel;
  if (p.draft !== undefined) row.draft = p.draft;
  if (p.memberTokenHash !== undefined) row.member_token_hash = p.memberTokenHash;
  if (p.memberLink !== undefined) row.member_link = p.memberLink;
  if (p.memberClaimHash !== undefined) row.member_claim_hash = p.memberClaimHash;
  if (p.memberContact !== undefined) row.member_contact = p.memberContact;
  if (p.memberContactConfirmedAt !== undefined)
    row.member_contact_confirmed_at = p.memberContactConfirmedAt;
  if (p.memberState !== undefined) row.member_state = p.memberState;
  if (p.outcome !== undefined) row.outcome = p.outcome;
  if (p.outcomes !== undefined) row.outcomes = JSON.stringify(p.outcomes);
  if (p.outcomeNote !== undefined) row.outcome_note = p.outcomeNote;
  if (p.outcomeAt !== undefined) row.outcome_at = p.outcomeAt;
  if (p.createdBy !== undefined) row.created_by = p.createdBy;
  if (p.createdAt !== undefined) row.created_at = p.createdAt;
  if (p.updatedAt !== undefined) row.updated_at = p.updatedAt;
  if (p.closedAt !== undefined) row.closed_at = p.closedAt;
  return row;
}

export interface CallInMessage {
  id: string;
  callInId: string;
  communityId: string;
  author: MessageAuthor;
  kind: MessageKind;
  /** Encrypted text. */
  body: string;
  createdAt: string;
}

export function toCallInMessage(r: CallInMessagesTable): CallInMessage {
  return {
    id: r.id,
    callInId: r.call_in_id,
    communityId: r.community_id,
    author: r.author,
    kind: r.kind,
    body: r.body,
    createdAt: r.created_at,
  };
}

export function callInMessageRow(m: CallInMessage): CallInMessagesTable {
  return {
    id: m.id,
    call_in_id: m.callInId,
    community_id: m.communityId,
    author: m.author,
    kind: m.kind,
    body: m.body,
    created_at: m.createdAt,
  };
}

export interface CallInOffer {
  id: string;
  callInId: string;
  communityId: string;
  userId: string;
  relationship: Relationship;
  status: OfferStatus;
  offeredBy: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export function toCallInOffer(r: CallInOffersTable): CallInOffer {
  return {
    id: r.id,
    callInId: r.call_in_id,
    communityId: r.community_id,
    userId: r.user_id,
    relationship: r.relationship,
    status: r.status,
    offeredBy: r.offered_by,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

export function callInOfferRow(o: CallInOffer): CallInOffersTable {
  return {
    id: o.id,
    call_in_id: o.callInId,
    community_id: o.communityId,
    user_id: o.userId,
    relationship: o.relationship,
    status: o.status,
    offered_by: o.offeredBy,
    created_at: o.createdAt,
    decided_at: o.decidedAt,
  };
}

// ---- care --------------------------------------------------------------------------------------

export interface CareProfile {
  communityId: string;
  userId: string;
  capacity: number;
  paused: boolean;
  languages: string[];
  updatedAt: string;
}

export function toCareProfile(r: CareProfilesTable): CareProfile {
  return {
    communityId: r.community_id,
    userId: r.user_id,
    capacity: r.capacity,
    paused: r.paused === 1,
    languages: parseList(r.languages),
    updatedAt: r.updated_at,
  };
}

export function careProfileRow(p: CareProfile): CareProfilesTable {
  return {
    community_id: p.communityId,
    user_id: p.userId,
    capacity: p.capacity,
    paused: p.paused ? 1 : 0,
    languages: JSON.stringify(p.languages),
    updated_at: p.updatedAt,
  };
}

export interface CareLog {
  id: string;
  communityId: string;
  userId: string;
  callInId: string | null;
  minutes: number;
  drain: number;
  createdAt: string;
}

export function toCareLog(r: CareLogsTable): CareLog {
  return {
    id: r.id,
    communityId: r.community_id,
    userId: r.user_id,
    callInId: r.call_in_id,
    minutes: r.minutes,
    drain: r.drain,
    createdAt: r.created_at,
  };
}

export function careLogRow(l: CareLog): CareLogsTable {
  return {
    id: l.id,
    community_id: l.communityId,
    user_id: l.userId,
    call_in_id: l.callInId,
    minutes: l.minutes,
    drain: l.drain,
    created_at: l.createdAt,
  };
}

// ---- notices ---------------------------------------------------------------------------------

/** One in-app notice; `link` is the sealed envelope, opened by the domain. */
export interface Notice {
  id: string;
  userId: string;
  communityId: string;
  template: NotificationTemplate;
  link: string;
  deliveryId: string;
  createdAt: string;
  readAt: string | null;
}

export function toNotice(r: NoticesTable): Notice {
  return {
    id: r.id,
    userId: r.user_id,
    communityId: r.community_id,
    template: r.template,
    link: r.link,
    deliveryId: r.delivery_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export function noticeRow(n: Notice): NoticesTable {
  return {
    id: n.id,
    user_id: n.userId,
    community_id: n.communityId,
    template: n.template,
    link: n.link,
    delivery_id: n.deliveryId,
    created_at: n.createdAt,
    read_at: n.readAt,
  };
}

export interface NoticeSetting {
  userId: string;
  communityId: string;
  newConcerns: NewConcernEmail;
  updatedAt: string;
}

export function toNoticeSetting(r: NoticeSettingsTable): NoticeSetting {
  return {
    userId: r.user_id,
    communityId: r.community_id,
    newConcerns: r.new_concerns,
    updatedAt: r.updated_at,
  };
}

export function noticeSettingRow(n: NoticeSetting): NoticeSettingsTable {
  return {
    user_id: n.userId,
    community_id: n.communityId,
    new_concerns: n.newConcerns,
    updated_at: n.updatedAt,
  };
}

// ---- enforcement and appeals -------------------------------------------------------------------

export interface Enforcement {
  id: string;
  communityId: string;
  subjectUserId: string | null;
  subjectKey: string | null;
  level: LadderLevel;
  /** Encrypted. */
  reason: string;
  concernIds: string[];
  callInId: string | null;
  status: EnforcementStatus;
  enforcedBy: string;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toEnforcement(r: EnforcementsTable): Enforcement {
  return {
    id: r.id,
    communityId: r.community_id,
    subjectUserId: r.subject_user_id,
    subjectKey: r.subject_key,
    level: r.level,
    reason: r.reason,
    concernIds: parseList(r.concern_ids),
    callInId: r.call_in_id,
    status: r.status,
    enforcedBy: r.enforced_by,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function enforcementRow(e: Enforcement): EnforcementsTable {
  return {
    id: e.id,
    community_id: e.communityId,
    subject_user_id: e.subjectUserId,
    subject_key: e.subjectKey,
    level: e.level,
    reason: e.reason,
    concern_ids: JSON.stringify(e.concernIds),
    call_in_id: e.callInId,
    status: e.status,
    enforced_by: e.enforcedBy,
    expires_at: e.expiresAt,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

export interface EnforcementAppeal {
  id: string;
  enforcementId: string;
  communityId: string;
  appellantUserId: string | null;
  /** Encrypted. */
  statement: string;
  status: AppealStatus;
  decidedBy: string | null;
  /** Encrypted. */
  decisionNote: string | null;
  /** The new terms of a `changed` decision. */
  changedLevel: LadderLevel | null;
  changedExpiresAt: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export function toEnforcementAppeal(r: EnforcementAppealsTable): EnforcementAppeal {
  return {
    id: r.id,
    enforcementId: r.enforcement_id,
    communityId: r.community_id,
    appellantUserId: r.appellant_user_id,
    statement: r.statement,
    status: r.status,
    decidedBy: r.decided_by,
    decisionNote: r.decision_note,
    changedLevel: r.changed_level ?? null,
    changedExpiresAt: r.changed_expires_at ?? null,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

export function enforcementAppealRow(a: EnforcementAppeal): EnforcementAppealsTable {
  return {
    id: a.id,
    enforcement_id: a.enforcementId,
    community_id: a.communityId,
    appellant_user_id: a.appellantUserId,
    statement: a.statement,
    status: a.status,
    decided_by: a.decidedBy,
    decision_note: a.decisionNote,
    changed_level: a.changedLevel,
    changed_expires_at: a.changedExpiresAt,
    created_at: a.createdAt,
    decided_at: a.decidedAt,
  };
}

// ---- conflicts of interest (rule 9) -----------------------------------------------------------

export interface CaseConflict {
  concernId: string;
  communityId: string;
  userId: string;
  kind: CaseConflictKind;
  createdAt: string;
}

export function toCaseConflict(r: CaseConflictsTable): CaseConflict {
  return {
    concernId: r.concern_id,
    communityId: r.community_id,
    userId: r.user_id,
    kind: r.kind,
    createdAt: r.created_at,
  };
}

export function caseConflictRow(c: CaseConflict): CaseConflictsTable {
  return {
    concern_id: c.concernId,
    community_id: c.communityId,
    user_id: c.userId,
    kind: c.kind,
    created_at: c.createdAt,
  };
}

// ---- the audit log -----------------------------------------------------------------------------

export interface AuditEntry {
  seq: number;
  communityId: string | null;
  actorKind: ActorKind;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  at: string;
  prevHash: string;
  /** HMAC-SHA256 under `keyId`; plain SHA-256 for entries from before keys (keyId null). */
  hash: string;
  keyId: string | null;
  /** How a person acted; null when not recorded (entries from before, system acts). */
  channel: ActChannel | null;
}

export function toAuditEntry(r: AuditLogTable): AuditEntry {
  return {
    seq: Number(r.seq),
    communityId: r.community_id,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
    keyId: r.key_id ?? null,
    channel: r.channel ?? null,
  };
}

export function auditEntryRow(e: AuditEntry): AuditLogTable {
  return {
    seq: e.seq,
    community_id: e.communityId,
    actor_kind: e.actorKind,
    actor_id: e.actorId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    at: e.at,
    prev_hash: e.prevHash,
    hash: e.hash,
    key_id: e.keyId,
    channel: e.channel,
  };
}

// ---- jobs --------------------------------------------------------------------------------------

/** A job as the domain queues it: the payload is an object, written as JSON. */
export interface NewJob {
  id: string;
  /** A registered job's name (the product's are in contract/vocabulary.ts). */
  name: string;
  version: number;
  /** Ids only; anything private in a payload is encrypted by the caller. */
  payload: JsonObject;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A pending job's id and payload (for erasure, which unseals and checks them). */
export interface PendingJob {
  id: string;
  payload: JsonObject;
}

// ---- the conversation with the reporter ----------------------------------------------------

export interface ReporterMessage {
  id: string;
  concernId: string;
  communityId: string;
  kind: ReporterMessageKind;
  authorUserId: string | null;
  replyTo: string | null;
  /** Encrypted text. */
  body: string;
  createdAt: string;
}

export function toReporterMessage(r: ReporterMessagesTable): ReporterMessage {
  return {
    id: r.id,
    concernId: r.concern_id,
    communityId: r.community_id,
    kind: r.kind,
    authorUserId: r.author_user_id,
    replyTo: r.reply_to,
    body: r.body,
    createdAt: r.created_at,
  };
}

export function reporterMessageRow(m: ReporterMessage): ReporterMessagesTable {
  return {
    id: m.id,
    concern_id: m.concernId,
    community_id: m.communityId,
    kind: m.kind,
    author_user_id: m.authorUserId,
    reply_to: m.replyTo,
    body: m.body,
    created_at: m.createdAt,
  };
}

export interface FollowAlert {
  concernId: string;
  communityId: string;
  /** Encrypted address. */
  address: string;
  createdAt: string;
  lastSentAt: string | null;
}

export function toFollowAlert(r: FollowAlertsTable): FollowAlert {
  return {
    concernId: r.concern_id,
    communityId: r.community_id,
    address: r.address,
    createdAt: r.created_at,
    lastSentAt: r.last_sent_at,
  };
}

export function followAlertRow(a: FollowAlert): FollowAlertsTable {
  return {
    concern_id: a.concernId,
    community_id: a.communityId,
    address: a.address,
    created_at: a.createdAt,
    last_sent_at: a.lastSentAt,
  };
}
