// Flow step 1: raising a concern, and reading concerns back (organizer inbox, the reporter's
// private follow link, a member's own list). Narrative, quotes, links, impact and names are
// encrypted as one envelope bound to the concern's id.
import type {
  ConcernDetail,
  FollowView,
  InboxPage,
  IntakeView,
  MyConcern,
} from '../../contract/index.ts';
import type { CaseStage, ConcernSource, ConcernStatus } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { tellIfNobodyLeft } from '../notifications/nobody-left.ts';
import { tellOrganizersOfNewConcern } from '../notifications/staff-news.ts';
import { authorize, requirePerson } from '../access/policy.ts';
import {
  caseExclusions,
  concernResource,
  hiddenConcernIds,
  organizersLeft,
} from '../access/case-exclusions.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import type { Clock } from '../common/clock.ts';
import { subjectTokens } from './subject-match.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import type { Cipher } from '../privacy/crypto.ts';
import type { ConcernCategory, Harmed, ReporterWants } from '../triage/triage.ts';
import { hashSecret, newSecret, newTimeOrderedId, safeEqual } from '../common/tokens.ts';
import { stageWords } from '../../contract/stage-words.ts';
import { caseStage, latestByConcern, presentStage, stagesOf } from '../conversation/case-stage.ts';

export { concernStatuses } from '../../contract/vocabulary.ts';
export type { ConcernStatus } from '../../contract/vocabulary.ts';
export type { ConcernSource } from '../../contract/vocabulary.ts';

export interface RaiseConcernInput {
  what: string;
  quotes: string[];
  links: string[];
  impact: string;
  harmed: Harmed;
  harmedName: string | null;
  about: { userId: string | null; name: string | null };
  wants: ReporterWants;
  urgent: boolean;
  categories: ConcernCategory[];
  anonymous: boolean;
  contact: string | null;
  /** Staff (organizers and allies) the reporter asks to keep away from this case (rule 9). */
  exclude?: string[];
  /** A one-line subject for the lists ("Jokes about accents in #general"). */
  subject?: string | null;
}

export interface ConcernContent {
  what: string;
  quotes: string[];
  links: string[];
  impact: string;
  harmedName: string | null;
  aboutName: string | null;
  contact: string | null;
}

export function contentContext(c: Pick<Concern, 'id' | 'communityId'>): string {
  return `concern:${c.communityId}:${c.id}`;
}

function subjectContext(c: Pick<Concern, 'id' | 'communityId'>): string {
  return `concern-subject:${c.communityId}:${c.id}`;
}

/** The one-line subject, encrypted and bound to its concern (null when there is none). */
export function sealSubject(
  cipher: Cipher,
  c: Pick<Concern, 'id' | 'communityId'>,
  subject: string | null | undefined,
): string | null {
  const line = subject?.trim();
  return line ? cipher.encrypt(line, subjectContext(c)) : null;
}

/** The concern's one-line subject in plain text, or null. */
export function readSubject(
  cipher: Cipher,
  c: Pick<Concern, 'id' | 'communityId' | 'subjectLine'>,
): string | null {
  return c.subjectLine ? cipher.decrypt<string>(c.subjectLine, subjectContext(c)) : null;
}

export interface RaisedConcern {
  id: string;
  followToken: string;
  status: ConcernStatus;
  createdAt: string;
}

