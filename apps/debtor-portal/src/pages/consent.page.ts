import { html, type SafeHtml } from '../html/html.js';
import type { AccountLinkView, ConsentTextView, ConsentView } from '../gateway/operations.js';
import { CONSENT_DURATIONS, type ConsentPurposeName } from '../forms/consent-form.js';
import { field, fieldList, type FormEcho } from '../forms/form-input.js';
import { PORTAL_LOCALES } from '../i18n/catalogue.js';
import { dateText } from '../i18n/format.js';
import { alert, buttonLink, choiceFieldset, csrfField, errorFor, errorSummary, paragraph, submitButton } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export interface ConsentPageData extends FormEcho {
  readonly links: readonly AccountLinkView[];
  readonly consents: readonly ConsentView[];
  readonly texts: Readonly<Record<ConsentPurposeName, ConsentTextView>>;
}

/**
 * Consent, granular and informed: which creditors, for what, how long, what is shared and how to stop.
 * Nothing is ticked beforehand; the exact text whose version is recorded is shown with each purpose.
 */
export function consentPage(ctx: PageContext, data: ConsentPageData): SafeHtml {
  const c = ctx.t.consent;
  const base = ctx.scope.base;
  const { values, errors } = data;
  const current = data.consents.filter((consent) => consent.state === 'GIVEN');
  if (data.links.length === 0) return html`${paragraph(c.noLinks)}<p class="utrecht-paragraph">${buttonLink(`${base}/creditors`, ctx.t.link.title)}</p>`;
  const purposeText = (purpose: ConsentPurposeName) => data.texts[purpose][PORTAL_LOCALES[ctx.locale].platformLocale];
  return html`${errorSummary(ctx, errors)}
${data.problem !== undefined && alert('warning', data.problem)}
${paragraph(c.intro)}
<form method="post" action="${base}/consent" novalidate>
${csrfField(ctx)}
<input type="hidden" name="textVersion.DEBT_OVERVIEW" value="${data.texts.DEBT_OVERVIEW.version}">
<input type="hidden" name="textVersion.COLLECTIVE_ARRANGEMENT" value="${data.texts.COLLECTIVE_ARRANGEMENT.version}">
${choiceFieldset({ type: 'checkbox', name: 'creditorIds', legend: c.whoLegend, hint: c.whoHint, options: data.links.map((l) => ({ value: l.creditor.id, label: l.creditor.name })), checked: fieldList(values, 'creditorIds'), error: errorFor(errors, 'creditorIds') })}
${choiceFieldset({
    type: 'checkbox',
    name: 'purposes',
    legend: c.whatLegend,
    options: [
      { value: 'DEBT_OVERVIEW', label: c.overview, detail: purposeText('DEBT_OVERVIEW') },
      { value: 'COLLECTIVE_ARRANGEMENT', label: c.arrangement, detail: purposeText('COLLECTIVE_ARRANGEMENT') },
    ],
    checked: fieldList(values, 'purposes'),
    error: errorFor(errors, 'purposes'),
  })}
<section class="sr-card" aria-labelledby="shared-title">
<h2 class="utrecht-heading-2" id="shared-title">${c.sharedTitle}</h2>
<ul class="utrecht-unordered-list">${c.shared.map((line) => html`<li>${line}</li>`)}</ul>
</section>
${choiceFieldset({ type: 'radio', name: 'duration', legend: c.durationLegend, options: CONSENT_DURATIONS.map((d) => ({ value: d, label: c.durations[d] ?? d })), checked: [field(values, 'duration')], error: errorFor(errors, 'duration') })}
<section class="sr-card" aria-labelledby="withdraw-title">
<h2 class="utrecht-heading-2" id="withdraw-title">${c.withdrawTitle}</h2>
${paragraph(c.withdraw)}
</section>
<p class="utrecht-paragraph">${submitButton(c.submit)}</p>
</form>
<h2 class="utrecht-heading-2">${c.currentTitle}</h2>
${current.length === 0
    ? paragraph(c.noneCurrent)
    : html`<ul class="utrecht-unordered-list">${current.map(
        (consent) => html`<li>${ctx.t.purposes[consent.purpose] ?? consent.purpose}: ${consent.creditors.map((cr) => cr.name).join(', ')} — ${ctx.t.privacy.validUntil} ${dateText(consent.validUntil, ctx.locale)}</li>`,
      )}</ul>
${base === '' && html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/privacy">${ctx.t.nav.privacy}</a></p>`}`}`;
}
