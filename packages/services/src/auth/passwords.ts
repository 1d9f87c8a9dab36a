import { hash, verify } from '@node-rs/argon2';
import { AppError } from '@puhui/core';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes a password with argon2id (PHC string format, salt included).
 *
 * @example const stored = await hashPassword('correct horse 1');
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the stored argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, used to spend the same time when the user does not exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
}

/**
 * The password policy: 10 to 128 characters with at least one letter and one digit, and not the
 * user name. Throws `password_too_weak` naming the rule that failed.
 *
 * @example assertPasswordPolicy('s3cure-enough', 'alice');
 */
export function assertPasswordPolicy(password: string, username: string, field = 'body.password'): void {
  const fail = (message: string) => {
    throw new AppError('password_too_weak', message, [{ path: field, message }]);
  };
  if (password.length < 10) fail('at least 10 characters');
  if (password.length > 128) fail('at most 128 characters');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) fail('at least one letter and one digit');
  if (password.toLowerCase().includes(username.toLowerCase())) fail('must not contain the user name');
}
