import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { freePort } from './coordinator-process.js';
import { testEnv } from './test-env.js';

// From test/support/ in tests, from dist/test/support/ when a benchmark runs the compiled copy.
const REPO_ROOT = resolve(import.meta.dirname, import.meta.dirname.includes(`${sep}dist${sep}`) ? '../../..' : '../..');

/** The built entrypoints, as they run in production. */
export const ENTRYPOINTS = {
  coordinator: 'dist/apps/gateway/src/coordinator-main.js',
  gateway: 'dist/apps/gateway/src/gateway-main.js',
  node: 'dist/apps/creditor-node/src/main.js',
  paymentProvider: 'dist/infra/payment-provider/main.js',
  portal: 'dist/apps/debtor-portal/src/main.js',
  worker: 'dist/apps/gateway/src/worker-main.js',
} as const;

/**
 * One service as its own process from dist/ (built by `npm test`), on a free port, ready when its
 * /health/ready answers 200. Tests kill it for real (SIGKILL) when they need a service to be down.
 */
/** A line as the services log it (libs/service-kit json-logger.ts, request-log.ts). */
export interface LoggedLine {
  readonly ts: string;
  readonly level: string;
  readonly service: string;
  readonly msg: string;
  readonly correlationId?: string;
  readonly [field: string]: unknown;
}

export class ServiceProcess {
  output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly label: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  static async start(params: {
    readonly label: string;
    readonly entrypoint: string;
    readonly env: Record<string, string>;
    readonly port?: number;
    /** Opens an IPC channel, for entrypoints (benchmarks) that take instructions while they run. */
    readonly ipc?: boolean;
    /** Flags for Node.js itself (e.g. `--cpu-prof` while profiling a benchmark). */
    readonly nodeFlags?: readonly string[];
  }): Promise<ServiceProcess> {
    if (!existsSync(resolve(REPO_ROOT, params.entrypoint))) throw new Error(`${params.entrypoint} is missing: run \`npm run build\` first (npm test does).`);
    const port = params.port ?? (await freePort());
    const child = spawn(process.execPath, [...(params.nodeFlags ?? []), params.entrypoint], {
      cwd: REPO_ROOT,
      env: { PATH: testEnv.path, ...params.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: params.ipc === true ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(params.label, port, child);
    try {
      await service.waitUntilReady(30_000);
    } catch (error) {
      // A process that never became ready must not outlive the caller that gave up on it.
      await service.stop();
      throw error;
    }
    return service;
  }

  /** The operating system's process id (for CPU and memory readings). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The JSON log lines it wrote so far, optionally only those under one correlation id (other output, such as a stack, is skipped). */
  logLines(correlationId?: string): LoggedLine[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{') && (correlationId === undefined || line.includes(correlationId)))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LoggedLine];
        } catch {
          return [];
        }
      })
      .filter((line) => correlationId === undefined || line.correlationId === correlationId);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.hasExited) throw new Error(`${this.label} exited while starting:\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) })).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`${this.label} was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** A message over the IPC channel (started with `ipc: true`). */
  send(message: unknown): void {
    if (this.child.send === undefined || !this.child.connected) throw new Error(`${this.label} has no IPC channel`);
    this.child.send(message as never);
  }

  /** Gone at once, as in a crash: no shutdown hooks run. */
  async kill(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
