// Invitations by link, each carrying a role: made and revoked by organizers, accepted with a
// new account or the signed-in one.
import type { InvitationPreview } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Role } from '../../contract/vocabulary.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { authorize, requirePerson } from '../access/policy.ts';
import { checkPasswordStrength, verifyPassword } from './passwords.ts';
import {
  insertAccount,
  normalizeEmail,
  preparePassword,
  startSession,
  type IssuedSession,
  type NewAccount,
  type SessionOptions,
} from './accounts.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { addHours, isoNow, type Clock } from '../common/clock.ts';
import { getCommunity, presentCommunity } from './communities.ts';
import { hashSecret, newId, newSecret } from '../common/tokens.ts';
import { holdsCases } from './handover.ts';

export async function createInvitation(
  tx: Tx<'communities' | 'memberships' | 'invitations' | 'audit' | 'concerns'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  input: { role: Role; maxUses: number; expiresInDays: number },
): Promise<{ id: string; token: string; expiresAt: string }> {
  return tx(async ({ communities, memberships, invitations, audit, concerns }) => {
    await getCommunity({ communities }, communityId);
    // The operator may invite the first organizer; after that, organizers invite.
    const organizerless =
      actor.kind === 'user' &&
      actor.isOperator &&
      (await memberships.countWithRole(communityId, 'organizer')) === 0;
    const decision = await authorize({ memberships }, actor, 'invitation.create', {
      communityId,
      organizerless,
    });
    // Rule 11: the operator's first-organizer invitation is for a community with nothing to
    // read. Where cases wait, an invitation the operator made could make them its organizer.
    if (
      organizerless &&
      decision.role !== 'organizer' &&
      (await holdsCases({ concerns }, communityId))
    )
      throw new AppError('organizer_handover_required');
    const at = isoNow(clock);
    const token = newSecret();
    const id = newId();
    const expiresAt = addHours(at, input.expiresInDays * 24);
    await invitations.insert({
      id,
      communityId,
      tokenHash: hashSecret(token),
      role: input.role,
      createdBy: actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null,
      createdAt: at,
      expiresAt,
      maxUses: input.maxUses,
      uses: 0,
      revokedAt: null,
    });
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'invitation.create', targetType: 'invitation', targetId: id },
      at,
    );
    return { id, token, expiresAt };
  });
}

export async function usableInvitation(
  repos: Pick<Repositories, 'invitations'>,
  token: string,
  at: string,
) {
  const inv = await repos.invitations.findByTokenHash(hashSecret(token));
  if (!inv || inv.revokedAt !== null || inv.expiresAt <= at || inv.uses >= inv.maxUses) {
    throw new AppError('invitation_invalid');
  }
  return inv;
}

export async function previewInvitation(
  repos: Pick<Repositories, 'invitations' | 'communities'>,
  clock: Clock,
  token: string,
): Promise<InvitationPreview> {
  const inv = await usableInvitation(repos, token, isoNow(clock));
  const community = await getCommunity(repos, inv.communityId);
  return { community: presentCommunity(community), role: inv.role, expiresAt: inv.expiresAt };
}

/**
 * The account an invitation's new-account details name, when that email already has one and
 * the password is its own; invalid_credentials when the password is not. Null for a new email.
 */
async function existingAccount(
  repos: Pick<Repositories, 'users'>,
  account: NewAccount,
): Promise<{ id: string; isOperator: boolean } | null> {
  // The same strength rule first, whoever the email belongs to: its answer tells nothing.
  checkPasswordStrength(account.password, account.email);
  const user = await repos.users.findByEmail(normalizeEmail(account.email));
  if (!user || user.erasedAt !== null) return null;
  if (!(await verifyPassword(user.passwordHash, account.password)))
    throw new AppError('invalid_credentials');
  return { id: user.id, isOperator: user.isOperator };
}

/**
 * A signed-in person joins, or a new account is made and signed in (or, when the email already
 * has an account and the password is its own, that account joins and is signed in).
 */
export async function acceptInvitation(
  tx: Tx<'invitations' | 'memberships' | 'users' | 'sessions' | 'audit' | 'concerns'>,
  lookup: Pick<Repositories, 'users'>,
  clock: Clock,
  sessionOptions: SessionOptions,
  actor: Actor,
  token: string,
  newAccount: NewAccount | null,
): Promise<{ communityId: string; role: Role; userId: string; session: IssuedSession | null }> {
  // A person accepts, signed in or making their account now; never an API token.
  if (actor.kind === 'token' || !newAccount) requirePerson(actor);
  // An email that already has an account is not announced (no `email_taken`: that answered
  // "this address has an account here" to anyone holding a link). With that account's own
  // password it joins as that account, signed in; with any other, the sign-in answer.
  const existing =
    actor.kind !== 'user' && newAccount ? await existingAccount(lookup, newAccount) : null;
  const passwordHash =
    actor.kind !== 'user' && newAccount && !existing ? await preparePassword(newAccount) : null;
  return tx(async (repos) => {
    const at = isoNow(clock);
    const inv = await usableInvitation(repos, token, at);
    let userId: string;
    if (actor.kind === 'user' || existing) {
      userId = actor.kind === 'user' ? actor.userId : existing!.id;
      if (await repos.memberships.find(inv.communityId, userId))
        throw new AppError('already_member');
      // Rule 11: nobody joins a community that holds cases through an invitation they made
      // (the operator inviting themselves as organizer once its organizers are gone).
      if (inv.createdBy === userId && (await holdsCases(repos, inv.communityId)))
        throw new AppError('own_invitation');
    } else {
      userId = await insertAccount(
        repos.users,
        { ...newAccount!, passwordHash: passwordHash! },
        at,
      );
    }
    if (!(await repos.invitations.use(inv.id))) throw new AppError('invitation_invalid');
    await repos.memberships.insert({
      communityId: inv.communityId,
      userId,
      role: inv.role,
      createdAt: at,
    });
    await recordAudit(
      repos.audit,
      actor.kind === 'user'
        ? actor
        : { kind: 'user', userId, isOperator: existing?.isOperator ?? false },
      {
        communityId: inv.communityId,
        action: 'invitation.accept',
        targetType: 'membership',
        targetId: userId,
      },
      at,
    );
    const session =
      actor.kind === 'user'
        ? null
        : await startSession(repos.sessions, clock, sessionOptions, userId);
    return { communityId: inv.communityId, role: inv.role, userId, session };
  });
}

export async function revokeInvitation(
  tx: Tx<'memberships' | 'invitations' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  invitationId: string,
): Promise<void> {
  await tx(async ({ memberships, invitations, audit }) => {
    await authorize({ memberships }, actor, 'invitations.manage', { communityId });
    const inv = await invitations.findById(communityId, invitationId);
    if (!inv) throw new AppError('not_found');
    const at = isoNow(clock);
    await invitations.revoke(inv.id, at);
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'invitation.revoke', targetType: 'invitation', targetId: inv.id },
      at,
    );
  });
}
