// Looking after one's own account: a forgotten password (an emailed link, single use, thirty
// minutes, stored as a hash), a new password, a new email address (confirmed from the new
// address before it takes effect; the old address is told). A request for a reset answers the
// same whether or not the address has an account, so nobody can learn who has one here.
// Account emails go by email only (the `account.email` job, delivered by the email
// integration), with the address and the link sealed.
import {
  ACCOUNT_EMAIL_CONTEXT,
  type AccountEmailPayload,
  type SealedAccountEmail,
} from '../../contract/notifications.ts';
import type { AccountEmailTemplate } from '../../contract/vocabulary.ts';
import { AppError, fieldError } from '../../config/errors.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import type { User } from '../../db/records.ts';
import type { Actor } from '../access/actor.ts';
import { requirePerson } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { addHours, isoNow, type Clock } from '../common/clock.ts';
import { hashSecret, newSecret } from '../common/tokens.ts';
import { scheduleJob } from '../notifications/jobs.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { normalizeEmail } from './accounts.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

export const ACCOUNT_EMAIL_JOB = 'account.email';
/** How long a reset link works. */
export const RESET_LINK_MINUTES = 30;
/** How long a link to confirm a new address works. */
export const EMAIL_LINK_HOURS = 24;

export interface AccountDeps {
  clock: Clock;
  cipher: Cipher;
  publicUrl: string;
}

type AccountRepos = 'users' | 'accountLinks' | 'sessions' | 'jobs' | 'audit';

export async function queueAccountEmail(
  jobs: Repositories['jobs'],
  cipher: Cipher,
  template: AccountEmailTemplate,
  to: SealedAccountEmail,
  at: string,
): Promise<void> {
  const payload: AccountEmailPayload = {
    template,
    sealed: cipher.encrypt(to, ACCOUNT_EMAIL_CONTEXT),
  };
  await scheduleJob(jobs, { name: ACCOUNT_EMAIL_JOB, payload, runAt: at, maxAttempts: 8 }, at);
}

function usable(user: User | undefined): user is User {
  return user !== undefined && user.erasedAt === null;
}

/** The password rules, reported on the form's own field. */
function checkNewPassword(field: string, password: string, email: string): void {
  try {
    checkPasswordStrength(password, email);
  } catch (e) {
    if (e instanceof AppError && Array.isArray(e.details)) {
      throw new AppError(
        'validation_failed',
        e.details.map((d) => ({ ...d, field })),
      );
    }
    throw e;
  }
}

async function checkCurrentPassword(user: User | undefined, password: string): Promise<User> {
  const ok = await verifyPassword(usable(user) ? user.passwordHash : null, password);
  if (!usable(user) || !ok)
    throw new AppError('validation_failed', [
      fieldError('currentPassword', 'That is not your current password.'),
    ]);
  return user;
}

// ---- a forgotten password ------------------------------------------------------------------

/**
 * Emails a reset link when the address has an account; does nothing visible otherwise. Either
 * way the answer is the same. A newer link retires the older ones.
 */
export async function requestPasswordReset(
  tx: Tx<AccountRepos>,
  deps: AccountDeps,
  email: string,
): Promise<void> {
  await tx(async (repos) => {
    const user = await repos.users.findByEmail(normalizeEmail(email));
    if (!usable(user)) return;
    const at = isoNow(deps.clock);
    await repos.accountLinks.retire(user.id, 'password-reset', at);
    const token = newSecret();
    await repos.accountLinks.insert({
      tokenHash: hashSecret(token),
      userId: user.id,
      kind: 'password-reset',
      newEmail: null,
      createdAt: at,
      expiresAt: addHours(at, RESET_LINK_MINUTES / 60),
      usedAt: null,
    });
    await queueAccountEmail(
      repos.jobs,
      deps.cipher,
      'password-reset',
      {
        email: user.email,
        name: user.displayName,
        link: `${deps.publicUrl}/reset-password/${token}`,
      },
      at,
    );
    await recordAudit(
      repos.audit,
      { kind: 'public' },
      {
        communityId: null,
        action: 'account.reset-request',
        targetType: 'user',
        targetId: user.id,
      },
      at,
    );
  });
}

async function findLink(
  repos: Pick<Repositories, 'accountLinks' | 'users'>,
  kind: 'password-reset' | 'email-change',
  token: string,
  at: string,
) {
  const link = await repos.accountLinks.find(hashSecret(token));
  const user = link ? await repos.users.findById(link.userId) : undefined;
  if (!link || link.kind !== kind || link.usedAt !== null || link.expiresAt <= at || !usable(user))
    throw new AppError(kind === 'password-reset' ? 'reset_link_invalid' : 'email_link_invalid');
  return { link, user };
}

/** Whether a reset link still works (the page asks before showing the form). */
export async function checkResetLink(
  repos: Pick<Repositories, 'accountLinks' | 'users'>,
  clock: Clock,
  token: string,
): Promise<void> {
  await findLink(repos, 'password-reset', token, isoNow(clock));
}

