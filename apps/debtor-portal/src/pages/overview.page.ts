import { html, type SafeHtml } from '../html/html.js';
import type { OverviewView } from '../gateway/operations.js';
import { dateText, money } from '../i18n/format.js';
import { alert, buttonLink, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** One overview of all debts, per creditor and then each claim; a creditor that did not answer is named. */
export function overviewPage(ctx: PageContext, overview: OverviewView, unavailable: readonly string[]): SafeHtml {
  const o = ctx.t.overview;
  const totals = overview.creditorTotals ?? [];
  const claims = overview.claims ?? [];
  const names = new Map(overview.overviewCreditors.map((c) => [c.id, c.name]));
  const sum = totals.reduce((acc, c) => acc + BigInt(c.total), 0n);
  const count = totals.reduce((acc, c) => acc + c.claimCount, 0);
  return html`${unavailable.map((name) => alert('warning', ctx.t.common.creditorUnavailable(name)))}
${count === 0
    ? paragraph(o.none)
    : html`<p class="utrecht-paragraph"><strong>${o.summary(count, totals.length, money(String(sum), ctx.locale))}</strong></p>
${paragraph(o.calm)}
<h2 class="utrecht-heading-2">${o.perCreditor}</h2>
<div class="sr-table-wrap"><table class="utrecht-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">${o.creditor}</th><th class="utrecht-table__header-cell" scope="col">${o.count}</th><th class="utrecht-table__header-cell" scope="col">${o.total}</th></tr></thead>
<tbody class="utrecht-table__body">${totals.map(
        (c) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">${c.creditorName}</th><td class="utrecht-table__cell">${c.claimCount}</td><td class="utrecht-table__cell">${money(c.total, ctx.locale)}</td></tr>`,
      )}</tbody></table></div>
<h2 class="utrecht-heading-2">${o.details}</h2>
<ul class="utrecht-unordered-list">${claims.map(
        (c) => html`<li class="sr-card"><strong>${names.get(c.creditorId) ?? c.creditorId}: ${c.description}</strong>
<dl class="utrecht-data-list">
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${o.reference}</dt><dd class="utrecht-data-list__item-value">${c.reference}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${o.amount}</dt><dd class="utrecht-data-list__item-value">${money(c.total, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${o.dueOn}</dt><dd class="utrecht-data-list__item-value">${dateText(c.dueOn, ctx.locale)}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${o.stage}</dt><dd class="utrecht-data-list__item-value">${o.stages[c.stage] ?? c.stage}</dd></div>
<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${o.status}</dt><dd class="utrecht-data-list__item-value">${o.statuses[c.status] ?? c.status}</dd></div>
</dl></li>`,
      )}</ul>
<p class="utrecht-paragraph">${buttonLink(`${ctx.scope.base}/budget`, o.toBudget)}</p>`}`;
}
