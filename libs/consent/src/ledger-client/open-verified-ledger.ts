import type { JSONWebKeySet } from 'jose';
import type { Checkpoint } from '../checkpoints/signed-checkpoint.js';
import { checkAgainstPreviousCheckpoint } from './check-against-previous-checkpoint.js';
import { fetchVerifiedCheckpoint } from './fetch-verified-checkpoint.js';
import { ledgerApiUrl, type LedgerApiUrl } from './ledger-api-url.js';
import type { VerificationProblems } from './verification-problems.js';

/** A ledger whose latest checkpoint verified against its published keys, ready to read entries from. */
export interface OpenedLedger {
  readonly url: LedgerApiUrl;
  readonly fetch: typeof fetch;
  readonly jws: string;
  readonly checkpoint: Checkpoint;
  readonly keySet: JSONWebKeySet;
  /** The check against the previous checkpoint could not be completed (an HTTP failure): read no further. */
  readonly stopped: boolean;
}

/**
 * The first steps every HTTP verifier takes, auditor or party: a usable base URL, the latest
 * checkpoint with a valid signature, and (given one from an earlier run) a consistency proof from the
 * previous checkpoint to it. Problems go to `problems`; undefined when there is nothing to go on.
 */
export async function openVerifiedLedger(params: {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly previousCheckpoint?: string;
  readonly origin?: string;
  readonly problems: VerificationProblems;
}): Promise<OpenedLedger | undefined> {
  const { problems } = params;
  const url = ledgerApiUrl(params.baseUrl);
  if (url === undefined) {
    problems.add(`"${params.baseUrl}" is not a URL`);
    return undefined;
  }
  const fetchFn = params.fetch ?? globalThis.fetch;
  const latest = await fetchVerifiedCheckpoint({ fetch: fetchFn, url, ...(params.origin === undefined ? {} : { origin: params.origin }) });
  if (!latest.ok) {
    problems.add(latest.problem);
    return undefined;
  }
  const { jws, checkpoint, keySet } = latest;
  const stopped =
    params.previousCheckpoint !== undefined &&
    (await checkAgainstPreviousCheckpoint({ previous: params.previousCheckpoint, current: checkpoint, keySet, fetch: fetchFn, url, report: problems.add }));
  return { url, fetch: fetchFn, jws, checkpoint, keySet, stopped };
}
