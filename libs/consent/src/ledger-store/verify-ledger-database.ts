import type { Pool } from 'pg';
import { CompactRange } from '../ledger/compact-range.js';
import { hashesEqual, leafHash, toBase64 } from '../ledger/hashing.js';
import type { Checkpoint } from '../checkpoints/signed-checkpoint.js';

/** The report of LEDGER.md's `verify`: ok, the size checked, and every problem found. */
export interface LedgerVerificationReport {
  readonly ok: boolean;
  readonly treeSize: number;
  readonly problems: readonly string[];
}

const BATCH = 10_000;
const MAX_PROBLEMS = 100;

/**
 * Recomputes the whole ledger from the stored leaves, as an auditor with database access would: every
 * leaf hash, every stored subtree hash, the head's size and root, and (when given) a signed
 * checkpoint's root at its size. Finds edited, deleted, inserted and reordered rows.
 */
export async function verifyLedgerDatabase(params: {
  readonly pool: Pool;
  readonly checkpoint?: Checkpoint;
}): Promise<LedgerVerificationReport> {
  const { pool, checkpoint } = params;
  const problems: string[] = [];
  const report = (problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const range = CompactRange.empty();
  let expectedIndex = 0;

  for (;;) {
    const { rows } = await pool.query<{ idx: string; leaf: Buffer; leaf_hash: Buffer }>(
      'SELECT idx, leaf, leaf_hash FROM ledger_entries WHERE idx >= $1 ORDER BY idx LIMIT $2',
      [expectedIndex, BATCH],
    );
    if (rows.length === 0) break;
    const batchStart = range.size;
    const completed: { level: number; idx: number; hash: Uint8Array }[] = [];
    for (const row of rows) {
      const index = Number(row.idx);
      if (index !== expectedIndex) {
        report(`entries ${expectedIndex}..${index - 1} are missing`);
        expectedIndex = index;
      }
      const recomputed = leafHash(new Uint8Array(row.leaf));
      if (!hashesEqual(recomputed, new Uint8Array(row.leaf_hash))) report(`entry ${index}: the stored leaf hash does not match the leaf`);
      for (const node of range.append(recomputed)) {
        const width = node.end - node.start;
        if (width >= 2) completed.push({ level: Math.log2(width), idx: node.start / width, hash: node.hash });
      }
      if (checkpoint !== undefined && range.size === checkpoint.treeSize && !hashesEqual(range.root(), checkpoint.rootHash)) {
        report(`the checkpoint's root for size ${checkpoint.treeSize} does not match the entries`);
      }
      expectedIndex += 1;
    }
    await compareSubtrees(pool, batchStart, range.size, completed, report);
  }

  const { rows: heads } = await pool.query<{ tree_size: string; root_hash: Buffer }>('SELECT tree_size, root_hash FROM ledger_head');
  const head = heads[0];
  if (!head) {
    report('the ledger head is missing');
  } else {
    if (Number(head.tree_size) !== range.size) report(`the head says ${head.tree_size} entries, the table holds ${range.size}`);
    if (!hashesEqual(new Uint8Array(head.root_hash), range.root())) {
      report(`the head's root ${toBase64(new Uint8Array(head.root_hash))} is not the root of the entries ${toBase64(range.root())}`);
    }
  }
  if (checkpoint !== undefined && checkpoint.treeSize > range.size) {
    report(`the checkpoint covers ${checkpoint.treeSize} entries, the table holds ${range.size}`);
  }
  const { rows: counts } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_subtrees');
  const expectedSubtrees = countPerfectSubtrees(range.size);
  if (Number(counts[0]?.n ?? 0) !== expectedSubtrees) {
    report(`ledger_subtrees holds ${counts[0]?.n ?? 0} hashes where ${expectedSubtrees} belong`);
  }
  return { ok: problems.length === 0, treeSize: range.size, problems };
}

/** Compares the subtree hashes completed by leaves [from, to) with the stored ones, in one query. */
async function compareSubtrees(
  pool: Pool,
  from: number,
  to: number,
  completed: readonly { level: number; idx: number; hash: Uint8Array }[],
  report: (problem: string) => void,
): Promise<void> {
  if (completed.length === 0) return;
  const { rows } = await pool.query<{ level: number; idx: string; hash: Buffer }>(
    `SELECT s.level, s.idx, s.hash FROM ledger_subtrees s
       JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, idx) ON s.level = w.level AND s.idx = w.idx`,
    [completed.map((c) => c.level), completed.map((c) => c.idx)],
  );
  const stored = new Map(rows.map((r) => [`${r.level}:${r.idx}`, new Uint8Array(r.hash)]));
  let reported = 0;
  for (const node of completed) {
    const hash = stored.get(`${node.level}:${node.idx}`);
    if (hash === undefined || !hashesEqual(hash, node.hash)) {
      if (reported < 3) report(`subtree level ${node.level} #${node.idx} (leaves ${from}..${to - 1}) is ${hash ? 'altered' : 'missing'}`);
      reported += 1;
    }
  }
}

/** Perfect subtrees of width ≥ 2 in a tree of n leaves: Σ floor(n / 2^L) for L ≥ 1. */
function countPerfectSubtrees(n: number): number {
  let total = 0;
  for (let width = 2; width <= n; width *= 2) total += Math.floor(n / width);
  return total;
}
