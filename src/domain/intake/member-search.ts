// Picking whom a concern is about (flow step 1, "a member picked from the community"): a short
// search of the community's members by display name, for signed-in members raising a concern
// and for organizers linking a free-text subject later. What a plain member can learn through it
// is bounded: at least two letters must be typed, at most five people come back, each with their
// display name only (never an email, a role or anything about cases), and the route is rate
// limited. Names are read with the one normaliser (src/domain/conversation/protected-text.ts),
// so "milo", "MILO" and "@milo" all find "Milo Member".
import type { MemberMatch } from '../../contract/index.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { normaliseForMatching } from '../conversation/protected-text.ts';

/** The most people one search answers with. */
export const MEMBER_SEARCH_LIMIT = 5;
/** The fewest letters (after normalising) a search needs. */
export const MEMBER_SEARCH_MIN = 2;

/** Every word typed begins a word of the name (in any order). */
export function nameMatches(query: string, displayName: string): boolean {
  const wanted = normaliseForMatching(query).split(' ').filter(Boolean);
  if (wanted.join('').length < MEMBER_SEARCH_MIN) return false;
  const words = normaliseForMatching(displayName).split(' ').filter(Boolean);
  return wanted.every((w) => words.some((n) => n.startsWith(w)));
}

export async function searchMembers(
  repos: Pick<Repositories, 'memberships'>,
  actor: Actor,
  communityId: string,
  query: string,
): Promise<MemberMatch[]> {
  await authorize(repos, actor, 'members.search', { communityId });
  const members = await repos.memberships.list(communityId);
  const out: MemberMatch[] = [];
  for (const m of members) {
    if (!nameMatches(query, m.displayName)) continue;
    out.push({ userId: m.userId, displayName: m.displayName });
    if (out.length === MEMBER_SEARCH_LIMIT) break;
  }
  return out;
}
