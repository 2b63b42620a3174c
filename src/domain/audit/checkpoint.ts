// The audit log's head, checkpointed outside the database: how many entries there were and the
// seal of the last one, signed with the audit key. A database that ends before the checkpoint
// (its newest entries removed, or an older copy restored) or whose entry at the checkpoint
// differs (the chain recomputed) is named by verifyChain. The file is small and rewritten
// atomically; `callin backup` copies it beside the database.
import crypto from 'node:crypto';
import type { AuditSeal } from '../../db/repositories/audit.repository.ts';

export interface Checkpoint {
  version: 1;
  count: number;
  lastSeq: number;
  lastMac: string;
  /** The last entry sealed without a key (written before keyed entries existed); 0 if none. */
  legacyUntil: number;
  at: string;
  keyId: string;
}

export interface SignedCheckpoint extends Checkpoint {
  signature: string;
}

function body(c: Checkpoint): string {
  return JSON.stringify([c.version, c.count, c.lastSeq, c.lastMac, c.legacyUntil, c.at, c.keyId]);
}

export function signCheckpoint(
  seal: AuditSeal,
  c: Omit<Checkpoint, 'version' | 'keyId'>,
): SignedCheckpoint {
  const full: Checkpoint = { version: 1, keyId: seal.keyId, ...c };
  return { ...full, signature: seal.mac(seal.keyId, `checkpoint:${body(full)}`)! };
}

/** The checkpoint if its signature holds; a reason otherwise. */
export function readCheckpoint(
  seal: AuditSeal,
  raw: unknown,
): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: string } {
  const c = raw as Partial<SignedCheckpoint> | null;
  if (
    !c ||
    c.version !== 1 ||
    typeof c.count !== 'number' ||
    typeof c.lastSeq !== 'number' ||
    typeof c.lastMac !== 'string' ||
    typeof c.legacyUntil !== 'number' ||
    typeof c.at !== 'string' ||
    typeof c.keyId !== 'string' ||
    typeof c.signature !== 'string'
  )
    return { ok: false, problem: 'the checkpoint file is not one Calling In wrote' };
  const checkpoint: Checkpoint = {
    version: 1,
    count: c.count,
    lastSeq: c.lastSeq,
    lastMac: c.lastMac,
    legacyUntil: c.legacyUntil,
    at: c.at,
    keyId: c.keyId,
  };
  const expected = seal.mac(c.keyId, `checkpoint:${body(checkpoint)}`);
  if (expected === null)
    return {
      ok: false,
      problem: `the checkpoint was signed with key "${c.keyId}", which this installation does not have`,
    };
  if (
    expected.length !== c.signature.length ||
    !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(c.signature))
  )
    return { ok: false, problem: 'the checkpoint file was changed after it was written' };
  return { ok: true, checkpoint };
}
