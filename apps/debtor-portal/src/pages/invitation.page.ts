import { html, type SafeHtml } from '../html/html.js';
import { dateText } from '../i18n/format.js';
import { alert, csrfField, paragraph, submitButton } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export interface InvitationPageData {
  /** The code just made: shown this once, never again. */
  readonly made?: { readonly code: string; readonly expiresAt: string };
  /** Why no code could be made (no name to show the client, or the limit of open codes). */
  readonly problem?: string;
}

/** A counsellor makes a one-time code for a client to give them a mandate with. */
export function invitationPage(ctx: PageContext, data: InvitationPageData): SafeHtml {
  const i = ctx.t.invite;
  const name = ctx.person?.name;
  // The last day it works, in the resident's calendar: one millisecond before the moment it ends.
  const lastDay = data.made === undefined ? '' : dateText(new Date(Date.parse(data.made.expiresAt) - 1).toISOString(), ctx.locale);
  return html`${data.problem !== undefined && alert('warning', data.problem)}
${data.made !== undefined &&
  html`<section class="sr-card" aria-labelledby="code-title">
<h2 class="utrecht-heading-2" id="code-title">${i.codeTitle}</h2>
<p class="utrecht-paragraph"><strong class="sr-code" lang="en" translate="no">${data.made.code}</strong></p>
${paragraph(i.validUntil(lastDay))}
${paragraph(i.shownOnce)}
</section>`}
${paragraph(i.intro)}
${name !== undefined && paragraph(i.nameNote(name))}
<form method="post" action="/clients/invite" novalidate>
${csrfField(ctx)}
<p class="utrecht-paragraph">${submitButton(data.made === undefined ? i.create : i.another)}</p>
</form>`;
}
