import { html, type SafeHtml } from '../html/html.js';
import type { ProposalView } from '../gateway/operations.js';
import { dateText, money, monthText } from '../i18n/format.js';
import type { PageContext } from '../views/page-context.js';

export interface ScheduleMonth {
  readonly label: string;
  readonly amount: bigint;
  readonly dueDate: string | undefined;
}

/**
 * The months of a plan with what is paid in each: the real instalments once it runs (moved by any
 * pause), or, while it is proposed, the capacity each month with the remainder in the last.
 */
export function scheduleOf(proposal: ProposalView, locale: PageContext['locale']): ScheduleMonth[] {
  if (proposal.instalments.length > 0) {
    return proposal.instalments.map((i) => ({ label: monthText(i.month, locale), amount: BigInt(i.amount), dueDate: i.dueDate }));
  }
  const capacity = BigInt(proposal.capacity);
  let left = BigInt(proposal.totalToPay);
  const months: ScheduleMonth[] = [];
  for (let n = 1; n <= proposal.termMonths && left > 0n; n += 1) {
    const amount = left < capacity || n === proposal.termMonths ? left : capacity;
    months.push({ label: String(n), amount, dueDate: undefined });
    left -= amount;
  }
  return months;
}

const SHOWN_ROWS = 12;

/** A bar per month (one picture, described in words for a screen reader) and the first months as a table. */
export function scheduleSection(ctx: PageContext, proposal: ProposalView): SafeHtml {
  const p = ctx.t.plan;
  const months = scheduleOf(proposal, ctx.locale);
  if (months.length === 0) return html``;
  const highest = months.reduce((max, m) => (m.amount > max ? m.amount : max), 1n);
  const width = 100 / months.length;
  const bars = months.map((m, i) => {
    const height = Number((m.amount * 1000n) / highest) / 10;
    return html`<rect x="${(i * width).toFixed(3)}" y="${(40 - (height * 40) / 100).toFixed(3)}" width="${(width * 0.8).toFixed(3)}" height="${((height * 40) / 100).toFixed(3)}" fill="#2f6f9f"></rect>`;
  });
  return html`<section class="sr-card" aria-labelledby="schedule-title">
<h2 class="utrecht-heading-2" id="schedule-title">${p.scheduleTitle}</h2>
<svg class="sr-chart" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label="${p.scheduleChart(months.length, money(proposal.capacity, ctx.locale))}">${bars}</svg>
<div class="sr-table-wrap"><table class="utrecht-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">${p.month}</th><th class="utrecht-table__header-cell" scope="col">${p.amount}</th>${months[0]?.dueDate !== undefined && html`<th class="utrecht-table__header-cell" scope="col">${p.dueDate}</th>`}</tr></thead>
<tbody class="utrecht-table__body">${months.slice(0, SHOWN_ROWS).map(
    (m) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">${m.label}</th><td class="utrecht-table__cell">${money(String(m.amount), ctx.locale)}</td>${m.dueDate !== undefined && html`<td class="utrecht-table__cell">${dateText(m.dueDate, ctx.locale)}</td>`}</tr>`,
  )}</tbody></table></div>
${months.length > SHOWN_ROWS && html`<p class="utrecht-paragraph">${p.moreMonths(months.length - SHOWN_ROWS)}</p>`}
</section>`;
}
