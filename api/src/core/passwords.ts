import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with the library's recommended cost; the hash string carries its own parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not turn into a 500 that tells an attacker the account exists.
    return false;
  }
}
