import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { JSONWebKeySet } from 'jose';
import { leafHash, toBase64 } from '../ledger/hashing.js';
import { MemorySubtreeReader } from '../ledger/memory-subtree-reader.js';
import { ledgerEvent, ledgerEventLeaf, LedgerEventKind } from '../ledger-events/ledger-event.js';
import { openCommitmentFor, type PartyOpening } from '../ledger-events/party-commitment.js';
import { generateTestKey, testCheckpoint, testKeySet, TestLedgerServer, TEST_ORIGIN, type ServedEntry, type TestKey, type TestLedger } from './ledger-http.test-fixtures.js';
import { verifyOwnEntriesOverHttp } from './verify-own-entries-over-http.js';

// Three pages (1000, 1000, 345), of which the party appears in about two entries out of seven.
const SIZE = 2345;
const CREDITOR = 'creditor-2';
const TOKEN = 'node-credential-of-creditor-2';

/** A ledger whose events keep their openings, as the coordinator keeps them beside the log. */
interface PartyLedger extends TestLedger {
  readonly openings: readonly (readonly PartyOpening[])[];
}

function buildPartyLedger(size: number, history = 'main'): PartyLedger {
  const built = Array.from({ length: size }, (_, n) =>
    ledgerEvent({
      eventId: `${history}-evt-${n}`,
      kind: LedgerEventKind.CONSENT_GIVEN,
      recordId: `consent-${n}`,
      state: 'given',
      eventTime: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
      subject: `ps_${history}_${n % 97}`,
      actor: { role: 'resident', id: `ps_${history}_${n % 97}` },
      creditors: [openCommitmentFor(`creditor-${n % 7}`), openCommitmentFor(`creditor-${(n + 3) % 7}`)],
    }),
  );
  const leaves = built.map(({ event }) => ledgerEventLeaf(event));
  return { leaves, reader: new MemorySubtreeReader(leaves.map((leaf) => leafHash(leaf))), openings: built.map(({ openings }) => openings) };
}

/**
 * LEDGER.md's API as the coordinator serves it to a creditor node: only the entries that name the
 * node, each with only the node's own opening; proofs and checkpoints for anyone.
 */
function ownEntriesOf(ledger: TestLedger, start: number, end: number): ServedEntry[] {
  const { openings } = ledger as PartyLedger;
  const entries: ServedEntry[] = [];
  for (let index = start; index < end; index++) {
    const own = (openings[index] ?? []).filter((opening) => opening.creditorId === CREDITOR);
    if (own.length > 0) entries.push({ index, leaf: toBase64(ledger.leaves[index] as Uint8Array), openings: own });
  }
  return entries;
}

