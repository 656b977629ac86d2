import { html, type SafeHtml } from '../html/html.js';
import type { BudgetView } from '../gateway/operations.js';
import { money } from '../i18n/format.js';
import { buttonLink, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/**
 * What you keep and what you can pay: two sentences, a picture of the income split in two (with the
 * same facts as text for a screen reader), the reason in one sentence, and the full computation folded away.
 */
export function budgetResultPage(ctx: PageContext, budget: BudgetView | null): SafeHtml {
  const r = ctx.t.result;
  if (budget === null) return html`${paragraph(r.noBudget)}<p class="utrecht-paragraph">${buttonLink(`${ctx.scope.base}/budget`, ctx.t.nav.budget)}</p>`;
  const income = Number(budget.netIncome);
  const capacity = Number(budget.capacity);
  const keepShare = income <= 0 ? 100 : Math.round(((income - capacity) / income) * 100);
  const keep = money(String(Math.max(0, income - capacity)), ctx.locale);
  const pay = money(budget.capacity, ctx.locale);
  return html`<p class="utrecht-paragraph"><strong>${r.keep(money(budget.beslagvrijeVoet, ctx.locale))}</strong></p>
<p class="utrecht-paragraph"><strong>${r.pay(pay)}</strong></p>
${paragraph(r.reason)}
${capacity === 0 && paragraph(r.nothingLeft)}
<figure class="sr-card">
  <figcaption><h2 class="utrecht-heading-2">${r.pictureTitle}</h2></figcaption>
  <svg class="sr-chart" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${r.pictureLabel(money(budget.netIncome, ctx.locale), keep, pay)}">
    <rect x="0" y="0" width="${keepShare}" height="10" fill="#2f6f9f"></rect>
    <rect x="${keepShare}" y="0" width="${100 - keepShare}" height="10" fill="#e8a33d"></rect>
  </svg>
  <ul class="sr-legend">
    <li><span class="sr-bar-keep"></span>${r.legendKeep}: ${keep}</li>
    <li><span class="sr-bar-pay"></span>${r.legendPay}: ${pay}</li>
  </ul>
</figure>
${budget.approximation && paragraph(r.approximation)}
<details><summary>${r.howTitle}</summary><ul class="utrecht-unordered-list">${budget.explanation.map((line) => html`<li>${line}</li>`)}</ul></details>
<p class="utrecht-paragraph">${capacity > 0 && buttonLink(`${ctx.scope.base}/plan`, r.toPlan)} <a class="utrecht-link" href="${ctx.scope.base}/budget">${r.edit}</a></p>`;
}
