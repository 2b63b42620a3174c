// Telling people that something needs them. Notifications are jobs (`notify.email`) scheduled in
// the same transaction as the change; src/jobs and src/integrations/email send them. The
// recipient and the private link are sealed; an email never carries the narrative, only the
// template name and the link.
import type { JobsRepository } from '../../db/repositories/jobs.repository.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { scheduleJob } from './jobs.ts';

import type { NotificationTemplate } from '../../contract/vocabulary.ts';
export { notificationTemplates } from '../../contract/vocabulary.ts';
export type { NotificationTemplate };

export type Recipient = { userId: string } | { email: string; name?: string };

export interface SealedNotification {
  to: Recipient;
  link: string;
}

export const NOTIFICATION_CONTEXT = 'notification';

export interface Notification {
  template: NotificationTemplate;
  communityId: string;
  to: Recipient;
  link: string;
  /**
   * At most one job per key. Everything sent to the member about a call-in uses the prefix
   * `callin:<callInId>:` so a withdrawal of consent can cancel all of it at once.
   */
  dedupeKey: string;
  runAt?: string;
}

export async function queueNotification(
  jobs: Pick<JobsRepository, 'insert'>,
  cipher: Cipher,
  n: Notification,
  at: string,
): Promise<string | null> {
  const sealed = cipher.encrypt(
    { to: n.to, link: n.link } satisfies SealedNotification,
    NOTIFICATION_CONTEXT,
  );
  return scheduleJob(
    jobs as JobsRepository,
    {
      name: 'notify.email',
      payload: { template: n.template, communityId: n.communityId, sealed },
      runAt: n.runAt ?? at,
      dedupeKey: n.dedupeKey,
    },
    at,
  );
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
