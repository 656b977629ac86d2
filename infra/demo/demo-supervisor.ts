import { describeExit, ServiceProcess, type DemoService } from './service-process.js';

const STOP_GRACE_MS = 10_000;
const REPEATED_SIGNAL_MS = 1_000;

/**
 * Owns every process the demo starts: the identity provider, the coordinator and its delivery worker,
 * the payment provider, the nodes, the gateway, the portal, and an embedded PostgreSQL when it runs
 * one. Ctrl-C or SIGTERM stops them cleanly (SIGTERM, wait, exit 0; the embedded PostgreSQL last, once
 * nothing uses it; a second Ctrl-C kills them at once); a process that dies on its own stops the rest,
 * with exit code 1.
 */
export class DemoSupervisor {
  private readonly processes: ServiceProcess[] = [];
  /** What the services need to stop cleanly (the embedded PostgreSQL): stopped after them. */
  private readonly stopLast = new Set<ServiceProcess>();
  private stopping: Promise<never> | undefined;
  private firstSignalAt: number | undefined;

  constructor(private readonly log: (line: string) => void) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => this.onSignal(signal));
    // Last resort (e.g. an uncaught error): never leave a service running behind the demo.
    process.once('exit', () => this.processes.forEach((p) => p.kill()));
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  start(params: {
    service: DemoService;
    mainFile: string;
    env: Readonly<Record<string, string>>;
    print: (line: string) => void;
    /** Stop it only once every other process has stopped (what they store their data in). */
    stopAfterServices?: boolean;
  }): ServiceProcess {
    const started = ServiceProcess.start(params);
    this.processes.push(started);
    if (params.stopAfterServices === true) this.stopLast.add(started);
    void started.exited.then((status) => {
      if (this.isStopping) return;
      const { name, id } = params.service;
      this.log(`✗ ${name} (${id}) stopped unexpectedly (${describeExit(status)}; see its output above). Stopping the rest.`);
      return this.shutdown(1);
    });
    return started;
  }

  /** Stops every service, then ends the demo with `exitCode`. */
  shutdown(exitCode: number): Promise<never> {
    this.stopping ??= this.stopAll().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        this.log(`Stopping went wrong: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const services = this.processes.filter((p) => p.running && !this.stopLast.has(p));
    const last = this.processes.filter((p) => p.running && this.stopLast.has(p));
    if (services.length > 0) this.log(`Stopping ${services.length} service(s) …`);
    await this.stopEach(services);
    if (last.length > 0) this.log(`Stopping ${last.map((p) => p.service.name).join(', ')} …`);
    await this.stopEach(last);
    if (services.length + last.length > 0) this.log('All services stopped.');
  }

  private async stopEach(processes: readonly ServiceProcess[]): Promise<void> {
    await Promise.all(
      processes.map(async (p) => {
        const status = await p.stop(STOP_GRACE_MS);
        const id = p.service.id;
        this.log(status.signal === 'SIGKILL' ? `${id} did not stop in time; killed.` : `${id} stopped.`);
      }),
    );
  }

  private onSignal(signal: NodeJS.Signals): void {
    // Ctrl-C reaches the demo twice under npm: from the terminal and forwarded by npm. Only a second
    // press, a moment later, means "kill them now".
    if (this.firstSignalAt !== undefined && Date.now() - this.firstSignalAt < REPEATED_SIGNAL_MS) return;
    if (this.isStopping) {
      this.log(`${signal} again: killing the services at once.`);
      this.processes.forEach((p) => p.kill());
      process.exit(1);
    }
    this.firstSignalAt = Date.now();
    this.log(`${signal} received (press Ctrl-C again to kill at once).`);
    void this.shutdown(0);
  }
}
