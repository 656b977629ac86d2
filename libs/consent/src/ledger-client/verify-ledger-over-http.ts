import type { JSONWebKeySet } from 'jose';
import { verifyCheckpoint, type Checkpoint } from '../checkpoints/signed-checkpoint.js';
import { fromBase64, hashesEqual, toBase64 } from '../ledger/hashing.js';
import { checkConsistency } from '../ledger/verify-proof.js';
import type { LedgerVerificationReport } from '../ledger-store/verify-ledger-database.js';
import { LedgerEntryStream } from './ledger-entry-stream.js';
import { getJson, type HttpGetResult } from './ledger-http-get.js';

/** LEDGER.md: at most 1000 entries per page. */
export const LEDGER_ENTRIES_PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 4;
const MAX_PROBLEMS = 100;

/** A verification report plus the checkpoint it checked, to keep for the next run's consistency check. */
export type HttpLedgerVerificationReport = LedgerVerificationReport & { readonly checkpoint?: string };

/** Collects problems up to the same cap as verifyLedgerDatabase; the last line then counts the rest. */
class Problems {
  private readonly list: string[] = [];
  private dropped = 0;

  readonly add = (problem: string): void => {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
    else this.dropped += 1;
  };

  get count(): number {
    return this.list.length + this.dropped;
  }

