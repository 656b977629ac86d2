import { createServer, type Server } from 'node:http';
import type { JWK } from 'jose';

export interface DevKeyService {
  close(): Promise<void>;
}

/**
 * DEVELOPMENT ONLY. A tiny HTTP server publishing the public key set of a stand-in OpenID provider at
 * /idp/jwks.json: the keys that the demo's staff tokens (for the nodes) and people's access tokens
 * (for the coordinator) are signed with, until a real provider exists (issue 5). Consent-token keys
 * are the coordinator's own now (/consent/v1/jwks.json). It never serves a private key.
 */
export async function startDevKeyService(params: { port: number; identityProviderKeys: readonly JWK[] }): Promise<DevKeyService> {
  const routes = new Map<string, { keys: readonly JWK[] }>([['/idp/jwks.json', { keys: params.identityProviderKeys }]]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = req.method === 'GET' ? routes.get(path) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Development key service of `npm run demo`: GET /idp/jwks.json.\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  });
  await listen(server, params.port);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
