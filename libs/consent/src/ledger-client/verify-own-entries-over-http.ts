import type { Checkpoint } from '../checkpoints/signed-checkpoint.js';
import { leafHash } from '../ledger/hashing.js';
import { checkInclusion } from '../ledger/verify-proof.js';
import { checkOwnEntry } from './check-own-entry.js';
import { fetchPagesInOrder } from './fetch-pages-in-order.js';
import type { LedgerApiUrl } from './ledger-api-url.js';
import { getJson } from './ledger-http-get.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { openVerifiedLedger } from './open-verified-ledger.js';
import { decodeInclusionAnswer } from './proof-answers.js';
import { VerificationProblems } from './verification-problems.js';
import type { HttpLedgerVerificationReport } from './verify-ledger-over-http.js';

/** Inclusion proofs fetched at the same time: one request per entry, so a party with many is not serialised. */
const INCLUSION_PROOFS_IN_FLIGHT = 8;

/** The party's report: the full verifier's, plus how many entries about the party were checked. */
export type OwnEntriesVerificationReport = HttpLedgerVerificationReport & { readonly entries: number };

/** An entry that lies where it should in its page; what it holds is checked next. */
interface PlacedEntry {
  readonly index: number;
  readonly leaf: unknown;
  readonly openings: unknown;
}

/**
 * LEDGER.md's check for a party (a creditor node with its node credential, or a resident): it sees
 * only the entries about itself, so it cannot recompute the root as an auditor does. Instead it checks
 * the checkpoint's signature, that every entry served to it is a canonical event with openings that
 * open the event's commitments (and, given `creditorId`, its own opening), that every one of them is
 * in the tree the checkpoint signed (an RFC 9162 inclusion proof each), and, given the checkpoint of
 * an earlier run, that the log only grew since (consistency proof) — together enough to catch an
 * entry about the party that was changed, or a history that was rewritten. Never throws; every
 * failure is a line in `problems`.
 */
export async function verifyOwnEntriesOverHttp(params: {
  readonly baseUrl: string;
  /** The party's bearer credential: a node credential, or a resident's access token. */
  readonly token: string;
  readonly fetch?: typeof fetch;
  /** A checkpoint JWS kept from an earlier run: the log must be consistent with it. */
  readonly previousCheckpoint?: string;
  /** When given, the checkpoints must be of this log. */
  readonly origin?: string;
  /** For a creditor node: every entry served must carry the opening for this creditor. */
  readonly creditorId?: string;
}): Promise<OwnEntriesVerificationReport> {
  const problems = new VerificationProblems();
  try {
    return await verify(params, problems);
  } catch (error) {
    // Defensive only: every step reports rather than throws, but a verifier must never crash.
    problems.add(`the verification stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, treeSize: 0, problems: problems.toArray(), entries: 0 };
  }
}

async function verify(params: Parameters<typeof verifyOwnEntriesOverHttp>[0], problems: VerificationProblems): Promise<OwnEntriesVerificationReport> {
  const opened = await openVerifiedLedger({ ...params, problems });
  if (opened === undefined) return { ok: false, treeSize: 0, problems: problems.toArray(), entries: 0 };
  const { url, fetch: fetchFn, jws, checkpoint } = opened;
  let entries = 0;
  const done = (): OwnEntriesVerificationReport => ({
    ok: problems.count === 0,
    treeSize: checkpoint.treeSize,
    problems: problems.toArray(),
    checkpoint: jws,
    entries,
  });
  if (opened.stopped) return done();

  const placement = new EntryPlacement(problems.add);
  const stopped = await fetchPagesInOrder({
    treeSize: checkpoint.treeSize,
    concurrency: undefined,
    get: (start, end, signal) => getJson({ fetch: fetchFn, url: url('ledger/v1/entries', { start, end }), token: params.token, signal }),
    onPage: async (start, end, body) => {
      const placed = placement.page(start, end, body);
      entries += placed.length;
      // Problems are reported in index order, whichever proof answered first.
      const found = await mapWithConcurrency(placed, INCLUSION_PROOFS_IN_FLIGHT, (entry) =>
        checkEntry({ entry, checkpoint, fetch: fetchFn, url, ...(params.creditorId === undefined ? {} : { creditorId: params.creditorId }) }),
      );
      for (const problem of found.flat()) problems.add(problem);
    },
  });
  if (stopped !== undefined) problems.add(stopped);
  return done();
}

/**
 * A party's pages are sparse (only the entries about it), so gaps are normal; but every entry must
 * lie in the page asked for and come once, in index order, or the server is answering something else.
 */
class EntryPlacement {
  private last = -1;

  constructor(private readonly report: (problem: string) => void) {}

  page(start: number, end: number, body: unknown): PlacedEntry[] {
    const list = typeof body === 'object' && body !== null ? (body as { entries?: unknown }).entries : undefined;
    if (!Array.isArray(list)) {
      this.report(`the page of entries ${start}..${end - 1} has no entries list`);
      return [];
    }
    const placed: PlacedEntry[] = [];
    for (const entry of list as unknown[]) {
      const { index, leaf, openings } = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      if (typeof index !== 'number' || !Number.isSafeInteger(index)) {
        this.report(`the page of entries ${start}..${end - 1} holds an entry without a valid index`);
      } else if (index < start || index >= end) {
        this.report(`the page of entries ${start}..${end - 1} holds entry ${index}, outside the range asked for`);
      } else if (index <= this.last) {
        this.report(`entry ${index} is duplicated or out of order`);
      } else {
        this.last = index;
        placed.push({ index, leaf, openings });
      }
    }
    return placed;
  }
}

/** One entry's own checks, then its inclusion proof against the checkpoint's root. */
async function checkEntry(params: {
  readonly entry: PlacedEntry;
  readonly checkpoint: Checkpoint;
  readonly fetch: typeof fetch;
  readonly url: LedgerApiUrl;
  readonly creditorId?: string;
}): Promise<string[]> {
  const { entry, checkpoint } = params;
  const { index } = entry;
  const own = checkOwnEntry({ ...entry, ...(params.creditorId === undefined ? {} : { creditorId: params.creditorId }) });
  const problems = [...own.problems];
  if (own.leaf === undefined) return problems;
  // Proofs are public: the credential stays with the entries.
  const answer = await getJson({ fetch: params.fetch, url: params.url('ledger/v1/proof/inclusion', { index, treeSize: checkpoint.treeSize }) });
  if (!answer.ok) return [...problems, `entry ${index}: no inclusion proof: ${answer.problem}`];
  const proof = decodeInclusionAnswer(answer.body, index, checkpoint.treeSize);
  if (typeof proof === 'string') return [...problems, `entry ${index}: ${proof}`];
  const check = checkInclusion({ index, treeSize: checkpoint.treeSize, leafHash: leafHash(own.leaf), proof, rootHash: checkpoint.rootHash });
  if (!check.ok) {
    problems.push(
      `entry ${index} is not in the tree the checkpoint signed (${checkpoint.treeSize} entries): ${check.reason} (${check.detail}); the entry was changed or the proof is false`,
    );
  }
  return problems;
}
