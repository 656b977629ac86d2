import type { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './correlation-scope.js';

export type ServiceLogLevel = 'debug' | 'info' | 'warn' | 'error';
type LineLevel = ServiceLogLevel;

const RANK: Record<ServiceLogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** One log line as every service writes it: JSON, so a log platform can follow a correlation id. */
export interface LogLine {
  readonly ts: string;
  readonly level: LineLevel;
  readonly service: string;
  readonly msg: string;
  readonly correlationId?: string;
  readonly [field: string]: unknown;
}

export type LineWriter = (line: string) => void;

const toStdout: LineWriter = (line) => process.stdout.write(`${line}\n`);

/**
 * Nest's logger for every service: one JSON line per message, at the configured level and above, with
 * the correlation id of the request it was written in. Messages are the services' own sentences; none
 * of them carries personal data (requests are logged by path and status only, see request-log.ts).
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly level: ServiceLogLevel,
    private readonly write: LineWriter = toStdout,
  ) {}

  /** Writes one line with extra fields (a queue job's outcome, say), if the level lets it through. */
  line(level: LineLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    const correlationId = currentCorrelationId();
    const line: LogLine = { ts: new Date().toISOString(), level, service: this.service, msg, ...(correlationId === undefined ? {} : { correlationId }), ...fields };
    this.write(JSON.stringify(line));
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.entry('info', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.entry('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.entry('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.entry('debug', message, optional);
  }

  /** A message given as `{ msg, ...fields }` (through Nest's Logger) becomes a line with those fields. */
  private entry(level: LineLevel, message: unknown, optional: readonly unknown[]): void {
    if (isStructured(message)) {
      const { msg, ...fields } = message;
      this.line(level, msg, { ...contextOf(optional), ...fields });
    } else this.line(level, String(message), contextOf(optional));
  }

  /** Nest calls error(message, stack?, context?); an Error as the message gives its own stack. */
  error(message: unknown, ...optional: unknown[]): void {
    const stack = message instanceof Error ? message.stack : optional.length >= 2 && typeof optional[0] === 'string' ? optional[0] : undefined;
    this.line('error', message instanceof Error ? message.message : String(message), { ...contextOf(optional), ...(stack === undefined ? {} : { stack }) });
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.error(message, ...optional);
  }
}

/** Nest passes the logger's context (e.g. 'PlanDeliveryWorker') as the last string argument. */
function contextOf(optional: readonly unknown[]): { context?: string } {
  const last = optional.at(-1);
  return typeof last === 'string' ? { context: last } : {};
}

function isStructured(message: unknown): message is { msg: string; [field: string]: unknown } {
  return typeof message === 'object' && message !== null && !(message instanceof Error) && typeof (message as { msg?: unknown }).msg === 'string';
}
