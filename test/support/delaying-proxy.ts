import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a real service that waits `delayMs` before passing each request on: a
 * node that is slow (network distance, a long GC, a database under load) without changing the node.
 */
export class DelayingProxy {
  delayMs = 0;
  /** When set, only requests whose path starts with it wait; all others pass at once. */
  delayOnlyPathsStartingWith: string | undefined;

  /** Connections to the service are kept open, as the gateway keeps its own: the delay is the only cost added. */
  private readonly agent = new Agent({ keepAlive: true });

  private constructor(
    private readonly server: Server,
    readonly target: URL,
  ) {}

  static async start(target: string): Promise<DelayingProxy> {
    const holder: { proxy?: DelayingProxy } = {};
    const server = createServer((incoming, outgoing) => {
      const proxy = holder.proxy;
      if (proxy === undefined) return outgoing.end();
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const waits = proxy.delayOnlyPathsStartingWith === undefined || (incoming.url ?? '').startsWith(proxy.delayOnlyPathsStartingWith);
        setTimeout(() => {
          const forward = request(
            { host: proxy.target.hostname, port: proxy.target.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent: proxy.agent },
            (answer) => {
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(outgoing);
            },
          );
          forward.on('error', () => {
            if (!outgoing.headersSent) outgoing.writeHead(502);
            outgoing.end();
          });
          forward.end(Buffer.concat(chunks));
        }, waits ? proxy.delayMs : 0).unref();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    holder.proxy = new DelayingProxy(server, new URL(target));
    return holder.proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}
