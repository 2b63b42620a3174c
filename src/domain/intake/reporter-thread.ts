// The conversation with the reporter (issue 10, build items 1-2): an organizer asks the reporter
// a question from the concern page; the reporter answers it, or adds information, from their
// private follow link (anonymous stays anonymous) or, signed in, from "My concerns". Only the
// organizers who may handle the case read it (the one policy, with rule 9's exclusions): never
// the person it is about, a caller or an ally. Every message is encrypted, bound to its concern
// and its id; the audit says that a message was written, never what it said.
import type { ConcernThread, ReporterMessageSent, ReporterThread } from '../../contract/index.ts';
import { REPORTER_THREAD_MAX } from '../../contract/schemas/reporter.ts';
import { APP_CHANNEL, type ActChannel } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern, ReporterMessage } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { caseExclusions, concernResource } from '../access/case-exclusions.ts';
import { allows, authorize, requirePerson, roleOf } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import type { Clock } from '../common/clock.ts';
import { newTimeOrderedId } from '../common/tokens.ts';
import { queueNotification } from '../notifications/notifications.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { findByFollowToken } from './concerns.ts';
import { alertFollower } from './follow-alerts.ts';

export function reporterMessageContext(
  m: Pick<ReporterMessage, 'id' | 'communityId' | 'concernId'>,
): string {
  return `reporter-message:${m.communityId}:${m.concernId}:${m.id}`;
}

export interface ThreadDeps {
  clock: Clock;
  cipher: Cipher;
  publicUrl: string;
}

/** How the reporter is reached: their private follow link, or signed in as who raised it. */
export type ReporterAccess = { token: string } | { actor: Actor; concernId: string };

type ThreadRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'conflicts' | 'reporter' | 'audit' | 'jobs'
>;

function answeredIds(rows: readonly ReporterMessage[]): Set<string> {
  return new Set(rows.filter((r) => r.kind === 'answer' && r.replyTo).map((r) => r.replyTo!));
}

async function assertRoom(repos: Pick<Repositories, 'reporter'>, concern: Concern): Promise<void> {
  if (concern.status === 'closed') throw new AppError('concern_closed');
  const n = await repos.reporter.countMessages(concern.communityId, concern.id);
  if (n >= REPORTER_THREAD_MAX) throw new AppError('thread_full');
}

async function insert(
  repos: Pick<Repositories, 'reporter'>,
  cipher: Cipher,
  concern: Concern,
  m: Pick<ReporterMessage, 'kind' | 'authorUserId' | 'replyTo'>,
  text: string,
  now: Date,
): Promise<ReporterMessage> {
  const row: ReporterMessage = {
    id: newTimeOrderedId(now.getTime()),
    concernId: concern.id,
    communityId: concern.communityId,
    ...m,
    body: '',
    createdAt: now.toISOString(),
  };
  row.body = cipher.encrypt(text.trim(), reporterMessageContext(row));
  await repos.reporter.insertMessage(row);
  return row;
}

// ---- the organizers' side ------------------------------------------------------------------

/** An organizer who may handle the case asks the reporter a question. */
export async function askReporter(
  tx: Tx<'memberships' | 'concerns' | 'conflicts' | 'reporter' | 'audit' | 'jobs' | 'users'>,
  deps: ThreadDeps,
  actor: Actor,
  communityId: string,
  concernId: string,
  text: string,
): Promise<ReporterMessageSent> {
  return tx(async (repos) => {
    const found = await repos.concerns.find(communityId, concernId);
    const { userId } = await authorize(
      repos,
      actor,
      'concern.ask-reporter',
      await concernResource(repos, communityId, found),
    );
    const concern = found as Concern;
    await assertRoom(repos, concern);
    const now = deps.clock.now();
    const at = now.toISOString();
    const row = await insert(
      repos,
      deps.cipher,
      concern,
      { kind: 'question', authorUserId: userId, replyTo: null },
      text,
      now,
    );
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'concern.ask-reporter', targetType: 'concern', targetId: concernId },
      at,
    );
    // A reporter with an account hears of it in the app and by email; the words never carry
    // the question itself.
    if (concern.reporterUserId && !concern.anonymous) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'reporter-question',
          communityId,
          to: { userId: concern.reporterUserId },
          link: `${deps.publicUrl}/me/concerns/${concern.id}`,
          dedupeKey: `reporter-question:${row.id}`,
        },
        at,
      );
    }
    await alertFollower(repos, deps, concern, at);
    return { id: row.id, kind: row.kind, createdAt: row.createdAt };
  });
}

