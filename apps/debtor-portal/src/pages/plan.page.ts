import { html, type SafeHtml } from '../html/html.js';
import type { InstalmentStateView, ProposalCreditorView, ProposalView } from '../gateway/operations.js';
import { MANUAL_CLAIM_ROWS, PLAN_MODES } from '../forms/plan-form.js';
import { field, type FieldError, type FormEcho, type FormFields } from '../forms/form-input.js';
import { dateText, money } from '../i18n/format.js';
import { alert, buttonLink, choiceFieldset, csrfField, errorFor, errorSummary, paragraph, submitButton, textField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';
import { scheduleSection } from './plan-schedule.js';

/** With the proposal form's input and problems (after a refused submit). */
export interface PlanPageData extends FormEcho {
  readonly hasBudget: boolean;
  readonly proposals: readonly ProposalView[];
}

/** The plan as it stands: a proposal to make, a proposal being answered, or a plan that runs. */
export function planPage(ctx: PageContext, data: PlanPageData): SafeHtml {
  const running = data.proposals.find((p) => p.status === 'STARTED') ?? data.proposals.find((p) => p.status === 'COMPLETED');
  const open = data.proposals.find((p) => p.status === 'OPEN');
  return html`${errorSummary(ctx, data.errors)}
${data.problem !== undefined && alert('warning', data.problem)}
${open !== undefined && openSection(ctx, open)}
${running !== undefined && runningSection(ctx, running, open !== undefined)}
${open === undefined && running === undefined && proposeSection(ctx, data)}
${ctx.scope.residentId !== undefined && (open ?? running) !== undefined && dossierSection(ctx, (open ?? running)?.id ?? '')}`;
}

/** For a counsellor: the court dossier of the current proposal, for a forced settlement (dwangakkoord). */
function dossierSection(ctx: PageContext, proposalId: string): SafeHtml {
  const c = ctx.t.caseload;
  return html`<div class="sr-card">${paragraph(c.dossierHint)}<p class="utrecht-paragraph"><a class="utrecht-link" href="${ctx.scope.base}/plan/dossier/${proposalId}" download>${c.dossier}</a></p></div>`;
}

function proposeSection(ctx: PageContext, data: PlanPageData): SafeHtml {
  const p = ctx.t.plan;
  const base = ctx.scope.base;
  if (!data.hasBudget) return html`${paragraph(p.errors['BUDGET_REQUIRED'])}<p class="utrecht-paragraph">${buttonLink(`${base}/budget`, ctx.t.nav.budget)}</p>`;
  return html`${paragraph(p.noneIntro)}
${paragraph(p.noneSteps)}
<form method="post" action="${base}/plan" novalidate>
${csrfField(ctx)}
${ctx.scope.residentId !== undefined && counsellorPlanFields(ctx, data.values, data.errors)}
<p class="utrecht-paragraph">${submitButton(p.propose)}</p>
</form>`;
}

/** What only a counsellor chooses: the kind of plan and claims of creditors not on the platform. */
function counsellorPlanFields(ctx: PageContext, values: FormFields, errors: readonly FieldError[]): SafeHtml {
  const c = ctx.t.caseload;
  return html`${choiceFieldset({ type: 'radio', name: 'mode', legend: c.mode, options: PLAN_MODES.map((m) => ({ value: m, label: c.modes[m] ?? m })), checked: [field(values, 'mode') || 'REPAYMENT'] })}
${textField({ name: 'termMonths', label: c.term, hint: c.termHint, value: field(values, 'termMonths'), inputMode: 'numeric', width: 'short', error: errorFor(errors, 'termMonths'), optional: ctx.t.common.optional })}
<h2 class="utrecht-heading-2">${c.manualTitle}</h2>
${paragraph(c.manualIntro)}
${MANUAL_CLAIM_ROWS.map(
    (row) => html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset sr-card">
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${c.manualRow(row)}</legend>
${textField({ name: `manualName${row}`, label: c.manualName, value: field(values, `manualName${row}`), error: errorFor(errors, `manualName${row}`), optional: ctx.t.common.optional })}
${textField({ name: `manualReference${row}`, label: c.manualReference, value: field(values, `manualReference${row}`), error: errorFor(errors, `manualReference${row}`) })}
${textField({ name: `manualAmount${row}`, label: c.manualAmount, value: field(values, `manualAmount${row}`), inputMode: 'decimal', width: 'short', error: errorFor(errors, `manualAmount${row}`) })}
${choiceFieldset({ type: 'checkbox', name: `manualPreferential${row}`, legend: c.manualPreferential, options: [{ value: 'yes', label: ctx.t.common.yes }], checked: [field(values, `manualPreferential${row}`)] })}
</fieldset>`,
  )}`;
}

function decisionText(ctx: PageContext, proposal: ProposalView, creditor: ProposalCreditorView): string {
  const d = ctx.t.plan.decisions;
  if (creditor.delivery === 'FAILED') return d.FAILED;
  if (creditor.decision === null) return d.waiting(dateText(proposal.answerBy, ctx.locale));
  return d[creditor.decision as 'ACCEPT' | 'REJECT' | 'COUNTER' | 'NO_ANSWER'] ?? creditor.decision;
}

function creditorName(creditor: ProposalCreditorView): string {
  return creditor.creditor?.name ?? creditor.creditorId;
}

/** A proposal the creditors are answering: per creditor its debt, what it gets and its answer. */
function openSection(ctx: PageContext, proposal: ProposalView): SafeHtml {
  const p = ctx.t.plan;
  const base = ctx.scope.base;
  const counters = proposal.creditors.filter((c) => c.decision === 'COUNTER' && c.counterAnswer === null);
  return html`<section aria-labelledby="open-title">
