import { describeExit, ServiceProcess, type DemoService } from './service-process.js';

const STOP_GRACE_MS = 10_000;
const REPEATED_SIGNAL_MS = 1_000;

/**
 * Owns every process the demo starts: the identity provider, the coordinator, the nodes and the
 * gateway. Ctrl-C or SIGTERM stops them cleanly (SIGTERM, wait, exit 0; a second Ctrl-C kills them at
 * once); a service that dies on its own stops the rest, with exit code 1.
 */
export class DemoSupervisor {
  private readonly processes: ServiceProcess[] = [];
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
  }): ServiceProcess {
    const started = ServiceProcess.start(params);
    this.processes.push(started);
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
    const running = this.processes.filter((p) => p.running);
    if (running.length > 0) this.log(`Stopping ${running.length} service(s) …`);
    await Promise.all(
      running.map(async (p) => {
        const status = await p.stop(STOP_GRACE_MS);
        const id = p.service.id;
        this.log(status.signal === 'SIGKILL' ? `${id} did not stop in time; killed.` : `${id} stopped.`);
      }),
    );
    if (running.length > 0) this.log('All services stopped.');
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