export async function raiseConcern(
  tx: Tx<
    | 'communities'
    | 'memberships'
    | 'concerns'
    | 'conflicts'
    | 'audit'
    | 'notices'
    | 'jobs'
    | 'users'
  >,
  deps: { clock: Clock; cipher: Cipher },
  actor: Actor,
  target: { communityId: string } | { intakeId: string },
  input: RaiseConcernInput,
  source: ConcernSource,
): Promise<RaisedConcern> {
  return tx(async (repos) => {
    const { communities, memberships, concerns, conflicts, audit, notices, jobs, users } = repos;
    const community =
      'intakeId' in target
        ? await communities.findByIntakeId(target.intakeId)
        : await communities.findById(target.communityId);
    if (!community) throw new AppError('not_found');
    // An API token speaks only for its own community: elsewhere its holder is a stranger.
    const tokenElsewhere = actor.kind === 'token' && actor.communityId !== community.id;
    const reporterId =
      (actor.kind === 'user' || actor.kind === 'token') && !tokenElsewhere ? actor.userId : null;
    // Without an account, a concern is anonymous unless the reporter leaves a way to reach them.
    const anonymous = input.anonymous || (reporterId === null && !input.contact?.trim());
    if ('intakeId' in target) {
      if (!community.intakeOpen) throw new AppError('intake_closed');
      if (anonymous && !parseSettings(community.settings).allowAnonymous) {
        throw new AppError('validation_failed', [
          {
            field: 'contact',
            rule: 'invalid',
            message: 'This community asks for a way to reach you about this concern.',
          },
        ]);
      }
    } else {
      await authorize({ memberships }, actor, 'concern.raise', { communityId: community.id });
    }
    if (!input.about.userId && !input.about.name?.trim()) {
      throw new AppError('validation_failed', [
        {
          field: 'about',
          rule: 'invalid',
          message: 'Say who this is about: a member or a name.',
        },
      ]);
    }
    if (input.about.userId && !(await memberships.find(community.id, input.about.userId))) {
      throw new AppError('validation_failed', [
        {
          field: 'about.userId',
          rule: 'invalid',
          message: 'That person is not a member of this community.',
        },
      ]);
    }
    // Rule 9: the reporter may keep staff of this community away from the case.
    const exclude = [...new Set(input.exclude ?? [])];
    for (const [i, userId] of exclude.entries()) {
      const m = await memberships.find(community.id, userId);
      if (!m || m.role === 'member')
        throw new AppError('validation_failed', [
          {
            field: `exclude.${i}`,
            rule: 'invalid',
            message: 'Choose from the organizers and allies of this community.',
          },
        ]);
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const id = newTimeOrderedId(now.getTime());
    const follow = newFollowLink(id);
    const content: ConcernContent = {
      what: input.what.trim(),
      quotes: input.quotes.map((q) => q.trim()).filter(Boolean),
      links: input.links.map((l) => l.trim()).filter(Boolean),
      impact: input.impact.trim(),
      harmedName: input.harmed === 'someone-else' ? input.harmedName?.trim() || null : null,
      aboutName: input.about.name?.trim() || null,
      contact: anonymous ? null : input.contact?.trim() || null,
    };
    await concerns.insert({
      id,
      communityId: community.id,
      status: 'new',
      urgency: input.urgent ? 'urgent' : 'normal',
      categories: [...new Set(input.categories)],
      harmed: input.harmed,
      wants: input.wants,
      subjectUserId: input.about.userId,
      subjectKey: content.aboutName ? deps.cipher.blindIndex(content.aboutName) : null,
      subjectTokens: subjectTokens(deps.cipher, [
        content.aboutName,
        input.about.userId ? (await users.findById(input.about.userId))?.displayName : null,
      ]),
      // An anonymous concern keeps no link to its reporter at all; the follow link is theirs.
      reporterUserId: anonymous ? null : reporterId,
      anonymous: anonymous || reporterId === null,
      source,
      content: deps.cipher.encrypt(content, contentContext({ id, communityId: community.id })),
      subjectLine: sealSubject(deps.cipher, { id, communityId: community.id }, input.subject),
      followLookup: follow.lookup,
      followVerifierHash: follow.verifierHash,
      createdAt: at,
      updatedAt: at,
    });
    for (const userId of exclude) {
      await conflicts.insert({
        concernId: id,
        communityId: community.id,
        userId,
        kind: 'excluded-by-reporter',
        createdAt: at,
      });
    }
    await recordAudit(
      audit,
      anonymous || reporterId === null ? { kind: 'public' } : actor,
      { communityId: community.id, action: 'concern.raise', targetType: 'concern', targetId: id },
      at,
    );
    await tellOrganizersOfNewConcern(
      { memberships, notices, jobs },
      deps.cipher,
      { id, communityId: community.id, urgent: input.urgent },
      [input.about.userId ?? null, reporterId, ...exclude],
      at,
    );
    // Rule 9: when every organizer is excluded, the people who can help hear of it at once.
    await tellIfNobodyLeft(
      repos,
      deps.cipher,
      { id, communityId: community.id, subjectUserId: input.about.userId, status: 'new' },
      at,
    );
    return { id, followToken: follow.token, status: 'new', createdAt: at };
  });
}

// ---- the reporter's private follow link ---------------------------------------------------

/**
 * A follow link is the concern's id (32 hex digits) followed by a secret: the row is found by
 * its id and the secret checked against its stored hash in constant time. Links given out
 * before 2026-11-30 are a bare secret, found by the hash of the whole link.
 */
const FOLLOW_TOKEN =
  /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})([A-Za-z0-9_-]{43})$/;

