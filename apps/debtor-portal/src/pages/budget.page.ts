import { html, type SafeHtml } from '../html/html.js';
import { AGE_BANDS, HOUSEHOLDS } from '../forms/budget-form.js';
import { field, type FormEcho } from '../forms/form-input.js';
import { choiceFieldset, csrfField, errorFor, errorSummary, paragraph, submitButton, textField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** Few questions, plain words, the help beside each. */
export function budgetPage(ctx: PageContext, params: Omit<FormEcho, 'problem'> & { readonly action: string; readonly intro: string; readonly submit: string }): SafeHtml {
  const b = ctx.t.budget;
  const { values, errors } = params;
  return html`${errorSummary(ctx, errors)}
${paragraph(params.intro)}
<form method="post" action="${params.action}" novalidate>
${csrfField(ctx)}
${textField({ name: 'netIncome', label: b.netIncome, hint: b.netIncomeHint, value: field(values, 'netIncome'), inputMode: 'decimal', error: errorFor(errors, 'netIncome'), width: 'short' })}
${textField({ name: 'payDay', label: b.payDay, hint: b.payDayHint, value: field(values, 'payDay'), inputMode: 'numeric', error: errorFor(errors, 'payDay'), width: 'short' })}
${choiceFieldset({ type: 'radio', name: 'household', legend: b.household, options: HOUSEHOLDS.map((h) => ({ value: h, label: b.households[h] ?? h })), checked: [field(values, 'household')], error: errorFor(errors, 'household') })}
${choiceFieldset({ type: 'radio', name: 'ageBand', legend: b.ageBand, options: AGE_BANDS.map((a) => ({ value: a, label: b.ageBands[a] ?? a })), checked: [field(values, 'ageBand')], error: errorFor(errors, 'ageBand') })}
${choiceFieldset({ type: 'radio', name: 'partnerAgeBand', legend: b.partnerAgeBand, hint: b.partnerHint, options: AGE_BANDS.map((a) => ({ value: a, label: b.ageBands[a] ?? a })), checked: [field(values, 'partnerAgeBand')], error: errorFor(errors, 'partnerAgeBand') })}
<p class="utrecht-paragraph">${submitButton(params.submit)}</p>
</form>`;
}
