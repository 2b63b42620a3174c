// Lists that say who and what: a call-in's caller and member by name, the concern's one-line
// subject, and when its follow-up is due. Only for those who may already read the call-in (its
// caller, the organizers); never part of anything the member sees.
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import { readSubject } from '../intake/concerns.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { readConcernContent } from './call-in-state.ts';

const DAY = 86_400_000;

export interface CallInNames {
  callerName: string | null;
  memberName: string | null;
  subject: string | null;
}

/** The member's name: their account's display name, else the name the concern gives. */
function memberNameOf(cipher: Cipher, concern: Concern, names: Map<string, string | null>) {
  if (concern.subjectUserId) return names.get(concern.subjectUserId) ?? null;
  return readConcernContent(cipher, concern).aboutName;
}

/** Names and subjects for these call-ins of one community, each person looked up once. */
export async function namesOf(
  repos: Pick<Repositories, 'users' | 'concerns'>,
  cipher: Cipher,
  communityId: string,
  callIns: readonly CallIn[],
): Promise<Map<string, CallInNames>> {
  const concerns = new Map<string, Concern | undefined>();
  for (const id of new Set(callIns.map((c) => c.concernId)))
    concerns.set(id, await repos.concerns.find(communityId, id));
  const people = new Set<string>();
  for (const c of callIns) if (c.callerUserId) people.add(c.callerUserId);
  for (const c of concerns.values()) if (c?.subjectUserId) people.add(c.subjectUserId);
  const names = new Map<string, string | null>();
  for (const id of people) names.set(id, (await repos.users.findById(id))?.displayName ?? null);
  return new Map(
    callIns.map((c) => {
      const concern = concerns.get(c.concernId);
      return [
        c.id,
        {
          callerName: c.callerUserId ? (names.get(c.callerUserId) ?? null) : null,
          memberName: concern ? memberNameOf(cipher, concern, names) : null,
          subject: concern ? readSubject(cipher, concern) : null,
        },
      ] as const;
    }),
  );
}

/**
 * When the caller's follow-up reminder is due: once an outcome is recorded (not one taken to
 * enforcement), the community's follow-up days after it, as the reminder was scheduled.
 */
export function followUpDue(
  c: Pick<CallIn, 'status' | 'outcomes' | 'outcomeAt' | 'callerUserId'>,
  followUpDays: number,
): string | null {
  if (c.status !== 'outcome-recorded' || !c.outcomeAt || !c.callerUserId) return null;
  if (c.outcomes.includes('escalated')) return null;
  return new Date(Date.parse(c.outcomeAt) + followUpDays * DAY).toISOString();
}

/** The community's follow-up days (the setting the reminder is scheduled with). */
export async function followUpDaysOf(
  repos: Pick<Repositories, 'communities'>,
  communityId: string,
): Promise<number> {
  const community = await repos.communities.findById(communityId);
  return parseSettings(community?.settings ?? {}).followUpDays;
}
