// The one policy: who may do what. Every decision about an action goes through `authorize`
// (or, for flags shown to the person asking, the pure `decide`), over one table of actions.
// A rule names the least role in the resource's community, whether only a person (never an API
// token) may act, and the relations to the resource that allow it (the caller of this call-in,
// the member it addresses, the harmed person …). Roles are per community; an API token acts only
// in the community it was made for; an operator has no role anywhere unless also a member.
// One's own things across communities (account, export, the concerns one raised, the call-ins
// and records addressed to one) need only `requirePerson`: a person, never a token.
import type { Role } from '../../contract/vocabulary.ts';
import { roles } from '../../contract/vocabulary.ts';
import { AppError, type ErrorCode } from '../../config/errors.ts';
import type { MembershipsRepository } from '../../db/repositories/memberships.repository.ts';
import type { Actor } from './actor.ts';

/** How the person asking stands to the resource. */
export const relations = [
  /** Holds a role of organizer in the resource's community. */
  'organizer',
  /** Holds this call-in. */
  'caller',
  /** The harmed person this call-in asks for consent. */
  'harmed',
  /** The member a call-in or an enforcement record is addressed to. */
  'addressed',
  /** The person an offer was made to. */
  'offered',
  /** The organizer who wrote the enforcement record an appeal is about. */
  'enforcer',
  /** Runs the installation. */
  'operator',
] as const;
export type Relation = (typeof relations)[number];

export interface Rule {
  /** The least role in the resource's community; null when the action needs none. */
  role: Role | null;
  /** Only a signed-in person: an API token is refused (forbidden). */
  person?: true;
  /** The `callin` command may do it too. */
  cli?: true;
  /**
   * An operator may do it without a role: always (`true`), or only while the community has no
   * organizer yet (`'first-organizer'`: inviting the first one).
   */
  operator?: true | 'first-organizer';
  /** One of these must hold (the first that holds is returned). */
  as?: readonly Relation[];
  /** The answer when none of `as` holds: forbidden, or not_found for another person's record. */
  otherwise?: 'forbidden' | 'not_found';
  /** Refused with this code when the relation holds (an organizer deciding their own case). */
  unless?: { relation: Relation; code: ErrorCode };
  /**
   * Case content or a decision about a case: rule 9's conflict check applies (anyone in the
   * resource's `excludedUserIds` is refused).
   */
  case?: true;
}

