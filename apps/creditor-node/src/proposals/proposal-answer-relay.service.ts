import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COORDINATOR_PROPOSAL_ANSWERS_PATH } from '#contracts';
import { signProposalAnswer } from '#consent';
import { Clock, correlationHeaderFor } from '#service-kit';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { answerFromRow, type AnswerRow } from './proposal-answers.js';

const POLL_MS = 1_000;
const BATCH = 50;
const REQUEST_TIMEOUT_MS = 5_000;
/** 1 s, 2 s, 4 s, … up to 5 minutes between attempts: an answer is retried until it arrives. */
export function answerRetryDelayMs(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.min(attempts, 20), 300_000);
}

type DeliveryOutcome = { readonly kind: 'delivered' } | { readonly kind: 'refused'; readonly code: string } | { readonly kind: 'retry'; readonly error: string };

/**
 * Delivers this node's answers to the coordinator, from the answer rows (the outbox): each is signed
 * with the node's key at every attempt (a fresh, short-lived token; the answer id stays the same, so
 * the coordinator records it once however often it arrives). A network fault or a 5xx is retried with
 * backoff, for as long as it takes; a refusal the coordinator gives for good (the proposal was closed
 * meanwhile) is kept with the answer, for staff to see. Rows are claimed with SKIP LOCKED, so several
 * workers or replicas never send the same answer at the same moment, and a restart loses nothing.
 */
@Injectable()
export class ProposalAnswerRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ProposalAnswerRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends what is due now; a kick during a run makes the run go round once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && this.timer !== undefined) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const sent = await this.sendBatch();
        if (sent < BATCH) return;
      }
    } catch (error) {
      this.logger.error(`Sending answers failed; they will be sent again: ${String(error)}`);
    }
  }

  private async sendBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query<AnswerRow[]>(
        `SELECT a.id, a.proposal_id, p.pseudonym, a.decision, a.reason_code, a.reason_text, a.counter, a.decided_by, a.attempts, a.correlation_id
           FROM proposal_answers a JOIN proposals p ON p.id = a.proposal_id
          WHERE a.delivered_at IS NULL AND a.next_attempt_at <= now()
          ORDER BY a.next_attempt_at
          LIMIT ${BATCH}
          FOR UPDATE OF a SKIP LOCKED`,
      );
      const outcomes = await Promise.all(due.map((row) => this.deliver(row)));
      for (const [i, row] of due.entries()) {
        const outcome = outcomes[i] as DeliveryOutcome;
        if (outcome.kind === 'retry') {
          await tx.query(`UPDATE proposal_answers SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`, [
            row.id,
            outcome.error.slice(0, 500),
            answerRetryDelayMs(row.attempts) / 1000,
          ]);
        } else {
          await tx.query(`UPDATE proposal_answers SET attempts = attempts + 1, delivered_at = now(), refused_code = $2, last_error = NULL WHERE id = $1`, [
            row.id,
            outcome.kind === 'refused' ? outcome.code : null,
          ]);
        }
      }
      // Only successes count towards "go on": a batch of failures waits for its backoff.
      return outcomes.filter((o) => o.kind !== 'retry').length === due.length ? due.length : 0;
    });
  }

  private async deliver(row: AnswerRow): Promise<DeliveryOutcome> {
    try {
      const token = await signProposalAnswer({
        creditorId: this.config.creditorId,
        audience: this.config.coordinatorIssuer,
        pseudonym: row.pseudonym,
        answer: answerFromRow(row),
        answerId: row.id,
        issuedAt: this.clock.now(),
        privateKey: this.config.signingKey.privateKey,
        keyId: this.config.signingKey.keyId,
      });
      const response = await fetch(new URL(COORDINATOR_PROPOSAL_ANSWERS_PATH, this.config.coordinatorUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...correlationHeaderFor(row.correlation_id) },
        body: JSON.stringify({ answer: token }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.ok) return { kind: 'delivered' };
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      const code = body.error?.code ?? `HTTP_${response.status}`;
      // 400 and 409 are final (malformed, or the proposal closed or answered already); 401 may be a key
      // the coordinator has not seen yet, and 5xx are faults: those are tried again.
      if (response.status === 400 || response.status === 404 || response.status === 409) return { kind: 'refused', code };
      return { kind: 'retry', error: code };
    } catch (error) {
      return { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
  }
}
