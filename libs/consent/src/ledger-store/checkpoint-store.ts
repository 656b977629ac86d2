import type { CryptoKey, KeyObject } from 'jose';
import type { Pool } from 'pg';
import { signCheckpoint } from '../checkpoints/signed-checkpoint.js';
import { hashesEqual, toBase64 } from '../ledger/hashing.js';

/** A signed checkpoint as ledger_checkpoints keeps it: the JWS plus the columns it signs, for lookups. */
export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly jws: string;
  readonly keyId: string;
  readonly issuedAt: Date;
}

interface CheckpointRow {
  readonly tree_size: string;
  readonly root_hash: Buffer;
  readonly jws: string;
  readonly key_id: string;
  readonly issued_at: Date;
}

const COLUMNS = 'tree_size, root_hash, jws, key_id, issued_at';

/**
 * Signs checkpoints of the ledger head and keeps every one of them, at most one per tree size, so a
 * receipt or a node can be given a checkpoint that covers a given entry, now or years later.
 */
export class LedgerCheckpointStore {
  constructor(private readonly pool: Pool) {}

  /**
   * A checkpoint of the current head: the newest stored one if the tree has not grown since, else a
   * freshly signed one. Concurrent callers (timers in several processes) end up with the same row.
   */
  async checkpointNow(params: {
    readonly origin: string;
    readonly privateKey: CryptoKey | KeyObject;
    readonly keyId: string;
    readonly now: Date;
  }): Promise<StoredCheckpoint> {
    // The newest checkpoint is read before the head: it was stored after the head it signs committed,
    // and the head only grows, so the head read next can be no smaller, unless the ledger was rolled back.
    const newest = await this.latest();
    const { rows } = await this.pool.query<{ tree_size: string; root_hash: Buffer }>('SELECT tree_size, root_hash FROM ledger_head');
    const head = rows[0];
    if (!head) throw new Error('The ledger has no head row: is the schema installed?');
    const treeSize = Number(head.tree_size);
    const rootHash = new Uint8Array(head.root_hash);
    if (newest !== null && newest.treeSize > treeSize) {
      throw new Error(`A checkpoint of size ${newest.treeSize} is stored, but the ledger head holds ${treeSize} entries: the ledger was rolled back.`);
    }
    if (newest !== null && newest.treeSize === treeSize) return sameRoot(newest, rootHash);

    const jws = await signCheckpoint({
      checkpoint: { origin: params.origin, treeSize, rootHash, issuedAt: params.now },
      privateKey: params.privateKey,
      keyId: params.keyId,
    });
    const inserted = await this.pool.query<CheckpointRow>(
      `INSERT INTO ledger_checkpoints (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tree_size) DO NOTHING RETURNING ${COLUMNS}`,
      [treeSize, Buffer.from(rootHash), jws, params.keyId, params.now],
    );
    // On conflict a concurrent caller won; a new statement (new snapshot) sees its committed row.
    const stored = inserted.rows[0] ?? (await this.pool.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_checkpoints WHERE tree_size = $1`, [treeSize])).rows[0];
    if (!stored) throw new Error(`The checkpoint of size ${treeSize} was neither stored nor found.`);
    return sameRoot(fromRow(stored), rootHash);
  }

  /** The newest checkpoint, or null before the first one was signed. */
  async latest(): Promise<StoredCheckpoint | null> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1`);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /**
   * The oldest checkpoint that includes the first `treeSize` entries (a receipt for entry i needs
   * treeSize = i + 1), or null when none does yet. The oldest, so every receipt for an entry names
   * the same checkpoint, however many were signed since.
   */
  async covering(treeSize: number): Promise<StoredCheckpoint | null> {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new RangeError(`Not a tree size: ${treeSize}`);
    const { rows } = await this.pool.query<CheckpointRow>(
      `SELECT ${COLUMNS} FROM ledger_checkpoints WHERE tree_size >= $1 ORDER BY tree_size LIMIT 1`,
      [treeSize],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }
}

/** The checkpoint, if its root is the head's: two roots for one size would mean two different logs. */
function sameRoot(checkpoint: StoredCheckpoint, headRoot: Uint8Array): StoredCheckpoint {
  if (!hashesEqual(checkpoint.rootHash, headRoot)) {
    throw new Error(
      `The stored checkpoint of size ${checkpoint.treeSize} has root ${toBase64(checkpoint.rootHash)}, but the ledger's root at that size is ${toBase64(headRoot)}: the ledger forked.`,
    );
  }
  return checkpoint;
}

function fromRow(row: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    rootHash: new Uint8Array(row.root_hash),
    jws: row.jws,
    keyId: row.key_id,
    issuedAt: row.issued_at,
  };
}
