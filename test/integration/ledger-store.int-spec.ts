import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  LEDGER_SCHEMA_SQL,
  LedgerAppender,
  LedgerReader,
  canonicalJsonBytes,
  leafHash,
  rootHash,
  verifyConsistency,
  verifyInclusion,
  verifyLedgerDatabase,
} from '#consent';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const databases: TestDatabase[] = [];
const pools: pg.Pool[] = [];

async function freshLedger(label: string): Promise<pg.Pool> {
  const database = await createTestDatabase(label);
  databases.push(database);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pools.push(pool);
  for (const statement of LEDGER_SCHEMA_SQL) await pool.query(statement);
  return pool;
}

function event(n: number): Uint8Array {
  // No personal data in clear: pseudonymous ids and hashes only, as LEDGER.md requires.
  return canonicalJsonBytes({ type: 'consent.given', recordId: `consent-${n}`, subject: `ps_${n}`, creditors: ['hdsr'], at: '2026-03-02T09:00:00Z' });
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(databases.map((d) => d.drop()));
});

describe('ledger store on real PostgreSQL', () => {
  it('turns 200 concurrent appends into one gap-free tree whose proofs verify', async () => {
    const pool = await freshLedger('ledger_concurrent');
    const appender = new LedgerAppender(pool);
    const appended = await Promise.all(Array.from({ length: 200 }, (_, n) => appender.append(event(n))));

    expect(appended.map((a) => a.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const reader = new LedgerReader(pool);
    const head = await reader.head();
    const entries = await reader.entries(0, 200);
    const leafHashes = entries.map((e) => leafHash(e.leaf));
    expect(head.treeSize).toBe(200);
    expect(Buffer.from(head.rootHash).equals(Buffer.from(rootHash(leafHashes)))).toBe(true);

    for (let index = 0; index < 200; index += 1) {
      const proof = await reader.inclusionProof(index, 200);
      expect(verifyInclusion({ index, treeSize: 200, leafHash: leafHashes[index] as Uint8Array, proof, rootHash: head.rootHash })).toBe(true);
    }
    for (const from of [1, 7, 64, 100, 199]) {
      const proof = await reader.consistencyProof(from, 200);
      const fromRoot = rootHash(leafHashes.slice(0, from));
      expect(verifyConsistency({ from, to: 200, fromRoot, toRoot: head.rootHash, proof })).toBe(true);
    }
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: 200, problems: [] });
  });

  it('keeps one tree when two writers (as two processes would) append at the same time', async () => {
    const pool = await freshLedger('ledger_two_writers');
    const other = new pg.Pool({ connectionString: databases[databases.length - 1]?.url, max: 4 });
    pools.push(other);
    const [a, b] = [new LedgerAppender(pool), new LedgerAppender(other)];
    await Promise.all(Array.from({ length: 150 }, (_, n) => (n % 2 === 0 ? a : b).append(event(n))));
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: 150, problems: [] });
  });

  it('checks a signed checkpoint against the entries at its size', async () => {
    const pool = await freshLedger('ledger_checkpoint');
    const appender = new LedgerAppender(pool);
    for (let n = 0; n < 10; n += 1) await appender.append(event(n));
    const reader = new LedgerReader(pool);
    const earlier = { origin: 'test', treeSize: 10, rootHash: (await reader.head()).rootHash, issuedAt: new Date() };
    await Promise.all(Array.from({ length: 10 }, (_, n) => appender.append(event(100 + n))));

    expect((await verifyLedgerDatabase({ pool, checkpoint: earlier })).ok).toBe(true);
    const forged = { ...earlier, treeSize: 11 };
    expect((await verifyLedgerDatabase({ pool, checkpoint: forged })).problems).toEqual([
      "the checkpoint's root for size 11 does not match the entries",
    ]);
  });

  it('is append-only in the database itself, and its head only grows', async () => {
    const pool = await freshLedger('ledger_refuses');
    await new LedgerAppender(pool).append(event(1));
    await expect(pool.query(`UPDATE ledger_entries SET leaf = '\\x00'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ledger_subtrees`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE ledger_head SET tree_size = 0`)).rejects.toThrow(/only grow/);
    await expect(pool.query(`DELETE FROM ledger_head`)).rejects.toThrow(/append-only/);
  });

  describe('verification finds what a superuser changed behind the application', () => {
    async function tampered(label: string, sql: string): Promise<Awaited<ReturnType<typeof verifyLedgerDatabase>>> {
      const pool = await freshLedger(label);
      const appender = new LedgerAppender(pool);
      await Promise.all(Array.from({ length: 40 }, (_, n) => appender.append(event(n))));
      expect((await verifyLedgerDatabase({ pool })).ok).toBe(true);
      for (const table of ['ledger_entries', 'ledger_subtrees', 'ledger_head']) await pool.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await pool.query(sql);
      return verifyLedgerDatabase({ pool });
    }

    it('an edited entry', async () => {
      const result = await tampered('ledger_edit', `UPDATE ledger_entries SET leaf = convert_to('{"type":"consent.withdrawn"}', 'UTF8') WHERE idx = 17`);
      expect(result.ok).toBe(false);
      expect(result.problems).toContain('entry 17: the stored leaf hash does not match the leaf');
    });

    it('an edited entry whose stored hash was "fixed" too', async () => {
      const result = await tampered(
        'ledger_edit_hash',
        `UPDATE ledger_entries SET leaf = convert_to('x', 'UTF8'), leaf_hash = sha256('\\x00'::bytea || convert_to('x', 'UTF8')) WHERE idx = 5`,
      );
      expect(result.ok).toBe(false);
      expect(result.problems.some((p) => p.startsWith('subtree level 1 #2'))).toBe(true);
    });

    it('a deleted entry', async () => {
      const result = await tampered('ledger_delete', `DELETE FROM ledger_entries WHERE idx = 30`);
      expect(result.ok).toBe(false);
      expect(result.problems).toContain('entries 30..30 are missing');
    });

    it('a deleted subtree hash', async () => {
      const result = await tampered('ledger_subtree', `DELETE FROM ledger_subtrees WHERE level = 2 AND idx = 3`);
      expect(result.problems).toContain('level 2 misses 1 subtree hashes');
    });

    it('a head rolled back to an earlier size', async () => {
      const result = await tampered('ledger_head', `UPDATE ledger_head SET tree_size = 39`);
      expect(result.problems).toContain('the head says 39 entries, the table holds 40');
    });

    it('two swapped entries', async () => {
      const result = await tampered(
        'ledger_swap',
        `UPDATE ledger_entries e SET leaf = o.leaf, leaf_hash = o.leaf_hash
           FROM ledger_entries o WHERE (e.idx, o.idx) IN ((8, 9), (9, 8))`,
      );
      expect(result.ok).toBe(false);
      expect(result.problems.some((p) => p.includes('subtree') || p.includes('root'))).toBe(true);
    });
  });
});
