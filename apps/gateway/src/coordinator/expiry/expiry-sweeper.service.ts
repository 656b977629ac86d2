import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { ConsentService } from '../consents/consent.service.js';
import { MandateService } from '../mandates/mandate.service.js';
import { PlanReminders } from '../notifications/plan-reminders.service.js';
import { PlanFollowUps } from '../payments/plan-follow-ups.service.js';
import { ProposalDeadlines } from '../proposals/proposal-deadlines.service.js';

/**
 * Writes `consent.expired` and `mandate.expired` for everything whose end date passed, and records
 * creditors that stayed silent past a proposal's answer date (ProposalDeadlines), and sends the free
 * reminders before instalments (PlanReminders), and follows up the running plans (PlanFollowUps). Expiry already
 * bites at the end date itself (tokens are never minted past it, and reads show it as expired); the
 * sweep makes the ledger say so too.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExpirySweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly consents: ConsentService,
    private readonly mandates: MandateService,
    private readonly deadlines: ProposalDeadlines,
    private readonly reminders: PlanReminders,
    private readonly followUps: PlanFollowUps,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.expirySweepSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; a sweep still running is joined rather than doubled. */
  sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      const consents = await this.consents.expireDue();
      const mandates = await this.mandates.expireDue();
      const silent = await this.deadlines.recordSilence();
      const reminded = await this.reminders.sendDue();
      const followed = await this.followUps.run();
      if (consents + mandates + silent + reminded + followed.missed + followed.graceEnded + followed.passedOn + followed.ended > 0) {
        this.logger.log(
          `Recorded the expiry of ${consents} consent(s) and ${mandates} mandate(s), ${silent} creditor(s) silent past a proposal's answer date; sent ${reminded} payment reminder(s); followed up ${followed.missed} missed instalment(s) and ${followed.graceEnded} ended grace period(s); passed on ${followed.passedOn} held instalment(s); ended ${followed.ended} plan(s) paid in full.`,
        );
      }
    } catch (error) {
      this.logger.error(`The expiry sweep failed; it will run again: ${String(error)}`);
    }
  }
}
