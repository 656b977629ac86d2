import type { JSONWebKeySet } from 'jose';
import { verifyCheckpoint, type Checkpoint } from '../checkpoints/signed-checkpoint.js';
import type { LedgerApiUrl } from './ledger-api-url.js';
import { getJson } from './ledger-http-get.js';

export type FetchedCheckpoint =
  | { readonly ok: true; readonly jws: string; readonly checkpoint: Checkpoint; readonly keySet: JSONWebKeySet }
  | { readonly ok: false; readonly problem: string };

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}

/**
 * The first step of every verification over HTTP: the published keys and the latest checkpoint,
 * whose signature (and, when given, origin) must check out before anything it covers is worth reading.
 * Both are public, so no credential is sent.
 */
export async function fetchVerifiedCheckpoint(params: {
  readonly fetch: typeof fetch;
  readonly url: LedgerApiUrl;
  readonly origin?: string;
}): Promise<FetchedCheckpoint> {
  const jwks = await getJson({ fetch: params.fetch, url: params.url('.well-known/jwks.json') });
  if (!jwks.ok) return jwks;
  if (!isKeySet(jwks.body)) return { ok: false, problem: 'the published key set is not a JWKS ({ "keys": [...] })' };
  const keySet = jwks.body;

  const latest = await getJson({ fetch: params.fetch, url: params.url('ledger/v1/checkpoint') });
  if (!latest.ok) return latest;
  const jws = (latest.body as { checkpoint?: unknown } | null)?.checkpoint;
  if (typeof jws !== 'string') return { ok: false, problem: 'the checkpoint answer has no checkpoint' };
  const verified = await verifyCheckpoint({ jws, keySet, ...(params.origin === undefined ? {} : { origin: params.origin }) });
  if (!verified.ok) return { ok: false, problem: `the checkpoint does not verify against the published keys: ${verified.reason}` };
  return { ok: true, jws, checkpoint: verified.checkpoint, keySet };
}
