import { createServer } from 'node:net';
import { DemoSetupError } from './demo-databases.js';

/** Fails with a clear message when a port the demo needs is taken (often: a demo still running). */
export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) {
    if (!(await isFree(port))) taken.push(port);
  }
  if (taken.length > 0) {
    const ports = taken.length > 1 ? `Ports ${taken.join(', ')} are` : `Port ${taken.join('')} is`;
    throw new DemoSetupError(`${ports} in use on 127.0.0.1: is another \`npm run demo\` still running? Stop it first.`);
  }
}

/**
 * `preferred` when it is free on 127.0.0.1, otherwise one the system picks (from its ephemeral range,
 * far from the demo's fixed ports in the 4000s).
 */
export async function freePort(preferred: number): Promise<number> {
  if (await isFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port on 127.0.0.1.'))));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