  toArray(): string[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list.slice(0, MAX_PROBLEMS - 1), `… and ${this.dropped + 1} more problems`];
  }
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}

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
  const problems = new Problems();
  try {
    return await verify(params, problems);
  } catch (error) {
    // Defensive only: every step reports rather than throws, but a verifier must never crash.
    problems.add(`the verification stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, treeSize: 0, problems: problems.toArray() };
  }
}

async function verify(params: Parameters<typeof verifyLedgerOverHttp>[0], problems: Problems): Promise<HttpLedgerVerificationReport> {
  const fail = (problem: string): HttpLedgerVerificationReport => {
    problems.add(problem);
    return { ok: false, treeSize: 0, problems: problems.toArray() };
  };
  let base: URL;
  try {
    // A trailing slash makes relative paths resolve below a base path (https://host/coordinator/…).
    base = new URL(params.baseUrl.endsWith('/') ? params.baseUrl : `${params.baseUrl}/`);
  } catch {
    return fail(`"${params.baseUrl}" is not a URL`);
  }
  const fetchFn = params.fetch ?? globalThis.fetch;
  const url = (path: string, query: Record<string, number> = {}): URL => {
    const result = new URL(path, base);
    for (const [name, value] of Object.entries(query)) result.searchParams.set(name, String(value));
    return result;
  };

  const jwks = await getJson({ fetch: fetchFn, url: url('.well-known/jwks.json') });
  if (!jwks.ok) return fail(jwks.problem);
  if (!isKeySet(jwks.body)) return fail('the published key set is not a JWKS ({ "keys": [...] })');
  const keySet = jwks.body;

  const latest = await getJson({ fetch: fetchFn, url: url('ledger/v1/checkpoint') });
  if (!latest.ok) return fail(latest.problem);
  const jws = (latest.body as { checkpoint?: unknown } | null)?.checkpoint;
  if (typeof jws !== 'string') return fail('the checkpoint answer has no checkpoint');
  const verified = await verifyCheckpoint({ jws, keySet, ...(params.origin === undefined ? {} : { origin: params.origin }) });
  if (!verified.ok) return fail(`the checkpoint does not verify against the published keys: ${verified.reason}`);
  const checkpoint = verified.checkpoint;
  const done = (): HttpLedgerVerificationReport => ({
    ok: problems.count === 0,
    treeSize: checkpoint.treeSize,
    problems: problems.toArray(),
    checkpoint: jws,
  });

  if (params.previousCheckpoint !== undefined) {
    const stop = await checkAgainstPrevious({ previous: params.previousCheckpoint, current: checkpoint, keySet, fetch: fetchFn, url, problems });
    if (stop) return done();
  }

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

/**
 * Fetches the pages of [0, treeSize) with up to `concurrency` requests in flight and hands them to
 * `onPage` strictly in order. Returns the problem that stopped it (an HTTP failure), if any.
 */
async function fetchPagesInOrder(params: {
  readonly treeSize: number;
  readonly concurrency: number | undefined;
  readonly get: (start: number, end: number, signal: AbortSignal) => Promise<HttpGetResult>;
  readonly onPage: (start: number, end: number, body: unknown) => void;
}): Promise<string | undefined> {
  const { treeSize } = params;
  const concurrency =
    params.concurrency !== undefined && Number.isSafeInteger(params.concurrency) && params.concurrency >= 1 ? params.concurrency : DEFAULT_CONCURRENCY;
  const abort = new AbortController();
  // getJson never rejects, so a page still queued when we stop cannot turn into an unhandled rejection.
  const inFlight: { readonly start: number; readonly end: number; readonly result: Promise<HttpGetResult> }[] = [];
  let nextStart = 0;
  const launch = (): void => {
    const start = nextStart;
    const end = Math.min(start + LEDGER_ENTRIES_PAGE_SIZE, treeSize);
    inFlight.push({ start, end, result: params.get(start, end, abort.signal) });
    nextStart = end;
  };
  while (inFlight.length < concurrency && nextStart < treeSize) launch();
  for (let page = inFlight.shift(); page !== undefined; page = inFlight.shift()) {
    const result = await page.result;
    if (!result.ok) {
      abort.abort();
      return result.problem;
    }
    if (nextStart < treeSize) launch();
    params.onPage(page.start, page.end, result.body);
  }
  return undefined;
}

/**
 * Checks the current checkpoint against one kept from an earlier run: same log, not smaller, and an
 * RFC 9162 consistency proof from the old root to the new one. Returns true when an HTTP failure
 * means verification must stop.
 */
async function checkAgainstPrevious(params: {
  readonly previous: string;
  readonly current: Checkpoint;
  readonly keySet: JSONWebKeySet;
  readonly fetch: typeof fetch;
  readonly url: (path: string, query?: Record<string, number>) => URL;
  readonly problems: Problems;
}): Promise<boolean> {
  const { current, problems } = params;
  const verified = await verifyCheckpoint({ jws: params.previous, keySet: params.keySet, origin: current.origin });
  if (!verified.ok) {
    problems.add(`the previous checkpoint does not verify against the published keys: ${verified.reason}`);
    return false;
  }
  const previous = verified.checkpoint;
  if (previous.treeSize > current.treeSize) {
    problems.add(`the log shrank: the previous checkpoint covers ${previous.treeSize} entries, the current one only ${current.treeSize}`);
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
      problems.add(answer.problem);
      return true;
    }
    const decoded = decodeConsistencyAnswer(answer.body, previous.treeSize, current.treeSize);
    if (typeof decoded === 'string') {
      problems.add(decoded);
      return false;
    }
    proof = decoded;
  }
  const check = checkConsistency({ from: previous.treeSize, to: current.treeSize, fromRoot: previous.rootHash, toRoot: current.rootHash, proof });
  if (!check.ok) {
    problems.add(
      `the current checkpoint (${current.treeSize} entries) is not consistent with the previous one (${previous.treeSize} entries): ${check.reason} (${check.detail}); the log was forked or rewritten`,
    );
  }
  return false;
}

function decodeConsistencyAnswer(body: unknown, from: number, to: number): Uint8Array[] | string {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as { from?: unknown; to?: unknown; proof?: unknown };
  if (answer.from !== from || answer.to !== to) return `the consistency proof answer is not for ${from} → ${to} entries`;
  if (!Array.isArray(answer.proof)) return 'the consistency proof answer has no proof list';
  try {
    return answer.proof.map((hash: unknown) => {
      if (typeof hash !== 'string') throw new TypeError('not a string');
      return fromBase64(hash);
    });
  } catch {
    return 'the consistency proof holds a hash that is not standard base64';
  }
}