describe('a party verifying the entries about itself over HTTP', () => {
  let ledger: PartyLedger;
  let key: TestKey;
  let keySet: JSONWebKeySet;
  let checkpoint: string;
  /** The indexes of the entries that name the party. */
  let own: number[];
  const servers: TestLedgerServer[] = [];

  beforeAll(async () => {
    ledger = buildPartyLedger(SIZE);
    key = await generateTestKey('ledger-2026-01');
    keySet = await testKeySet(key);
    checkpoint = await testCheckpoint({ ledger, treeSize: SIZE, key });
    own = ledger.openings.flatMap((openings, index) => (openings.some((o) => o.creditorId === CREDITOR) ? [index] : []));
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  async function serve(): Promise<TestLedgerServer> {
    const server = await TestLedgerServer.start({ ledger, checkpoint, keySet, token: TOKEN, entriesOf: ownEntriesOf });
    servers.push(server);
    return server;
  }

  const verify = (server: TestLedgerServer, extra: { previousCheckpoint?: string; creditorId?: string } = { creditorId: CREDITOR }) =>
    verifyOwnEntriesOverHttp({ baseUrl: server.baseUrl, token: TOKEN, origin: TEST_ORIGIN, ...extra });

  /** Changes one served entry of the page that holds it. */
  function rewriteEntry(server: TestLedgerServer, index: number, change: (entry: ServedEntry) => ServedEntry): void {
    server.rewritePage = (entries) => entries.map((entry) => (entry.index === index ? change(entry) : entry));
  }

  it('accepts the honest entries: each opens its commitment and is proven in the signed tree', async () => {
    const server = await serve();
    server.proofDelayMs = 5;
    const report = await verify(server);
    expect(report).toEqual({ ok: true, treeSize: SIZE, problems: [], checkpoint, entries: own.length });
    expect(own.length).toBeGreaterThan(600);
    expect(server.paths.filter((p) => p.startsWith('/ledger/v1/entries')).sort()).toEqual([
      '/ledger/v1/entries?start=0&end=1000',
      '/ledger/v1/entries?start=1000&end=2000',
      '/ledger/v1/entries?start=2000&end=2345',
    ]);
    const proofs = server.paths.filter((p) => p.startsWith('/ledger/v1/proof/inclusion'));
    expect(proofs).toHaveLength(own.length);
    expect(proofs).toContain(`/ledger/v1/proof/inclusion?index=${own[0]}&treeSize=${SIZE}`);
    // Proofs are fetched side by side, but never more than 8 at a time.
    expect(server.maxProofsInFlight).toBeGreaterThan(1);
    expect(server.maxProofsInFlight).toBeLessThanOrEqual(8);
  });

  it('finds a served leaf that was altered: its inclusion proof no longer leads to the signed root', async () => {
    const server = await serve();
    const altered = own[40] as number;
    rewriteEntry(server, altered, (entry) => {
      // Inside a value: the leaf stays a canonical event with the same commitments, only the proof fails.
      const leaf = Buffer.from(entry.leaf, 'base64');
      leaf[leaf.indexOf('"subject":"ps_main_') + 12] = 'S'.charCodeAt(0);
      return { ...entry, leaf: leaf.toString('base64') };
    });
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.entries).toBe(own.length);
    expect(report.problems).toEqual([
      `entry ${altered} is not in the tree the checkpoint signed (${SIZE} entries): root mismatch (The proof leads to a different root hash.); the entry was changed or the proof is false`,
    ]);
  });

  it('refuses an opening that opens none of the commitments of the event', async () => {
    const server = await serve();
    const [first, second] = [own[3] as number, own[30] as number];
    server.rewritePage = (entries) =>
      entries.map((entry) => {
        // A wrong nonce for the party itself, and a claim that another creditor is named too.
        if (entry.index === first) return { ...entry, openings: [openCommitmentFor(CREDITOR)] };
        if (entry.index === second) return { ...entry, openings: [...entry.openings, openCommitmentFor('creditor-9')] };
        return entry;
      });
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `entry ${first}: the opening for creditor "${CREDITOR}" does not open any creditor commitment of the event`,
      `entry ${second}: the opening for creditor "creditor-9" does not open any creditor commitment of the event`,
    ]);
  });

  it('with a creditor id, requires its opening on every entry; without one, does not', async () => {
    const server = await serve();
    const stripped = own[5] as number;
    rewriteEntry(server, stripped, (entry) => ({ ...entry, openings: [] }));
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([`entry ${stripped}: it comes without an opening for creditor "${CREDITOR}", so nothing shows the event concerns it`]);
    // A resident gets the openings of all their creditors; an entry with none is not wrong for them.
    expect(await verify(server, {})).toMatchObject({ ok: true, problems: [], entries: own.length });
  });

  it('reports an entry served in a page it does not belong to, and a repeated one', async () => {
    const server = await serve();
    const later = own.find((index) => index >= 1000 && index < 2000) as number;
    server.rewritePage = (entries, start) => {
      if (start !== 0) return entries;
      const real = entries[0] as ServedEntry;
      return [...entries, { ...real, index: later }, real];
    };
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `the page of entries 0..999 holds entry ${later}, outside the range asked for`,
      `entry ${own[0]} is duplicated or out of order`,
    ]);
    // Only the entries in place were checked (each once).
    expect(report.entries).toBe(own.length);
  });

  describe('against the checkpoint of an earlier run', () => {
    it('accepts a log that only grew, checked with a consistency proof', async () => {
      const server = await serve();
      const previous = await testCheckpoint({ ledger, treeSize: 1500, key });
      expect(await verify(server, { previousCheckpoint: previous, creditorId: CREDITOR })).toEqual({
        ok: true,
        treeSize: SIZE,
        problems: [],
        checkpoint,
        entries: own.length,
      });
      expect(server.paths).toContain('/ledger/v1/proof/consistency?from=1500&to=2345');
    });

    it('detects a fork even though each entry about the party is proven in the current tree', async () => {
      const server = await serve();
      const forked = buildPartyLedger(1500, 'fork');
      const previous = await testCheckpoint({ ledger: forked, treeSize: 1500, key });
      const report = await verify(server, { previousCheckpoint: previous, creditorId: CREDITOR });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.stringMatching(/^the current checkpoint \(2345 entries\) is not consistent with the previous one \(1500 entries\): first root mismatch .*forked or rewritten$/),
      ]);
      expect(report.checkpoint).toBe(checkpoint);
    });
  });

  it('reports a refused credential, and a base that is not a URL, without throwing', async () => {
    const server = await serve();
    const refused = await verifyOwnEntriesOverHttp({ baseUrl: server.baseUrl, token: 'someone-else' });
    expect(refused).toMatchObject({ ok: false, treeSize: SIZE, entries: 0 });
    expect(refused.problems).toEqual([`GET ${server.baseUrl}/ledger/v1/entries?start=0&end=1000 answered 401: UNAUTHENTICATED: Reading ledger entries needs an auditor or party credential.`]);
    expect(await verifyOwnEntriesOverHttp({ baseUrl: 'not a url', token: TOKEN })).toEqual({
      ok: false,
      treeSize: 0,
      problems: ['"not a url" is not a URL'],
      entries: 0,
    });
  });
});
