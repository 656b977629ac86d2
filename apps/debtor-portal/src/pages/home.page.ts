import { html, type SafeHtml } from '../html/html.js';
import { buttonLink, paragraph } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export interface HomeFacts {
  readonly links: number;
  readonly consents: number;
  readonly budget: boolean;
  readonly latest: { readonly status: string; readonly outcome: string } | undefined;
  readonly unread: number;
}

type Step = 'link' | 'consent' | 'budget' | 'plan' | 'waiting' | 'decide' | 'running' | 'completed';

/** The one next step for this resident: always clear what happens now. */
export function nextStep(facts: HomeFacts): { step: Step; href: string } {
  if (facts.links === 0) return { step: 'link', href: '/creditors' };
  if (facts.consents === 0) return { step: 'consent', href: '/consent' };
  if (!facts.budget) return { step: 'budget', href: '/budget' };
  const latest = facts.latest;
  if (latest === undefined) return { step: 'plan', href: '/plan' };
  if (latest.status === 'COMPLETED') return { step: 'completed', href: '/plan' };
  if (latest.status === 'STARTED') return { step: 'running', href: '/plan' };
  if (latest.outcome === 'NEEDS_DECISION') return { step: 'decide', href: '/plan' };
  return { step: 'waiting', href: '/plan' };
}

export function homePage(ctx: PageContext, facts: HomeFacts): SafeHtml {
  const h = ctx.t.home;
  const next = nextStep(facts);
  const done = {
    link: facts.links > 0,
    consent: facts.consents > 0,
    overview: facts.consents > 0,
    budget: facts.budget,
    plan: facts.latest !== undefined,
    running: facts.latest?.status === 'STARTED' || facts.latest?.status === 'COMPLETED',
  };
  const hrefs: Record<keyof typeof done, string> = { link: '/creditors', consent: '/consent', overview: '/overview', budget: '/budget', plan: '/plan', running: '/plan' };
  return html`${facts.unread > 0 && paragraph(html`<a class="utrecht-link" href="/inbox">${h.unread(facts.unread)}</a>`)}
<section class="sr-card" aria-labelledby="next-title">
  <h2 class="utrecht-heading-2" id="next-title">${h.nextTitle}</h2>
  ${paragraph(h.next[next.step])}
  <p class="utrecht-paragraph">${buttonLink(next.href, h.go)}</p>
</section>
<h2 class="utrecht-heading-2">${h.stepsTitle}</h2>
<ol class="utrecht-ordered-list sr-steps">${(Object.keys(done) as (keyof typeof done)[]).map(
    (key) => html`<li class="utrecht-ordered-list__item"><a class="utrecht-link" href="${hrefs[key]}">${h.steps[key]}</a> — <span class="${done[key] ? 'sr-done' : ''}">${done[key] ? h.done : h.todo}</span></li>`,
  )}</ol>`;
}
