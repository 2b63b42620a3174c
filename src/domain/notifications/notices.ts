// In-app notices (flow step 8): the `app` channel writes one for every notification that goes
// to someone with an account, and the person reads them on /me/notifications, with an unread
// count in the header. A notice says what happened in one line and links to the page; like an
// email, it never carries case content. The link is sealed, since a private link is a secret.
import type { NewConcernEmail, NotificationTemplate } from '../../contract/vocabulary.ts';
import type { NoticeItem, NoticeList, NoticeSettings } from '../../contract/schemas/notices.ts';
import type { Repositories } from '../../db/store.ts';
import { AppError } from '../../config/errors.ts';
import { newId } from '../common/tokens.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, requirePerson } from '../access/policy.ts';
import type { Cipher } from '../privacy/crypto.ts';
import type { NotificationChannel } from './notifications.ts';

/** One line per template, written for the person it goes to; `{community}` is replaced. */
export const noticeText: Record<NotificationTemplate, string> = {
  'consent-request': 'You have a private question from {community}, waiting for your answer.',
  'consent-withdrawn':
    'A call-in you were preparing at {community} has stopped: please send nothing more about it.',
  'call-in-stopped': 'A call-in at {community} has stopped: the harmed person withdrew consent.',
  'organizer-asked': 'The member in a call-in at {community} asked to talk with an organizer.',
  'appeal-received': 'Someone at {community} asked for a decision to be looked at again.',
  'ally-offer': 'An organizer at {community} asked whether you would hold a call-in.',
  'call-in-message': 'Someone at {community} wrote to you privately.',
  'call-in-reply': 'There is a new reply in a private conversation at {community}.',
  'follow-up-reminder': 'It is time to follow up on a conversation you held at {community}.',
  'reporter-update': 'There is an update on something you raised at {community}.',
  'check-in': 'Someone doing the work at {community} logged a draining conversation: check in.',
  'enforcement-notice': 'The organizers of {community} wrote to you about a decision.',
  'appeal-update': 'There is an update on the review you asked for at {community}.',
  'consent-request-withdrawn':
    'A private question {community} sent you earlier is no longer waiting for your answer.',
  'consent-address-proposed':
    'Someone calling in at {community} suggested where to ask for consent: please check it.',
  'member-address-proposed':
    'Someone calling in at {community} suggested an email address for the person they are calling in: please check it.',
  'caller-released':
    'A call-in at {community} needs someone new: its caller no longer has a role to hold it.',
  'appeal-needs-organizer':
    'An appeal at {community} needs a second organizer to decide it: please invite one.',
  'case-needs-organizer':
    'A concern at {community} has no organizer who can handle it: please invite an independent one.',
  'case-needs-organizer-operator':
    'A concern in {community} has no organizer who can handle it; invite an independent organizer.',
  'new-concern': 'A new concern was raised at {community}.',
  'urgent-concern': 'An urgent concern was raised at {community}: someone may be in danger.',
  'new-concerns-digest': 'New concerns were raised at {community} today.',
  'ally-request': 'Someone at {community} is looking for an ally, and you have room.',
  'reporter-question': 'The organizers at {community} have a question about something you raised.',
  'reporter-answered': 'The person who raised a concern at {community} wrote something new on it.',
  'follow-alert': 'Something changed on a concern you raised at {community}.',
};

const context = (id: string) => `notice:${id}`;

/** The notification channel every account has. */
export function appChannel(deps: {
  repos: Pick<Repositories, 'notices'>;
  cipher: Cipher;
  clock: { now(): Date };
  publicUrl: string;
}): NotificationChannel {
  const origin = new URL(deps.publicUrl).origin;
  return {
    name: 'app',
    async deliver(n) {
      if (!n.recipient.userId) return 'unreachable';
      const url = new URL(n.link);
      // Only a page of this installation is kept, as a path.
      if (url.origin !== origin) return 'unreachable';
      const id = newId();
      await deps.repos.notices.insertOnce({
        id,
        userId: n.recipient.userId,
        communityId: n.community.id,
        template: n.template,
        // One leading slash: `//host` would be another site to a browser.
        link: deps.cipher.encrypt(
          url.pathname.replace(/^\/+/, '/') + url.search + url.hash,
          context(id),
        ),
        deliveryId: n.deliveryId,
        createdAt: deps.clock.now().toISOString(),
        readAt: null,
      });
      return 'sent';
    },
  };
}

