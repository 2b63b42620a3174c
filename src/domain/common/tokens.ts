// Random identifiers and secrets. Secrets are shown once and stored only as hashes.
import crypto from 'node:crypto';

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * A UUID (version 7) that begins with the time it was made, so rows made one after another sit
 * side by side in an index instead of landing on a random page. Only for rows whose creation
 * time is shown next to them anyway (it can be read back from the id).
 */
export function newTimeOrderedId(nowMs: number): string {
  const b = crypto.randomBytes(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A URL-safe secret with 256 bits of entropy. */
export function newSecret(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
