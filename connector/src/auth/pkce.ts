// Random values of the sign-in: the PKCE verifier and its S256 challenge (RFC 7636), the state, the browser binding.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 64 characters of base64url: inside PKCE's 43–128 unreserved characters. */
export const newCodeVerifier = (): string => randomBytes(48).toString('base64url');

export const s256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** 256 bits: a state or a browser binding nobody can guess. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison of two strings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