const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/;

export async function listNotices(
  repos: Pick<Repositories, 'notices' | 'communities'>,
  cipher: Cipher,
  actor: Actor,
  query: { limit?: number; cursor?: string },
): Promise<NoticeList> {
  requirePerson(actor);
  const me = actor;
  const limit = query.limit ?? 25;
  let before: { createdAt: string; id: string } | undefined;
  if (query.cursor !== undefined) {
    const m = CURSOR.exec(query.cursor);
    if (!m) {
      throw new AppError('validation_failed', [
        { field: 'cursor', rule: 'invalid', message: 'This is not a page of your notifications.' },
      ]);
    }
    before = { createdAt: m[1]!, id: m[2]! };
  }
  const rows = await repos.notices.listForUser(me.userId, limit + 1, before);
  const page = rows.slice(0, limit);
  const names = new Map<string, string>();
  const items: NoticeItem[] = [];
  for (const n of page) {
    if (!names.has(n.communityId)) {
      names.set(n.communityId, (await repos.communities.findById(n.communityId))?.name ?? '');
    }
    const community = names.get(n.communityId) ?? '';
    items.push({
      id: n.id,
      template: n.template,
      text: noticeText[n.template].replaceAll('{community}', community),
      link: cipher.decrypt<string>(n.link, context(n.id)),
      community: { id: n.communityId, name: community },
      createdAt: n.createdAt,
      read: n.readAt !== null,
    });
  }
  const last = page.at(-1);
  return {
    items,
    unread: await repos.notices.countUnread(me.userId),
    nextCursor: rows.length > limit && last ? `${last.createdAt}|${last.id}` : null,
  };
}

export async function unreadNotices(
  repos: Pick<Repositories, 'notices'>,
  actor: Actor,
): Promise<{ unread: number }> {
  requirePerson(actor);
  const me = actor;
  return { unread: await repos.notices.countUnread(me.userId) };
}

/** Marks some of one's own notices read (others' ids change nothing), or all of them. */
export async function markNoticesRead(
  repos: Pick<Repositories, 'notices'>,
  actor: Actor,
  input: { ids?: string[]; all?: boolean },
  at: string,
): Promise<{ unread: number }> {
  requirePerson(actor);
  const me = actor;
  if ((input.ids === undefined) === (input.all !== true)) {
    throw new AppError('validation_failed', [
      {
        field: 'ids',
        rule: 'invalid',
        message: 'Name the notifications to mark as read, or ask for all of them.',
      },
    ]);
  }
  await repos.notices.markRead(me.userId, at, input.all ? undefined : input.ids);
  return { unread: await repos.notices.countUnread(me.userId) };
}

/** How this organizer hears about new concerns here by email. */
export async function readNoticeSettings(
  repos: Pick<Repositories, 'notices' | 'memberships'>,
  actor: Actor,
  communityId: string,
): Promise<NoticeSettings> {
  requirePerson(actor);
  await authorize(repos, actor, 'concern.list', { communityId });
  const s = await repos.notices.findSetting(actor.userId, communityId);
  return { newConcerns: s?.newConcerns ?? DEFAULT_NEW_CONCERNS };
}

export async function saveNoticeSettings(
  repos: Pick<Repositories, 'notices' | 'memberships'>,
  actor: Actor,
  communityId: string,
  input: NoticeSettings,
  at: string,
): Promise<NoticeSettings> {
  requirePerson(actor);
  await authorize(repos, actor, 'concern.list', { communityId });
  await repos.notices.saveSetting({
    userId: actor.userId,
    communityId,
    newConcerns: input.newConcerns,
    updatedAt: at,
  });
  return { newConcerns: input.newConcerns };
}

/** Without a choice, an organizer hears about each new concern at once. */
export const DEFAULT_NEW_CONCERNS: NewConcernEmail = 'immediate';
