// The audit log: every state change appends one entry, chained to the one before by a keyed MAC
// (HMAC-SHA256 with a key that lives outside the database, derived from the encryption key
// ring), so an edit, a deletion or a chain recomputed without the key breaks it at a place
// `callin audit verify` can name; removing the newest entries or restoring an older database
// shows against the signed checkpoint kept outside the database (checkpoint.ts). Entries hold
// ids and action names only, never case content or personal data.
import crypto from 'node:crypto';
import type {
  ActChannel,
  ActorKind,
  AuditAction,
  AuditTargetType,
} from '../../contract/vocabulary.ts';
import type { AuditEntry } from '../../db/records.ts';
import type { AuditSeal } from '../../db/repositories/audit.repository.ts';
import type { Checkpoint } from './checkpoint.ts';

export type { ActorKind } from '../../contract/vocabulary.ts';
export type { AuditSeal };

export interface AuditInput {
  communityId: string | null;
  actorKind: ActorKind;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  /** How the person acted (rule 10); sealed with the entry when given. */
  channel?: ActChannel | null;
}

/** An entry as the repository hands it over (one shape for the log, db/records.ts). */
export type ChainedEntry = AuditEntry;

export const GENESIS_HASH = '0'.repeat(64);

function canonical(e: Omit<ChainedEntry, 'hash' | 'keyId'>): string {
  // The channel joins the sealed fields only when recorded, so entries without one (all from
  // before 2026-12-01T11) keep the seal they were written with.
  const channel = e.channel ? [e.channel] : [];
  return JSON.stringify([
    e.seq,
    e.communityId,
    e.actorKind,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.at,
    e.prevHash,
    ...channel,
  ]);
}

/** The seal of an entry under the named key (null when the key is unknown). */
export function sealOf(
  seal: AuditSeal,
  keyId: string,
  e: Omit<ChainedEntry, 'hash' | 'keyId'>,
): string | null {
  return seal.mac(keyId, canonical(e));
}

/** The plain SHA-256 of entries written before the chain was keyed (keyId null). */
export function legacyHash(e: Omit<ChainedEntry, 'hash' | 'keyId'>): string {
  return crypto.createHash('sha256').update(canonical(e)).digest('hex');
}

/**
 * A seal from the key ring: one MAC key per encryption key, derived with HKDF so the audit key
 * is never the encryption key itself. The newest key seals; older ones still verify.
 */
export function createAuditSeal(keyRing: {
  activeId: string;
  keys: Map<string, Buffer>;
}): AuditSeal {
  const macKeys = new Map<string, Buffer>();
  for (const [id, key] of keyRing.keys) {
    macKeys.set(id, Buffer.from(crypto.hkdfSync('sha256', key, 'callin', 'audit-chain-v1', 32)));
  }
  return {
    keyId: keyRing.activeId,
    mac(keyId, data) {
      const key = macKeys.get(keyId);
      return key ? crypto.createHmac('sha256', key).update(data).digest('hex') : null;
    },
  };
}

export function chainEntry(
  previous: { seq: number; hash: string } | undefined,
  input: AuditInput,
  at: string,
  seal: AuditSeal,
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
    channel: input.channel ?? null,
  };
  return { ...base, keyId: seal.keyId, hash: seal.mac(seal.keyId, canonical(base))! };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
  /** The newest entry found, as a checkpoint records it. */
  head: { count: number; lastSeq: number; lastMac: string };
  /** How the log compares with the checkpoint kept outside the database, when there is one. */
  checkpoint: { count: number; lastSeq: number; at: string } | null;
}

function problemWith(
  e: ChainedEntry,
  prev: { seq: number; hash: string },
  seal: AuditSeal,
  keyedSeen: boolean,
  legacyUntil: number | null,
): string | null {
  if (e.seq !== prev.seq + 1)
    return `entry ${prev.seq + 1} is missing (the next one found is ${e.seq})`;
  if (e.prevHash !== prev.hash) return 'it does not point at the entry before it';
  if (e.keyId === null) {
    if (keyedSeen || (legacyUntil !== null && e.seq > legacyUntil))
      return 'it carries no key although the log was already keyed: the chain was recomputed without the key';
    return legacyHash(e) === e.hash ? null : 'its contents do not match its hash';
  }
  const mac = seal.mac(e.keyId, canonical(e));
  if (mac === null)
    return `it was sealed with key "${e.keyId}", which this installation does not have`;
  return crypto.timingSafeEqual(
    Buffer.from(mac),
    Buffer.from(e.hash.padEnd(mac.length).slice(0, mac.length)),
  )
    ? null
    : 'its contents do not match its seal: it was changed, or the chain recomputed without the key';
}

/**
 * Walks entries in order of seq and names the first one that does not hold; then, when a
 * checkpoint is given, names entries missing from the end or a log that is not the one the
 * checkpoint saw (an older database restored, or the chain recomputed).
 */
export async function verifyChain(
  entries: AsyncIterable<ChainedEntry>,
  seal: AuditSeal,
  checkpoint: Checkpoint | null = null,
): Promise<ChainReport> {
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  let keyedSeen = false;
  let atCheckpoint: string | null = null;
  const legacyUntil = checkpoint?.legacyUntil ?? null;
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null,
    checked,
    firstBroken,
    head: { count: checked, lastSeq: prev.seq, lastMac: prev.hash },
    checkpoint: checkpoint
      ? { count: checkpoint.count, lastSeq: checkpoint.lastSeq, at: checkpoint.at }
      : null,
  });
  for await (const e of entries) {
    checked++;
    const problem = problemWith(e, prev, seal, keyedSeen, legacyUntil);
    if (problem) return report({ seq: e.seq, problem });
    if (e.keyId !== null) keyedSeen = true;
    if (checkpoint && e.seq === checkpoint.lastSeq) atCheckpoint = e.hash;
    prev = e;
  }
  if (checkpoint) {
    if (prev.seq < checkpoint.lastSeq)
      return report({
        seq: prev.seq + 1,
        problem: `the log ends at entry ${prev.seq}, but the checkpoint of ${checkpoint.at} saw ${checkpoint.lastSeq}: the newest entries were removed, or an older database was restored`,
      });
    if (checkpoint.lastSeq > 0 && atCheckpoint !== checkpoint.lastMac)
      return report({
        seq: checkpoint.lastSeq,
        problem: `it is not the entry the checkpoint of ${checkpoint.at} saw: the chain was recomputed, or another database restored`,
      });
  }
  return report(null);
}
