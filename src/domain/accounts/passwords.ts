// Argon2id with OWASP's recommended minimums (19 MiB, 2 passes, 1 lane).
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { AppError } from '../../config/errors.ts';

// Algorithm is an ambient const enum; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function checkPasswordStrength(password: string, email: string): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`Use at least ${PASSWORD_MIN} characters.`);
  if (password.length > PASSWORD_MAX) problems.push(`Use at most ${PASSWORD_MAX} characters.`);
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    problems.push('Use something other than your email address.');
  }
  if (/^(.)\1*$/.test(password)) problems.push('Use more than one repeated character.');
  if (problems.length) throw new AppError('validation_failed', [{ field: 'password', problems }]);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash to compare against when the account does not exist, so timing does not reveal it.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hash('not a real password', OPTIONS);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
