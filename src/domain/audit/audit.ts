// The audit log: every state change appends one entry, hash-chained to the one before, so any
// edit or deletion breaks the chain at a place `callin audit verify` can name. Entries hold ids
// and action names only, never case content or personal data.
import type { ActorKind, AuditAction, AuditTargetType } from '../../contract/vocabulary.ts';
import crypto from 'node:crypto';

export type { ActorKind } from '../../contract/vocabulary.ts';

export interface AuditInput {
  communityId: string | null;
  actorKind: ActorKind;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
}

export interface ChainedEntry {
  seq: number;
  communityId: string | null;
  actorKind: ActorKind;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  at: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashEntry(e: Omit<ChainedEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.communityId,
    e.actorKind,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.at,
    e.prevHash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

export function chainEntry(
  previous: { seq: number; hash: string } | undefined,
  input: AuditInput,
  at: string,
): ChainedEntry {
  const base = {
    seq: (previous?.seq ?? 0) + 1,
    communityId: input.communityId,
    actorKind: input.actorKind,
    actorId: input.actorId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    at,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: hashEntry(base) };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
}

/** Walks entries in order of seq and names the first one that does not hold. */
export async function verifyChain(entries: AsyncIterable<ChainedEntry>): Promise<ChainReport> {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for await (const e of entries) {
    checked++;
    const problem =
      e.seq !== prev.seq + 1
        ? `entry ${prev.seq + 1} is missing (the next one found is ${e.seq})`
        : e.prevHash !== prev.hash
          ? 'it does not point at the entry before it'
          : hashEntry(e) !== e.hash
            ? 'its contents do not match its hash'
            : null;
    if (problem) return { ok: false, checked, firstBroken: { seq: e.seq, problem } };
    prev = e;
  }
  return { ok: true, checked, firstBroken: null };
}
