// The product's vocabulary: every fixed set of values that crosses the database, the domain,
// the API and the web, defined once as a readonly list with its union type. Nothing else in
// src/ is imported here; everything else imports from here (the web with type-only imports).

/** A person's role in one community. Ordered: each role may do what the ones before it may. */
export const roles = ['member', 'ally', 'organizer'] as const;
export type Role = (typeof roles)[number];

// ---- concerns (flow step 1) ---------------------------------------------------------------

export const concernStatuses = ['new', 'triaged', 'in-progress', 'closed'] as const;
export type ConcernStatus = (typeof concernStatuses)[number];

export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Where a concern came from. */
export const concernSources = ['api', 'web', 'public-form', 'slack', 'discord', 'email'] as const;
export type ConcernSource = (typeof concernSources)[number];

/** Kinds of behaviour that are unacceptable: they go to enforcement, not a call-in. */
export const unacceptableCategories = [
  'intimidation',
  'harassment',
  'threats',
  'abuse',
  'discrimination',
  'doxxing',
  'sexual-harassment',
] as const;

export const otherCategories = [
  'inconsiderate-language',
  'microaggression',
  'exclusion',
  'dismissiveness',
  'disruption',
  'other',
] as const;

/** Kinds of behaviour a concern can describe. */
export const concernCategories = [...unacceptableCategories, ...otherCategories] as const;
export type ConcernCategory = (typeof concernCategories)[number];

/** Whom it hurt. */
export const harmedOptions = ['me', 'someone-else', 'group', 'unknown'] as const;
export type Harmed = (typeof harmedOptions)[number];

/** What the reporter wants. */
export const wantsOptions = ['self', 'ally', 'organizers', 'record'] as const;
export type ReporterWants = (typeof wantsOptions)[number];

// ---- triage (flow step 2) -----------------------------------------------------------------

export const intents = ['thoughtless', 'ignorance', 'unclear', 'malice'] as const;
export type Intent = (typeof intents)[number];

export const publicHarmOptions = ['none', 'few', 'many'] as const;
export type PublicHarm = (typeof publicHarmOptions)[number];

/** What the rubric recommends and what an organizer decides. */
export const recommendationKinds = [
  'call-in',
  'call-in-and-public-statement',
  'enforcement',
  'record-only',
] as const;
export type RecommendationKind = (typeof recommendationKinds)[number];

/** The Contributor Covenant ladder. */
export const ladderLevels = ['correction', 'warning', 'temporary-ban', 'permanent-ban'] as const;
export type LadderLevel = (typeof ladderLevels)[number];

/** Who a triage says should hold the call-in. */
export const callerKinds = ['reporter', 'ally', 'organizer'] as const;
export type CallerKind = (typeof callerKinds)[number];

/** How the person holding a call-in came to it: as an ally, an organizer, or the reporter themselves. */
export const holderKinds = ['ally', 'organizer', 'self'] as const;
export type HolderKind = (typeof holderKinds)[number];

// ---- the handoff, consent and the conversation (flow steps 3-6) ---------------------------

export const callInStatuses = [
  'awaiting-caller',
  'awaiting-consent',
  'ready',
  'in-conversation',
  'outcome-recorded',
  'escalated',
  'stopped',
  'closed',
] as const;
export type CallInStatus = (typeof callInStatuses)[number];

/**
 * Where a case stands, as every page says it: the concern's status and its latest call-in's
 * (status, consent) taken together (`caseStage` in src/domain/conversation/case-stage.ts). The
 * words for each are in src/contract/stage-words.ts, the one place they are written.
 */
export const caseStages = [
  'received',
  'decided',
  'finding-caller',
  'preparing',
  'awaiting-answer',
  'awaiting-approval',
  'ready',
  'in-conversation',
  'outcome-recorded',
  'escalated',
  'stopped-declined',
  'stopped-withdrawn',
  'closed',
] as const;
export type CaseStage = (typeof caseStages)[number];

