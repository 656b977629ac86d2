import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { nodeUrl, type DemoNode } from './demo-nodes.js';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One creditor node running as its own process, its output prefixed with its creditor id. */
export class NodeProcess {
  /** Settles when the process has exited, however it ended. */
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;

  private constructor(
    readonly node: DemoNode,
    private readonly child: ChildProcess,
    print: (line: string) => void,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream !== null) prefixLines(stream, print);
    }
  }

  static start(params: {
    node: DemoNode;
    mainFile: string;
    env: Readonly<Record<string, string>>;
    print: (line: string) => void;
  }): NodeProcess {
    const child = spawn(process.execPath, [params.mainFile], {
      env: params.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C reaches only the demo, which then stops the nodes in order.
      detached: true,
    });
    return new NodeProcess(params.node, child, params.print);
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Polls /health/ready (the node migrates its database before it listens) until it answers 200. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running) {
      try {
        const response = await fetch(`${nodeUrl(this.node)}/health/ready`, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`${this.node.creditorId} was not ready within ${timeoutMs / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Exited before it was ready: the demo's exit watcher reports it.
    await this.exited;
  }

  /** SIGTERM (the node closes its connections), SIGKILL when it has not exited after `graceMs`. */
  async stop(graceMs: number): Promise<ExitStatus> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

function prefixLines(stream: Readable, print: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', print);
}

export function describeExit(status: ExitStatus): string {
  return status.signal !== null ? `killed by ${status.signal}` : `exit code ${status.code ?? '?'}`;
}
