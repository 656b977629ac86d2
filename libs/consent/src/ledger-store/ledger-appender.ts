import type { Pool, PoolClient } from 'pg';
import { CompactRange } from '../ledger/compact-range.js';
import { leafHash } from '../ledger/hashing.js';

export interface AppendedEntry {
  readonly index: number;
  readonly leafHash: Uint8Array;
}

/**
 * Work that must commit together with its ledger entry or not at all (e.g. marking a consent
 * withdrawn). It runs inside the batch's transaction, under a savepoint, with the index its leaf will
 * get; it returns the leaf. If it throws, only its own changes are rolled back and no leaf is written;
 * the rest of the batch carries on.
 */
export type AtomicAppend<T> = (tx: PoolClient, index: number) => Promise<{ readonly leaf: Uint8Array; readonly result: T }>;

interface Pending {
  readonly leaf: Uint8Array | AtomicAppend<unknown>;
  readonly resolve: (entry: AppendedEntry & { readonly result: unknown }) => void;
  readonly reject: (error: unknown) => void;
}

interface Written {
  readonly entry?: AppendedEntry & { readonly result: unknown };
  readonly error?: unknown;
}

const MAX_BATCH = 500;

/**
 * Appends leaves with group commit. Callers that arrive while a batch is being written wait for the
 * next one; each batch is ONE transaction that locks the head row (so writers in other processes
 * queue behind it: no gaps, no duplicate indexes, one tree), inserts entries and the subtree hashes
 * they complete, and moves the head. A caller's promise resolves only after COMMIT: acknowledged
 * means durable. A crash before COMMIT leaves the previous head, entries and subtrees untouched.
 */
export class LedgerAppender {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly pool: Pool) {}

  append(leaf: Uint8Array): Promise<AppendedEntry> {
    return this.enqueue(leaf);
  }

  /** Appends the leaf `work` returns, committing `work`'s own writes in the same transaction. */
  appendAtomically<T>(work: AtomicAppend<T>): Promise<AppendedEntry & { readonly result: T }> {
    return this.enqueue(work) as Promise<AppendedEntry & { readonly result: T }>;
  }

  private enqueue(leaf: Pending['leaf']): Promise<AppendedEntry & { readonly result: unknown }> {
    const appended = new Promise<AppendedEntry & { readonly result: unknown }>((resolve, reject) =>
      this.queue.push({ leaf, resolve, reject }),
    );
    this.flushing ??= this.flush();
    return appended;
  }

  /** Writes batches until the queue is empty; appends that arrive meanwhile join the next batch. */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const written = await this.writeBatch(batch.map((p) => p.leaf));
          batch.forEach((pending, i) => {
            const outcome = written[i];
            if (outcome?.entry) pending.resolve(outcome.entry);
            else pending.reject(outcome?.error);
          });
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      // No await between the empty-queue check and here, so no append can slip in unflushed.
      this.flushing = null;
    }
  }

  private async writeBatch(work: readonly Pending['leaf'][]): Promise<Written[]> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const head = await client.query<{ tree_size: string; compact_range: unknown }>(
        'SELECT tree_size, compact_range FROM ledger_head FOR UPDATE',
      );
      const row = head.rows[0];
      if (!row) throw new Error('The ledger has no head row: is the schema installed?');
      const range = CompactRange.fromJSON(row.compact_range);
      if (range.size !== Number(row.tree_size)) throw new Error('The ledger head is inconsistent: its range and size differ.');

      const written: Written[] = [];
      const leaves: Uint8Array[] = [];
      const indexes: number[] = [];
      const leafHashes: Uint8Array[] = [];
      const subtreeLevels: number[] = [];
      const subtreeIndexes: number[] = [];
      const subtreeHashes: Buffer[] = [];
      for (const item of work) {
        let leaf: Uint8Array;
        let result: unknown;
        if (typeof item === 'function') {
          await client.query('SAVEPOINT atomic_append');
          try {
            ({ leaf, result } = await item(client, range.size));
            await client.query('RELEASE SAVEPOINT atomic_append');
          } catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT atomic_append');
            written.push({ error });
            continue;
          }
        } else {
          leaf = item;
        }
        const hash = leafHash(leaf);
        written.push({ entry: { index: range.size, leafHash: hash, result } });
        leaves.push(leaf);
        indexes.push(range.size);
        leafHashes.push(hash);
        for (const node of range.append(hash)) {
          const width = node.end - node.start;
          if (width < 2) continue;
          subtreeLevels.push(Math.log2(width));
          subtreeIndexes.push(node.start / width);
          subtreeHashes.push(Buffer.from(node.hash));
        }
      }
      if (leaves.length === 0) {
        await client.query('ROLLBACK');
        return written;
      }
      await client.query(
        `INSERT INTO ledger_entries (idx, leaf, leaf_hash)
         SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[])`,
        [indexes, leaves.map((l) => Buffer.from(l)), leafHashes.map((h) => Buffer.from(h))],
      );
      if (subtreeLevels.length > 0) {
        await client.query(
          `INSERT INTO ledger_subtrees (level, idx, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
          [subtreeLevels, subtreeIndexes, subtreeHashes],
        );
      }
      await client.query(
        `UPDATE ledger_head SET tree_size = $1, root_hash = $2, compact_range = $3, updated_at = now()`,
        [range.size, Buffer.from(range.root()), JSON.stringify(range.toJSON())],
      );
      await client.query('COMMIT');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
