// Helpers for call-in tests: notification intents (`notify` jobs) as the runner would read them, and a community
// with the four people of a call-in story.
import { NOTIFICATION_CONTEXT } from '../../src/contract/notifications.ts';
import { NOTIFY } from '../../src/contract/vocabulary.ts';
import type { TestApp } from './app.ts';
import type { Client } from './client.ts';
import { buildCommunity, buildConcern, buildMember } from './factories.ts';

export interface SentNotification {
  template: string;
  to: { userId?: string; email?: string };
  link: string;
  status: string;
  runAt: string;
  createdAt: string;
  dedupeKey: string | null;
}

/**
 * What staff hear about new concerns and board requests: left out unless asked for (they have
 * their own test, test/http/notices.test.ts).
 */
const organizerNews = ['new-concern', 'urgent-concern', 'new-concerns-digest', 'ally-request'];

export async function notifications(
  t: TestApp,
  options: { organizerNews?: boolean } = {},
): Promise<SentNotification[]> {
  const rows = await t.database.handle.db
    .selectFrom('jobs')
    .selectAll()
    .where('name', '=', NOTIFY)
    .orderBy('created_at')
    .execute();
  const all = rows.map((r) => {
    const payload = JSON.parse(r.payload) as { template: string; sealed: string };
    const sealed = t.ctx.cipher.decrypt<{ to: SentNotification['to']; link: string }>(
      payload.sealed,
      NOTIFICATION_CONTEXT,
    );
    return {
      template: payload.template,
      to: sealed.to,
      link: sealed.link,
      status: r.status,
      runAt: r.run_at,
      createdAt: r.created_at,
      dedupeKey: r.dedupe_key,
    };
  });
  return options.organizerNews ? all : all.filter((n) => !organizerNews.includes(n.template));
}

export const tokenOf = (link: string) => link.split('/').at(-1) ?? '';

export interface Cast {
  communityId: string;
  organizer: Client;
  ally: Client;
  reporter: Client;
  member: Client;
}

export async function buildCast(t: TestApp): Promise<Cast> {
  const community = await buildCommunity(t);
  return {
    communityId: community.id,
    organizer: await buildMember(t, community.id, 'organizer', 'Ada Organizer'),
    ally: await buildMember(t, community.id, 'ally', 'Alex Ally'),
    reporter: await buildMember(t, community.id, 'member', 'Rosa Reporter'),
    member: await buildMember(t, community.id, 'member', 'Sam Member'),
  };
}

export const callInAnswers = {
  categories: ['inconsiderate-language'],
  immediateDanger: false,
  intent: 'thoughtless',
  publicHarm: 'few',
};

/** Raise (as the reporter, about the member) and triage to a call-in. */
export async function raiseAndTriage(cast: Cast, overrides: Record<string, unknown> = {}) {
  const raised = await buildConcern(cast.reporter, cast.communityId, {
    about: { userId: cast.member.userId },
    ...overrides,
  });
  const r = await cast.organizer.post(
    `/api/communities/${cast.communityId}/concerns/${raised.id}/triage`,
    {
      answers: callInAnswers,
      decision: 'call-in',
      reason: 'A first thoughtless remark.',
    },
  );
  if (r.status !== 201) throw new Error(`triage failed: ${r.status} ${JSON.stringify(r.body)}`);
  return raised;
}
