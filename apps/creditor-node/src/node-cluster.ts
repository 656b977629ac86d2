import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';

/**
 * Runs `workers` copies of the node on one port with node:cluster, so the node uses every core it is
 * given. The primary serves nothing itself. If a worker dies, the primary stops the others and exits
 * non-zero: the supervisor (systemd, Kubernetes) restarts the node as a whole, with fresh state.
 */
export function runNodeWorkers(params: { readonly workers: number; readonly logger: Logger }): void {
  const { workers, logger } = params;
  let stopping = false;
  const all: Worker[] = [];

  const stopAll = (exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    for (const worker of all) if (!worker.isDead()) worker.process.kill('SIGTERM');
    const deadline = setTimeout(() => process.exit(exitCode), 10_000);
    deadline.unref();
    cluster.on('exit', () => {
      if (all.every((w) => w.isDead())) process.exit(exitCode);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error(`Worker ${worker.process.pid} stopped (${signal ?? `code ${code}`}); stopping the node.`);
    stopAll(1);
  });
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));

  for (let i = 0; i < workers; i += 1) all.push(cluster.fork());
  logger.log(`Started ${workers} workers.`);
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}
