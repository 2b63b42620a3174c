// Accounts, sessions and the operator bootstrap.
import { AppError } from '../../config/errors.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { addHours, isoNow, type Clock } from '../common/clock.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
import { hashSecret, newId, newSecret } from '../common/tokens.ts';

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
}

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** Creates the user row (inside the caller's transaction); the password is hashed first. */
export async function insertAccount(
  users: Repositories['users'],
  input: NewAccount & { passwordHash: string },
  at: string,
  isOperator = false,
): Promise<string> {
  const email = normalizeEmail(input.email);
  if (await users.findByEmail(email)) throw new AppError('email_taken');
  const id = newId();
  await users.insert({
    id,
    email,
    displayName: input.displayName.trim(),
    passwordHash: input.passwordHash,
    isOperator,
    createdAt: at,
    erasedAt: null,
  });
  return id;
}

export async function preparePassword(input: NewAccount): Promise<string> {
  checkPasswordStrength(input.password, input.email);
  return hashPassword(input.password);
}

// ---- operator bootstrap -------------------------------------------------------------------

const SETUP_LINK_HOURS = 24;

/** When no operator exists yet, makes a one-time setup secret (and retires older ones). */
export async function issueSetupToken(
  tx: Tx<'users' | 'setupTokens'>,
  clock: Clock,
): Promise<string | null> {
  return tx(async ({ users, setupTokens }) => {
    if ((await users.countOperators()) > 0) return null;
    const at = isoNow(clock);
    await setupTokens.expireAll(at);
    const token = newSecret();
    await setupTokens.insert({
      tokenHash: hashSecret(token),
      createdAt: at,
      expiresAt: addHours(at, SETUP_LINK_HOURS),
      usedAt: null,
    });
    return token;
  });
}

export async function completeSetup(
  tx: Tx<'users' | 'setupTokens' | 'audit'>,
  clock: Clock,
  token: string,
  account: NewAccount,
): Promise<{ userId: string }> {
  const passwordHash = await preparePassword(account);
  return tx(async ({ users, setupTokens, audit }) => {
    const at = isoNow(clock);
    if ((await users.countOperators()) > 0) throw new AppError('setup_complete');
    const row = await setupTokens.find(hashSecret(token));
    if (!row || row.usedAt !== null || row.expiresAt < at) throw new AppError('setup_link_invalid');
    await setupTokens.markUsed(row.tokenHash, at);
    const userId = await insertAccount(users, { ...account, passwordHash }, at, true);
    await recordAudit(
      audit,
      { kind: 'public' },
      { communityId: null, action: 'operator.setup', targetType: 'user', targetId: userId },
      at,
    );
    return { userId };
  });
}

/** `callin admin create-operator`: creates an operator, or makes an existing account one. */
export async function createOperator(
  tx: Tx<'users' | 'audit' | 'setupTokens'>,
  clock: Clock,
  account: NewAccount,
): Promise<{ userId: string; created: boolean }> {
  const existing = await tx(({ users }) => users.findByEmail(normalizeEmail(account.email)));
  const passwordHash = existing ? null : await preparePassword(account);
  return tx(async ({ users, audit, setupTokens }) => {
    const at = isoNow(clock);
    let userId: string;
    let created = false;
    if (existing) {
      userId = existing.id;
      await users.setOperator(userId);
    } else {
      userId = await insertAccount(
        users,
        { ...account, passwordHash: passwordHash ?? '' },
        at,
        true,
      );
      created = true;
    }
    await setupTokens.expireAll(at);
    await recordAudit(
      audit,
      { kind: 'cli' },
      { communityId: null, action: 'operator.create', targetType: 'user', targetId: userId },
      at,
    );
    return { userId, created };
  });
}

// ---- sessions -----------------------------------------------------------------------------

export interface SessionOptions {
  ttlHours: number;
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  userId: string;
}

export async function signIn(
  repos: Pick<Repositories, 'users'>,
  tx: Tx<'sessions' | 'audit'>,
  clock: Clock,
  options: SessionOptions,
  email: string,
  password: string,
): Promise<IssuedSession> {
  const user = await repos.users.findByEmail(normalizeEmail(email));
  const usable = user && user.erasedAt === null ? user : undefined;
  const ok = await verifyPassword(usable?.passwordHash ?? null, password);
  if (!usable || !ok) throw new AppError('invalid_credentials');
  return tx(async ({ sessions, audit }) => {
    const s = await startSession(sessions, clock, options, usable.id);
    const actor: Actor = { kind: 'user', userId: usable.id, isOperator: usable.isOperator };
    await recordAudit(
      audit,
      actor,
      { communityId: null, action: 'session.start', targetType: 'user', targetId: usable.id },
      isoNow(clock),
    );
    return s;
  });
}

export async function startSession(
  sessions: Repositories['sessions'],
  clock: Clock,
  options: SessionOptions,
  userId: string,
): Promise<IssuedSession> {
  const at = isoNow(clock);
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addHours(at, options.ttlHours);
  await sessions.insert({
    idHash: hashSecret(token),
    userId,
    csrfToken,
    createdAt: at,
    expiresAt,
    lastSeenAt: at,
  });
  return { token, csrfToken, expiresAt, userId };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
  email: string;
  displayName: string;
}

// A session's expiry slides forward, but at most once every ten minutes so reads stay reads.
const TOUCH_AFTER_MS = 10 * 60_000;

export async function resolveSession(
  sessions: Repositories['sessions'],
  clock: Clock,
  options: SessionOptions,
  token: string,
): Promise<ResolvedSession | null> {
  const row = await sessions.findWithUser(hashSecret(token));
  const now = clock.now();
  if (!row || row.erasedAt !== null || Date.parse(row.expiresAt) <= now.getTime()) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) {
    const at = now.toISOString();
    await sessions.touch(row.idHash, at, addHours(at, options.ttlHours));
  }
  return {
    actor: { kind: 'user', userId: row.userId, isOperator: row.isOperator },
    csrfToken: row.csrfToken,
    email: row.email,
    displayName: row.displayName,
  };
}

export async function signOut(
  tx: Tx<'sessions' | 'audit'>,
  clock: Clock,
  actor: Actor,
  token: string,
): Promise<void> {
  await tx(async ({ sessions, audit }) => {
    await sessions.delete(hashSecret(token));
    if (actor.kind !== 'user') return;
    await recordAudit(
      audit,
      actor,
      { communityId: null, action: 'session.end', targetType: 'user', targetId: actor.userId },
      isoNow(clock),
    );
  });
}

/**
 * Ends every session of this person and revokes every API token they made: "everywhere" means
 * every way in (a token left working after a lost laptop would defeat the point).
 */
export async function signOutEverywhere(
  tx: Tx<'sessions' | 'apiTokens' | 'audit'>,
  clock: Clock,
  actor: Extract<Actor, { kind: 'user' }>,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  return tx(async ({ sessions, apiTokens, audit }) => {
    const n = await sessions.deleteForUser(actor.userId);
    const tokensRevoked = await apiTokens.revokeAllForUser(actor.userId, isoNow(clock));
    await recordAudit(
      audit,
      actor,
      {
        communityId: null,
        action: 'sessions.revoke-all',
        targetType: 'user',
        targetId: actor.userId,
      },
      isoNow(clock),
    );
    return { sessionsEnded: n, tokensRevoked };
  });
}