<h2 class="utrecht-heading-2" id="open-title">${p.statuses['OPEN']}</h2>
${proposal.amends !== null && paragraph(ctx.t.change.amended)}
<p class="utrecht-paragraph"><strong>${p.summary(money(proposal.capacity, ctx.locale), proposal.termMonths, money(proposal.totalToPay, ctx.locale))}</strong></p>
${proposal.mode === 'SETTLEMENT' && paragraph(p.settlementNote)}
${creditorTable(ctx, proposal)}
${proposal.outcome === 'NEEDS_DECISION' &&
    html`<div class="sr-card">${paragraph(p.needsDecision)}
${counters.map((c) => counterForm(ctx, proposal, c))}
${proposal.creditors.some((c) => c.decision === 'ACCEPT') &&
  html`<form method="post" action="${base}/plan/replan" novalidate>${csrfField(ctx)}<input type="hidden" name="proposalId" value="${proposal.id}">
${paragraph(p.replanHint)}<p class="utrecht-paragraph">${submitButton(p.replan, 'secondary')}</p></form>`}
</div>`}
${scheduleSection(ctx, proposal)}
<details><summary>${ctx.t.result.howTitle}</summary><ul class="utrecht-unordered-list">${proposal.explanation.map((line) => html`<li>${line}</li>`)}</ul></details>
</section>`;
}

function creditorTable(ctx: PageContext, proposal: ProposalView): SafeHtml {
  const p = ctx.t.plan;
  return html`<h3 class="utrecht-heading-3">${p.creditorsTitle}</h3>
<ul class="utrecht-unordered-list sr-plain-list">${proposal.creditors.map(
    (c) => html`<li class="sr-card"><strong>${creditorName(c)}</strong>
<dl class="utrecht-data-list">
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${p.debt}</dt><dd class="utrecht-data-list__item-value">${money(c.total, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${p.share}</dt><dd class="utrecht-data-list__item-value">${money(c.totalPaid, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${p.status}</dt><dd class="utrecht-data-list__item-value">${decisionText(ctx, proposal, c)}${
      c.decision === 'COUNTER' && c.counterMonthly !== null ? html`<br>${p.counter(money(c.counterMonthly, ctx.locale), c.counterTermMonths)}` : ''
    }${c.reasonText !== null && c.reasonText !== '' ? html`<br>${c.reasonText}` : ''}</dd></div>
</dl></li>`,
  )}
${proposal.manualClaims.map(
    (m) => html`<li class="sr-card"><strong>${m.creditorName}</strong> (${m.reference})
<dl class="utrecht-data-list">
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${p.debt}</dt><dd class="utrecht-data-list__item-value">${money(m.amount, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${p.share}</dt><dd class="utrecht-data-list__item-value">${money(m.totalPaid, ctx.locale)}</dd></div>
</dl></li>`,
  )}</ul>`;
}

function counterForm(ctx: PageContext, proposal: ProposalView, creditor: ProposalCreditorView): SafeHtml {
  const p = ctx.t.plan;
  const name = `note-${creditor.creditorId}`;
  return html`<form method="post" action="${ctx.scope.base}/plan/counter" novalidate>