function newFollowLink(id: string) {
  const secret = newSecret();
  return { token: id.replaceAll('-', '') + secret, lookup: id, verifierHash: hashSecret(secret) };
}

export async function findByFollowToken(
  concerns: Pick<Repositories['concerns'], 'findByFollowLookup'>,
  token: string,
): Promise<Concern | undefined> {
  const m = FOLLOW_TOKEN.exec(token);
  if (m) {
    const c = await concerns.findByFollowLookup(m.slice(1, 6).join('-'));
    const verifier = c?.followVerifierHash;
    return verifier && safeEqual(hashSecret(m[6]!), verifier) ? c : undefined;
  }
  const c = await concerns.findByFollowLookup(hashSecret(token));
  return c && c.followVerifierHash === null ? c : undefined;
}

// ---- the organizer inbox ------------------------------------------------------------------

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt))) {
    throw new AppError('validation_failed', [
      { field: 'cursor', rule: 'invalid', message: 'This page marker is not valid.' },
    ]);
  }
  return { createdAt, id };
}

export async function listInbox(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts' | 'callIns'>,
  actor: Actor,
  communityId: string,
  q: { status?: ConcernStatus | undefined; cursor?: string | undefined; limit: number },
  cipher: Cipher,
): Promise<InboxPage> {
  const { userId } = await authorize(repos, actor, 'concern.list', { communityId });
  // Rule 9: cases this person may not handle are not listed to them at all.
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  const rows = await repos.concerns.listInbox(communityId, {
    status: q.status,
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1 + hidden.size,
  });
  // Each card says where its case stands (its latest call-in included): one query a page.
  const stages = (shown: readonly InboxRow[]) =>
    stagesOf(repos.callIns, communityId, shown.slice(0, q.limit));
  if (hidden.size > 0) {
    const shown = rows.filter((r) => !hidden.has(r.id));
    return inboxPage(shown, q.limit, await stages(shown), cipher, communityId);
  }
  // Frozen rows are the read cache's, handed back unchanged while nothing was written (a
  // call-in's change is a write too): the page made from them last time is the answer again
  // (and is frozen in turn).
  if (!Object.isFrozen(rows))
    return inboxPage(rows, q.limit, await stages(rows), cipher, communityId);
  const kept = inboxPages.get(rows);
  if (kept?.limit === q.limit) return kept.page;
  const page = Object.freeze(inboxPage(rows, q.limit, await stages(rows), cipher, communityId));
  inboxPages.set(rows, { limit: q.limit, page });
  return page;
}

const inboxPages = new WeakMap<object, { limit: number; page: InboxPage }>();

type InboxRow = Awaited<ReturnType<Repositories['concerns']['listInbox']>>[number];

function inboxPage(
  rows: readonly InboxRow[],
  limit: number,
  stages: ReadonlyMap<string, CaseStage>,
  cipher: Cipher,
  communityId: string,
): InboxPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      ...presentStage(stages.get(r.id) ?? caseStage(r.status, undefined)),
      urgent: r.urgency === 'urgent',
      categories: r.categories,
      harmed: r.harmed,
      wants: r.wants,
      anonymous: r.anonymous,
      source: r.source,
      subject: readSubject(cipher, { ...r, communityId }),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

