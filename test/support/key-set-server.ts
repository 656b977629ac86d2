import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function generateSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** An Ed25519 private key as the JWK JSON a node reads from NODE_SIGNING_KEY. */
export async function generatePrivateJwkJson(kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return JSON.stringify({ ...(await exportJWK(privateKey)), kid });
}

/**
 * A real HTTP server publishing a JWKS, standing in for the coordinator's or the identity provider's
 * /.well-known/jwks.json. Keys can be rotated while it runs; `fetches` counts how often it was read.
 */
export class KeySetServer {
  fetches = 0;
  private constructor(
    private readonly server: Server,
    private keys: SigningKey[],
  ) {}

  static async start(keys: SigningKey[]): Promise<KeySetServer> {
    const holder: { instance?: KeySetServer } = {};
    const server = createServer((_req, res) => {
      const instance = holder.instance;
      if (!instance) return res.end();
      instance.fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: instance.keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.instance = new KeySetServer(server, keys);
    return holder.instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  publish(keys: SigningKey[]): void {
    this.keys = keys;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