${csrfField(ctx)}<input type="hidden" name="proposalId" value="${proposal.id}"><input type="hidden" name="creditorId" value="${creditor.creditorId}">
<h3 class="utrecht-heading-3">${creditorName(creditor)}</h3>
${creditor.counterMonthly !== null && paragraph(p.counter(money(creditor.counterMonthly, ctx.locale), creditor.counterTermMonths))}
${textField({ name, label: p.counterNote, hint: p.counterNoteHint, value: '', optional: ctx.t.common.optional })}
<p class="utrecht-paragraph sr-button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit" name="accept" value="yes">${p.acceptCounter}</button>
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="accept" value="no">${p.declineCounter}</button></p>
</form>`;
}

/** The instalment to pay next: the first not wholly paid. */
export function nextInstalment(instalments: readonly InstalmentStateView[]): InstalmentStateView | undefined {
  return instalments.find((i) => i.status === 'MISSED' || i.status === 'DUE' || i.status === 'PARTLY_PAID') ?? instalments.find((i) => i.status === 'UPCOMING');
}

/** A plan that runs: what to pay next and how, what came in, every instalment, and help when it is hard. */
function runningSection(ctx: PageContext, proposal: ProposalView, amendmentOpen: boolean): SafeHtml {
  const p = ctx.t.plan;
  const base = ctx.scope.base;
  const payments = proposal.payments;
  const next = payments === null ? undefined : nextInstalment(payments.instalments);
  return html`<section aria-labelledby="running-title">
<h2 class="utrecht-heading-2" id="running-title">${p.statuses[proposal.status] ?? proposal.status}</h2>
<p class="utrecht-paragraph"><strong>${p.summary(money(proposal.capacity, ctx.locale), proposal.instalments.length || proposal.termMonths, money(proposal.totalToPay, ctx.locale))}</strong></p>
${proposal.startedAt !== null && paragraph(p.started(dateText(proposal.startedAt, ctx.locale)))}
${next !== undefined &&
    html`<div class="sr-card"><h3 class="utrecht-heading-3">${p.nextPaymentTitle}</h3>
<p class="utrecht-paragraph"><strong>${p.nextPayment(money(next.outstanding, ctx.locale), dateText(next.dueDate, ctx.locale))}</strong></p>
${payments !== null && payments.paymentReference !== null && paragraph(p.paymentReference(payments.paymentReference))}
${next.graceEndsOn !== null && paragraph(p.grace(dateText(next.graceEndsOn, ctx.locale)))}
${next.explanation.map((line) => paragraph(line))}
</div>`}
${payments !== null && paragraph(p.received(money(payments.received, ctx.locale), money(payments.passedOn, ctx.locale)))}
${proposal.status === 'STARTED' &&
    !amendmentOpen &&
    html`<div class="sr-card"><h3 class="utrecht-heading-3">${p.actionsTitle}</h3>
<ul class="utrecht-unordered-list"><li><a class="utrecht-link" href="${base}/plan/pause">${p.pause}</a></li><li><a class="utrecht-link" href="${base}/plan/change">${p.change}</a></li></ul></div>`}
${creditorTable(ctx, proposal)}
${payments !== null && payments.instalments.length > 0 && instalmentTable(ctx, payments.instalments)}
</section>`;
}

const SHOWN_INSTALMENTS = 12;

function instalmentTable(ctx: PageContext, instalments: readonly InstalmentStateView[]): SafeHtml {
  const p = ctx.t.plan;
  // The months around now matter: the ones paid last and the ones to come.
  const firstOpen = Math.max(0, instalments.findIndex((i) => i.status !== 'PAID'));
  const from = Math.max(0, Math.min(firstOpen - 2, instalments.length - SHOWN_INSTALMENTS));
  const shown = instalments.slice(from, from + SHOWN_INSTALMENTS);
  return html`<h3 class="utrecht-heading-3">${p.instalmentsTitle}</h3>
<div class="sr-table-wrap"><table class="utrecht-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">${p.dueDate}</th><th class="utrecht-table__header-cell" scope="col">${p.amount}</th><th class="utrecht-table__header-cell" scope="col">${p.instalmentStatus}</th></tr></thead>
<tbody class="utrecht-table__body">${shown.map(
    (i) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">${dateText(i.dueDate, ctx.locale)}</th><td class="utrecht-table__cell">${money(i.amount, ctx.locale)}</td><td class="utrecht-table__cell">${p.instalmentStatuses[i.status] ?? i.status}</td></tr>`,
  )}</tbody></table></div>
${instalments.length > from + SHOWN_INSTALMENTS && paragraph(p.moreMonths(instalments.length - from - SHOWN_INSTALMENTS))}`;
}
