// Who may do what in a community. Roles are per community; an operator has no role in a
// community unless they are also a member there, and so sees no case content.
import { AppError } from '../../config/errors.ts';
import type { MembershipsRepository } from '../../db/repositories/memberships.repository.ts';
import type { Role } from '../../contract/vocabulary.ts';
import type { Actor } from './actor.ts';

export { roles } from '../../contract/vocabulary.ts';
import { roles } from '../../contract/vocabulary.ts';

export type Permission =
  | 'community.view'
  | 'concern.raise'
  | 'inbox.read'
  | 'concern.triage'
  | 'members.manage'
  | 'invitations.manage'
  | 'settings.manage'
  | 'tokens.own'
  | 'audit.read'
  | 'reports.read';

const minimumRole: Record<Permission, Role> = {
  'community.view': 'member',
  'concern.raise': 'member',
  'tokens.own': 'member',
  'inbox.read': 'organizer',
  'concern.triage': 'organizer',
  'members.manage': 'organizer',
  'invitations.manage': 'organizer',
  'settings.manage': 'organizer',
  'audit.read': 'organizer',
  'reports.read': 'organizer',
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimumRole[permission]);
}

/**
 * Checks that the actor holds a role in this community that allows the permission, and
 * returns that role. An API token only works in the community it was made for.
 */
export async function authorize(
  memberships: Pick<MembershipsRepository, 'find'>,
  actor: Actor,
  communityId: string,
  permission: Permission,
): Promise<Role> {
  if (actor.kind !== 'user' && actor.kind !== 'token') throw new AppError('sign_in_required');
  if (actor.kind === 'token' && actor.communityId !== communityId) throw new AppError('forbidden');
  const membership = await memberships.find(communityId, actor.userId);
  if (!membership || !roleAllows(membership.role, permission)) throw new AppError('forbidden');
  return membership.role;
}

export function requireOperator(actor: Actor): void {
  if (actor.kind === 'cli') return;
  if (actor.kind !== 'user') {
    throw new AppError(actor.kind === 'token' ? 'forbidden' : 'sign_in_required');
  }
  if (!actor.isOperator) throw new AppError('forbidden');
}

export function requireSignedIn(actor: Actor): asserts actor is Extract<Actor, { userId: string }> {
  if (actor.kind !== 'user' && actor.kind !== 'token') throw new AppError('sign_in_required');
}
