import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, type CryptoKey, type JSONWebKeySet } from 'jose';
import { signCheckpoint } from '../checkpoints/signed-checkpoint.js';
import { SigningKeyRing } from '../checkpoints/signing-key-ring.js';
import { leafHash, toBase64 } from '../ledger/hashing.js';
import { MemorySubtreeReader } from '../ledger/memory-subtree-reader.js';
import { consistencyProof, inclusionProof, rootFromReader } from '../ledger/merkle-tree.js';
import { ledgerEvent, ledgerEventLeaf, LedgerEventKind } from '../ledger-events/ledger-event.js';
import { openCommitmentFor } from '../ledger-events/party-commitment.js';

/**
 * Test fixtures for ledger verifiers: a real ledger of canonical events in memory, real Ed25519 keys
 * and checkpoints, and a real HTTP server speaking LEDGER.md's API that a test can make misbehave.
 */

export const TEST_ORIGIN = 'samen-regelen.test/ledger/v1';

export interface TestLedger {
  readonly leaves: readonly Uint8Array[];
  readonly reader: MemorySubtreeReader;
}

/** `size` distinct consent events; another `history` gives other leaves (a fork of the log). */
export function buildTestLedger(size: number, history = 'main'): TestLedger {
  const leaves = Array.from({ length: size }, (_, n) =>
    ledgerEventLeaf(
      ledgerEvent({
        eventId: `${history}-evt-${n}`,
        kind: n % 5 === 4 ? LedgerEventKind.CONSENT_WITHDRAWN : LedgerEventKind.CONSENT_GIVEN,
        recordId: `consent-${Math.floor(n / 5)}`,
        state: n % 5 === 4 ? 'withdrawn' : 'given',
        eventTime: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
        subject: `ps_${history}_${n % 97}`,
        actor: { role: 'resident', id: `ps_${history}_${n % 97}` },
        creditors: [openCommitmentFor(`creditor-${n % 7}`)],
      }).event,
    ),
  );
  return { leaves, reader: new MemorySubtreeReader(leaves.map((leaf) => leafHash(leaf))) };
}

export interface TestKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

export async function generateTestKey(keyId: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { keyId, privateKey, publicKey };
}

/** The published key set with `active` signing and `retired` keys still listed, as after rotations. */
export async function testKeySet(active: TestKey, retired: readonly TestKey[] = []): Promise<JSONWebKeySet> {
  return SigningKeyRing.of([
    ...retired.map((key, i) => ({ ...key, createdAt: new Date(Date.UTC(2025, i, 1)), retiredAt: new Date(Date.UTC(2025, i + 1, 1)) })),
    { ...active, createdAt: new Date(Date.UTC(2026, 0, 1)), retiredAt: null },
  ]).published();
}

/** A checkpoint of the first `treeSize` entries of `ledger`, signed with `key`. */
export function testCheckpoint(params: { readonly ledger: TestLedger; readonly treeSize: number; readonly key: TestKey; readonly origin?: string }): Promise<string> {
  return signCheckpoint({
    checkpoint: {
      origin: params.origin ?? TEST_ORIGIN,
      treeSize: params.treeSize,
      rootHash: rootFromReader({ treeSize: params.treeSize, reader: params.ledger.reader }),
      issuedAt: new Date('2026-03-02T09:00:00.000Z'),
    },
    privateKey: params.key.privateKey,
    keyId: params.key.keyId,
  });
}

export interface ServedEntry {
  index: number;
  leaf: string;
  readonly openings: readonly unknown[];
}

export interface ServedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
}

/** A ledger API over a {@link TestLedger}. Public fields change its behaviour while it runs. */
export class TestLedgerServer {
  readonly requests: ServedRequest[] = [];
  /** The most entries requests that were being answered at the same time. */
  maxEntriesInFlight = 0;
  /** Rewrites a page before it is sent: how a lying or broken server is simulated. */
  rewritePage: ((entries: ServedEntry[], start: number, end: number) => ServedEntry[]) | undefined;
  /** Milliseconds to hold back the answer for the page starting at `start`. */
  pageDelay: ((start: number) => number) | undefined;
  /** Answers a path (without query) with this status and body instead of the real one. */
  override: ((path: string) => { readonly status: number; readonly body: string } | undefined) | undefined;
  /** Milliseconds to hold back every inclusion proof (to see how many a verifier asks at once). */
  proofDelayMs = 0;
  /** The most inclusion proofs that were being answered at the same time. */
  maxProofsInFlight = 0;
  private entriesInFlight = 0;
  private proofsInFlight = 0;

