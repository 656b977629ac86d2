import type { Ed25519PrivateJwk } from './identity-provider.js';

/** Whether a parsed JSON value is an Ed25519 private key as a JWK, with a key id (for `kid`). */
export function isEd25519PrivateJwk(value: unknown): value is Ed25519PrivateJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519' && typeof jwk['d'] === 'string' && typeof jwk['x'] === 'string' && typeof jwk['kid'] === 'string' && jwk['kid'] !== '';
}