// ---- one concern, for its organizers -------------------------------------------------------

export async function findConcern(
  repos: Pick<Repositories, 'concerns'>,
  communityId: string,
  id: string,
): Promise<Concern> {
  const c = await repos.concerns.find(communityId, id);
  if (!c) throw new AppError('not_found');
  return c;
}

/**
 * Loads a concern for an action on it and asks the policy, with rule 9's exclusions: someone
 * outside the community is forbidden; inside it, not_found when it does not exist or when they
 * are excluded from it without knowing of it, conflict_of_interest when they declared one.
 */
export async function loadConcern(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts'>,
  actor: Actor,
  action: 'concern.read' | 'concern.triage' | 'call-in.open',
  communityId: string,
  id: string,
): Promise<Concern> {
  const found = await repos.concerns.find(communityId, id);
  await authorize(repos, actor, action, await concernResource(repos, communityId, found));
  return found as Concern;
}

export async function readConcern(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'users' | 'conflicts' | 'callIns'>,
  cipher: Cipher,
  actor: Actor,
  communityId: string,
  id: string,
): Promise<ConcernDetail> {
  const c = await loadConcern(repos, actor, 'concern.read', communityId, id);
  const content = cipher.decrypt<ConcernContent>(c.content, contentContext(c));
  const reporter = c.reporterUserId ? await repos.users.findById(c.reporterUserId) : undefined;
  const subject = c.subjectUserId ? await repos.users.findById(c.subjectUserId) : undefined;
  const stage = (await stagesOf(repos.callIns, communityId, [c])).get(c.id);
  return {
    id: c.id,
    status: c.status,
    ...presentStage(stage ?? caseStage(c.status, undefined)),
    urgent: c.urgency === 'urgent',
    categories: c.categories,
    harmed: c.harmed,
    wants: c.wants,
    source: c.source,
    anonymous: c.anonymous,
    subject: readSubject(cipher, c),
    what: content.what,
    quotes: content.quotes,
    links: content.links,
    impact: content.impact,
    harmedName: content.harmedName,
    about: { userId: c.subjectUserId, name: subject?.displayName ?? content.aboutName },
    reporter: c.anonymous || !reporter ? null : { userId: reporter.id, name: reporter.displayName },
    contact: content.contact,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * An organizer declares a conflict of interest on a concern: from then on they neither see it
 * nor decide it. Declaring needs only the inbox's metadata; it is audited. Someone already
 * excluded gets the same answer as anyone else, so it confirms nothing to them.
 */
export async function declareConflict(
  tx: Tx<'memberships' | 'concerns' | 'conflicts' | 'audit' | 'users' | 'jobs'>,
  deps: { clock: Clock; cipher: Cipher },
  actor: Actor,
  communityId: string,
  concernId: string,
): Promise<{ concernId: string; declaredAt: string }> {
  return tx(async (repos) => {
    const { userId } = await authorize(repos, actor, 'concern.declare-conflict', { communityId });
    const c = await repos.concerns.find(communityId, concernId);
    if (!c || !userId) throw new AppError('not_found');
    const at = deps.clock.now().toISOString();
    await repos.conflicts.insert({
      concernId,
      communityId,
      userId,
      kind: 'declared',
      createdAt: at,
    });
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: 'concern.declare-conflict',
        targetType: 'concern',
        targetId: concernId,
      },
      at,
    );
    // The last organizer who could handle it stepped back: say so to who may know.
    await tellIfNobodyLeft(repos, deps.cipher, c, at);
    return { concernId, declaredAt: at };
  });
}

/** The organizers and allies of a community, by display name, for "who should not see this?". */
export async function listStaff(
  repos: Pick<Repositories, 'memberships'>,
  communityId: string,
): Promise<{ userId: string; name: string; role: 'organizer' | 'ally' }[]> {
  const out = [];
  for (const m of await repos.memberships.list(communityId)) {
    if (m.role === 'organizer' || m.role === 'ally')
      out.push({ userId: m.userId, name: m.displayName, role: m.role });
  }
  return out;
}

