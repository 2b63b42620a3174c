// What staff hear about (flow step 8). Organizers hear about a new concern: an urgent one at
// once on every channel; any other as each organizer chose — an email for each, one email a
// day, or only the notice in the app, which comes either way. Allies hear about a request on the
// ally board that fits them (they have room, and speak its language when it names one). The
// person a case is about and its reporter are never told by these.
import { APP_CHANNEL } from '../../contract/vocabulary.ts';
import type { Repositories } from '../../db/store.ts';
import { availability } from '../care/capacity.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { DEFAULT_NEW_CONCERNS } from './notices.ts';
import { queueNotification } from './notifications.ts';

/** The daily email about new concerns goes out at this hour (UTC). */
export const DIGEST_HOUR_UTC = 8;

/** The next digest time strictly after `at`. */
export function nextDigest(at: string): string {
  const d = new Date(at);
  const next = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), DIGEST_HOUR_UTC),
  );
  if (next.getTime() <= d.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export async function tellOrganizersOfNewConcern(
  repos: Pick<Repositories, 'memberships' | 'notices' | 'jobs'>,
  cipher: Cipher,
  concern: { id: string; communityId: string; urgent: boolean },
  /** People not to tell: the person it is about, the reporter, anyone excluded from it. */
  skip: readonly (string | null)[],
  at: string,
): Promise<void> {
  const organizers = (
    await repos.memberships.userIdsWithRole(concern.communityId, 'organizer')
  ).filter((id) => !skip.includes(id));
  if (organizers.length === 0) return;
  const choices = await repos.notices.settingsFor(concern.communityId, organizers);
  const link = `/c/${concern.communityId}/concerns/${concern.id}`;
  for (const userId of organizers) {
    const base = {
      communityId: concern.communityId,
      to: { userId },
      link,
      dedupeKey: `concern:${concern.id}:organizer:${userId}`,
    };
    if (concern.urgent) {
      await queueNotification(repos.jobs, cipher, { ...base, template: 'urgent-concern' }, at);
      continue;
    }
    const choice = choices.get(userId) ?? DEFAULT_NEW_CONCERNS;
    await queueNotification(
      repos.jobs,
      cipher,
      {
        ...base,
        template: 'new-concern',
        ...(choice === 'immediate' ? {} : { channels: [APP_CHANNEL] }),
      },
      at,
    );
    if (choice === 'daily') {
      const runAt = nextDigest(at);
      await queueNotification(
        repos.jobs,
        cipher,
        {
          communityId: concern.communityId,
          to: { userId },
          link: `/c/${concern.communityId}/inbox`,
          template: 'new-concerns-digest',
          channels: ['email'],
          runAt,
          // One a day: later concerns that day find this one already waiting.
          dedupeKey: `digest:${concern.communityId}:${userId}:${runAt.slice(0, 10)}`,
        },
        at,
      );
    }
  }
}

/** Allies (and organizers) with room hear that a request for an ally is on the board. */
export async function tellAlliesOfRequest(
  repos: Pick<Repositories, 'memberships' | 'jobs' | 'care' | 'callIns'>,
  cipher: Cipher,
  concern: { id: string; communityId: string; language: string | null },
  skip: readonly (string | null)[],
  at: string,
): Promise<void> {
  const staff = [
    ...(await repos.memberships.userIdsWithRole(concern.communityId, 'ally')),
    ...(await repos.memberships.userIdsWithRole(concern.communityId, 'organizer')),
  ].filter((id) => !skip.includes(id));
  for (const userId of staff) {
    const a = await availability(repos, concern.communityId, userId);
    if (!a.available) continue;
    const languages = a.settings.languages;
    if (concern.language && languages.length > 0 && !languages.includes(concern.language)) continue;
    await queueNotification(
      repos.jobs,
      cipher,
      {
        template: 'ally-request',
        communityId: concern.communityId,
        to: { userId },
        link: `/c/${concern.communityId}/ally-board`,
        // Once per person and request, however often the decision changes.
        dedupeKey: `board:${concern.id}:${userId}`,
      },
      at,
    );
  }
}
