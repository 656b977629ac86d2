import { html, type SafeHtml } from '../html/html.js';
import type { AccountLinkView, ConsentView, LedgerEntryView, MandateView, SharedProposalView } from '../gateway/operations.js';
import { clientLabel } from '../resident/resident-scope.js';
import { dateText } from '../i18n/format.js';
import { csrfField, labelFor, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export interface PrivacyPageData {
  readonly consents: readonly ConsentView[];
  readonly mandates: readonly MandateView[];
  readonly links: readonly AccountLinkView[];
  readonly proposals: readonly SharedProposalView[];
}

/** What was shared with whom and since when, each step's receipt to download, and a way to stop each. */
export function privacyPage(ctx: PageContext, data: PrivacyPageData): SafeHtml {
  const p = ctx.t.privacy;
  return html`${paragraph(p.intro)}
<h2 class="utrecht-heading-2">${p.consentsTitle}</h2>
${data.consents.length === 0 ? paragraph(p.none) : html`<ul class="utrecht-unordered-list sr-plain-list">${data.consents.map((c) => consentCard(ctx, c))}</ul>`}
${paragraph(p.receiptNote)}
<h2 class="utrecht-heading-2">${p.proposalsTitle}</h2>
${data.proposals.length === 0
    ? paragraph(p.noProposals)
    : html`<ul class="utrecht-unordered-list">${data.proposals.map(
        (proposal) => html`<li>${p.proposalSent(dateText(proposal.proposedAt, ctx.locale), proposal.creditors.map((c) => c.creditor?.name ?? c.creditorId).join(', '))}</li>`,
      )}</ul>`}
<h2 class="utrecht-heading-2">${p.mandatesTitle}</h2>
${data.mandates.length === 0 ? paragraph(p.noMandates) : html`<ul class="utrecht-unordered-list sr-plain-list">${data.mandates.map((m) => mandateCard(ctx, m))}</ul>`}
${ctx.person?.counsellor !== true && html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/mandate">${p.giveMandate}</a></p>`}
<h2 class="utrecht-heading-2">${p.linksTitle}</h2>
${data.links.length === 0
    ? paragraph(ctx.t.link.noneLinked)
    : html`<ul class="utrecht-unordered-list">${data.links.map((l) => html`<li>${l.creditor.name} — ${ctx.t.link.linkedOn(dateText(l.linkedAt, ctx.locale))}</li>`)}</ul>`}`;
}

function item(key: string, value: string): SafeHtml {
  return html`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${key}</dt><dd class="utrecht-data-list__item-value">${value}</dd></div>`;
}

function receipts(ctx: PageContext, entries: readonly LedgerEntryView[]): SafeHtml {
  const p = ctx.t.privacy;
  return html`<ul class="utrecht-unordered-list">${entries.map(
    (e) => html`<li><a class="utrecht-link" href="/privacy/receipts/${e.index}" download>${p.receipt(p.kinds[e.kind] ?? e.kind)}</a></li>`,
  )}</ul>`;
}

function consentCard(ctx: PageContext, consent: ConsentView): SafeHtml {
  const p = ctx.t.privacy;
  const purpose = ctx.t.purposes[consent.purpose] ?? consent.purpose;
  return html`<li class="sr-card"><strong>${purpose}</strong>
<dl class="utrecht-data-list">
${item(p.creditors, consent.creditors.map((c) => c.name).join(', '))}
${item(p.categories, consent.categories.map((c) => p.categoryNames[c] ?? c).join(', '))}
${item(p.given, dateText(consent.validFrom, ctx.locale))}
${item(p.validUntil, dateText(consent.validUntil, ctx.locale))}
${item(p.state, p.states[consent.state] ?? consent.state)}
${consent.endedAt !== null && item(p.ended, dateText(consent.endedAt, ctx.locale))}
</dl>
${receipts(ctx, consent.ledgerEntries)}
${consent.state === 'GIVEN' &&
    html`<form method="post" action="/privacy/consents/withdraw" novalidate>${csrfField(ctx)}<input type="hidden" name="id" value="${consent.id}">
${paragraph(p.withdrawHint)}<p class="utrecht-paragraph"><button class="utrecht-button utrecht-button--secondary-action" type="submit">${labelFor(p.withdraw, purpose)}</button></p></form>`}
</li>`;
}

function mandateCard(ctx: PageContext, mandate: MandateView): SafeHtml {
  const p = ctx.t.privacy;
  return html`<li class="sr-card">${paragraph(p.mandateFor(mandate.counsellorName ?? clientLabel(mandate.counsellorId)))}
<dl class="utrecht-data-list">
${item(p.given, dateText(mandate.validFrom, ctx.locale))}
${item(p.validUntil, dateText(mandate.validUntil, ctx.locale))}
${item(p.state, p.states[mandate.state] ?? mandate.state)}
</dl>
${receipts(ctx, mandate.ledgerEntries)}
${mandate.state === 'GIVEN' &&
    html`<form method="post" action="/privacy/mandates/withdraw" novalidate>${csrfField(ctx)}<input type="hidden" name="id" value="${mandate.id}">
<p class="utrecht-paragraph"><button class="utrecht-button utrecht-button--secondary-action" type="submit">${p.withdrawMandate}</button></p></form>`}
</li>`;
}
