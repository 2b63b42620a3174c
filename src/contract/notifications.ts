// The notification intent as it waits in the job queue: written by the domain, read by the
// dispatcher and by each channel's delivery job, possibly by a newer version of the product
// (jobs outlive an upgrade). The recipient and the private link are sealed
// (cipher.encrypt(…, NOTIFICATION_CONTEXT)), so no address or link sits in clear in the jobs
// table; the template name says what happened, never the case content.
import { Type, type Static } from '@sinclair/typebox';
import {
  accountEmailTemplates,
  notificationTemplates,
  type NotificationReader,
  type NotificationTemplate,
} from './vocabulary.ts';

/** The encryption context of the sealed part of every notification. */
export const NOTIFICATION_CONTEXT = 'notification';

export const SealedNotification = Type.Object({
  to: Type.Union([
    Type.Object({ userId: Type.String({ minLength: 1 }) }),
    Type.Object({
      email: Type.String({ minLength: 3, maxLength: 254 }),
      name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    }),
  ]),
  link: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type SealedNotification = Static<typeof SealedNotification>;
export type Recipient = SealedNotification['to'];

/** The payload of `notify` (version 1): one intent, for every channel. */
export const NotifyPayload = Type.Object({
  template: Type.Union(notificationTemplates.map((t) => Type.Literal(t))),
  communityId: Type.String({ minLength: 1, maxLength: 100 }),
  sealed: Type.String({ minLength: 1, maxLength: 20_000 }),
  /** Only these channels (by name); every channel when absent. */
  channels: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]{0,30}$' }), { minItems: 1, maxItems: 10 }),
  ),
});
export type NotifyPayload = Static<typeof NotifyPayload>;

/**
 * The payload of `notify.<channel>` (version 1): the same intent, with the id of the `notify`
 * job it came from. Jobs queued before 2026-12-01 (`notify.email` only) have no intent id.
 */
export const ChannelDeliveryPayload = Type.Object({
  ...NotifyPayload.properties,
  intentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type ChannelDeliveryPayload = Static<typeof ChannelDeliveryPayload>;

/**
 * The page a notification's link opens. Each is a page its readers can open: the private
 * links (`consent-link`, `member-link`, `follow-link`) work without an account; the rest need
 * the reader signed in with the role the page asks for.
 */
export type NotificationPage =
  | 'consent-link'
  | 'member-link'
  | 'follow-link'
  | 'call-in'
  | 'offers'
  | 'care'
  | 'enforcements'
  | 'my-enforcement'
  | 'my-concerns'
  | 'my-concern'
  | 'concern'
  | 'inbox'
  | 'invitations'
  | 'home'
  | 'ally-board';

/**
 * Who each template is written for, and where its link leads. A template goes only to the
 * readers listed here; an event that reaches people in different roles (a stopped call-in: its
 * caller and the organizers) uses one template a reader, so every email speaks to the person
 * reading it. test/integrations/notification-words.test.ts renders each template for each of
 * its readers from this table and checks the words and the link fit.
 */
export const notificationAudience: Record<
  NotificationTemplate,
  { readers: readonly NotificationReader[]; opens: NotificationPage }
> = {
  'consent-request': { readers: ['harmed'], opens: 'consent-link' },
  'consent-withdrawn': { readers: ['caller'], opens: 'call-in' },
  'call-in-stopped': { readers: ['organizer'], opens: 'call-in' },
  'ally-offer': { readers: ['ally'], opens: 'offers' },
  'call-in-message': { readers: ['member'], opens: 'member-link' },
  'call-in-reply': { readers: ['caller'], opens: 'call-in' },
  'organizer-asked': { readers: ['organizer'], opens: 'call-in' },
  'follow-up-reminder': { readers: ['caller'], opens: 'call-in' },
  'reporter-update': { readers: ['reporter'], opens: 'my-concerns' },
  'check-in': { readers: ['organizer'], opens: 'care' },
  'enforcement-notice': { readers: ['member'], opens: 'my-enforcement' },
  'appeal-update': { readers: ['member'], opens: 'my-enforcement' },
  'appeal-received': { readers: ['organizer'], opens: 'enforcements' },
  // To the address a pending consent question was first sent to, once an organizer re-pointed it.
  'consent-request-withdrawn': { readers: ['harmed'], opens: 'home' },
  'consent-address-proposed': { readers: ['organizer'], opens: 'call-in' },
  'member-address-proposed': { readers: ['organizer'], opens: 'call-in' },
  'caller-released': { readers: ['organizer'], opens: 'call-in' },
  'appeal-needs-organizer': { readers: ['organizer'], opens: 'invitations' },
  // Every organizer is excluded from a concern: those who declared a conflict, and operators.
  'case-needs-organizer': { readers: ['organizer'], opens: 'invitations' },
  'case-needs-organizer-operator': { readers: ['operator'], opens: 'home' },
  'new-concern': { readers: ['organizer'], opens: 'concern' },
  'urgent-concern': { readers: ['organizer'], opens: 'concern' },
  'new-concerns-digest': { readers: ['organizer'], opens: 'inbox' },
  // Allies, and organizers with room, who could take the request.
  'ally-request': { readers: ['ally', 'organizer'], opens: 'ally-board' },
  'reporter-question': { readers: ['reporter'], opens: 'my-concern' },
  'reporter-answered': { readers: ['organizer'], opens: 'concern' },
  // To the address a reporter left on the follow link: it carries no link of its own.
  'follow-alert': { readers: ['reporter'], opens: 'home' },
};

/**
 * The templates written for operators: their notices show without a membership of the
 * community they are about, for as long as the reader is an operator.
 */
export const operatorTemplates: readonly NotificationTemplate[] = notificationTemplates.filter(
  (t) => notificationAudience[t].readers.includes('operator'),
);

/**
 * The payload of `account.email` (version 1): an email about one's own account (a reset link,
 * a new address to confirm, a change made). It goes by email only, to the address sealed in it
 * (a new address is not the account's yet), with the link sealed too.
 */
export const AccountEmailPayload = Type.Object({
  template: Type.Union(accountEmailTemplates.map((t) => Type.Literal(t))),
  sealed: Type.String({ minLength: 1, maxLength: 20_000 }),
});
export type AccountEmailPayload = Static<typeof AccountEmailPayload>;

export const SealedAccountEmail = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  name: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  /** Absent for an email that only tells (a password was changed). */
  link: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]),
});
export type SealedAccountEmail = Static<typeof SealedAccountEmail>;

/** The encryption context of the sealed part of an account email. */
export const ACCOUNT_EMAIL_CONTEXT = 'account-email';
