// "Email me when something changes" (issue 10, build item 4): on their follow link a reporter may
// leave an address only to hear that something changed. It is identity-free: kept encrypted
// beside the concern, never linked to anyone's account, never shown to organizers nor put in an
// export, removable from the same page. The email carries no case content and no link (the
// follow link is a secret only the reporter holds): it says to open the link they were given.
// At most one such email every FOLLOW_ALERT_HOURS per concern.
import type { FollowAlertState } from '../../contract/index.ts';
import type { Concern } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { recordAudit } from '../audit/audit-record.ts';
import type { Clock } from '../common/clock.ts';
import { newId } from '../common/tokens.ts';
import { queueNotification } from '../notifications/notifications.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { AppError } from '../../config/errors.ts';
import { findByFollowToken } from './concerns.ts';

/** The least time between two "something changed" emails about one concern. */
export const FOLLOW_ALERT_HOURS = 6;

export function followAlertContext(c: Pick<Concern, 'id' | 'communityId'>): string {
  return `follow-alert:${c.communityId}:${c.id}`;
}

/** The dedupe-key prefix of every alert about one concern (cancelled when the address goes). */
export function followAlertKeyPrefix(concernId: string): string {
  return `follow-alert:${concernId}:`;
}

/** Tells the address left on the follow link, if any, that something changed (bounded). */
export async function alertFollower(
  repos: Pick<Repositories, 'reporter' | 'jobs'>,
  deps: { cipher: Cipher; publicUrl: string },
  concern: Pick<Concern, 'id' | 'communityId'>,
  at: string,
): Promise<void> {
  const alert = await repos.reporter.findAlert(concern.id);
  if (!alert) return;
  if (
    alert.lastSentAt &&
    Date.parse(at) - Date.parse(alert.lastSentAt) < FOLLOW_ALERT_HOURS * 3_600_000
  )
    return;
  const email = deps.cipher.decrypt<string>(alert.address, followAlertContext(concern));
  await queueNotification(
    repos.jobs,
    deps.cipher,
    {
      template: 'follow-alert',
      communityId: concern.communityId,
      to: { email, name: null },
      // Not the follow link: only its holder has it. The email says to open it.
      link: `${deps.publicUrl}/`,
      channels: ['email'],
      dedupeKey: `${followAlertKeyPrefix(concern.id)}${newId()}`,
    },
    at,
  );
  await repos.reporter.markAlertSent(concern.id, at);
}

async function followed(repos: Pick<Repositories, 'concerns'>, token: string): Promise<Concern> {
  const c = await findByFollowToken(repos.concerns, token);
  if (!c) throw new AppError('not_found');
  return c;
}

export async function setFollowAlert(
  tx: Tx<'concerns' | 'reporter' | 'audit'>,
  deps: { clock: Clock; cipher: Cipher },
  token: string,
  email: string,
): Promise<FollowAlertState> {
  return tx(async (repos) => {
    const c = await followed(repos, token);
    const at = deps.clock.now().toISOString();
    await repos.reporter.upsertAlert({
      concernId: c.id,
      communityId: c.communityId,
      address: deps.cipher.encrypt(email.trim(), followAlertContext(c)),
      createdAt: at,
      lastSentAt: null,
    });
    await recordAudit(
      repos.audit,
      { kind: 'public' },
      {
        communityId: c.communityId,
        action: 'concern.follow-alert',
        targetType: 'concern',
        targetId: c.id,
        channel: 'follow-link',
      },
      at,
    );
    return { alert: true };
  });
}

export async function removeFollowAlert(
  tx: Tx<'concerns' | 'reporter' | 'audit' | 'jobs'>,
  deps: { clock: Clock },
  token: string,
): Promise<FollowAlertState> {
  return tx(async (repos) => {
    const c = await followed(repos, token);
    const at = deps.clock.now().toISOString();
    if (await repos.reporter.findAlert(c.id)) {
      await repos.reporter.deleteAlert(c.id);
      // Nothing more goes to the address, not even an email already waiting.
      await repos.jobs.cancelPendingByKeyPrefix(followAlertKeyPrefix(c.id), at);
      await recordAudit(
        repos.audit,
        { kind: 'public' },
        {
          communityId: c.communityId,
          action: 'concern.follow-alert',
          targetType: 'concern',
          targetId: c.id,
          channel: 'follow-link',
        },
        at,
      );
    }
    return { alert: false };
  });
}
