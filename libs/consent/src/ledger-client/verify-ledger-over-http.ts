import { hashesEqual, toBase64 } from '../ledger/hashing.js';
import type { LedgerVerificationReport } from '../ledger-store/verify-ledger-database.js';
import { fetchPagesInOrder } from './fetch-pages-in-order.js';
import { LedgerEntryStream } from './ledger-entry-stream.js';
import { getJson } from './ledger-http-get.js';
import { openVerifiedLedger } from './open-verified-ledger.js';
import { VerificationProblems } from './verification-problems.js';

export { LEDGER_ENTRIES_PAGE_SIZE } from './fetch-pages-in-order.js';

/** A verification report plus the checkpoint it checked, to keep for the next run's consistency check. */
export type HttpLedgerVerificationReport = LedgerVerificationReport & { readonly checkpoint?: string };

/**
 * LEDGER.md's `verify --url`, as an auditor or a creditor node runs it against a ledger it does not
 * trust: fetch the published keys and the latest checkpoint, check the signature, fetch every entry
 * the checkpoint covers and recompute its root, and, given the checkpoint of an earlier run, check
 * that the log only grew since (RFC 9162 consistency proof). Memory is O(log n) plus the pages in
 * flight. Never throws; every failure is a line in `problems`.
 */
export async function verifyLedgerOverHttp(params: {
  readonly baseUrl: string;
  /** Bearer credential for the entries (auditor: all of them); keys, checkpoints and proofs are public. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
  /** Pages of entries fetched at the same time (default 4); they are still checked in order. */
  readonly concurrency?: number;
  /** A checkpoint JWS kept from an earlier run: the log must be consistent with it. */
  readonly previousCheckpoint?: string;
  /** When given, the checkpoints must be of this log. */
  readonly origin?: string;
}): Promise<HttpLedgerVerificationReport> {
  const problems = new VerificationProblems();
  try {
    return await verify(params, problems);
  } catch (error) {
    // Defensive only: every step reports rather than throws, but a verifier must never crash.
    problems.add(`the verification stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, treeSize: 0, problems: problems.toArray() };
  }
}

async function verify(params: Parameters<typeof verifyLedgerOverHttp>[0], problems: VerificationProblems): Promise<HttpLedgerVerificationReport> {
  const opened = await openVerifiedLedger({ ...params, problems });
  if (opened === undefined) return { ok: false, treeSize: 0, problems: problems.toArray() };
  const { url, fetch: fetchFn, jws, checkpoint } = opened;
  const done = (): HttpLedgerVerificationReport => ({
    ok: problems.count === 0,
    treeSize: checkpoint.treeSize,
    problems: problems.toArray(),
    checkpoint: jws,
  });
  if (opened.stopped) return done();

  const stream = new LedgerEntryStream(problems.add);
  const stopped = await fetchPagesInOrder({
    treeSize: checkpoint.treeSize,
    concurrency: params.concurrency,
    get: (start, end, signal) =>
      getJson({ fetch: fetchFn, url: url('ledger/v1/entries', { start, end }), ...(params.token === undefined ? {} : { token: params.token }), signal }),
    onPage: (start, end, body) => stream.page(start, end, body),
  });
  if (stopped !== undefined) {
    problems.add(stopped);
    return done();
  }
  const root = stream.root();
  if (root !== undefined && !hashesEqual(root, checkpoint.rootHash)) {
    problems.add(
      `the root of the ${checkpoint.treeSize} entries served is ${toBase64(root)}, the checkpoint's is ${toBase64(checkpoint.rootHash)}: entries were changed, removed or reordered`,
    );
  }
  return done();
}
