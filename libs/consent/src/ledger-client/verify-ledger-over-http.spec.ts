import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { JSONWebKeySet } from 'jose';
import { canonicalJsonBytes } from '../ledger/canonical-json.js';
import { toBase64 } from '../ledger/hashing.js';
import {
  buildTestLedger,
  generateTestKey,
  testCheckpoint,
  testKeySet,
  TestLedgerServer,
  TEST_ORIGIN,
  type TestKey,
  type TestLedger,
} from './ledger-http.test-fixtures.js';
import { verifyLedgerOverHttp } from './verify-ledger-over-http.js';

// Three pages (1000, 1000, 345): enough to see paging, ordering and concurrency at work.
const SIZE = 2345;
const TOKEN = 'auditor-token';

describe('verifying a ledger over HTTP', () => {
  let ledger: TestLedger;
  let key: TestKey;
  let keySet: JSONWebKeySet;
  let checkpoint: string;
  const servers: TestLedgerServer[] = [];

  beforeAll(async () => {
    ledger = buildTestLedger(SIZE);
    key = await generateTestKey('ledger-2026-01');
    keySet = await testKeySet(key);
    checkpoint = await testCheckpoint({ ledger, treeSize: SIZE, key });
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  async function serve(overrides: Partial<Parameters<typeof TestLedgerServer.start>[0]> = {}): Promise<TestLedgerServer> {
    const server = await TestLedgerServer.start({ ledger, checkpoint, keySet, token: TOKEN, ...overrides });
    servers.push(server);
    return server;
  }

  it('recomputes the root of every entry and accepts an honest ledger', async () => {
    const server = await serve();
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN, origin: TEST_ORIGIN });
    expect(report).toEqual({ ok: true, treeSize: SIZE, problems: [], checkpoint });
    expect(server.entriesRequests().sort()).toEqual([
      '/ledger/v1/entries?start=0&end=1000',
      '/ledger/v1/entries?start=1000&end=2000',
      '/ledger/v1/entries?start=2000&end=2345',
    ]);
    // The credential goes only where it is needed: keys and checkpoints are public.
    expect(server.requests.filter((r) => r.authorization !== undefined).map((r) => r.path.split('?')[0])).toEqual([
      '/ledger/v1/entries',
      '/ledger/v1/entries',
      '/ledger/v1/entries',
    ]);
  });

  it('fetches pages concurrently but checks them in order, even when later pages answer first', async () => {
    const server = await serve();
    server.pageDelay = (start) => 60 - start / 50; // page 0 slowest, last page fastest
    const report = await verifyLedgerOverHttp({ baseUrl: `${server.baseUrl}/`, token: TOKEN, concurrency: 2 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(server.maxEntriesInFlight).toBe(2);
  });

  it('verifies an empty ledger against the root of the empty tree', async () => {
    const empty = buildTestLedger(0);
    const server = await serve({ ledger: empty, checkpoint: await testCheckpoint({ ledger: empty, treeSize: 0, key }) });
    expect(await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN })).toMatchObject({ ok: true, treeSize: 0, problems: [] });
    expect(server.entriesRequests()).toEqual([]);
  });

  it('detects a served leaf that differs by one byte from the one the checkpoint covers', async () => {
    const server = await serve();
    server.rewritePage = (entries) =>
      entries.map((entry) => {
        if (entry.index !== 1234) return entry;
        // Inside a value: the leaf stays a canonical event, only the root gives it away.
        const leaf = Buffer.from(entry.leaf, 'base64');
        leaf[leaf.indexOf('"subject":"ps_main_') + 12] = 'S'.charCodeAt(0);
        return { ...entry, leaf: leaf.toString('base64') };
      });
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^the root of the 2345 entries served is .*, the checkpoint's is /)]);
  });

  it('reports a leaf that is not a canonical ledger event', async () => {
    const server = await serve();
    server.rewritePage = (entries) =>
      entries.map((entry) => (entry.index === 7 ? { ...entry, leaf: toBase64(canonicalJsonBytes({ note: 'not an event' })) } : entry));
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report.problems).toEqual(['entry 7: the leaf is not a v1 ledger event', expect.stringContaining('the root of the 2345 entries served')]);
  });

  it('reports a page that skips an index, repeats one or puts them out of order', async () => {
    const server = await serve();
    server.rewritePage = (entries, start) => {
      if (start === 1000) return entries.filter((e) => e.index !== 1500);
      if (start === 2000) return [entries[0], entries[2], entries[1], ...entries.slice(3), entries[entries.length - 1]].filter((e) => e !== undefined);
      return entries;
    };
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report.ok).toBe(false);
    // A swap shows as a gap where the later entry came first, then the earlier one out of order.
    expect(report.problems).toEqual([
      'entry 1500 is missing',
      'entry 2001 is missing',
      'entry 2001 is duplicated or out of order',
      'entry 2344 is duplicated or out of order',
    ]);
  });

  it('reports entries outside the page, and a page cut short', async () => {
    const server = await serve();
    server.rewritePage = (entries, start) => {
      if (start === 0) return [...entries, { index: 1000, leaf: entries[0]?.leaf ?? '', openings: [] }];
      if (start === 1000) return entries.slice(0, 10);
      return entries;
    };
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report.problems).toEqual([
      'the page of entries 0..999 holds entry 1000, outside the range asked for',
      'entries 1010..1999 are missing',
    ]);
  });

  it('refuses a checkpoint signed by a key that is not published, without reading the entries', async () => {
    const rogue = await generateTestKey('ledger-2026-01');
    const server = await serve({ checkpoint: await testCheckpoint({ ledger, treeSize: SIZE, key: rogue }) });
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report).toEqual({
      ok: false,
      treeSize: 0,
      problems: ['the checkpoint does not verify against the published keys: signature not valid (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)'],
    });
    expect(server.entriesRequests()).toEqual([]);
  });

  it('refuses a checkpoint of another log than the one asked for', async () => {
    const server = await serve();
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN, origin: 'another.example/ledger/v1' });
    expect(report.problems).toEqual([`the checkpoint does not verify against the published keys: checkpoint of another log (${TEST_ORIGIN})`]);
  });

  describe('against the checkpoint of an earlier run', () => {
    it('accepts a log that only grew, checked with a consistency proof', async () => {
      const server = await serve();
      const previous = await testCheckpoint({ ledger, treeSize: 1500, key });
      const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN, previousCheckpoint: previous });
      expect(report).toEqual({ ok: true, treeSize: SIZE, problems: [], checkpoint });
      expect(server.requests.map((r) => r.path)).toContain('/ledger/v1/proof/consistency?from=1500&to=2345');
    });

    it('accepts an earlier checkpoint signed with a key that has since been retired', async () => {
      const old = await generateTestKey('ledger-2025-01');
      const previous = await testCheckpoint({ ledger, treeSize: 100, key: old });
      const server = await serve({ keySet: await testKeySet(key, [old]) });
      expect(await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN, previousCheckpoint: previous })).toMatchObject({ ok: true, problems: [] });
    });

    it('detects a fork: the earlier checkpoint is of another history', async () => {
      const forked = buildTestLedger(1500, 'fork');
      const previous = await testCheckpoint({ ledger: forked, treeSize: 1500, key });
      const server = await serve();
      const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN, previousCheckpoint: previous });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.stringMatching(/^the current checkpoint \(2345 entries\) is not consistent with the previous one \(1500 entries\): first root mismatch .*forked or rewritten$/),
      ]);
    });

    it('detects a log that shrank, and two roots for the same size', async () => {
      const server = await serve();
      const longer = buildTestLedger(SIZE + 1);
      const shrank = await verifyLedgerOverHttp({
        baseUrl: server.baseUrl,
        token: TOKEN,
        previousCheckpoint: await testCheckpoint({ ledger: longer, treeSize: SIZE + 1, key }),
      });
      expect(shrank.problems).toEqual([`the log shrank: the previous checkpoint covers ${SIZE + 1} entries, the current one only ${SIZE}`]);

      const sameSize = await verifyLedgerOverHttp({
        baseUrl: server.baseUrl,
        token: TOKEN,
        previousCheckpoint: await testCheckpoint({ ledger: longer, treeSize: SIZE, key }),
      });
      expect(sameSize.problems).toEqual([expect.stringContaining(`not consistent with the previous one (${SIZE} entries): roots differ`)]);
      expect(server.requests.some((r) => r.path.startsWith('/ledger/v1/proof/consistency'))).toBe(false);
    });

    it('refuses an earlier checkpoint that does not verify', async () => {
      const rogue = await generateTestKey('rogue');
      const server = await serve();
      const report = await verifyLedgerOverHttp({
        baseUrl: server.baseUrl,
        token: TOKEN,
        previousCheckpoint: await testCheckpoint({ ledger, treeSize: 10, key: rogue }),
      });
      expect(report.problems).toEqual([expect.stringMatching(/^the previous checkpoint does not verify against the published keys: signature not valid/)]);
    });
  });

  describe('HTTP failures', () => {
    it('reports a 401 with its error code and stops', async () => {
      const server = await serve();
      const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: 'wrong' });
      expect(report.ok).toBe(false);
      expect(report.treeSize).toBe(SIZE);
      expect(report.problems).toEqual([
        `GET ${server.baseUrl}/ledger/v1/entries?start=0&end=1000 answered 401: UNAUTHENTICATED: Reading ledger entries needs an auditor or party credential.`,
      ]);
    });

    it('reports a 500 without JSON, and an answer that is not JSON', async () => {
      const server = await serve();
      server.override = (path) => (path === '/.well-known/jwks.json' ? { status: 502, body: 'Bad gateway' } : undefined);
      expect((await verifyLedgerOverHttp({ baseUrl: server.baseUrl })).problems).toEqual([`GET ${server.baseUrl}/.well-known/jwks.json answered 502`]);
      server.override = (path) => (path === '/ledger/v1/checkpoint' ? { status: 200, body: '<html>' } : undefined);
      expect((await verifyLedgerOverHttp({ baseUrl: server.baseUrl })).problems).toEqual([`GET ${server.baseUrl}/ledger/v1/checkpoint did not answer JSON`]);
    });

    it('reports a server that cannot be reached, and a base that is not a URL', async () => {
      const server = await serve();
      const { baseUrl } = server;
      await server.stop();
      servers.splice(servers.indexOf(server), 1);
      const report = await verifyLedgerOverHttp({ baseUrl });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.stringMatching(new RegExp(`^GET ${baseUrl}/.well-known/jwks.json failed: fetch failed \\(.*ECONNREFUSED`))]);
      expect(await verifyLedgerOverHttp({ baseUrl: 'not a url' })).toEqual({ ok: false, treeSize: 0, problems: ['"not a url" is not a URL'] });
    });

    it('reports a page that is not an entries list, and a thrown fetch, as problems', async () => {
      const server = await serve();
      server.override = (path) => (path === '/ledger/v1/entries' ? { status: 200, body: '{"rows":[]}' } : undefined);
      const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
      expect(report.problems).toEqual([
        'the page of entries 0..999 has no entries list',
        'the page of entries 1000..1999 has no entries list',
        'the page of entries 2000..2344 has no entries list',
      ]);
      const throwing = (): Promise<Response> => Promise.reject(new Error('boom'));
      expect(await verifyLedgerOverHttp({ baseUrl: server.baseUrl, fetch: throwing })).toMatchObject({ ok: false, problems: [expect.stringContaining('failed: boom')] });
    });
  });

  it('caps the problems at 100, the last one counting the rest', async () => {
    const server = await serve();
    server.rewritePage = (entries) => entries.map((entry) => ({ ...entry, leaf: toBase64(canonicalJsonBytes({ n: entry.index })) }));
    const report = await verifyLedgerOverHttp({ baseUrl: server.baseUrl, token: TOKEN });
    expect(report.problems).toHaveLength(100);
    expect(report.problems[0]).toBe('entry 0: the leaf is not a v1 ledger event');
    // 2345 leaves plus the root mismatch, 99 of them listed.
    expect(report.problems[99]).toBe(`… and ${SIZE + 1 - 99} more problems`);
  });
});
