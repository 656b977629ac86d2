import type { JWK } from 'jose';
import type { Pool } from 'pg';
import { verifyCheckpoint, type Checkpoint } from '../checkpoints/signed-checkpoint.js';
import type { PublishedJwk } from '../checkpoints/signing-key-ring.js';
import { hashesEqual } from '../ledger/hashing.js';
import { verifyLedgerDatabase } from '../ledger-store/verify-ledger-database.js';
import type { HttpLedgerVerificationReport } from './verify-ledger-over-http.js';

interface SigningKeyRow {
  readonly key_id: string;
  readonly public_jwk: JWK;
  readonly retired_at: Date | null;
}

interface CheckpointRow {
  readonly tree_size: string;
  readonly root_hash: Buffer;
  readonly jws: string;
  readonly key_id: string;
}

/** The key set as /.well-known/jwks.json publishes it, rebuilt from ledger_signing_keys. */
export function keySetFromSigningKeyRows(rows: readonly SigningKeyRow[]): { keys: PublishedJwk[] } {
  return {
    keys: rows.map((row) => ({
      ...row.public_jwk,
      kid: row.key_id,
      alg: 'EdDSA',
      use: 'sig',
      status: row.retired_at === null ? 'active' : 'retired',
      ...(row.retired_at === null ? {} : { retired_at: row.retired_at.toISOString() }),
    })),
  };
}

/**
 * `verify --database`: an auditor with database access checks the newest signed checkpoint against
 * the stored signing keys (its columns must match what was signed), then has verifyLedgerDatabase
 * recompute the whole tree and compare it with that checkpoint. Reading failures (no schema, no
 * connection) become problems too, so the caller always gets one report.
 */
export async function verifySignedLedgerDatabase(params: { readonly pool: Pool; readonly origin?: string }): Promise<HttpLedgerVerificationReport> {
  const problems: string[] = [];
  let checkpoint: Checkpoint | undefined;
  let jws: string | undefined;
  try {
    const { rows: keyRows } = await params.pool.query<SigningKeyRow>(
      'SELECT key_id, public_jwk, retired_at FROM ledger_signing_keys ORDER BY created_at DESC, key_id',
    );
    const { rows: checkpointRows } = await params.pool.query<CheckpointRow>(
      'SELECT tree_size, root_hash, jws, key_id FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1',
    );
    const row = checkpointRows[0];
    if (row !== undefined) {
      const verified = await verifyCheckpoint({
        jws: row.jws,
        keySet: keySetFromSigningKeyRows(keyRows),
        ...(params.origin === undefined ? {} : { origin: params.origin }),
      });
      if (!verified.ok) {
        problems.push(`the newest checkpoint (${row.tree_size} entries) does not verify against ledger_signing_keys: ${verified.reason}`);
      } else {
        checkpoint = verified.checkpoint;
        jws = row.jws;
        // The columns are what the API and proofs read; they must say what was signed.
        if (Number(row.tree_size) !== checkpoint.treeSize || !hashesEqual(new Uint8Array(row.root_hash), checkpoint.rootHash) || row.key_id !== verified.keyId) {
          problems.push(`the newest checkpoint's row (${row.tree_size} entries) does not match its signed content`);
        }
      }
    }
    const report = await verifyLedgerDatabase({ pool: params.pool, ...(checkpoint === undefined ? {} : { checkpoint }) });
    problems.push(...report.problems);
    return { ok: problems.length === 0, treeSize: report.treeSize, problems, ...(jws === undefined ? {} : { checkpoint: jws }) };
  } catch (error) {
    problems.push(`the ledger database could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, treeSize: 0, problems };
  }
}