/** The table of actions. */
export const policy = {
  // ---- accounts and communities -----------------------------------------------------------
  'community.create': { role: null, person: true, cli: true, as: ['operator'] },
  'community.view': { role: 'member', operator: true },
  'community.rename': { role: 'organizer', operator: true },
  'community.settings': { role: 'organizer' },
  'members.manage': { role: 'organizer' },
  'invitations.manage': { role: 'organizer' },
  'invitation.create': { role: 'organizer', cli: true, operator: 'first-organizer' },
  'token.create': { role: 'member', person: true },
  'tokens.own': { role: 'member' },
  'audit.read': { role: 'organizer' },
  'counts.read': { role: 'organizer' },
  'language.check': { role: 'member' },

  // ---- concerns and triage (flow steps 1-2) -----------------------------------------------
  'concern.raise': { role: 'member' },
  'concern.list': { role: 'organizer' },
  'concern.read': { role: 'organizer', case: true },
  'concern.triage': { role: 'organizer', case: true },
  /** Ask the reporter a question (they answer through their follow link or "My concerns"). */
  'concern.ask-reporter': { role: 'organizer', case: true },
  /** Link the person it is about to a member, or unlink (rule 9 follows from the link). */
  'concern.link-subject': { role: 'organizer', case: true },
  /** Rule 9: step back from a case (metadata only; allowed even when already excluded). */
  'concern.declare-conflict': { role: 'organizer' },
  /** The organizers and allies of a community, by name (whom a reporter may exclude). */
  'staff.list': { role: 'member' },
  /** A few members by display name: whom a concern is about (bounded, rate limited). */
  'members.search': { role: 'member' },

  // ---- the handoff: opening, matching, offers, the ally board (flow step 3) ----------------
  'call-in.open': { role: 'organizer', case: true },
  'call-in.list': { role: 'ally' },
  'call-in.candidates': { role: 'organizer', case: true },
  'call-in.assign': { role: 'organizer', case: true },
  'call-in.offer': { role: 'organizer', case: true },
  'offer.list': { role: 'ally' },
  'offer.answer': { role: 'ally', as: ['offered'], otherwise: 'not_found' },
  'ally-board.read': { role: 'ally' },
  'ally-board.volunteer': { role: 'ally' },

  // ---- consent ----------------------------------------------------------------------------
  /** Ask the harmed person (and name or re-point who that is). */
  'consent.request': { role: 'member', as: ['caller', 'organizer'], case: true },
  /** An organizer stands in for a group or an unknown harmed party; never the caller (rule 10). */
  'consent.approve': {
    role: 'organizer',
    case: true,
    unless: { relation: 'caller', code: 'caller_cannot_decide_consent' },
  },
  /** An organizer who is not the caller sends consent to an address (entered or confirmed). */
  'consent.confirm': {
    role: 'organizer',
    case: true,
    unless: { relation: 'caller', code: 'caller_cannot_decide_consent' },
  },
  /** The harmed person answers or withdraws, signed in. */
  'consent.decide': { role: null, as: ['harmed'], otherwise: 'not_found' },

  // ---- the conversation and its outcome (flow steps 4-7) ----------------------------------
  'call-in.read': { role: 'member', as: ['caller', 'organizer'], case: true },
  'call-in.draft': { role: 'member', as: ['caller'], case: true },
  'call-in.channel': { role: 'member', as: ['caller'], case: true },
  'call-in.message': { role: 'member', as: ['caller'], case: true },
  /** An organizer who is not the caller enters or confirms the member's email (rule 10). */
  'call-in.confirm-member-address': {
    role: 'organizer',
    case: true,
    unless: { relation: 'caller', code: 'caller_cannot_confirm_member_address' },
  },
  'call-in.record-outcome': { role: 'member', as: ['caller', 'organizer'], case: true },
  'call-in.close': { role: 'member', as: ['caller', 'organizer'], case: true },
  'call-in.reopen': { role: 'member', as: ['caller', 'organizer'], case: true },
  'call-in.escalate': { role: 'member', as: ['organizer'], case: true },
  /** The member's side: read, respond, ask the reply coach. */
  'member.call-in': { role: null, person: true, as: ['addressed'], otherwise: 'not_found' },

  // ---- enforcement and appeals ------------------------------------------------------------
  'enforcement.write': { role: 'organizer', case: true },
  'enforcement.read': { role: 'organizer' },
  'enforcement.appeal': { role: null, person: true, as: ['addressed'], otherwise: 'not_found' },
  'appeal.decide': {
    role: 'organizer',
    case: true,
    unless: { relation: 'enforcer', code: 'same_organizer_appeal' },
  },

  // ---- care for the people doing the work (flow step 9) -----------------------------------
  /** One's own capacity, pause and logs. */
  'care.own': { role: 'member' },
  /** Log time and drain on a call-in one holds. */
  'care.log': { role: 'member', as: ['caller'], otherwise: 'not_found' },
  'care.load': { role: 'organizer' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];

/** What a decision is taken about: a community, or one record in it, with its facts. */
export interface Resource {
  /** The community it belongs to; null for a person's own things across communities. */
  communityId: string | null;
  /** False when the record asked for does not exist: not_found, once the role allows asking. */
  found?: boolean;
  callerUserId?: string | null;
  /**
   * Rule 11: the least role the caller must still hold for `caller` to count (an ally's call-in
   * is theirs only while they are an ally; the reporter calling in themselves, while a member).
   */
  callerMinRole?: Role | null;
  harmedUserId?: string | null;
  /** The member a call-in or an enforcement record is addressed to. */
  addressedUserId?: string | null;
  offeredUserId?: string | null;
  enforcedBy?: string | null;
  /** The community has no organizer yet (the operator may invite the first one). */
  organizerless?: boolean;
  /**
   * Rule 9's hook: people who may neither see this case as staff nor decide it (the person it is
   * about, organizers who declared a conflict, anyone the reporter excluded). Consulted for every
   * action marked `case`; filled in by src/domain/access/case-exclusions.ts.
   */
  excludedUserIds?: readonly string[];
  /**
   * Those of `excludedUserIds` who already know the case exists (an organizer who declared a
   * conflict, the member an enforcement record is addressed to): they are refused with
   * conflict_of_interest; everyone else excluded gets not_found.
   */
  awareUserIds?: readonly string[];
}

export interface Decision {
  /** Who is acting (null for the `callin` command). */
  userId: string | null;
  /** Their role in the resource's community, or null. */
  role: Role | null;
  /** The relation that allowed it, when the rule names some. */
  as: Relation | null;
}

function holds(relation: Relation, actor: Actor, role: Role | null, r: Resource): boolean {
  const userId = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  switch (relation) {
    case 'organizer':
      return role === 'organizer';
    case 'operator':
      return actor.kind === 'user' && actor.isOperator;
    case 'caller':
      return (
        !!userId &&
        r.callerUserId === userId &&
        (!r.callerMinRole ||
          (role !== null && roles.indexOf(role) >= roles.indexOf(r.callerMinRole)))
      );
    case 'harmed':
      return !!userId && r.harmedUserId === userId;
    case 'addressed':
      return !!userId && r.addressedUserId === userId;
    case 'offered':
      return !!userId && r.offeredUserId === userId;
    case 'enforcer':
      return !!userId && r.enforcedBy === userId;
  }
}

/**
 * The decision itself, pure: the actor, their role in the resource's community (null when they
 * hold none, or when a token was made elsewhere), and the resource's facts. Throws the stable
 * AppError when the action is refused.
 */
export function decide(
  action: Action,
  actor: Actor,
  role: Role | null,
  resource: Resource,
): Decision {
  const rule: Rule = policy[action];
  if (actor.kind !== 'user' && actor.kind !== 'token') {
    if (actor.kind === 'cli' && rule.cli) return { userId: null, role: null, as: null };
    throw new AppError('sign_in_required');
  }
  if (rule.person && actor.kind === 'token') throw new AppError('forbidden');
  // An API token speaks only for its own community: elsewhere it is refused.
  if (actor.kind === 'token' && resource.communityId !== null) {
    if (actor.communityId !== resource.communityId) throw new AppError('forbidden');
  }
  const decision: Decision = { userId: actor.userId, role, as: null };
  const operatorMay =
    actor.kind === 'user' &&
    actor.isOperator &&
    (rule.operator === true || (rule.operator === 'first-organizer' && !!resource.organizerless));
  if (operatorMay) return decision;
  if (rule.role && (!role || roles.indexOf(role) < roles.indexOf(rule.role)))
    throw new AppError('forbidden');
  if (resource.found === false) throw new AppError('not_found');
  if (rule.as) {
    const as = rule.as.find((r) => holds(r, actor, role, resource));
    if (!as) throw new AppError(rule.otherwise ?? 'forbidden');
    decision.as = as;
  }
  // Rule 9: someone excluded from the case is not told it exists (not_found), unless they
  // already know of it (they declared the conflict, or the record is addressed to them).
  if (rule.case && resource.excludedUserIds?.includes(actor.userId))
    throw new AppError(
      resource.awareUserIds?.includes(actor.userId) ? 'conflict_of_interest' : 'not_found',
    );
  if (rule.unless && holds(rule.unless.relation, actor, role, resource))
    throw new AppError(rule.unless.code);
  return decision;
}

/** Whether `decide` would allow it: for the `can` flags a response carries. */
export function allows(
  action: Action,
  actor: Actor,
  role: Role | null,
  resource: Resource,
): boolean {
  try {
    decide(action, actor, role, resource);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/** The actor's role in a community: null without one, or for a token made for another. */
export async function roleOf(
  memberships: Pick<MembershipsRepository, 'find'>,
  actor: Actor,
  communityId: string | null,
): Promise<Role | null> {
  if (!communityId || (actor.kind !== 'user' && actor.kind !== 'token')) return null;
  if (actor.kind === 'token' && actor.communityId !== communityId) return null;
  return (await memberships.find(communityId, actor.userId))?.role ?? null;
}

/**
 * Decides whether the actor may take this action on this resource: looks up their role in the
 * resource's community, then applies the table. Returns who they are to it, or throws.
 */
export async function authorize(
  repos: { memberships: Pick<MembershipsRepository, 'find'> },
  actor: Actor,
  action: Action,
  resource: Resource,
): Promise<Decision> {
  // Who is not signed in is told so before anything is looked up.
  if (actor.kind !== 'user' && actor.kind !== 'token') return decide(action, actor, null, resource);
  return decide(
    action,
    actor,
    await roleOf(repos.memberships, actor, resource.communityId),
    resource,
  );
}

/** Signed in: a person, or an API token. */
export function requireSignedIn(actor: Actor): asserts actor is Extract<Actor, { userId: string }> {
  if (actor.kind !== 'user' && actor.kind !== 'token') throw new AppError('sign_in_required');
}

/** A person signed in with their browser, not an API token (tokens get forbidden). */
export function requirePerson(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user')
    throw new AppError(actor.kind === 'token' ? 'forbidden' : 'sign_in_required');
}
