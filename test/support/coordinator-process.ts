import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { testEnv } from './test-env.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const COORDINATOR_ENTRYPOINT = 'dist/apps/gateway/src/coordinator-main.js';

/** A free TCP port on loopback (asked of the OS, then released for the child to take). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** The coordinator as its own process, built by `npm run build`, as it runs in production. */
export class CoordinatorProcess {
  private output = '';

  private constructor(
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(env: Record<string, string>): Promise<CoordinatorProcess> {
    if (!existsSync(resolve(REPO_ROOT, COORDINATOR_ENTRYPOINT))) {
      throw new Error(`${COORDINATOR_ENTRYPOINT} is missing: run \`npm run build\` first (npm test does).`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, [COORDINATOR_ENTRYPOINT], {
      cwd: REPO_ROOT,
      env: { PATH: testEnv.path, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new CoordinatorProcess(`http://127.0.0.1:${port}`, child);
    await started.waitUntilReady(30_000);
    return started;
  }

  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The coordinator exited while starting:\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) })).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    this.child.kill('SIGKILL');
    throw new Error(`The coordinator was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Kills the process at once (SIGKILL): no shutdown hooks, no chance to finish a batch. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}
