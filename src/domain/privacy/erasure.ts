// Rule 7: erasing a person removes their personal data and keeps only anonymous counts. Their
// account becomes a tombstone (no email, no name, no password), their sessions, tokens,
// memberships and care records go, the words they wrote in cases are removed, and their name
// and email are replaced wherever case content mentions them. Cases themselves stay (the
// organizers' record and the counts do not depend on who raised them). One audit entry.
import { AppError } from '../../config/errors.ts';
import { NOTIFICATION_CONTEXT } from '../../contract/notifications.ts';
import { channelJobPrefix, NOTIFY } from '../../contract/vocabulary.ts';
import type { EncryptedCell, TableName } from '../../db/repositories/privacy.repository.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { normalizeEmail } from '../accounts/accounts.ts';
import type { Actor } from '../access/actor.ts';
import { requirePerson } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import type { Cipher } from './crypto.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { assertNotLastOrganizer } from '../accounts/handover.ts';
import { releaseCallIns } from '../handoff/release.ts';

type Row = Record<string, string | null>;

export const REPLACED_NAME = '[erased person]';
export const REMOVED_TEXT = '[removed at the request of the person who wrote it]';

/**
 * Every encrypted column that may hold case content, with the context it was sealed under.
 * `authored` says when the whole value is the erased person's own words (then it is removed,
 * not just cleaned of their name). Add a line for every new encrypted column.
 */
interface ContentStep {
  cell: EncryptedCell;
  context(row: Row): string;
  authored?(row: Row, userId: string): boolean;
  /** How to remove the person's own words from a value of this column. */
  remove?(value: unknown): unknown;
}

const id = (row: Row, column = 'id') => row[column] ?? '';

