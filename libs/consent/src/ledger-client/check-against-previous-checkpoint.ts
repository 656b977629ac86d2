import type { JSONWebKeySet } from 'jose';
import { verifyCheckpoint, type Checkpoint } from '../checkpoints/signed-checkpoint.js';
import { checkConsistency } from '../ledger/verify-proof.js';
import type { LedgerApiUrl } from './ledger-api-url.js';
import { getJson } from './ledger-http-get.js';
import { decodeConsistencyAnswer } from './proof-answers.js';

/**
 * Checks the current checkpoint against one kept from an earlier run (LEDGER.md: parties keep the
 * checkpoints they receive): same log, not smaller, and an RFC 9162 consistency proof from the old
 * root to the new one. This is what catches a forked or rewritten log even for a reader who sees only
 * part of it. Returns true when an HTTP failure means verification must stop.
 */
export async function checkAgainstPreviousCheckpoint(params: {
  readonly previous: string;
  readonly current: Checkpoint;
  readonly keySet: JSONWebKeySet;
  readonly fetch: typeof fetch;
  readonly url: LedgerApiUrl;
  readonly report: (problem: string) => void;
}): Promise<boolean> {
  const { current, report } = params;
  const verified = await verifyCheckpoint({ jws: params.previous, keySet: params.keySet, origin: current.origin });
  if (!verified.ok) {
    report(`the previous checkpoint does not verify against the published keys: ${verified.reason}`);
    return false;
  }
  const previous = verified.checkpoint;
  if (previous.treeSize > current.treeSize) {
    report(`the log shrank: the previous checkpoint covers ${previous.treeSize} entries, the current one only ${current.treeSize}`);
    return false;
  }
  let proof: Uint8Array[] = [];
  // Equal sizes need no proof (the roots must simply be equal), and the empty tree is a prefix of all.
  if (previous.treeSize > 0 && previous.treeSize < current.treeSize) {
    const answer = await getJson({
      fetch: params.fetch,
      url: params.url('ledger/v1/proof/consistency', { from: previous.treeSize, to: current.treeSize }),
    });
    if (!answer.ok) {
      report(answer.problem);
      return true;
    }
    const decoded = decodeConsistencyAnswer(answer.body, previous.treeSize, current.treeSize);
    if (typeof decoded === 'string') {
      report(decoded);
      return false;
    }
    proof = decoded;
  }
  const check = checkConsistency({ from: previous.treeSize, to: current.treeSize, fromRoot: previous.rootHash, toRoot: current.rootHash, proof });
  if (!check.ok) {
    report(
      `the current checkpoint (${current.treeSize} entries) is not consistent with the previous one (${previous.treeSize} entries): ${check.reason} (${check.detail}); the log was forked or rewritten`,
    );
  }
  return false;
}
