import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A process the demo runs: the identity provider, the coordinator, its delivery worker, a creditor
 * node, the gateway, the portal, or the embedded PostgreSQL.
 */
export interface DemoService {
  /** Short and unique: its log prefix and how messages name it (`gemeente-utrecht`, `coordinator`). */
  readonly id: string;
  /** For messages: `Gemeente Utrecht`. */
  readonly name: string;
  /**
   * Where it answers HTTP; it is ready when `${url}${readyPath}` answers 200. (The embedded PostgreSQL
   * is not HTTP: its URL is for messages, and the demo waits for a connection instead.)
   */
  readonly url: string;
  /**
   * Default `/health/ready`. The identity provider has no health endpoint: its discovery document
   * answers once the provider is configured, which is what logging in needs.
   */
  readonly readyPath?: string;
}

/** One service running as its own Node.js process, its output prefixed with its id. */
export class ServiceProcess {
  /** Settles when the process has exited, however it ended. */
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;

  private constructor(
    readonly service: DemoService,
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
    service: DemoService;
    mainFile: string;
    env: Readonly<Record<string, string>>;
    print: (line: string) => void;
  }): ServiceProcess {
    const child = spawn(process.execPath, [params.mainFile], {
      env: params.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C reaches only the demo, which then stops the services in order.
      detached: true,
    });
    return new ServiceProcess(params.service, child, params.print);
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Polls its readiness path (each service migrates its database before it listens) until it answers 200. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const readyUrl = `${this.service.url}${this.service.readyPath ?? '/health/ready'}`;
    while (this.running) {
      try {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`${this.service.id} was not ready within ${timeoutMs / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Exited before it was ready: the demo's exit watcher reports it.
    await this.exited;
  }

  /** SIGTERM (the service closes its connections), SIGKILL when it has not exited after `graceMs`. */
  async stop(graceMs: number): Promise<ExitStatus> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SIGKILL to its whole process group (it leads one, being detached): a process that has children
   * of its own, as the embedded PostgreSQL's has the server, takes them along.
   */
  kill(): void {
    if (!this.running) return;
    const pid = this.child.pid;
    try {
      if (pid === undefined) throw new Error('no pid');
      process.kill(-pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }
}

function prefixLines(stream: Readable, print: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', print);
}

export function describeExit(status: ExitStatus): string {
  return status.signal !== null ? `killed by ${status.signal}` : `exit code ${status.code ?? '?'}`;
}
