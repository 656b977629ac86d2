import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv } from './bench-env.js';
import { processCpuMs } from './cpu.js';

/** The compiled node, next to this file in dist/: dist/bench → dist/apps/creditor-node/src/main.js. */
const NODE_MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../apps/creditor-node/src/main.js');

/** A creditor node running as its own operating-system process, as in production. */
export class CreditorNodeProcess {
  private output = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer): void => {
      // The tail is enough to tell why it failed.
      this.output = (this.output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
    });
  }

  static async start(env: Record<string, string>): Promise<CreditorNodeProcess> {
    const port = Number(env['PORT']);
    const child = spawn(process.execPath, [NODE_MAIN], {
      env: { PATH: benchEnv.path, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const node = new CreditorNodeProcess(child, port);
    // Never leave a node behind, even when the benchmark process dies of an uncaught error.
    const killOnExit = (): void => {
      if (node.running) child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    return node;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exited === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls /health/ready (the node runs its migrations before it listens) until it answers 200. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        throw new Error(`The creditor node exited before it was ready (${JSON.stringify(this.exited)}):\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The creditor node was not ready within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Whatever the node printed last (it runs with LOG_LEVEL=error, so normally nothing). */
  get recentOutput(): string {
    return this.output;
  }

  /** SIGTERM (the node closes its pool), SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** CPU time the node process has used so far, in ms (Linux /proc), or null where unknown. */
  async cpuMs(): Promise<number | null> {
    return processCpuMs(this.child.pid);
  }
}

/** A free TCP port on 127.0.0.1 (asked from the kernel; a tiny race with other processes is accepted). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

