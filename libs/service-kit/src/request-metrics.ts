import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderGraphQLErrorCounts } from './graphql-error-metrics.js';

/**
 * Request latency per service, method and status as a Prometheus histogram, kept in memory and shown
 * at GET /metrics in the text exposition format. Labels stay few on purpose (no path, no id): every
 * label value is a new series, and the operator's questions are "how slow" and "how many fail".
 * A service adds its own gauges (queue depth, ledger size) as collectors, read at each scrape.
 */
const BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  readonly method: string;
  readonly status: number;
  readonly counts: number[];
  sum: number;
  count: number;
}

/** Lines in the Prometheus text format, gathered when /metrics is asked (e.g. a count from the database). */
export type MetricsCollector = () => Promise<readonly string[]>;

export class RequestMetrics {
  private readonly series = new Map<string, Series>();
  private readonly collectors: MetricsCollector[] = [];

  constructor(private readonly service: string) {}

  observe(method: string, status: number, seconds: number): void {
    const key = `${method} ${String(status)}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = { method, status, counts: BUCKETS_SECONDS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    BUCKETS_SECONDS.forEach((bound, i) => {
      if (seconds <= bound) series.counts[i] = (series.counts[i] ?? 0) + 1;
    });
    series.sum += seconds;
    series.count += 1;
  }

  addCollector(collector: MetricsCollector): void {
    this.collectors.push(collector);
  }

  /** The Prometheus text format (version 0.0.4). A collector that fails is reported as a comment, not a failed scrape. */
  async render(): Promise<string> {
    const collected = await Promise.all(
      this.collectors.map((collect) => collect().catch((error: unknown) => [`# collector failed: ${error instanceof Error ? error.message.replace(/\s+/g, ' ') : 'unknown'}`])),
    );
    return `${[this.renderRequests(), ...renderGraphQLErrorCounts(this.service), ...collected.flat()].join('\n')}\n`;
  }

  private renderRequests(): string {
    const name = 'http_request_duration_seconds';
    const lines = [`# HELP ${name} Time from a request's arrival to its response, by method and status.`, `# TYPE ${name} histogram`];
    for (const s of [...this.series.values()].sort((a, b) => a.method.localeCompare(b.method) || a.status - b.status)) {
      const labels = `service="${this.service}",method="${s.method}",status="${String(s.status)}"`;
      BUCKETS_SECONDS.forEach((bound, i) => lines.push(`${name}_bucket{${labels},le="${String(bound)}"} ${String(s.counts[i] ?? 0)}`));
      lines.push(`${name}_bucket{${labels},le="+Inf"} ${String(s.count)}`, `${name}_sum{${labels}} ${String(s.sum)}`, `${name}_count{${labels}} ${String(s.count)}`);
    }
    return lines.join('\n');
  }

  /** Express-style middleware: times every request except the metrics and health endpoints, and serves GET /metrics. */
  middleware() {
    return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      const url = req.url ?? '';
      if (req.method === 'GET' && (url === '/metrics' || url.startsWith('/metrics?'))) {
        void this.render().then((body) => {
          res.statusCode = 200;
          res.setHeader('content-type', 'text/plain; version=0.0.4; charset=utf-8');
          res.end(body);
        });
        return;
      }
      if (!url.startsWith('/health/')) {
        const startedAt = performance.now();
        res.on('finish', () => this.observe(req.method ?? 'GET', res.statusCode, (performance.now() - startedAt) / 1000));
      }
      next();
    };
  }
}
