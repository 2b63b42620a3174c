import type { ActChannel, AuditAction, AuditTargetType } from '../../contract/vocabulary.ts';
import type { AuditRepository } from '../../db/repositories/audit.repository.ts';
import type { Actor } from '../access/actor.ts';
import { auditActor, channelOf } from '../access/actor.ts';
import { chainEntry } from './audit.ts';

export interface AuditEvent {
  communityId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  /**
   * How the person acted: app, API token, the CLI, or which private link (rule 10). Left out,
   * it follows from the actor (signed in: app; a token: api-token; the CLI: cli); an act
   * without an account names its link here, and an anonymous one none.
   */
  channel?: ActChannel;
}

/** Appends one chained entry. Call inside the transaction that made the change. */
export async function recordAudit(
  audit: AuditRepository,
  actor: Actor,
  event: AuditEvent,
  at: string,
): Promise<void> {
  await audit.lock();
  const previous = await audit.last();
  const entry = chainEntry(
    previous ? { seq: Number(previous.seq), hash: previous.hash } : undefined,
    { ...withChannel(event, actor), ...auditActor(actor) },
    at,
    audit.seal,
  );
  await audit.insert(entry);
}

function withChannel(event: AuditEvent, actor: Actor): AuditEvent {
  if (event.channel) return event;
  const channel = channelOf(actor);
  return channel ? { ...event, channel } : event;
}
