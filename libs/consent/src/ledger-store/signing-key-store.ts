import type { JWK } from 'jose';
import type { Pool, PoolClient } from 'pg';
import type { PublishedJwk } from '../checkpoints/signing-key-ring.js';

/** The public half of an Ed25519 key, exactly what ledger_signing_keys keeps (kid and status live in columns). */
interface StoredPublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
}

interface SigningKeyRow {
  readonly key_id: string;
  readonly public_jwk: StoredPublicJwk;
  readonly retired_at: Date | null;
}

/** JWK members that carry private key material (RFC 7518 §6): none may ever reach the database. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * Every ledger signing key ever used, in PostgreSQL, so every coordinator process publishes the same
 * JWKS and old checkpoints stay verifiable after a rotation. The table itself refuses deletes and any
 * change but a single retirement (see LEDGER_SCHEMA_SQL).
 */
export class LedgerSigningKeyStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Makes `keyId` the key that signs from now on, retiring the one it replaces. Idempotent, so every
   * process can call it at boot. A retired key is never brought back: it was retired so that it signs
   * nothing more (it may have leaked), and verifiers may distrust whatever it signs after retired_at.
   */
  async activate(params: { readonly keyId: string; readonly publicJwk: JWK; readonly now: Date }): Promise<void> {
    const { keyId, now } = params;
    if (keyId === '') throw new Error('A ledger signing key needs a key id.');
    const publicJwk = publicEd25519Jwk(params.publicJwk, keyId);
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two processes booting with the same new key would otherwise both retire the old one and
      // race to insert; this lock makes the second see the first's result.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('ledger_signing_keys.activate'))`);
      const { rows } = await client.query<SigningKeyRow>('SELECT key_id, public_jwk, retired_at FROM ledger_signing_keys WHERE key_id = $1', [keyId]);
      const existing = rows[0];
      if (existing !== undefined) {
        if (existing.public_jwk.x !== publicJwk.x) {
          throw new Error(`Ledger signing key "${keyId}" is already registered with a different public key; give the new key a new key id.`);
        }
        if (existing.retired_at !== null) {
          throw new Error(
            `Ledger signing key "${keyId}" was retired at ${existing.retired_at.toISOString()} and may not sign again; configure a new key.`,
          );
        }
        await client.query('COMMIT');
        return;
      }
      await client.query('UPDATE ledger_signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [now]);
      await client.query('INSERT INTO ledger_signing_keys (key_id, public_jwk, created_at) VALUES ($1, $2, $3)', [
        keyId,
        JSON.stringify(publicJwk),
        now,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The JWKS to serve at /.well-known/jwks.json: every key, newest first, retired ones marked. */
  async publishedKeySet(): Promise<{ keys: PublishedJwk[] }> {
    // The active key first even if a skewed clock gave it an older created_at: it is the newest.
    const { rows } = await this.pool.query<SigningKeyRow>(
      `SELECT key_id, public_jwk, retired_at FROM ledger_signing_keys
       ORDER BY retired_at IS NULL DESC, created_at DESC, key_id`,
    );
    return {
      keys: rows.map(
        (row): PublishedJwk => ({
          ...row.public_jwk,
          kid: row.key_id,
          alg: 'EdDSA',
          use: 'sig',
          status: row.retired_at === null ? 'active' : 'retired',
          ...(row.retired_at === null ? {} : { retired_at: row.retired_at.toISOString() }),
        }),
      ),
    };
  }
}

/** The key material to store, or an Error: only a public Ed25519 key, and one that matches its id. */
function publicEd25519Jwk(jwk: JWK, keyId: string): StoredPublicJwk {
  const leaked = PRIVATE_MEMBERS.filter((member) => member in jwk);
  if (leaked.length > 0) {
    throw new Error(`Refusing to store ledger signing key "${keyId}": its JWK holds private key material (${leaked.join(', ')}); pass the public JWK.`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || jwk.x === '') {
    throw new Error(`Ledger signing key "${keyId}" must be an Ed25519 public JWK (kty OKP, crv Ed25519, x).`);
  }
  if (jwk.kid !== undefined && jwk.kid !== keyId) {
    throw new Error(`Ledger signing key "${keyId}" comes with a JWK whose kid is "${jwk.kid}".`);
  }
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}