  private constructor(
    private readonly server: Server,
    public ledger: TestLedger,
    public checkpoint: string,
    public keySet: JSONWebKeySet,
    private readonly token: string | undefined,
    private readonly entriesOf: ((ledger: TestLedger, start: number, end: number) => ServedEntry[]) | undefined,
  ) {}

  static async start(params: {
    readonly ledger: TestLedger;
    readonly checkpoint: string;
    readonly keySet: JSONWebKeySet;
    /** When set, entries need `authorization: Bearer <token>`. */
    readonly token?: string;
    /**
     * Which entries a page holds; by default all of them, without openings (as an auditor sees them).
     * A party's view serves only the entries about it, with its own openings.
     */
    readonly entriesOf?: (ledger: TestLedger, start: number, end: number) => ServedEntry[];
  }): Promise<TestLedgerServer> {
    const holder: { instance?: TestLedgerServer } = {};
    const server = createServer((req, res) => {
      if (!holder.instance) return res.end();
      holder.instance.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { code: 'INTERNAL', message: String(error) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.instance = new TestLedgerServer(server, params.ledger, params.checkpoint, params.keySet, params.token, params.entriesOf);
    return holder.instance;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every path asked, with its query, in order. */
  get paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  entriesRequests(): string[] {
    return this.requests.filter((r) => r.path.startsWith('/ledger/v1/entries')).map((r) => r.path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const send = (status: number, body: unknown): void => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const overridden = this.override?.(url.pathname);
    if (overridden) return send(overridden.status, overridden.body);
    const number = (name: string): number => Number(url.searchParams.get(name));
    switch (url.pathname) {
      case '/.well-known/jwks.json':
        return send(200, this.keySet);
      case '/ledger/v1/checkpoint':
        return send(200, { checkpoint: this.checkpoint });
      case '/ledger/v1/proof/consistency': {
        const [from, to] = [number('from'), number('to')];
        const proof = consistencyProof({ from, to, reader: this.ledger.reader });
        return send(200, { from, to, proof: proof.map((hash) => toBase64(hash)) });
      }
      case '/ledger/v1/proof/inclusion': {
        const [index, treeSize] = [number('index'), number('treeSize')];
        this.proofsInFlight += 1;
        this.maxProofsInFlight = Math.max(this.maxProofsInFlight, this.proofsInFlight);
        try {
          if (this.proofDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.proofDelayMs));
        } finally {
          this.proofsInFlight -= 1;
        }
        return send(200, { leafIndex: index, treeSize, proof: inclusionProof({ index, treeSize, reader: this.ledger.reader }).map((hash) => toBase64(hash)) });
      }
      case '/ledger/v1/entries': {
        if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) {
          return send(401, { error: { code: 'UNAUTHENTICATED', message: 'Reading ledger entries needs an auditor or party credential.' } });
        }
        const start = number('start');
        const end = Math.min(number('end'), this.ledger.leaves.length);
        this.entriesInFlight += 1;
        this.maxEntriesInFlight = Math.max(this.maxEntriesInFlight, this.entriesInFlight);
        try {
          const delay = this.pageDelay?.(start) ?? 0;
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        } finally {
          this.entriesInFlight -= 1;
        }
        const entries =
          this.entriesOf?.(this.ledger, start, end) ??
          this.ledger.leaves.slice(start, end).map((leaf, i): ServedEntry => ({ index: start + i, leaf: toBase64(leaf), openings: [] }));
        return send(200, { entries: this.rewritePage ? this.rewritePage(entries, start, end) : entries });
      }
      default:
        return send(404, { error: { code: 'NOT_FOUND', message: `No ${url.pathname} here.` } });
    }
  }
}
