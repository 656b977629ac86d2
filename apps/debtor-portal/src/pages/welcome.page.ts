import { html, type SafeHtml } from '../html/html.js';
import { buttonLink, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

/** Before login: what the platform does, in B1, and that help exists. */
export function welcomePage(ctx: PageContext): SafeHtml {
  const w = ctx.t.welcome;
  return html`${paragraph(w.intro)}
<h2 class="utrecht-heading-2">${w.howTitle}</h2>
<ol class="utrecht-ordered-list">${w.steps.map((s) => html`<li class="utrecht-ordered-list__item">${s}</li>`)}</ol>
${paragraph(w.calm)}
${paragraph(w.privacy)}
<p class="utrecht-paragraph">${buttonLink('/login', w.loginButton)}</p>
${paragraph(w.loginNote)}
<h2 class="utrecht-heading-2">${w.helpTitle}</h2>
${paragraph(w.help)}`;
}
