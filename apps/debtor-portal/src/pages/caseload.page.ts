import { html, type SafeHtml } from '../html/html.js';
import type { Signal } from '../counsellor/caseload-signals.js';
import { clientLabel } from '../resident/resident-scope.js';
import { dateText } from '../i18n/format.js';
import { labelFor, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export interface CaseloadRow {
  readonly residentId: string;
  readonly mandateUntil: string;
  /** The newest proposal's status, if any. */
  readonly planStatus: string | undefined;
  readonly signals: readonly Signal[];
}

/** The residents who gave this counsellor a mandate: who needs attention first, and a way into each. */
export function caseloadPage(ctx: PageContext, rows: readonly CaseloadRow[]): SafeHtml {
  const c = ctx.t.caseload;
  const invite = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/clients/invite">${ctx.t.invite.link}</a></p>`;
  if (rows.length === 0) return html`${paragraph(c.none)}${invite}`;
  const ordered = [...rows].sort((a, b) => b.signals.length - a.signals.length || a.residentId.localeCompare(b.residentId));
  return html`${paragraph(c.intro)}
${invite}
<ul class="utrecht-unordered-list sr-plain-list">${ordered.map((row) => {
    const name = c.clientName(clientLabel(row.residentId));
    return html`<li class="sr-card"><h2 class="utrecht-heading-2">${name}</h2>
<dl class="utrecht-data-list">
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${c.mandateUntil}</dt><dd class="utrecht-data-list__item-value">${dateText(row.mandateUntil, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${c.plan}</dt><dd class="utrecht-data-list__item-value">${row.planStatus === undefined ? c.noPlan : (ctx.t.plan.statuses[row.planStatus] ?? row.planStatus)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${c.signals}</dt><dd class="utrecht-data-list__item-value">${
      row.signals.length === 0 ? c.noSignals : html`<strong>${row.signals.map((s) => c.signalNames[s] ?? s).join(', ')}</strong>`
    }</dd></div>
</dl>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/clients/${row.residentId}/plan">${labelFor(c.open, name)}</a></p></li>`;
  })}</ul>`;
}