export const contentSteps: ContentStep[] = [
  {
    cell: { table: 'concerns', key: 'id', column: 'content', with: ['reporter_user_id'] },
    context: (r) => `concern:${id(r, 'community_id')}:${id(r)}`,
    authored: (r, userId) => r.reporter_user_id === userId,
    remove: (v) => ({
      ...(v as object),
      what: REMOVED_TEXT,
      quotes: [],
      links: [],
      impact: REMOVED_TEXT,
      contact: null,
    }),
  },
  {
    cell: { table: 'triage_decisions', key: 'id', column: 'reason', with: [] },
    context: (r) => `triage:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: { table: 'call_in_messages', key: 'id', column: 'body', with: ['call_in_id'] },
    context: (r) => `callin-message:${id(r, 'community_id')}:${id(r, 'call_in_id')}:${id(r)}`,
  },
  {
    // An organizer's question to the reporter is their own words; the reporter's answers are
    // cleaned of names like the rest of the case.
    cell: {
      table: 'reporter_messages',
      key: 'id',
      column: 'body',
      with: ['concern_id', 'author_user_id'],
    },
    context: (r) => `reporter-message:${id(r, 'community_id')}:${id(r, 'concern_id')}:${id(r)}`,
    authored: (r, userId) => r.author_user_id === userId,
    remove: () => REMOVED_TEXT,
  },
  {
    cell: { table: 'call_ins', key: 'id', column: 'draft', with: [] },
    context: (r) => `callin-draft:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: { table: 'call_ins', key: 'id', column: 'member_contact', with: [] },
    context: (r) => `callin-contact:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: { table: 'call_ins', key: 'id', column: 'consent_conditions', with: [] },
    context: (r) => `callin-consent:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: { table: 'call_ins', key: 'id', column: 'outcome_note', with: [] },
    context: (r) => `callin-outcome:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: { table: 'enforcements', key: 'id', column: 'reason', with: [] },
    context: (r) => `enforcement:${id(r, 'community_id')}:${id(r)}`,
  },
  {
    cell: {
      table: 'enforcement_appeals',
      key: 'id',
      column: 'statement',
      with: ['appellant_user_id'],
    },
    context: (r) => `appeal:${id(r, 'community_id')}:${id(r)}`,
    authored: (r, userId) => r.appellant_user_id === userId,
    remove: () => REMOVED_TEXT,
  },
  {
    cell: { table: 'enforcement_appeals', key: 'id', column: 'decision_note', with: [] },
    context: (r) => `appeal:${id(r, 'community_id')}:${id(r)}:decision`,
  },
];

/** Columns that point at the person: set to null (the rows stay, for the case and the counts). */
export const referenceSteps: {
  table: TableName;
  column: string;
  also?: Record<string, unknown>;
}[] = [
  { table: 'concerns', column: 'reporter_user_id', also: { anonymous: true } },
  { table: 'concerns', column: 'subject_user_id' },
  { table: 'call_ins', column: 'caller_user_id' },
  { table: 'reporter_messages', column: 'author_user_id' },
  { table: 'call_ins', column: 'harmed_user_id' },
  { table: 'enforcements', column: 'subject_user_id' },
  { table: 'enforcement_appeals', column: 'appellant_user_id' },
];

/** Rows that are the person's own: deleted. */
export const deletionSteps: { table: TableName; column: string }[] = [
  { table: 'sessions', column: 'user_id' },
  { table: 'account_links', column: 'user_id' },
  { table: 'api_tokens', column: 'user_id' },
  { table: 'memberships', column: 'user_id' },
  { table: 'care_profiles', column: 'user_id' },
  { table: 'care_logs', column: 'user_id' },
  { table: 'call_in_offers', column: 'user_id' },
  { table: 'notices', column: 'user_id' },
  { table: 'notice_settings', column: 'user_id' },
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every mention of the terms in every string of a value. */
export function replaceMentions(value: unknown, terms: string[]): unknown {
  const usable = terms.map((t) => t.trim()).filter((t) => t.length >= 2);
  if (usable.length === 0) return value;
  const pattern = new RegExp(
    usable
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'giu',
  );
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, REPLACED_NAME);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

export interface ErasureReport {
  userId: string;
  alreadyErased: boolean;
  rewritten: number;
  unreadable: number;
  deleted: number;
  notificationsCancelled: number;
}

type ErasureRepos =
  | 'users'
  | 'privacy'
  | 'jobs'
  | 'audit'
  | 'communities'
  | 'memberships'
  | 'concerns'
  | 'callIns'
  | 'care';
/** The clock, the cipher, and the web app's address (for the organizers' notices). */
type ErasureDeps = { clock: Clock; cipher: Cipher; config: { publicUrl: string } };

export async function eraseUser(
  tx: Tx<ErasureRepos>,
  deps: ErasureDeps,
  actor: Actor,
  userId: string,
): Promise<ErasureReport> {
  return tx(async (repos) => {
    const { users, privacy, audit } = repos;
    const user = await users.findById(userId);
    if (!user) throw new AppError('not_found');
    const report: ErasureReport = {
      userId,
      alreadyErased: user.erasedAt !== null,
      rewritten: 0,
      unreadable: 0,
      deleted: 0,
      notificationsCancelled: 0,
    };
    if (user.erasedAt !== null) return report;
    // Rule 11: no community that holds cases is left without an organizer.
    await assertNotLastOrganizer(repos, userId);
    const at = isoNow(deps.clock);
    // Call-ins they hold go back to matching before their name leaves them.
    await releaseCallIns(
      repos,
      { cipher: deps.cipher, publicUrl: deps.config.publicUrl },
      actor,
      { userId, communityId: null, role: null },
      at,
    );
    const terms = [user.displayName, user.email];
    const communityIds = await privacy.communitiesTouching(userId);

    for (const step of contentSteps) {
      for (const row of await privacy.listEncrypted(step.cell, communityIds)) {
        const sealed = row[step.cell.column];
        if (!sealed) continue;
        const context = step.context(row);
        let value: unknown;
        try {
          value = deps.cipher.decrypt<unknown>(sealed, context);
        } catch {
          report.unreadable++;
          continue;
        }
        const own = step.authored?.(row, userId) && step.remove ? step.remove(value) : value;
        const next = replaceMentions(own, terms);
        if (JSON.stringify(next) !== JSON.stringify(value)) {
          await privacy.updateCell(
            step.cell,
            id(row, step.cell.key),
            deps.cipher.encrypt(next, context),
          );
          report.rewritten++;
        }
      }
    }
    // A handle matched by keyed hash (history of concerns about a name) is theirs too.
    await privacy.setWhere(
      'concerns',
      { subject_key: null },
      'subject_key',
      deps.cipher.blindIndex(user.displayName),
    );
    for (const r of referenceSteps)
      await privacy.setWhere(r.table, { [r.column]: null, ...(r.also ?? {}) }, r.column, userId);
    for (const d of deletionSteps)
      report.deleted += await privacy.deleteWhere(d.table, d.column, userId);

    // Nothing waiting to tell them is sent, on any channel.
    for (const job of await privacy.pendingJobs(NOTIFY, channelJobPrefix)) {
      try {
        const sealedPayload = job.payload.sealed;
        const sealed = deps.cipher.decrypt<{ to?: { userId?: string; email?: string } }>(
          typeof sealedPayload === 'string' ? sealedPayload : '',
          NOTIFICATION_CONTEXT,
        );
        if (
          sealed.to?.userId === userId ||
          (sealed.to?.email && normalizeEmail(sealed.to.email) === user.email)
        ) {
          await privacy.cancelJob(job.id, at);
          report.notificationsCancelled++;
        }
      } catch {
        // A notification that cannot be read names nobody we can check; the job itself fails.
      }
    }
    await privacy.anonymizeUser(userId, at);
    await recordAudit(
      audit,
      actor,
      { communityId: null, action: 'user.erase', targetType: 'user', targetId: userId },
      at,
    );
    return report;
  });
}

/** `DELETE /api/me`: a person erases their own account, confirming with their password. */
export async function eraseMyAccount(
  tx: Tx<ErasureRepos>,
  repos: Pick<Repositories, 'users'>,
  deps: ErasureDeps,
  actor: Actor,
  password: string,
): Promise<ErasureReport> {
  requirePerson(actor);
  const user = await repos.users.findById(actor.userId);
  if (!user || user.erasedAt !== null || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError(
      'invalid_credentials',
      undefined,
      'That password did not match. Nothing was erased.',
    );
  }
  return eraseUser(tx, deps, actor, actor.userId);
}

/** `callin admin erase-user --email`: the operator erases a person by email. */
export async function eraseUserByEmail(
  tx: Tx<ErasureRepos>,
  repos: Pick<Repositories, 'users'>,
  deps: ErasureDeps,
  email: string,
): Promise<ErasureReport> {
  const user = await repos.users.findByEmail(normalizeEmail(email));
  if (!user)
    throw new AppError(
      'not_found',
      undefined,
      'There is no account with that email (it may have been erased already).',
    );
  return eraseUser(tx, deps, { kind: 'cli' }, user.id);
}
