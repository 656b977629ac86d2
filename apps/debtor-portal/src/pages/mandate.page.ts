import { html, type SafeHtml } from '../html/html.js';
import type { ConsentTextView } from '../gateway/operations.js';
import { MANDATE_DURATIONS } from '../forms/mandate-form.js';
import { field, type FormEcho } from '../forms/form-input.js';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { dateText } from '../i18n/format.js';
import { choiceFieldset, csrfField, errorFor, errorSummary, paragraph, submitButton, textField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** The exact text whose version is recorded with the mandate, in the platform's language of this page. */
function mandateTextSection(ctx: PageContext, text: ConsentTextView): SafeHtml {
  return html`<section class="sr-card" aria-labelledby="mandate-text-title">
<h2 class="utrecht-heading-2" id="mandate-text-title">${ctx.t.mandate.textTitle}</h2>
${paragraph(text[PORTAL_LOCALES[ctx.locale].platformLocale])}
</section>`;
}

/** Step one: the code from the counsellor and how long the mandate holds; nothing chosen beforehand. */
export function mandatePage(ctx: PageContext, data: FormEcho & { readonly text: ConsentTextView }): SafeHtml {
  const m = ctx.t.mandate;
  const { values, errors } = data;
  return html`${errorSummary(ctx, errors)}
${paragraph(m.intro)}
<form method="post" action="/mandate" novalidate>
${csrfField(ctx)}
${textField({ name: 'code', label: m.code, hint: m.codeHint, value: field(values, 'code'), error: errorFor(errors, 'code'), autocomplete: 'off', width: 'short' })}
${choiceFieldset({ type: 'radio', name: 'duration', legend: m.durationLegend, options: MANDATE_DURATIONS.map((d) => ({ value: d, label: m.durations[d] ?? d })), checked: [field(values, 'duration')], error: errorFor(errors, 'duration') })}
${mandateTextSection(ctx, data.text)}
${paragraph(m.stopNote)}
<p class="utrecht-paragraph">${submitButton(m.check)}</p>
</form>`;
}

/** Step two: whose code it is, asked plainly, before anything is given. */
export function mandateConfirmPage(
  ctx: PageContext,
  data: { readonly code: string; readonly duration: string; readonly counsellorName: string; readonly validUntil: Date; readonly text: ConsentTextView },
): SafeHtml {
  const m = ctx.t.mandate;
  return html`${paragraph(m.confirmWho(data.counsellorName))}
${paragraph(html`<strong>${m.confirmQuestion(data.counsellorName, dateText(data.validUntil.toISOString(), ctx.locale))}</strong>`)}
${mandateTextSection(ctx, data.text)}
${paragraph(m.stopNote)}
<form method="post" action="/mandate/give" novalidate>
${csrfField(ctx)}
<input type="hidden" name="code" value="${data.code}">
<input type="hidden" name="duration" value="${data.duration}">
<input type="hidden" name="textVersion" value="${data.text.version}">
<p class="utrecht-paragraph">${submitButton(m.give)}</p>
</form>
<form method="post" action="/mandate/back" novalidate>
${csrfField(ctx)}
<input type="hidden" name="code" value="${data.code}">
<input type="hidden" name="duration" value="${data.duration}">
<p class="utrecht-paragraph">${submitButton(m.back, 'secondary')}</p>
</form>`;
}
