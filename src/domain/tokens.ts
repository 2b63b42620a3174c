// Random identifiers and secrets. Secrets are shown once and stored only as hashes.
import crypto from 'node:crypto';

export function newId(): string {
  return crypto.randomUUID();
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
