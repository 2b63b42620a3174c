// Joining with an invitation by making an account (issue 9: no account-existence oracle). The
// account is made only once its address is confirmed: accepting sends the address an email and
// answers "check your email" whatever the address. A new address gets a link (single use, 60
// minutes) that makes the account, joins and signs in; an address that already has an account
// gets an email telling its owner to sign in and accept from there, and nothing else changes.
// Both paths check the invitation, hash the password, queue one email and write one audit entry
// of the same shape, so neither the answer, its timing class nor the log tells them apart.
import { AppError } from '../../config/errors.ts';
import type { Role } from '../../contract/vocabulary.ts';
import type { Tx } from '../../db/store.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { addHours, isoNow, type Clock } from '../common/clock.ts';
import { hashSecret, newSecret } from '../common/tokens.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { queueAccountEmail } from './account-security.ts';
import {
  insertAccount,
  normalizeEmail,
  preparePassword,
  startSession,
  type IssuedSession,
  type NewAccount,
  type SessionOptions,
} from './accounts.ts';
import { usableInvitation } from './invitations.ts';

/** How long the link that confirms a new account's address works. */
export const SIGNUP_LINK_MINUTES = 60;
const DETAILS_CONTEXT = 'invitation-signup';

interface SignupDetails {
  email: string;
  displayName: string;
  passwordHash: string;
}

export interface SignupDeps {
  clock: Clock;
  cipher: Cipher;
  publicUrl: string;
}

/**
 * Someone signed out accepts with new-account details: the address is emailed, the answer is
 * the same whether or not it has an account here.
 */
export async function requestInvitationSignup(
  tx: Tx<'invitations' | 'invitationSignups' | 'users' | 'jobs' | 'audit'>,
  deps: SignupDeps,
  token: string,
  account: NewAccount,
): Promise<void> {
  // The same strength rule and the same hashing, whoever the address belongs to.
  const passwordHash = await preparePassword(account);
  const email = normalizeEmail(account.email);
  await tx(async (repos) => {
    const at = isoNow(deps.clock);
    const inv = await usableInvitation(repos, token, at);
    await repos.invitationSignups.deleteStale(at);
    const owner = await repos.users.findByEmail(email);
    const secret = newSecret();
    // A row either way (an unusable one for an address with an account): the same writes.
    await repos.invitationSignups.insert({
      tokenHash: hashSecret(secret),
      invitationId: inv.id,
      details: owner
        ? ''
        : deps.cipher.encrypt(
            { email, displayName: account.displayName.trim(), passwordHash },
            DETAILS_CONTEXT,
          ),
      createdAt: at,
      expiresAt: addHours(at, SIGNUP_LINK_MINUTES / 60),
      usedAt: owner ? at : null,
    });
    await queueAccountEmail(
      repos.jobs,
      deps.cipher,
      owner ? 'invitation-account-exists' : 'invitation-confirm',
      owner
        ? { email: owner.email, name: owner.displayName, link: `${deps.publicUrl}/sign-in` }
        : {
            email,
            name: account.displayName.trim(),
            link: `${deps.publicUrl}/invite/confirm/${secret}`,
          },
      at,
    );
    // Names the invitation, never the address or the account: one shape for both paths.
    await recordAudit(
      repos.audit,
      { kind: 'public' },
      {
        communityId: inv.communityId,
        action: 'invitation.signup-request',
        targetType: 'invitation',
        targetId: inv.id,
      },
      at,
    );
  });
}

/**
 * The emailed link is opened: the account is made, joins with the invitation's role and is
 * signed in. Single use; a used, expired or unknown link, or an invitation no longer usable,
 * answers invitation_invalid.
 */
export async function confirmInvitationSignup(
  tx: Tx<'invitations' | 'invitationSignups' | 'memberships' | 'users' | 'sessions' | 'audit'>,
  deps: SignupDeps & { sessionOptions: SessionOptions },
  secret: string,
): Promise<{ communityId: string; role: Role; userId: string; session: IssuedSession }> {
  return tx(async (repos) => {
    const at = isoNow(deps.clock);
    const signup = await repos.invitationSignups.find(hashSecret(secret));
    if (!signup || signup.usedAt !== null || signup.expiresAt <= at || signup.details === '')
      throw new AppError('invitation_invalid');
    const inv = await repos.invitations.findAnywhere(signup.invitationId);
    if (!inv || inv.revokedAt !== null || inv.expiresAt <= at || inv.uses >= inv.maxUses)
      throw new AppError('invitation_invalid');
    const details = deps.cipher.decrypt<SignupDetails>(signup.details, DETAILS_CONTEXT);
    if (!(await repos.invitationSignups.markUsed(signup.tokenHash, at)))
      throw new AppError('invitation_invalid');
    // Whoever opens the link controls the address, so an account made there since is named.
    const userId = await insertAccount(
      repos.users,
      {
        email: details.email,
        displayName: details.displayName,
        password: '',
        passwordHash: details.passwordHash,
      },
      at,
    );
    if (!(await repos.invitations.use(inv.id))) throw new AppError('invitation_invalid');
    await repos.memberships.insert({
      communityId: inv.communityId,
      userId,
      role: inv.role,
      createdAt: at,
    });
    await recordAudit(
      repos.audit,
      { kind: 'user', userId, isOperator: false },
      {
        communityId: inv.communityId,
        action: 'invitation.accept',
        targetType: 'membership',
        targetId: userId,
      },
      at,
    );
    const session = await startSession(repos.sessions, deps.clock, deps.sessionOptions, userId);
    return { communityId: inv.communityId, role: inv.role, userId, session };
  });
}
