// Who is acting. Every domain workflow that changes state takes an Actor so the audit log can
// say who did it.
import type { ActChannel } from '../../contract/vocabulary.ts';
import type { ActorKind } from '../audit/audit.ts';

export type Actor =
  | { kind: 'user'; userId: string; isOperator: boolean }
  | { kind: 'token'; userId: string; isOperator: false; communityId: string; tokenId: string }
  | { kind: 'public' }
  | { kind: 'cli' }
  | { kind: 'system' };

export type SignedInActor = Extract<Actor, { userId: string }>;

export function auditActor(actor: Actor): { actorKind: ActorKind; actorId: string | null } {
  switch (actor.kind) {
    case 'user':
      return { actorKind: 'user', actorId: actor.userId };
    case 'token':
      return { actorKind: 'token', actorId: actor.tokenId };
    case 'public':
      return { actorKind: 'public', actorId: null };
    case 'cli':
      return { actorKind: 'cli', actorId: null };
    case 'system':
      return { actorKind: 'system', actorId: null };
  }
}

/** How a signed-in person acts: the app, or an API token. A private link names itself. */
export function channelOf(actor: Actor): ActChannel | undefined {
  if (actor.kind === 'user') return 'app';
  if (actor.kind === 'token') return 'api-token';
  if (actor.kind === 'cli') return 'cli';
  return undefined;
}