/** Who answers the consent question: the harmed person, an organizer (group or unknown), or nobody (the reporter calls in themselves). */
export const consentModes = ['person', 'organizer', 'self'] as const;
export type ConsentMode = (typeof consentModes)[number];

export const consentStatuses = [
  'not-requested',
  'pending',
  'given',
  'declined',
  'withdrawn',
  'not-needed',
] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

/** The harmed person's answer to the consent question. */
export const consentDecisions = ['agree', 'decline'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

/** Where the conversation with the member happens. */
export const channels = ['in-app', 'email', 'voice', 'in-person'] as const;
export type Channel = (typeof channels)[number];

/** How the caller and the ally know the member. */
export const relationships = ['none', 'knows', 'works-with', 'friend'] as const;
export type Relationship = (typeof relationships)[number];

export const offerStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** An ally's answer to an offer. */
export const offerAnswers = ['accept', 'decline'] as const;
export type OfferAnswer = (typeof offerAnswers)[number];

/** Who wrote a message in a call-in's thread. */
/**
 * How a message reached the member (rule 10: their link never goes to the caller): in the app
 * and by email for a member with an account; by email to the address given; a one-time handover
 * link the caller shares, claimed by the member's browser on first open; or logged (voice, in
 * person).
 */
export const memberDeliveries = ['app', 'email', 'handover', 'logged'] as const;
export type MemberDelivery = (typeof memberDeliveries)[number];

export const messageAuthors = ['caller', 'member'] as const;
export type MessageAuthor = (typeof messageAuthors)[number];

/** The member's simple responses (flow step 6). */
export const memberResponses = ['reply', 'need-time', 'will-change', 'ask-organizer'] as const;
export type MemberResponse = (typeof memberResponses)[number];

/** The member's standing answer, kept on the call-in (a reply does not change it). */
export const memberStates = ['need-time', 'will-change', 'ask-organizer'] as const;
export type MemberState = (typeof memberStates)[number];

/** Who is reading a call-in as staff: its caller, or an organizer of the community. */
export const callInViewers = ['caller', 'organizer'] as const;
export type CallInViewer = (typeof callInViewers)[number];

/** Kinds of entry in a call-in's thread: a caller's message or spoken-conversation log, or a member's response. */
export const messageKinds = ['message', 'log', ...memberResponses] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * The conversation with the reporter (issue 10): an organizer's question, the reporter's answer
 * to one, or information the reporter adds later.
 */
export const reporterMessageKinds = ['question', 'answer', 'addition'] as const;
export type ReporterMessageKind = (typeof reporterMessageKinds)[number];

// ---- outcomes, enforcement and appeals (flow steps 2 and 7) --------------------------------

export const outcomes = [
  'acknowledged',
  'committed-to-change',
  'apologised',
  'disagreed',
  'no-response',
  'escalated',
] as const;
export type Outcome = (typeof outcomes)[number];

export const enforcementStatuses = ['active', 'overturned'] as const;
export type EnforcementStatus = (typeof enforcementStatuses)[number];

/** Keep the record, overturn it, or change it (a lighter step or an earlier end, with new terms). */
export const appealDecisions = ['upheld', 'overturned', 'changed'] as const;
export type AppealDecision = (typeof appealDecisions)[number];

export const appealStatuses = ['pending', ...appealDecisions] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/**
 * Why an organizer who sees an appeal may not decide it: they wrote the record, or they did and
 * there is no other organizer yet (a second one needs to be invited).
 */
export const appealBlocks = ['made-the-decision', 'second-organizer-needed'] as const;
export type AppealBlock = (typeof appealBlocks)[number];

/** Why a call-in stopped before its end (rule 1): the harmed person said no, or consent was withdrawn. */
export const stopReasons = ['consent-declined', 'consent-withdrawn'] as const;
export type StopReason = (typeof stopReasons)[number];

/**
 * How a case ended, for counts: its call-in's outcomes (or why it stopped), else the triage
 * decision, else none.
 */
export const caseOutcomes = [...outcomes, ...stopReasons, ...recommendationKinds, 'none'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

// ---- the audit log (rule 6) ----------------------------------------------------------------

export const actorKinds = ['user', 'token', 'public', 'system', 'cli'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Rule 9: why someone may not handle a case beside being the person it is about. */
export const caseConflictKinds = ['declared', 'excluded-by-reporter'] as const;
export type CaseConflictKind = (typeof caseConflictKinds)[number];

/**
 * How a person acted (rule 10: every act with its true author and channel): signed in to the app,
 * with an API token, or without an account through a private link — the reporter's follow link,
 * a consent link, the member's link (claimed by their browser).
 */
export const actChannels = [
  'app',
  'api-token',
  'follow-link',
  'consent-link',
  'member-link',
  /** The `callin` command, on the machine. */
  'cli',
] as const;
export type ActChannel = (typeof actChannels)[number];

export const auditActions = [
  'operator.setup',
  'operator.create',
  'community.create',
  'community.update',
  'member.role',
  'member.remove',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'invitation.signup-request',
  'token.create',
  'token.revoke',
  'sessions.revoke-all',
  'session.start',
  'session.end',
  'user.erase',
  'account.reset-request',
  'account.password-reset',
  'account.password-change',
  'account.email-change-request',
  'account.email-change',
  'concern.raise',
  'concern.triage',
  'concern.triage-change',
  'concern.declare-conflict',
  'concern.ask-reporter',
  'concern.reporter-message',
  'concern.follow-alert',
  'concern.link-subject',
  'concern.unlink-subject',
  'concern.subject',
  'call-in.open',
  'call-in.assign',
  'call-in.caller-left',
  'call-in.draft',
  'call-in.offer',
  'call-in.offer-decline',
  'call-in.channel',
  'call-in.member-address-propose',
  'call-in.member-address-confirm',
  'call-in.message',
  'call-in.log',
  'call-in.member-response',
  'call-in.outcome',
  'call-in.escalate',
  'call-in.close',
  'call-in.reopen',
  'consent.request',
  'consent.propose',
  'consent.repoint',
  'call-in.handover-claim',
  'consent.give',
  'consent.decline',
  'consent.approve',
  'consent.withdraw',
  'care.update',
  'care.log',
  'enforcement.create',
  'enforcement.appeal',
  'enforcement.appeal-decide',
  'retention.purge',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditTargetTypes = [
  'user',
  'community',
  'membership',
  'invitation',
  'api-token',
  'concern',
  'call-in',
  'enforcement',
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

// ---- jobs and notifications (flow step 8) --------------------------------------------------

export const jobStatuses = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** What people are told about; each channel (email now, in-app and chat later) words it for its reader. */
export const notificationTemplates = [
  'consent-request',
  'consent-withdrawn',
  'consent-request-withdrawn',
  'consent-address-proposed',
  'ally-offer',
  'call-in-message',
  'call-in-reply',
  'follow-up-reminder',
  'reporter-update',
  'check-in',
  'enforcement-notice',
  'appeal-update',
  // 2026-12-01: one template a reader, where one event reaches people in different roles.
  'call-in-stopped',
  'organizer-asked',
  'appeal-received',
  // 2026-12-01: what staff hear about (in-app notices and organizer emails).
  'new-concern',
  'urgent-concern',
  'new-concerns-digest',
  'ally-request',
  /** To organizers: a call-in's caller lost their role, so it needs someone new (rule 11). */
  'caller-released',
  /** To the only organizer: an appeal needs a second organizer to decide it. */
  'appeal-needs-organizer',
  /** 2026-12-01: to a reporter with an account, an organizer asked them a question. */
  'reporter-question',
  /** To organizers: the reporter answered a question or added information. */
  'reporter-answered',
  /** To the identity-free address a reporter left on their follow link. */
  'follow-alert',
  /**
   * 2026-12-01, rule 9: every organizer is excluded from a concern. To the organizers who
   * declared a conflict on it, and (with nothing of the case) to the operators.
   */
  'case-needs-organizer',
  'case-needs-organizer-operator',
  /** To organizers who are not the caller: the caller proposed the member's email address. */
  'member-address-proposed',
] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

/**
 * Whom a notification is written for: the role the recipient holds towards the case. The table
 * `notificationAudience` in notifications.ts says which of these each template may go to.
 */
export const notificationReaders = [
  'organizer',
  'caller',
  'ally',
  'harmed',
  'member',
  'reporter',
  /** Whoever runs the installation: never told anything of a case, only that one waits. */
  'operator',
] as const;
export type NotificationReader = (typeof notificationReaders)[number];

/** One-time links about one's own account (stored hashed, in `account_links`). */
export const accountLinkKinds = ['password-reset', 'email-change'] as const;
export type AccountLinkKind = (typeof accountLinkKinds)[number];

/** Emails about one's own account (not a community's): each goes only by email. */
export const accountEmailTemplates = [
  'password-reset',
  'email-change-confirm',
  'email-changed',
  'password-changed',
  // 2026-12-01: joining with an invitation by making an account waits for the address.
  'invitation-confirm',
  'invitation-account-exists',
] as const;
export type AccountEmailTemplate = (typeof accountEmailTemplates)[number];

/** The channel every account has: notices in the app. */
export const APP_CHANNEL = 'app';

/**
 * How an organizer hears about a new concern by email: at once, in one email a day, or not by
 * email (the in-app notice comes either way; an urgent concern is always emailed at once).
 */
export const newConcernEmails = ['immediate', 'daily', 'off'] as const;
export type NewConcernEmail = (typeof newConcernEmails)[number];

// ---- the language checker as the product uses it ------------------------------------------

export const severities = ['nudge', 'concern', 'escalate'] as const;
export type Severity = (typeof severities)[number];

/** The language checker's categories of wording (src/language keeps its own copy; a type check in the language routes keeps them equal). */
export const languageCategories = [
  'gendered',
  'ableist',
  'racialised',
  'lgbtq',
  'age',
  'body',
  'mental-health',
  'condescending',
  'slur',
  'insult',
  'profanity',
  'custom',
] as const;
export type LanguageCategory = (typeof languageCategories)[number];

/** What the coach reads: a caller's draft or a member's reply. */
export const coachKinds = ['draft', 'reply'] as const;
export type CoachKind = (typeof coachKinds)[number];

/**
 * Where people are told (flow step 8). Each is an integration's notification channel; a channel
 * decides for itself whether it can reach a recipient.
 */
export const notificationChannels = ['email', 'in-app', 'slack', 'discord'] as const;
export type NotificationChannelName = (typeof notificationChannels)[number];

/** The one job the domain schedules to tell someone: a channel-agnostic notification intent. */
export const NOTIFY = 'notify' satisfies JobName;
/** The job that delivers one intent on one channel (`notify.email`, `notify.slack` …). */
export const channelJobPrefix = 'notify.';
export function channelJobName(channel: string): `notify.${string}` {
  return `notify.${channel}`;
}

/**
 * Background jobs by name. `notify` carries one channel-agnostic notification intent; its
 * dispatcher schedules one `notify.<channel>` job per registered channel (`notify.email` is
 * also what every notification was before 2026-12-01, so those still run).
 */
export const jobNames = ['notify', 'notify.email', 'retention.purge', 'account.email'] as const;
export type JobName = (typeof jobNames)[number];

/**
 * What one account may only do so often (per-account quotas, issue 9): raising concerns,
 * messages in call-ins, invitations, API tokens, and every other write.
 */
export const quotaKinds = ['concerns', 'messages', 'invitations', 'tokens', 'writes'] as const;
export type QuotaKind = (typeof quotaKinds)[number];

/** Why the database cannot take writes, as `GET /api/health` reports it. */
export const storageFailures = [
  'disk-full',
  'read-only',
  'database-unreachable',
  'write-failed',
] as const;
export type StorageFailure = (typeof storageFailures)[number];
