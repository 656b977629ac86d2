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

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
