import { CREDITOR_ID_PATTERN, CREDITOR_SECTORS, CoordinatorErrorCode, type CreditorSector } from '#contracts';

/** A node's public key set as the directory keeps it: Ed25519 keys only, each with a kid. */
export interface PublicKeySet {
  readonly keys: readonly { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string; readonly kid: string }[];
}

export interface CreditorRegistration {
  readonly id: string;
  readonly name: string;
  readonly sector: CreditorSector;
  readonly subgraphUrl: string;
  readonly keySet: PublicKeySet;
}

export interface RegistrationProblem {
  readonly code: typeof CoordinatorErrorCode.CREDITOR_REGISTRATION_INVALID;
  readonly field: string;
  readonly message: string;
}

/** Checks a request to add a node to the directory; every problem at once. */
export function checkCreditorRegistration(input: {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly subgraphUrl: string;
  readonly keySet: string;
}): { readonly registration: CreditorRegistration } | { readonly problems: readonly RegistrationProblem[] } {
  const problems: RegistrationProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ code: CoordinatorErrorCode.CREDITOR_REGISTRATION_INVALID, field, message });
  };
  if (!CREDITOR_ID_PATTERN.test(input.id)) problem('id', 'The creditor id must be lower-case letters, digits and hyphens (at most 63).');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) problem('name', 'The name must be 1 to 200 characters.');
  if (!(CREDITOR_SECTORS as readonly string[]).includes(input.sector)) {
    problem('sector', `The sector must be one of ${CREDITOR_SECTORS.join(', ')}.`);
  }
  if (!isHttpUrl(input.subgraphUrl)) problem('subgraphUrl', 'The subgraph URL must be an http or https URL.');
  const keySet = parsePublicKeySet(input.keySet);
  if (typeof keySet === 'string') problem('keySet', keySet);
  if (problems.length > 0 || typeof keySet === 'string') return { problems };
  return { registration: { id: input.id, name, sector: input.sector as CreditorSector, subgraphUrl: input.subgraphUrl, keySet } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A JWKS of public Ed25519 keys, or why not. A private key (`d`) is refused outright. */
export function parsePublicKeySet(text: string): PublicKeySet | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The key set is not JSON.';
  }
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) return 'The key set must be a JWKS with at least one key.';
  const parsed: PublicKeySet['keys'][number][] = [];
  for (const key of keys as unknown[]) {
    const jwk = key as Record<string, unknown> | null;
    if (jwk === null || typeof jwk !== 'object') return 'Every key must be a JWK object.';
    if ('d' in jwk) return 'The key set holds a private key. Send only the public keys, and replace that key now.';
    if (jwk['kty'] !== 'OKP' || jwk['crv'] !== 'Ed25519' || typeof jwk['x'] !== 'string') return 'Every key must be a public Ed25519 key.';
    if (typeof jwk['kid'] !== 'string' || jwk['kid'] === '') return 'Every key needs a key id (kid).';
    parsed.push({ kty: 'OKP', crv: 'Ed25519', x: jwk['x'], kid: jwk['kid'] });
  }
  return { keys: parsed };
}
