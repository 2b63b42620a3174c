// Telling people that something needs them. The domain schedules one channel-agnostic intent
// (the `notify` job) in the same transaction as the change; src/jobs hands it to every
// notification channel the integrations register (email now; in-app, Slack and Discord later),
// and each decides whether it can reach the person. The recipient and the private link are
// sealed; no channel ever carries the narrative, only the template name and the link.
import type { JobsRepository } from '../../db/repositories/jobs.repository.ts';
import {
  NOTIFICATION_CONTEXT,
  type NotifyPayload,
  type Recipient,
  type SealedNotification,
} from '../../contract/notifications.ts';
import { NOTIFY, type NotificationTemplate } from '../../contract/vocabulary.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { scheduleJob } from './jobs.ts';

export { notificationTemplates } from '../../contract/vocabulary.ts';
export type { NotificationTemplate, Recipient };

export interface Notification {
  template: NotificationTemplate;
  communityId: string;
  to: Recipient;
  link: string;
  /**
   * At most one job per key. Everything sent to the member about a call-in uses the prefix
   * `callin:<callInId>:` so a withdrawal of consent can cancel all of it at once, on every
   * channel (each channel's delivery job is keyed `<dedupeKey>@<channel>`).
   */
  dedupeKey: string;
  runAt?: string;
  /** Only these channels (an organizer who reads new concerns in a daily email). */
  channels?: string[];
}

export async function queueNotification(
  jobs: Pick<JobsRepository, 'insert'>,
  cipher: Cipher,
  n: Notification,
  at: string,
): Promise<string | null> {
  const payload: NotifyPayload = {
    template: n.template,
    communityId: n.communityId,
    sealed: sealNotification(cipher, { to: n.to, link: n.link }),
    ...(n.channels ? { channels: n.channels } : {}),
  };
  return scheduleJob(
    jobs as JobsRepository,
    {
      name: NOTIFY,
      payload,
      runAt: n.runAt ?? at,
      dedupeKey: n.dedupeKey,
    },
    at,
  );
}

/**
 * The dedupe key of one intent's delivery on one channel: it starts with the intent's own key,
 * so cancelling by a prefix (a withdrawal of consent) reaches every channel too. An intent
 * without a key is keyed by its job id.
 */
export function channelDedupeKey(
  intent: { id: string; dedupeKey: string | null },
  channel: string,
): string {
  return `${intent.dedupeKey ?? `notify:${intent.id}`}@${channel}`;
}

/** Seals the recipient and the link of a notification. */
export function sealNotification(cipher: Cipher, value: SealedNotification): string {
  return cipher.encrypt(value, NOTIFICATION_CONTEXT);
}

/**
 * The dedupe-key prefix of every follow-up reminder of one call-in (to its caller). Keys are
 * `followup:<id>:<random id>`; reminders queued before 2026-11-30 are `followup:<id>`, which
 * the prefix matches too (ids are all the same length).
 */
export function followUpKeyPrefix(callInId: string): string {
  return `followup:${callInId}`;
}

/** The dedupe-key prefix of everything sent to the member about one call-in. */
export function memberKeyPrefix(callInId: string): string {
  return `callin:${callInId}:`;
}

// ---- channels --------------------------------------------------------------------------------

/** One intent as a channel receives it: opened, with the person and the community looked up. */
export interface NotificationToDeliver {
  template: NotificationTemplate;
  community: { id: string; name: string };
  /** Who to tell: an account (its id, address and name) or an address given directly. */
  recipient: { userId: string | null; email: string | null; name: string | null };
  /** The private link, as an absolute http(s) address on PUBLIC_URL. */
  link: string;
  /** Stable for this intent on this channel, so a repeated attempt is recognisable. */
  deliveryId: string;
}

/**
 * `sent`: it reached the person on this channel. `unreachable`: this channel has no way to
 * reach them (no address, no linked chat account). `off`: the channel is not configured.
 * Only `sent` may ever be reported to anyone as sent.
 */
export type DeliveryResult = 'sent' | 'unreachable' | 'off';

/** A way of telling people, added by an integration. */
export interface NotificationChannel {
  /** Lower-case, one word; its delivery job is `notify.<name>`. */
  name: string;
  /** Throws to be tried again later; a thrown PermanentJobError is not retried. */
  deliver(notification: NotificationToDeliver): Promise<DeliveryResult>;
}
