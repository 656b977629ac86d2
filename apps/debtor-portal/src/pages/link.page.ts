import { html, type SafeHtml } from '../html/html.js';
import type { AccountLinkView, CreditorRef } from '../gateway/operations.js';
import { field, type FormEcho } from '../forms/form-input.js';
import { dateText } from '../i18n/format.js';
import { alert, buttonLink, csrfField, errorFor, errorSummary, labelFor, paragraph, selectField, submitButton, textField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** `problem`: a refusal or a limit that concerns the whole form. */
export interface LinkPageData extends FormEcho {
  readonly creditors: readonly CreditorRef[];
  readonly links: readonly AccountLinkView[];
}

/** Link creditors: the number from the letter, the postcode and date of birth the creditor knows. */
export function linkPage(ctx: PageContext, data: LinkPageData): SafeHtml {
  const l = ctx.t.link;
  const base = ctx.scope.base;
  const linked = new Set(data.links.map((link) => link.creditor.id));
  const choosable = data.creditors.filter((c) => !linked.has(c.id));
  const { values, errors } = data;
  return html`${errorSummary(ctx, errors)}
${data.problem !== undefined && alert('warning', data.problem)}
${paragraph(l.intro)}
${choosable.length > 0 &&
  html`<form method="post" action="${base}/creditors" novalidate>
${csrfField(ctx)}
${selectField({ name: 'creditorId', label: l.creditor, hint: l.creditorHint, value: field(values, 'creditorId'), placeholder: l.chooseCreditor, options: choosable.map((c) => ({ value: c.id, label: c.name })), error: errorFor(errors, 'creditorId') })}
${textField({ name: 'reference', label: l.reference, hint: l.referenceHint, value: field(values, 'reference'), error: errorFor(errors, 'reference'), autocomplete: 'off' })}
${textField({ name: 'postcode', label: l.postcode, hint: l.postcodeHint, value: field(values, 'postcode'), error: errorFor(errors, 'postcode'), autocomplete: 'postal-code', width: 'short' })}
${textField({ name: 'birthDate', label: l.birthDate, hint: l.birthDateHint, value: field(values, 'birthDate'), error: errorFor(errors, 'birthDate'), autocomplete: 'bday', inputMode: 'numeric', width: 'short' })}
<p class="utrecht-paragraph">${submitButton(l.submit)}</p>
</form>`}
<h2 class="utrecht-heading-2">${l.linkedTitle}</h2>
${data.links.length === 0
    ? paragraph(l.noneLinked)
    : html`<ul class="utrecht-unordered-list sr-plain-list">${data.links.map(
        (link) => html`<li class="sr-card"><strong>${link.creditor.name}</strong> — ${l.linkedOn(dateText(link.linkedAt, ctx.locale))}
<form class="sr-inline-form" method="post" action="${base}/creditors/unlink">${csrfField(ctx)}<input type="hidden" name="creditorId" value="${link.creditor.id}">
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${labelFor(l.unlink, link.creditor.name)}</button></form></li>`,
      )}</ul>
${paragraph(l.nextStep)}
<p class="utrecht-paragraph">${buttonLink(`${base}/consent`, ctx.t.nav.consent)}</p>`}`;
}
