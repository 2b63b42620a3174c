// Authenticated encryption of case content (AES-256-GCM). The envelope names the key that
// wrote it, and the associated data binds a ciphertext to its row, so content cannot be moved
// between cases or communities unnoticed.
import crypto from 'node:crypto';
import type { KeyRing } from '../../config/keys.ts';

const VERSION = 'v1';

export interface Cipher {
  encrypt(value: unknown, context: string): string;
  decrypt<T>(envelope: string, context: string): T;
  /** Stable keyed hash for matching values without storing them (for example a person's handle). */
  blindIndex(value: string): string;
}

export function createCipher(ring: KeyRing): Cipher {
  const active = ring.keys.get(ring.activeId);
  if (!active) throw new Error('The active encryption key is missing.');
  // The blind-index key is derived from the oldest key so it survives rotation.
  const oldest = [...ring.keys.values()].at(-1) ?? active;
  const indexKey = crypto.createHmac('sha256', oldest).update('callin blind index').digest();
  return {
    encrypt(value, context) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', active, iv);
      c.setAAD(Buffer.from(context));
      const ct = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
      const tag = c.getAuthTag();
      return [
        VERSION,
        ring.activeId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ct.toString('base64url'),
      ].join('.');
    },
    decrypt<T>(envelope: string, context: string): T {
      const [version, keyId, iv, tag, ct] = envelope.split('.');
      if (
        version !== VERSION ||
        !keyId ||
        iv === undefined ||
        tag === undefined ||
        ct === undefined
      ) {
        throw new Error('Unreadable encrypted value.');
      }
      const key = ring.keys.get(keyId);
      if (!key) throw new Error(`Encryption key "${keyId}" is not configured.`);
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(context));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString(
        'utf8',
      );
      return JSON.parse(plain) as T;
    },
    blindIndex(value) {
      return crypto
        .createHmac('sha256', indexKey)
        .update(value.normalize('NFKC').trim().toLowerCase())
        .digest('base64url');
    },
  };
}
