import type { Pool } from 'pg';
import {
  consistencyProofAsync,
  inclusionProofAsync,
  type AsyncSubtreeHashReader,
} from '../ledger/merkle-tree.js';
import { perfectSubtreeCover, subtreeHashFromPerfect, type SubtreeRange } from '../ledger/subtree-range.js';

export interface LedgerHead {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
}

export interface LedgerEntry {
  readonly index: number;
  readonly leaf: Uint8Array;
}

/**
 * Reads the ledger for the HTTP API and the proofs. Every hash a proof needs is fetched in one query:
 * leaves' hashes from the entries, wider perfect subtrees from ledger_subtrees.
 */
export class LedgerReader implements AsyncSubtreeHashReader {
  constructor(private readonly pool: Pool) {}

  async head(): Promise<LedgerHead> {
    const { rows } = await this.pool.query<{ tree_size: string; root_hash: Buffer }>('SELECT tree_size, root_hash FROM ledger_head');
    const row = rows[0];
    if (!row) throw new Error('The ledger has no head row: is the schema installed?');
    return { treeSize: Number(row.tree_size), rootHash: new Uint8Array(row.root_hash) };
  }

  /** Entries [start, end) in index order. */
  async entries(start: number, end: number): Promise<LedgerEntry[]> {
    const { rows } = await this.pool.query<{ idx: string; leaf: Buffer }>({
      name: 'ledger-entries',
      text: 'SELECT idx, leaf FROM ledger_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx',
      values: [start, end],
    });
    return rows.map((r) => ({ index: Number(r.idx), leaf: new Uint8Array(r.leaf) }));
  }

  inclusionProof(index: number, treeSize: number): Promise<Uint8Array[]> {
    return inclusionProofAsync({ index, treeSize, reader: this });
  }

  consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    return consistencyProofAsync({ from, to, reader: this });
  }

  async subtreeHash(start: number, end: number): Promise<Uint8Array> {
    const [hash] = await this.subtreeHashes([{ start, end }]);
    if (!hash) throw new Error(`No hash for [${start}, ${end})`);
    return hash;
  }

  async subtreeHashes(ranges: readonly SubtreeRange[]): Promise<readonly Uint8Array[]> {
    const perfect = ranges.flatMap((range) => perfectSubtreeCover(range));
    const leaves = perfect.filter((r) => r.end - r.start === 1).map((r) => r.start);
    const wide = perfect.filter((r) => r.end - r.start > 1);
    const { rows } = await this.pool.query<{ level: number; idx: string; hash: Buffer }>({
      name: 'ledger-subtree-hashes',
      text: `SELECT 0 AS level, idx, leaf_hash AS hash FROM ledger_entries WHERE idx = ANY($1::bigint[])
             UNION ALL
             SELECT s.level, s.idx, s.hash FROM ledger_subtrees s
               JOIN unnest($2::smallint[], $3::bigint[]) AS w(level, idx) ON s.level = w.level AND s.idx = w.idx`,
      values: [leaves, wide.map((r) => Math.log2(r.end - r.start)), wide.map((r) => r.start / (r.end - r.start))],
    });
    const known = new Map(rows.map((r) => [`${r.level}:${r.idx}`, new Uint8Array(r.hash)]));
    const perfectHash = (start: number, end: number): Uint8Array => {
      const width = end - start;
      const hash = known.get(`${Math.log2(width)}:${start / width}`);
      if (!hash) throw new RangeError(`The ledger holds no hash for [${start}, ${end}).`);
      return hash;
    };
    return ranges.map((range) => subtreeHashFromPerfect({ start: range.start, end: range.end, perfectHash }));
  }
}
