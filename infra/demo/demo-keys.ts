import { randomBytes, createHmac } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { isEd25519PrivateJwk } from '../idp/ed25519-jwk.js';

/** An Ed25519 private key as a JWK, with its key id. */
export interface PrivateJwk extends JWK {
  kty: 'OKP';
  crv: 'Ed25519';
  d: string;
  x: string;
  kid: string;
}

/**
 * DEVELOPMENT KEYS, for `npm run demo` only: what the identity provider, the coordinator and the
 * nodes sign with. Made on the first run and kept in .demo/keys.json (git-ignored), so pasted
 * commands (and the tokens in them) stay valid across runs.
 */
export interface DemoKeys {
  readonly note: string;
  /** The coordinator's CONSENT_SIGNING_KEY: signs consent tokens. */
  readonly coordinator: PrivateJwk;
  /** The coordinator's LEDGER_SIGNING_KEY: signs checkpoints and receipts (never the consent key). */
  readonly ledger: PrivateJwk;
  /**
   * The development identity provider's IDP_SIGNING_KEY: signs every ID and access token. Kept across
   * runs, so a token printed by one run still verifies after a restart.
   */
  readonly identityProvider: PrivateJwk;
  /** Creditor id → that node's own signing key (NODE_SIGNING_KEY). */
  readonly nodes: Readonly<Record<string, PrivateJwk>>;
  /** 32 random bytes, base64url: the coordinator's secret for pairwise pseudonyms (PSEUDONYM_SECRET). */
  readonly pseudonymSecret: string;
}

/** A key file from before a key was added (the ledger key came with the real coordinator). */
type StoredDemoKeys = Omit<DemoKeys, 'ledger'> & { readonly ledger?: PrivateJwk };

const NOTE = 'Development keys for `npm run demo` only. Never use them anywhere else.';

export class DemoKeysMissingError extends Error {
  constructor(file: string, missing = 'No demo keys') {
    super(`${missing} in ${file}: run \`npm run demo\` once first; it creates them.`);
    this.name = 'DemoKeysMissingError';
  }
}

/**
 * Reads the keys, adding any that are missing (first run, or a node or the ledger key added since).
 * `added` names what an existing file lacked.
 */
export async function loadOrCreateDemoKeys(
  file: string,
  creditorIds: readonly string[],
): Promise<{ keys: DemoKeys; created: boolean; added: string[] }> {
  const existing = await readKeysFile(file);
  const nodes: Record<string, PrivateJwk> = { ...existing?.nodes };
  const added = existing !== undefined && existing.ledger === undefined ? ['the ledger key'] : [];
  for (const creditorId of creditorIds) {
    if (nodes[creditorId] !== undefined) continue;
    nodes[creditorId] = await generatePrivateJwk(`demo-node-${creditorId}`);
    if (existing !== undefined) added.push(`${creditorId}'s key`);
  }
  const keys: DemoKeys = {
    note: NOTE,
    coordinator: existing?.coordinator ?? (await generatePrivateJwk('demo-coordinator-1')),
    ledger: existing?.ledger ?? (await generatePrivateJwk('demo-ledger-1')),
    identityProvider: existing?.identityProvider ?? (await generatePrivateJwk('demo-idp-1')),
    nodes,
    pseudonymSecret: existing?.pseudonymSecret ?? randomBytes(32).toString('base64url'),
  };
  if (existing === undefined || added.length > 0) await writeKeysFile(file, keys);
  return { keys, created: existing === undefined, added };
}

/** Reads the keys an earlier `npm run demo` made. */
export async function readDemoKeys(file: string): Promise<DemoKeys> {
  const keys = await readKeysFile(file);
  if (keys === undefined) throw new DemoKeysMissingError(file);
  // A file without the ledger key predates the coordinator: no demo has run since, so none runs now.
  if (keys.ledger === undefined) throw new DemoKeysMissingError(file, 'No ledger key');
  return { ...keys, ledger: keys.ledger };
}

export function pseudonymSecretBytes(keys: DemoKeys): Uint8Array {
  return Buffer.from(keys.pseudonymSecret, 'base64url');
}

/** The secret as the coordinator's PSEUDONYM_SECRET wants it: standard base64 (the file keeps base64url). */
export function pseudonymSecretBase64(keys: DemoKeys): string {
  return Buffer.from(pseudonymSecretBytes(keys)).toString('base64');
}

async function generatePrivateJwk(kid: string): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid };
  if (!isPrivateJwk(jwk)) throw new Error('jose exported an unexpected Ed25519 key');
  return jwk;
}

async function readKeysFile(file: string): Promise<StoredDemoKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const keys = JSON.parse(text) as unknown;
  if (!isDemoKeys(keys)) {
    throw new Error(`${file} is not a demo key file; delete it (and run \`npm run demo -- --fresh\`) to start over.`);
  }
  return keys;
}

async function writeKeysFile(file: string, keys: DemoKeys): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** The same check the identity provider makes of its keys: an Ed25519 private JWK with a key id. */
function isPrivateJwk(value: unknown): value is PrivateJwk {
  return isEd25519PrivateJwk(value);
}

function isDemoKeys(value: unknown): value is StoredDemoKeys {
  if (typeof value !== 'object' || value === null) return false;
  const keys = value as Record<string, unknown>;
  const nodes = keys['nodes'];
  return (
    isPrivateJwk(keys['coordinator']) &&
    (keys['ledger'] === undefined || isPrivateJwk(keys['ledger'])) &&
    isPrivateJwk(keys['identityProvider']) &&
    typeof nodes === 'object' &&
    nodes !== null &&
    Object.values(nodes).every(isPrivateJwk) &&
    typeof keys['pseudonymSecret'] === 'string' &&
    Buffer.from(keys['pseudonymSecret'], 'base64url').byteLength >= 32
  );
}

/**
 * The webhook secret the coordinator and the simulated payment provider share (PAYMENT_PROVIDER_SECRET),
 * derived from the kept pseudonym secret: stable across runs, and nothing new to store.
 */
export function paymentProviderSecret(keys: DemoKeys): string {
  return createHmac('sha256', keys.pseudonymSecret).update('samen-regelen-demo/payment-provider').digest('hex');
}

/**
 * The portal's client secret at the development identity provider (its OIDC_CLIENT_SECRET; the
 * provider's IDP_CLIENTS), derived from the kept pseudonym secret like the payment provider's: stable
 * across runs, different on every machine, and nowhere in the code. Demo only: a real portal gets its
 * secret from the broker it is registered with.
 */
export function portalClientSecret(keys: DemoKeys): string {
  return createHmac('sha256', keys.pseudonymSecret).update('samen-regelen-demo/debtor-portal').digest('hex');
}

/**
 * The password of user `postgres` in the demo's embedded PostgreSQL (.demo/postgres), derived like the
 * secrets above: stable across runs, so a cluster kept from an earlier run still lets the demo in, and
 * nothing new to store. A password rather than trust: the server listens on 127.0.0.1 only, but other
 * users of this machine could reach it there.
 */
export function embeddedPostgresPassword(keys: DemoKeys): string {
  return createHmac('sha256', keys.pseudonymSecret).update('samen-regelen-demo/embedded-postgres').digest('hex');
}
