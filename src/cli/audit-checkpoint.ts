// The audit log's checkpoint file (src/domain/audit/checkpoint.ts): written by `callin start`
// and `callin worker` about once a second while entries are added, and by every CLI command
// that changes something, before it exits. It never moves backwards and is never written over a
// database that disagrees with it, so the evidence of removed entries or a restored database
// stays for `callin audit verify`.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../http/context.ts';
import { readCheckpoint, signCheckpoint, type Checkpoint } from '../domain/audit/checkpoint.ts';

export function checkpointFile(ctx: Pick<AppContext, 'config'>): string {
  return ctx.config.auditCheckpointFile;
}

export type LoadedCheckpoint =
  { state: 'none' } | { state: 'ok'; checkpoint: Checkpoint } | { state: 'bad'; problem: string };

export function loadCheckpoint(ctx: Pick<AppContext, 'config' | 'store'>): LoadedCheckpoint {
  const file = checkpointFile(ctx);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'bad', problem: 'the checkpoint file cannot be read as JSON' };
  }
  const read = readCheckpoint(ctx.store.repos.audit.seal, raw);
  return read.ok
    ? { state: 'ok', checkpoint: read.checkpoint }
    : { state: 'bad', problem: read.problem };
}

/**
 * Writes the checkpoint for the database as it is now. Returns false (and writes nothing) when
 * the file on disk disagrees with the database: that file is the evidence verify needs.
 */
export async function writeCheckpoint(
  ctx: Pick<AppContext, 'config' | 'store' | 'clock'>,
): Promise<boolean> {
  const audit = ctx.store.repos.audit;
  const last = await audit.last();
  if (!last) return true;
  const lastSeq = Number(last.seq);
  const existing = loadCheckpoint(ctx);
  if (existing.state === 'bad') return false;
  let legacyUntil: number;
  if (existing.state === 'ok') {
    const c = existing.checkpoint;
    if (lastSeq < c.lastSeq) return false;
    if (c.lastSeq > 0 && (await audit.hashAt(c.lastSeq)) !== c.lastMac) return false;
    if (lastSeq === c.lastSeq) return true;
    legacyUntil = c.legacyUntil;
  } else {
    legacyUntil = await audit.lastUnkeyedSeq();
  }
  const signed = signCheckpoint(audit.seal, {
    count: lastSeq,
    lastSeq,
    lastMac: last.hash,
    legacyUntil,
    at: ctx.clock.now().toISOString(),
  });
  const file = checkpointFile(ctx);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(signed, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return true;
}

/** Keeps the checkpoint current while a long-running process adds entries. */
export function startCheckpointing(
  ctx: Pick<AppContext, 'config' | 'store' | 'clock'>,
  options: { intervalMs?: number; onError?: (e: unknown) => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => writeCheckpoint(ctx)).catch((e: unknown) => options.onError?.(e));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}
