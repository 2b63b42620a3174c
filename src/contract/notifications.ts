// The notification intent as it waits in the job queue: written by the domain, read by the
// dispatcher and by each channel's delivery job, possibly by a newer version of the product
// (jobs outlive an upgrade). The recipient and the private link are sealed
// (cipher.encrypt(…, NOTIFICATION_CONTEXT)), so no address or link sits in clear in the jobs
// table; the template name says what happened, never the case content.
import { Type, type Static } from '@sinclair/typebox';
import { notificationTemplates } from './vocabulary.ts';

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
