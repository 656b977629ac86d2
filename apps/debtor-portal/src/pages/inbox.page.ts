import { html, type SafeHtml } from '../html/html.js';
import { clientLabel } from '../resident/resident-scope.js';
import type { NotificationView } from '../gateway/operations.js';
import { dateText } from '../i18n/format.js';
import { paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** Messages and reminders, newest first. */
export function inboxPage(ctx: PageContext, notifications: readonly NotificationView[]): SafeHtml {
  const i = ctx.t.inbox;
  if (notifications.length === 0) return paragraph(i.none);
  return html`<ul class="utrecht-unordered-list">${notifications.map(
    (n) => html`<li class="sr-card"><p class="utrecht-paragraph"><strong>${dateText(n.createdAt, ctx.locale)}</strong>${!n.read && html` (${i.new})`}</p>${paragraph(n.text)}${
      ctx.person?.counsellor === true && paragraph(html`<a class="utrecht-link" href="/clients/${n.residentId}/plan">${i.about(clientLabel(n.residentId))}</a>`)
    }</li>`,
  )}</ul>`;
}
