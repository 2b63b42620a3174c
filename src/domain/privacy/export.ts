// A person's copy of their own data (GET /api/me/export): their account, memberships, the
// concerns they raised under their name with their own words, their tokens' names and their
// care records. Never anyone else's data: names of other people in their concerns are left out.
//
// The copy is written as it is read: the concerns come a page at a time and each is decrypted,
// written out and let go, so an account with hundreds of long concerns (or many people asking
// at once) costs a page of memory per export, not the whole copy. The person is checked before
// anything is written; the route (src/http/routes/privacy.routes.ts) writes the JSON.
import type { MyData } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { requirePerson } from '../access/policy.ts';
import { contentContext, type ConcernContent } from '../intake/concerns.ts';
import type { Cipher } from './crypto.ts';

/** Concerns read and written per page. */
const PAGE = 25;

type ExportRepos = Pick<Repositories, 'users' | 'privacy'>;

/** A person's copy in three parts, so it can be written as it is read. */
export interface MyDataExport {
  head: Pick<MyData, 'exportedAt' | 'account' | 'memberships'>;
  /** The concerns raised under one's name, oldest first, read a page at a time. */
  concerns: () => AsyncGenerator<MyData['concernsRaised'][number]>;
  tail: () => Promise<Pick<MyData, 'apiTokens' | 'care'>>;
}

/**
 * Checks who is asking, then hands back the copy in parts, in the order of `MyData`'s keys.
 * Throws (before anything is written) when the person is not signed in or is gone.
 */
export async function openMyDataExport(
  repos: ExportRepos,
  cipher: Cipher,
  actor: Actor,
  exportedAt: string,
): Promise<MyDataExport> {
  requirePerson(actor);
  const user = await repos.users.findById(actor.userId);
  if (!user || user.erasedAt !== null) throw new AppError('sign_in_required');
  const memberships = await repos.privacy.membershipsOf(user.id);
  return {
    head: {
      exportedAt,
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        isOperator: user.isOperator,
        createdAt: user.createdAt,
      },
      memberships: memberships.map((m) => ({
        communityId: m.id,
        community: m.name,
        role: m.role,
        joinedAt: m.createdAt,
      })),
    },
    concerns: () => concernsOf(repos, cipher, user.id),
    tail: () => tailOf(repos, user.id),
  };
}

async function* concernsOf(
  repos: ExportRepos,
  cipher: Cipher,
  userId: string,
): AsyncGenerator<MyData['concernsRaised'][number]> {
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const page: Concern[] = await repos.privacy.concernsRaisedByPage(userId, after, PAGE);
    for (const c of page) yield concernCopy(cipher, c);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

async function tailOf(
  repos: ExportRepos,
  userId: string,
): Promise<Pick<MyData, 'apiTokens' | 'care'>> {
  const [tokens, [careProfiles, careLogs]] = await Promise.all([
    repos.privacy.tokensOf(userId),
    repos.privacy.careOf(userId),
  ]);
  return {
    apiTokens: tokens.map((t) => ({
      name: t.name,
      communityId: t.communityId,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    })),
    care: {
      profiles: careProfiles.map((p) => ({
        communityId: p.communityId,
        capacity: p.capacity,
        paused: p.paused,
        languages: p.languages,
        updatedAt: p.updatedAt,
      })),
      logs: careLogs.map((l) => ({
        communityId: l.communityId,
        minutes: l.minutes,
        drain: l.drain,
        createdAt: l.createdAt,
      })),
    },
  };
}

function concernCopy(cipher: Cipher, c: Concern): MyData['concernsRaised'][number] {
  const content = cipher.decrypt<ConcernContent>(c.content, contentContext(c));
  return {
    id: c.id,
    communityId: c.communityId,
    status: c.status,
    wants: c.wants,
    createdAt: c.createdAt,
    what: content.what,
    quotes: content.quotes,
    links: content.links,
    impact: content.impact,
    contact: content.contact,
  };
}

/** The whole copy as one value (for tests and the CLI; the route writes it as it reads). */
export async function exportMyData(
  repos: ExportRepos,
  cipher: Cipher,
  actor: Actor,
  exportedAt: string,
): Promise<MyData> {
  const parts = await openMyDataExport(repos, cipher, actor, exportedAt);
  const concernsRaised: MyData['concernsRaised'] = [];
  for await (const c of parts.concerns()) concernsRaised.push(c);
  return { ...parts.head, concernsRaised, ...(await parts.tail()) };
}