/** The whole thread, in order, with who wrote what (organizers who may handle the case). */
export async function readConcernThread(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts' | 'reporter' | 'users'>,
  cipher: Cipher,
  actor: Actor,
  communityId: string,
  concernId: string,
): Promise<ConcernThread> {
  const found = await repos.concerns.find(communityId, concernId);
  const resource = await concernResource(repos, communityId, found);
  await authorize(repos, actor, 'concern.read', resource);
  const concern = found as Concern;
  const rows = await repos.reporter.listMessages(communityId, concernId);
  const answered = answeredIds(rows);
  const names = new Map<string, string | null>();
  for (const r of rows) {
    if (r.authorUserId && !names.has(r.authorUserId))
      names.set(r.authorUserId, (await repos.users.findById(r.authorUserId))?.displayName ?? null);
  }
  const role = await roleOf(repos.memberships, actor, communityId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      author: r.kind === 'question' ? 'organizer' : 'reporter',
      authorName: r.kind === 'question' ? (names.get(r.authorUserId ?? '') ?? null) : null,
      replyTo: r.replyTo,
      answered: answered.has(r.id),
      text: cipher.decrypt<string>(r.body, reporterMessageContext(r)),
      createdAt: r.createdAt,
    })),
    can: {
      ask: concern.status !== 'closed' && allows('concern.ask-reporter', actor, role, resource),
    },
  };
}

// ---- the reporter's side -------------------------------------------------------------------

/** The concern the reporter reaches: by their follow link, or signed in as who raised it. */
export async function reporterConcern(
  repos: Pick<Repositories, 'concerns' | 'reporter'>,
  who: ReporterAccess,
): Promise<{ concern: Concern; channel: ActChannel | undefined; actor: Actor }> {
  if ('token' in who) {
    const concern = await findByFollowToken(repos.concerns, who.token);
    if (!concern) throw new AppError('not_found');
    return { concern, channel: 'follow-link', actor: { kind: 'public' } };
  }
  const actor = who.actor;
  requirePerson(actor);
  const userId = actor.userId;
  const concern = await repos.reporter.findRaisedBy(userId, who.concernId);
  // Another person's concern, or an anonymous one: as if it did not exist.
  if (!concern) throw new AppError('not_found');
  return { concern, channel: undefined, actor };
}

export async function readReporterThread(
  repos: Pick<Repositories, 'concerns' | 'reporter'>,
  cipher: Cipher,
  who: ReporterAccess,
): Promise<ReporterThread> {
  const { concern } = await reporterConcern(repos, who);
  const rows = await repos.reporter.listMessages(concern.communityId, concern.id);
  const answered = answeredIds(rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      from: r.kind === 'question' ? 'organizers' : 'you',
      replyTo: r.replyTo,
      answered: answered.has(r.id),
      text: cipher.decrypt<string>(r.body, reporterMessageContext(r)),
      createdAt: r.createdAt,
    })),
    waiting: rows.filter((r) => r.kind === 'question' && !answered.has(r.id)).map((r) => r.id),
    alert: 'token' in who ? !!(await repos.reporter.findAlert(concern.id)) : false,
    can: { write: concern.status !== 'closed' },
  };
}

/** The reporter answers a question, or adds information; the organizers are told in the app. */
export async function postReporterMessage(
  tx: Tx<'memberships' | 'concerns' | 'conflicts' | 'reporter' | 'audit' | 'jobs'>,
  deps: ThreadDeps,
  who: ReporterAccess,
  input: { text: string; questionId: string | null },
): Promise<ReporterMessageSent> {
  return tx(async (repos: Pick<Repositories, ThreadReposKeys>) => {
    const { concern, channel, actor } = await reporterConcern(repos, who);
    await assertRoom(repos, concern);
    if (input.questionId) {
      const rows = await repos.reporter.listMessages(concern.communityId, concern.id);
      if (!rows.some((r) => r.id === input.questionId && r.kind === 'question'))
        throw new AppError('validation_failed', [
          {
            field: 'questionId',
            rule: 'invalid',
            message: 'That question is not part of this concern.',
          },
        ]);
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const row = await insert(
      repos,
      deps.cipher,
      concern,
      {
        kind: input.questionId ? 'answer' : 'addition',
        // Never the reporter's id: an anonymous reporter stays anonymous, and a named one is
        // already known from the concern.
        authorUserId: null,
        replyTo: input.questionId,
      },
      input.text,
      now,
    );
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: concern.communityId,
        action: 'concern.reporter-message',
        targetType: 'concern',
        targetId: concern.id,
        ...(channel ? { channel } : {}),
      },
      at,
    );
    await tellOrganizersOfReporterMessage(repos, deps, concern, row.id, at);
    return { id: row.id, kind: row.kind, createdAt: row.createdAt };
  });
}

type ThreadReposKeys = keyof ThreadRepos;

/** Organizers who may handle the case see a notice in the app (never the words themselves). */
async function tellOrganizersOfReporterMessage(
  repos: Pick<Repositories, 'memberships' | 'conflicts' | 'jobs'>,
  deps: ThreadDeps,
  concern: Concern,
  messageId: string,
  at: string,
): Promise<void> {
  const { excludedUserIds } = await caseExclusions(repos, [concern]);
  const organizers = (
    await repos.memberships.userIdsWithRole(concern.communityId, 'organizer')
  ).filter((id) => !excludedUserIds.includes(id) && id !== concern.reporterUserId);
  for (const userId of organizers) {
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'reporter-answered',
        communityId: concern.communityId,
        to: { userId },
        link: `${deps.publicUrl}/c/${concern.communityId}/concerns/${concern.id}`,
        channels: [APP_CHANNEL],
        dedupeKey: `reporter-message:${messageId}:${userId}`,
      },
      at,
    );
  }
}
