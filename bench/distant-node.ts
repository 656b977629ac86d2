/**
 * A creditor node started exactly as its main.ts does, that waits before it handles each request, as if
 * it stood far away: the federation benchmark's stand-in for network distance. The wait is set while
 * the node runs, over the IPC channel: `{ delayMs: 20 }`.
 *
 * The wait lives in the node's own event loop (a timer), not in a proxy in front of it, so the distance
 * costs no extra process hop, and a single-threaded proxy does not queue the 14 answers of one overview.
 */
import 'reflect-metadata';
import type { NextFunction, Request, Response } from 'express';
import { loadNodeConfig } from '../apps/creditor-node/src/config/node-config.js';
import { createNodeApp } from '../apps/creditor-node/src/main.js';
import { processEnv } from './bench-env.js';

async function main(): Promise<void> {
  const config = await loadNodeConfig(processEnv());
  const app = await createNodeApp(config);
  let delayMs = 0;
  process.on('message', (message: unknown) => {
    const asked = (message as { delayMs?: unknown } | null)?.delayMs;
    if (typeof asked === 'number' && Number.isFinite(asked) && asked >= 0) delayMs = asked;
    process.send?.({ delayMs });
  });
  app.use((_request: Request, _response: Response, next: NextFunction) => {
    if (delayMs === 0) next();
    else setTimeout(next, delayMs);
  });
  await app.listen(config.port, '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`distant node could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
