// Telling people, in two steps.
//
// `notify` is the one job the domain schedules: a channel-agnostic intent. Its dispatcher
// schedules one `notify.<channel>` job per registered channel, all in one transaction and each
// keyed `<intent's key>@<channel>`, so a retried dispatch adds nothing and cancelling by the
// intent's prefix (a withdrawal of consent) reaches every channel. Each channel then succeeds,
// retries or fails on its own: a retry never sends again on a channel that already sent.
//
// `notify.<channel>` opens the sealed recipient and link, looks the person and the community up,
// and hands the channel the intent. Right before the channel sends, it checks that neither this
// job nor its intent was cancelled meanwhile (a cancellation that lands while the dispatcher is
// still scheduling leaves the intent cancelled, and its channel jobs see that).
import { Value } from '@sinclair/typebox/value';
import {
  ChannelDeliveryPayload,
  NOTIFICATION_CONTEXT,
  NotifyPayload,
  SealedNotification,
} from '../../contract/notifications.ts';
import { channelJobName, NOTIFY } from '../../contract/vocabulary.ts';
import type { Repositories, Store } from '../../db/store.ts';
import type { Clock } from '../../domain/common/clock.ts';
import type { Cipher } from '../../domain/privacy/crypto.ts';
import { scheduleJob } from '../../domain/notifications/jobs.ts';
import {
  channelDedupeKey,
  type NotificationChannel,
  type NotificationToDeliver,
} from '../../domain/notifications/notifications.ts';
import { defineJob, PermanentJobError, type JobDefinition, type JobRun } from '../definition.ts';

/** A relative link becomes an address on PUBLIC_URL; only http(s) links are sent. */
export function absoluteLink(link: string, publicUrl: string): string {
  const url = new URL(link, `${publicUrl}/`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PermanentJobError('The link in this notification is not an http(s) address.');
  return url.toString();
}

export function notifyJob(deps: {
  store: Pick<Store, 'transaction'>;
  clock: Clock;
  channels: readonly NotificationChannel[];
}) {
  return defineJob({
    name: NOTIFY,
    version: 1,
    payload: NotifyPayload,
    maxAttempts: 8,
    async handle(payload, run) {
      if (!(await run.stillWanted())) {
        run.logger.info({ jobId: run.job.id }, 'notification not dispatched: it was cancelled');
        return;
      }
      if (deps.channels.length === 0)
        run.logger.warn({ jobId: run.job.id }, 'no notification channel is registered');
      const at = deps.clock.now().toISOString();
      const intent = { id: run.job.id, dedupeKey: run.job.dedupe_key };
      const wanted = payload.channels;
      const channels = wanted
        ? deps.channels.filter((c) => wanted.includes(c.name))
        : deps.channels;
      const scheduled = await deps.store.transaction(async (repos) => {
        let n = 0;
        for (const channel of channels) {
          const id = await scheduleJob(
            repos.jobs,
            {
              name: channelJobName(channel.name),
              payload: { ...payload, intentId: run.job.id },
              runAt: at,
              dedupeKey: channelDedupeKey(intent, channel.name),
              maxAttempts: 8,
            },
            at,
          );
          if (id) n++;
        }
        return n;
      });
      run.logger.info(
        {
          jobId: run.job.id,
          template: payload.template,
          channels: channels.length,
          scheduled,
        },
        'notification dispatched',
      );
    },
  });
}

async function cancelled(
  jobs: Pick<Repositories['jobs'], 'find'>,
  intentId: string | undefined,
  run: JobRun,
): Promise<boolean> {
  if (!(await run.stillWanted())) return true;
  if (!intentId) return false;
  return (await jobs.find(intentId))?.status === 'cancelled';
}

export function channelDeliveryJob(
  channel: NotificationChannel,
  deps: {
    repos: Pick<Repositories, 'users' | 'communities' | 'jobs'>;
    cipher: Cipher;
    publicUrl: string;
  },
): JobDefinition<typeof ChannelDeliveryPayload> {
  return defineJob({
    name: channelJobName(channel.name),
    version: 1,
    payload: ChannelDeliveryPayload,
    maxAttempts: 8,
    async handle(payload, run) {
      const log = { jobId: run.job.id, template: payload.template, channel: channel.name };
      let sealed: unknown;
      try {
        sealed = deps.cipher.decrypt<unknown>(payload.sealed, NOTIFICATION_CONTEXT);
      } catch {
        throw new PermanentJobError('The sealed part of this notification cannot be opened.');
      }
      if (!Value.Check(SealedNotification, sealed))
        throw new PermanentJobError(
          'The sealed part of this notification is not in the expected shape.',
        );
      let recipient: NotificationToDeliver['recipient'];
      if ('userId' in sealed.to) {
        const user = await deps.repos.users.findById(sealed.to.userId);
        if (!user || user.erasedAt !== null) {
          run.logger.info(log, 'notification skipped: the person is no longer here');
          return;
        }
        recipient = { userId: user.id, email: user.email, name: user.displayName };
      } else {
        recipient = { userId: null, email: sealed.to.email, name: sealed.to.name ?? null };
      }
      const community = await deps.repos.communities.findById(payload.communityId);
      if (!community) {
        run.logger.info(log, 'notification skipped: the community is gone');
        return;
      }
      const notification: NotificationToDeliver = {
        template: payload.template,
        community: { id: community.id, name: community.name },
        recipient,
        link: absoluteLink(sealed.link, deps.publicUrl),
        deliveryId: run.job.id,
      };
      // The last moment to notice a withdrawal of consent or another cancellation.
      if (await cancelled(deps.repos.jobs, payload.intentId, run)) {
        run.logger.info(log, 'notification not sent: it was cancelled');
        return;
      }
      const result = await channel.deliver(notification);
      run.logger.info({ ...log, result, sent: result === 'sent' }, 'notification handled');
    },
  });
}
