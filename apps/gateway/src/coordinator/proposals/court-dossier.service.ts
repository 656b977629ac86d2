import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { CounterOffer } from '#contracts';
import { Clock } from '#service-kit';
import { PG_POOL } from '../database/database.module.js';
import { CreditorDirectory } from '../directory/creditor-directory.repository.js';
import type { Caller } from '../identity/caller.js';
import { BudgetService } from './budget.service.js';
import { ProposalQueries, type ProposalView } from './proposal-queries.service.js';

export const COURT_DOSSIER_SCHEMA = 'samen-regelen/court-dossier/v1';

/** The dossier as data: what the JSON export holds and the PDF shows. */
export type CourtDossierDocument = Awaited<ReturnType<CourtDossier['of']>>;

/**
 * What a counsellor takes to court when a creditor refuses unreasonably (a dwangakkoord, art. 287a Fw):
 * the budget the plan rests on, every proposal in the chain (the latest and the ones it replaced), each
 * creditor's answer with its reasons, and where each step sits in the consent ledger, so the court can
 * check it. As data (JSON); the resident's name or BSN is not in it, the counsellor adds those.
 */
@Injectable()
export class CourtDossier {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly queries: ProposalQueries,
    private readonly budgets: BudgetService,
    private readonly directory: CreditorDirectory,
    private readonly clock: Clock,
  ) {}

  async of(caller: Caller, proposalId: string) {
    const chain: ProposalView[] = [];
    let next: string | null = proposalId;
    while (next !== null && chain.length < 50) {
      const proposal = await this.queries.byId(caller, next);
      chain.push(proposal);
      next = proposal.replaces;
    }
    const latest = chain[0] as ProposalView;
    const budget = await this.budgets.ofResident(latest.residentId);
    const creditorIds = [...new Set(chain.flatMap((p) => p.creditors.map((c) => c.creditorId)))];
    const names = await this.directory.byIds(creditorIds);
    const { rows: rounds } = await this.pool.query<{ proposal_id: string; creditor_id: string; counter: CounterOffer; answer: string; note: string | null; answered_at: Date }>(
      `SELECT proposal_id, creditor_id, counter, answer, note, answered_at FROM proposal_counter_answers WHERE proposal_id = ANY($1::uuid[]) ORDER BY id`,
      [chain.map((p) => p.id)],
    );
    const { rows: entries } = await this.pool.query<{ record_id: string; idx: string; kind: string }>(
      `SELECT record_id, idx, kind FROM ledger_record_entries WHERE record_id::text = ANY($1::text[]) ORDER BY idx`,
      [chain.map((p) => p.id)],
    );
    return {
      schema: COURT_DOSSIER_SCHEMA,
      createdAt: this.clock.now().toISOString(),
      budget:
        budget === null
          ? null
          : {
              enteredAt: budget.enteredAt.toISOString(),
              netIncomeCents: budget.netIncomeCents,
              beslagvrijeVoetCents: budget.bvvCents,
              capacityCents: budget.capacityCents,
              parameterSet: budget.result.parameterSet,
              approximation: budget.result.approximation,
              steps: budget.result.steps,
            },
      proposals: chain.map((p) => ({
        id: p.id,
        status: p.status,
        replaces: p.replaces,
        proposedAt: p.proposedAt.toISOString(),
        answerBy: p.answerBy.toISOString(),
        startedAt: p.startedAt?.toISOString() ?? null,
        plan: {
          mode: p.plan.mode,
          capacityCents: p.plan.capacityCents,
          termMonths: p.plan.termMonths,
          totalPaidCents: p.plan.totalPaidCents,
          preferentialWeight: p.plan.preferentialWeight,
          claims: p.plan.claims.map((c) => ({
            claimId: c.claimId,
            creditorId: c.creditorId,
            amountCents: c.amountCents,
            preferential: c.preferential,
            totalPaidCents: c.totalPaidCents,
            forgivenCents: c.forgivenCents,
            percentage: c.percentage,
          })),
        },
        manualClaims: p.manualClaims,
        answers: p.creditors.map((c) => ({
          creditorId: c.creditorId,
          creditorName: names.get(c.creditorId)?.name ?? c.creditorId,
          delivery: c.delivery,
          decision: c.decision,
          reasonCode: c.reasonCode,
          reasonText: c.reasonText,
          counter: c.counter,
          counterRounds: rounds
            .filter((r) => r.proposal_id === p.id && r.creditor_id === c.creditorId)
            .map((r) => ({ counter: r.counter, answer: r.answer, note: r.note, answeredAt: r.answered_at.toISOString() })),
          answeredAt: c.answeredAt?.toISOString() ?? null,
        })),
        ledgerEntries: entries.filter((e) => e.record_id === p.id).map((e) => ({ index: Number(e.idx), kind: e.kind })),
      })),
    };
  }
}
