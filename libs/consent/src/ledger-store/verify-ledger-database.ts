import type { Pool } from 'pg';
import { emptyRoot, hashesEqual, HASH_SIZE, leafHash, nodeHash, toBase64 } from '../ledger/hashing.js';
import { subtreeHashFromPerfect } from '../ledger/subtree-range.js';
import type { Checkpoint } from '../checkpoints/signed-checkpoint.js';

/** The report of LEDGER.md's `verify`: ok, the size checked, and every problem found. */
export interface LedgerVerificationReport {
  readonly ok: boolean;
  readonly treeSize: number;
  readonly problems: readonly string[];
}

const ENTRY_BATCH = 20_000;
const SUBTREE_BATCH = 50_000;
const MAX_PROBLEMS = 100;

/**
 * Recomputes the whole ledger from the stored leaves, as an auditor with database access would: every
 * leaf hash, every level of the tree against the stored subtree hashes, the head's size and root, and
 * (when given) a signed checkpoint's root at its size. Finds edited, deleted, inserted and reordered
 * rows. Two sequential scans; memory is about 64 bytes per entry (the leaf hashes and the levels).
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

  const leaves = await readLeafHashes(pool, report);
  const levels = buildLevels(leaves);
  const size = leaves.length / HASH_SIZE;
  await compareStoredSubtrees(pool, levels, report);

  const root = rootOfSize(levels, size);
  const { rows: heads } = await pool.query<{ tree_size: string; root_hash: Buffer }>('SELECT tree_size, root_hash FROM ledger_head');
  const head = heads[0];
  if (!head) {
    report('the ledger head is missing');
  } else {
    if (Number(head.tree_size) !== size) report(`the head says ${head.tree_size} entries, the table holds ${size}`);
    if (!hashesEqual(new Uint8Array(head.root_hash), root)) {
      report(`the head's root ${toBase64(new Uint8Array(head.root_hash))} is not the root of the entries ${toBase64(root)}`);
    }
  }
  if (checkpoint !== undefined) {
    if (checkpoint.treeSize > size) report(`the checkpoint covers ${checkpoint.treeSize} entries, the table holds ${size}`);
    else if (!hashesEqual(rootOfSize(levels, checkpoint.treeSize), checkpoint.rootHash)) {
      report(`the checkpoint's root for size ${checkpoint.treeSize} does not match the entries`);
    }
  }
  return { ok: problems.length === 0, treeSize: size, problems };
}

/**
 * All leaf hashes, recomputed from the leaves, in index order (32 bytes each); reports gaps and edits.
 * The next batch is already being read while this one is hashed: database and hashing overlap.
 */
async function readLeafHashes(pool: Pool, report: (problem: string) => void): Promise<Buffer> {
  type EntryRow = { idx: string; leaf: Buffer; leaf_hash: Buffer };
  const fetchFrom = (from: number): Promise<EntryRow[]> =>
    pool
      .query<EntryRow>({
        name: 'ledger-verify-entries',
        text: 'SELECT idx, leaf, leaf_hash FROM ledger_entries WHERE idx >= $1 ORDER BY idx LIMIT $2',
        values: [from, ENTRY_BATCH],
      })
      .then((result) => result.rows);
  const chunks: Buffer[] = [];
  let expected = 0;
  let next = fetchFrom(0);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    if (!last) break;
    next = fetchFrom(Number(last.idx) + 1);
    const chunk = Buffer.allocUnsafe(rows.length * HASH_SIZE);
    rows.forEach((row, i) => {
      const index = Number(row.idx);
      if (index !== expected) {
        report(`entries ${expected}..${index - 1} are missing`);
        expected = index;
      }
      const recomputed = leafHash(row.leaf);
      if (!hashesEqual(recomputed, row.leaf_hash)) report(`entry ${index}: the stored leaf hash does not match the leaf`);
      chunk.set(recomputed, i * HASH_SIZE);
      expected += 1;
    });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** levels[0] = leaf hashes; levels[L][i] = hash of the perfect subtree of 2^L leaves starting at i·2^L. */
function buildLevels(leaves: Buffer): Buffer[] {
  const levels = [leaves];
  for (let below = leaves; below.length >= 2 * HASH_SIZE; ) {
    const count = Math.floor(below.length / HASH_SIZE / 2);
    const level = Buffer.allocUnsafe(count * HASH_SIZE);
    for (let i = 0; i < count; i += 1) {
      const left = below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
      const right = below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE);
      level.set(nodeHash(left, right), i * HASH_SIZE);
    }
    levels.push(level);
    below = level;
  }
  return levels;
}

function levelHash(levels: readonly Buffer[], level: number, idx: number): Uint8Array | undefined {
  const hashes = levels[level];
  if (!hashes || (idx + 1) * HASH_SIZE > hashes.length) return undefined;
  return hashes.subarray(idx * HASH_SIZE, (idx + 1) * HASH_SIZE);
}

/** MTH of the first `size` leaves, from the computed levels. */
function rootOfSize(levels: readonly Buffer[], size: number): Uint8Array {
  if (size === 0) return emptyRoot();
  return subtreeHashFromPerfect({
    start: 0,
    end: size,
    perfectHash: (start, end) => {
      const width = end - start;
      const hash = levelHash(levels, Math.log2(width), start / width);
      if (!hash) throw new RangeError(`no computed hash for [${start}, ${end})`);
      return hash;
    },
  });
}

/** One ordered scan of ledger_subtrees against the computed levels: altered, missing and extra rows. */
async function compareStoredSubtrees(pool: Pool, levels: readonly Buffer[], report: (problem: string) => void): Promise<void> {
  const seen = new Array<number>(levels.length).fill(0);
  let reportedRows = 0;
  const rowProblem = (problem: string): void => {
    if (reportedRows < 5) report(problem);
    reportedRows += 1;
  };
  type SubtreeRow = { level: number; idx: string; hash: Buffer };
  const fetchAfter = (level: number, idx: number): Promise<SubtreeRow[]> =>
    pool
      .query<SubtreeRow>({
        name: 'ledger-verify-subtrees',
        text: `SELECT level, idx, hash FROM ledger_subtrees WHERE (level, idx) > ($1, $2) ORDER BY level, idx LIMIT $3`,
        values: [level, idx, SUBTREE_BATCH],
      })
      .then((result) => result.rows);
  let next = fetchAfter(0, -1);
  for (;;) {
    const rows = await next;
    const lastRow = rows[rows.length - 1];
    if (!lastRow) break;
    next = fetchAfter(lastRow.level, Number(lastRow.idx));
    for (const row of rows) {
      const idx = Number(row.idx);
      const expected = levelHash(levels, row.level, idx);
      if (expected === undefined) rowProblem(`subtree level ${row.level} #${idx} lies outside the tree`);
      else {
        seen[row.level] = (seen[row.level] ?? 0) + 1;
        if (!hashesEqual(expected, row.hash)) rowProblem(`subtree level ${row.level} #${idx} is altered`);
      }
    }
  }
  for (let level = 1; level < levels.length; level += 1) {
    const expectedCount = (levels[level]?.length ?? 0) / HASH_SIZE;
    if ((seen[level] ?? 0) < expectedCount) rowProblem(`level ${level} misses ${expectedCount - (seen[level] ?? 0)} subtree hashes`);
  }
}
