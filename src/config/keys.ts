// Loads the encryption key ring: from CALLIN_ENCRYPTION_KEYS, or from a key file that is
// generated (mode 0600) on first start. The first key encrypts new content; older keys still
// decrypt what they wrote, so keys can rotate.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './env.ts';

export interface KeyRing {
  activeId: string;
  keys: Map<string, Buffer>;
}

interface KeyFile {
  keys: { id: string; key: string; createdAt: string }[];
}

export function parseKeyList(list: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let activeId = '';
  for (const part of list.split(',')) {
    const [id, b64] = part.trim().split(':');
    if (!id || !b64) continue;
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes.`);
    if (!activeId) activeId = id;
    keys.set(id, key);
  }
  if (!activeId) throw new Error('No encryption key was given.');
  return { activeId, keys };
}

export function loadKeyRing(config: Pick<Config, 'encryptionKeys' | 'encryptionKeyFile'>): KeyRing {
  if (config.encryptionKeys) return parseKeyList(config.encryptionKeys);
  const file = config.encryptionKeyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const first: KeyFile = {
      keys: [
        {
          id: `k${Date.now().toString(36)}`,
          key: crypto.randomBytes(32).toString('base64'),
          createdAt: new Date().toISOString(),
        },
      ],
    };
    // wx: never overwrite a key file that appeared meanwhile.
    try {
      fs.writeFileSync(file, JSON.stringify(first, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) {
    throw new Error(`The key file ${file} holds no keys.`);
  }
  return parseKeyList(parsed.keys.map((k) => `${k.id}:${k.key}`).join(','));
}
