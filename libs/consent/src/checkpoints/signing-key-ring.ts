import { exportJWK, type CryptoKey, type JWK } from 'jose';

/** One signing key of the ledger (or of the coordinator's consent tokens). */
export interface RingKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly createdAt: Date;
  /** Set once a newer key took over: it signs nothing new but stays published. */
  readonly retiredAt: Date | null;
}

/** A published key: the public JWK plus when it stopped signing, so verifiers can reason about age. */
export interface PublishedJwk extends JWK {
  readonly kid: string;
  readonly status: 'active' | 'retired';
  readonly retired_at?: string;
}

/**
 * Keys rotate: the newest signs, older ones are retired but stay in the published set, so every
 * checkpoint or token ever signed stays verifiable with the set anyone can download.
 */
export class SigningKeyRing {
  private constructor(private readonly keys: readonly RingKey[]) {}

  static of(keys: readonly RingKey[]): SigningKeyRing {
    const active = keys.filter((k) => k.retiredAt === null);
    if (active.length !== 1) throw new RangeError(`A key ring needs exactly one active key (found ${active.length}).`);
    if (new Set(keys.map((k) => k.keyId)).size !== keys.length) throw new RangeError('Key ids in a ring must be unique.');
    return new SigningKeyRing(keys);
  }

  get active(): RingKey {
    const key = this.keys.find((k) => k.retiredAt === null);
    if (!key) throw new Error('unreachable: a ring always has an active key');
    return key;
  }

  /** A new ring in which `next` signs and the current key is retired (kept for verification). */
  rotate(next: Omit<RingKey, 'retiredAt'>, now: Date): SigningKeyRing {
    return SigningKeyRing.of([
      ...this.keys.map((k) => (k.retiredAt === null ? { ...k, retiredAt: now } : k)),
      { ...next, retiredAt: null },
    ]);
  }

  /** The JWKS to serve at /.well-known/jwks.json: public halves only, newest first. */
  async published(): Promise<{ keys: PublishedJwk[] }> {
    const ordered = [...this.keys].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const keys = await Promise.all(
      ordered.map(async (key): Promise<PublishedJwk> => {
        const jwk = await exportJWK(key.publicKey);
        return {
          ...jwk,
          kid: key.keyId,
          alg: 'EdDSA',
          use: 'sig',
          status: key.retiredAt === null ? 'active' : 'retired',
          ...(key.retiredAt === null ? {} : { retired_at: key.retiredAt.toISOString() }),
        };
      }),
    );
    return { keys };
  }
}
