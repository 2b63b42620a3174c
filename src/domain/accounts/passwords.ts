// Argon2id with OWASP's recommended minimums (19 MiB, 2 passes, 1 lane).
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { AppError, fieldError, type FieldError } from '../../config/errors.ts';

// Algorithm is an ambient const enum; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function checkPasswordStrength(password: string, email: string): void {
  const problems: FieldError[] = [];
  if (password.length < PASSWORD_MIN)
    problems.push({
      ...fieldError('password', `Use at least ${PASSWORD_MIN} characters.`),
      rule: 'minLength',
      limit: PASSWORD_MIN,
    });
  if (password.length > PASSWORD_MAX)
    problems.push({
      ...fieldError('password', `Use at most ${PASSWORD_MAX} characters.`),
      rule: 'maxLength',
      limit: PASSWORD_MAX,
    });
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    problems.push(fieldError('password', 'Use something other than your email address.'));
  }
  if (/^(.)\1*$/.test(password))
    problems.push(fieldError('password', 'Use more than one repeated character.'));
  if (problems.length) throw new AppError('validation_failed', problems);
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