/** Sets a new password from a reset link, once; every session of the account ends. */
export async function resetPassword(
  tx: Tx<AccountRepos>,
  deps: AccountDeps,
  token: string,
  password: string,
): Promise<void> {
  // Checked and hashed before the transaction: hashing is slow and needs no lock.
  const { user } = await tx((repos) =>
    findLink(repos, 'password-reset', token, isoNow(deps.clock)),
  );
  checkNewPassword('password', password, user.email);
  const passwordHash = await hashPassword(password);
  await tx(async (repos) => {
    const at = isoNow(deps.clock);
    await findLink(repos, 'password-reset', token, at);
    if (!(await repos.accountLinks.markUsed(hashSecret(token), at)))
      throw new AppError('reset_link_invalid');
    await repos.users.setPasswordHash(user.id, passwordHash);
    await repos.accountLinks.retire(user.id, 'password-reset', at);
    await repos.sessions.deleteForUser(user.id);
    await queueAccountEmail(
      repos.jobs,
      deps.cipher,
      'password-changed',
      { email: user.email, name: user.displayName, link: `${deps.publicUrl}/forgot-password` },
      at,
    );
    await recordAudit(
      repos.audit,
      { kind: 'public' },
      {
        communityId: null,
        action: 'account.password-reset',
        targetType: 'user',
        targetId: user.id,
      },
      at,
    );
  });
}

// ---- signed in -----------------------------------------------------------------------------

/**
 * A new password, given the current one. Every other session ends; this one stays. Answers
 * how many other sessions ended.
 */
export async function changePassword(
  tx: Tx<AccountRepos>,
  deps: AccountDeps,
  actor: Actor,
  currentSessionHash: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<number> {
  requirePerson(actor);
  const user = await checkCurrentPassword(
    await tx(({ users }) => users.findById(actor.userId)),
    input.currentPassword,
  );
  checkNewPassword('newPassword', input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  return tx(async (repos) => {
    const at = isoNow(deps.clock);
    await repos.users.setPasswordHash(user.id, passwordHash);
    await repos.accountLinks.retire(user.id, 'password-reset', at);
    const ended = await repos.sessions.deleteOthers(user.id, currentSessionHash);
    await queueAccountEmail(
      repos.jobs,
      deps.cipher,
      'password-changed',
      { email: user.email, name: user.displayName, link: `${deps.publicUrl}/forgot-password` },
      at,
    );
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: null,
        action: 'account.password-change',
        targetType: 'user',
        targetId: user.id,
      },
      at,
    );
    return ended;
  });
}

/**
 * Asks to move the account to a new address: a link goes to the new address, and nothing
 * changes until it is opened. When another account already has the address, the answer is the
 * same and nothing is sent, so this does not tell who has an account here.
 */
export async function requestEmailChange(
  tx: Tx<AccountRepos>,
  deps: AccountDeps,
  actor: Actor,
  input: { password: string; newEmail: string },
): Promise<void> {
  requirePerson(actor);
  const user = await checkCurrentPassword(
    await tx(({ users }) => users.findById(actor.userId)),
    input.password,
  ).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'validation_failed')
      throw new AppError('validation_failed', [
        fieldError('password', 'That is not your current password.'),
      ]);
    throw e;
  });
  const newEmail = normalizeEmail(input.newEmail);
  if (newEmail === user.email)
    throw new AppError('validation_failed', [
      fieldError('newEmail', 'That is already the address on your account.'),
    ]);
  await tx(async (repos) => {
    const at = isoNow(deps.clock);
    await repos.accountLinks.retire(user.id, 'email-change', at);
    const taken = await repos.users.findByEmail(newEmail);
    if (!taken) {
      const token = newSecret();
      await repos.accountLinks.insert({
        tokenHash: hashSecret(token),
        userId: user.id,
        kind: 'email-change',
        newEmail,
        createdAt: at,
        expiresAt: addHours(at, EMAIL_LINK_HOURS),
        usedAt: null,
      });
      await queueAccountEmail(
        repos.jobs,
        deps.cipher,
        'email-change-confirm',
        {
          email: newEmail,
          name: user.displayName,
          link: `${deps.publicUrl}/confirm-email/${token}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: null,
        action: 'account.email-change-request',
        targetType: 'user',
        targetId: user.id,
      },
      at,
    );
  });
}

/** Opens the link sent to the new address: the account moves to it, and the old one is told. */
export async function confirmEmailChange(
  tx: Tx<AccountRepos>,
  deps: AccountDeps,
  token: string,
): Promise<void> {
  await tx(async (repos) => {
    const at = isoNow(deps.clock);
    const { link, user } = await findLink(repos, 'email-change', token, at);
    const newEmail = link.newEmail ?? '';
    if (await repos.users.findByEmail(newEmail))
      throw new AppError(
        'email_taken',
        undefined,
        'Another account now uses that address, so yours stays as it was.',
      );
    if (!(await repos.accountLinks.markUsed(link.tokenHash, at)))
      throw new AppError('email_link_invalid');
    await repos.users.setEmail(user.id, newEmail);
    await queueAccountEmail(
      repos.jobs,
      deps.cipher,
      'email-changed',
      { email: user.email, name: user.displayName, link: null },
      at,
    );
    await recordAudit(
      repos.audit,
      { kind: 'public' },
      { communityId: null, action: 'account.email-change', targetType: 'user', targetId: user.id },
      at,
    );
  });
}
