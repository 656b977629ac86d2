import { html, type SafeHtml } from '../html/html.js';
import { PAUSE_MONTH_CHOICES } from '../forms/plan-form.js';
import { field, type FormEcho } from '../forms/form-input.js';
import { monthText } from '../i18n/format.js';
import { csrfField, errorFor, errorSummary, paragraph, selectField, submitButton, textField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** Ask for a payment pause: from which month of the plan, how long, and (optionally) how far income fell. */
export function pausePage(ctx: PageContext, params: Omit<FormEcho, 'problem'> & { readonly months: readonly string[] }): SafeHtml {
  const p = ctx.t.pause;
  const { values, errors } = params;
  return html`${errorSummary(ctx, errors)}
${paragraph(p.intro)}
<form method="post" action="${ctx.scope.base}/plan/pause" novalidate>
${csrfField(ctx)}
${selectField({ name: 'fromMonth', label: p.fromMonth, value: field(values, 'fromMonth'), options: params.months.map((m) => ({ value: m, label: monthText(m, ctx.locale) })), error: errorFor(errors, 'fromMonth') })}
${selectField({ name: 'months', label: p.months, hint: p.monthsHint, value: field(values, 'months') || '1', options: PAUSE_MONTH_CHOICES.map((m) => ({ value: m, label: m })), error: errorFor(errors, 'months') })}
${textField({ name: 'incomeDropPercent', label: p.drop, hint: p.dropHint, value: field(values, 'incomeDropPercent'), inputMode: 'numeric', width: 'short', optional: ctx.t.common.optional, error: errorFor(errors, 'incomeDropPercent') })}
<p class="utrecht-paragraph">${submitButton(p.submit)}</p>
</form>`;
}
