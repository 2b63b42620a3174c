// In-app notices (flow step 8) and how an organizer hears about new concerns by email.
import { Type, type Static } from '@sinclair/typebox';
import { newConcernEmails, notificationTemplates } from '../vocabulary.ts';
import { Enum, IsoTime, Nullable, Uuid } from './primitives.ts';

export const NoticeQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);

/** One notice: what happened in one line, and the page it is about. Never case content. */
export const NoticeItem = Type.Object({
  id: Uuid,
  template: Enum(notificationTemplates),
  text: Type.String(),
  /** A path on this installation. */
  link: Type.String(),
  community: Type.Object({ id: Uuid, name: Type.String() }),
  createdAt: IsoTime,
  read: Type.Boolean(),
});
export type NoticeItem = Static<typeof NoticeItem>;

export const NoticeList = Type.Object({
  items: Type.Array(NoticeItem),
  /** Unread notices in every community one still belongs to. */
  unread: Type.Integer(),
  nextCursor: Nullable(Type.String()),
});
export type NoticeList = Static<typeof NoticeList>;

export const UnreadNotices = Type.Object({ unread: Type.Integer() });
export type UnreadNotices = Static<typeof UnreadNotices>;

export const MarkNoticesReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true })),
    all: Type.Optional(Type.Literal(true)),
  },
  {
    additionalProperties: false,
    description: 'Either the ids of notices to mark as read, or `all: true`.',
  },
);

export const NoticeSettings = Type.Object(
  {
    newConcerns: Enum(
      newConcernEmails,
      'immediate: an email for each new concern; daily: one email a day; off: no email (the notice in the app comes either way, and an urgent concern is always emailed at once).',
    ),
  },
  { additionalProperties: false },
);
export type NoticeSettings = Static<typeof NoticeSettings>;