/** The staff list for a signed-in member raising a concern. */
export async function listCommunityStaff(
  repos: Pick<Repositories, 'memberships'>,
  actor: Actor,
  communityId: string,
): Promise<{ items: Awaited<ReturnType<typeof listStaff>> }> {
  await authorize(repos, actor, 'staff.list', { communityId });
  return { items: await listStaff(repos, communityId) };
}

/** A plain notice when every organizer of the community is excluded from this case. */
export const nobodyLeftNotice =
  'Everyone who could look at this has a conflict of interest, so nobody here can handle it yet. ' +
  'The community needs to invite an independent organizer; until then your concern is kept safely.';

// ---- the reporter's view -------------------------------------------------------------------

/** Where the case stands, in words for the person who raised it. */
export function describeStage(stage: CaseStage): string {
  return stageWords[stage].reporter;
}

/** What the private follow link shows: status in plain words, nothing about other people. */
export async function followConcern(
  repos: Pick<Repositories, 'concerns' | 'communities' | 'memberships' | 'conflicts' | 'callIns'>,
  cipher: Cipher,
  token: string,
): Promise<FollowView> {
  const c = await findByFollowToken(repos.concerns, token);
  if (!c) throw new AppError('not_found');
  const latest = latestByConcern(await repos.callIns.listForConcerns(c.communityId, [c.id])).get(
    c.id,
  );
  const stage = caseStage(c.status, latest);
  // When the reporter was the one harmed, the consent question is asked here (rule 10).
  // Once the call-in is closed there is nothing left to answer.
  const asks = latest && latest.status !== 'awaiting-caller' && latest.status !== 'closed';
  const callIn = c.harmed === 'me' && asks ? latest : undefined;
  const community = await repos.communities.findById(c.communityId);
  const content = cipher.decrypt<ConcernContent>(c.content, contentContext(c));
  const left =
    c.status === 'closed'
      ? 1
      : await organizersLeft(repos, c.communityId, await caseExclusions(repos, [c]));
  return {
    community: community?.name ?? '',
    notice: left === 0 ? nobodyLeftNotice : null,
    status: c.status,
    ...presentStage(stage),
    statusText: describeStage(stage),
    wants: c.wants,
    anonymous: c.anonymous,
    what: content.what,
    consentQuestion:
      !!callIn && callIn.consentMode === 'person' && callIn.consentStatus !== 'not-requested',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function listMyConcerns(
  repos: Pick<Repositories, 'concerns' | 'callIns'>,
  actor: Actor,
): Promise<MyConcern[]> {
  requirePerson(actor);
  const rows = await repos.concerns.listByReporter(actor.userId);
  const stages = new Map<string, CaseStage>();
  for (const communityId of new Set(rows.map((r) => r.communityId))) {
    const here = rows.filter((r) => r.communityId === communityId);
    for (const [id, stage] of await stagesOf(repos.callIns, communityId, here))
      stages.set(id, stage);
  }
  return rows.map((r) => {
    const stage = stages.get(r.id) ?? caseStage(r.status, undefined);
    return {
      id: r.id,
      communityId: r.communityId,
      status: r.status,
      ...presentStage(stage),
      statusText: describeStage(stage),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

/** What the public form shows before anyone types: the community's name and options. */
export async function describeIntake(
  repos: Pick<Repositories, 'communities' | 'memberships'>,
  intakeId: string,
): Promise<IntakeView> {
  const c = await repos.communities.findByIntakeId(intakeId);
  if (!c || !c.intakeOpen) throw new AppError('intake_closed');
  // The public form names the people who handle concerns (display names only, never emails),
  // so a reporter can keep one of them away from their concern (rule 9).
  const staff = (await listStaff(repos, c.id)).map((s) => ({ userId: s.userId, name: s.name }));
  return { community: c.name, allowAnonymous: parseSettings(c.settings).allowAnonymous, staff };
}
