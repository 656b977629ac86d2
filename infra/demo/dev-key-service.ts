import { createServer, type Server } from 'node:http';
import type { JWK } from 'jose';

export interface DevKeyService {
  close(): Promise<void>;
}

/**
 * DEVELOPMENT ONLY. A tiny HTTP server publishing two public key sets, until the real services exist:
 * - /coordinator/jwks.json: the keys consent tokens are signed with (the coordinator, issue 3);
 * - /idp/jwks.json: the keys staff access tokens are signed with (an OpenID provider, issue 5).
 * It never serves a private key.
 */
export async function startDevKeyService(params: {
  port: number;
  coordinatorKeys: readonly JWK[];
  identityProviderKeys: readonly JWK[];
}): Promise<DevKeyService> {
  const routes = new Map<string, { keys: readonly JWK[] }>([
    ['/coordinator/jwks.json', { keys: params.coordinatorKeys }],
    ['/idp/jwks.json', { keys: params.identityProviderKeys }],
  ]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = req.method === 'GET' ? routes.get(path) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Development key service of `npm run demo`: GET /coordinator/jwks.json or /idp/jwks.json.\n');
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
