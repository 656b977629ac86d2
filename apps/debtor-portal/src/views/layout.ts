import { PORTAL_LOCALES, type Messages, type PortalLocale } from '../i18n/catalogue.js';
import { clientLabel } from '../resident/resident-scope.js';
import { html, type SafeHtml } from '../html/html.js';
import { alert, csrfField } from './components.js';
import type { PageContext } from './page-context.js';

/** Where the menu points, for a resident and for a counsellor. */
type NavItem = readonly [href: string, key: keyof Messages['nav']];

const RESIDENT_NAV: readonly NavItem[] = [
  ['/start', 'home'],
  ['/creditors', 'link'],
  ['/consent', 'consent'],
  ['/overview', 'overview'],
  ['/budget', 'budget'],
  ['/plan', 'plan'],
  ['/privacy', 'privacy'],
  ['/inbox', 'inbox'],
];
const COUNSELLOR_NAV: readonly NavItem[] = [
  ['/clients', 'caseload'],
  ['/inbox', 'inbox'],
];
/** A counsellor working for a client: that client's pages, and the way back to the caseload. */
function clientNav(base: string): NavItem[] {
  return [['/clients', 'caseload'], ...(['creditors', 'consent', 'overview', 'budget', 'plan'] as const).map((page): NavItem => [`${base}/${page}`, NAV_KEYS[page]])];
}
const NAV_KEYS = { creditors: 'link', consent: 'consent', overview: 'overview', budget: 'budget', plan: 'plan' } as const;

function navFor(ctx: PageContext): readonly NavItem[] {
  if (ctx.person === undefined) return [];
  if (ctx.scope.residentId !== undefined) return clientNav(ctx.scope.base);
  return ctx.person.counsellor ? COUNSELLOR_NAV : RESIDENT_NAV;
}

/**
 * The page shell: language, skip link, header with the language switch and logout, menu, one main
 * landmark with one h1, and the help line in the footer. No script: everything works without it.
 */
export function layout(ctx: PageContext, params: { readonly title: string; readonly body: SafeHtml }): SafeHtml {
  const locale = PORTAL_LOCALES[ctx.locale];
  const t = ctx.t;
  const nav = navFor(ctx);
  return html`<!DOCTYPE html>
<html lang="${locale.htmlLang}" dir="${locale.dir}" class="utrecht-theme utrecht-root">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${params.title} · ${t.meta.appName}</title>
<link rel="stylesheet" href="${ctx.stylesheetPath}">
</head>
<body class="utrecht-document">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">${t.common.skipToContent}</a>
<div class="sr-page">
<header class="sr-header">
  <a class="sr-brand" href="${ctx.person === undefined ? '/' : ctx.person.counsellor ? '/clients' : '/start'}">${t.meta.appName}</a>
  <div class="sr-tools">
    ${languageSwitch(ctx)}
    ${ctx.person !== undefined &&
    html`<form class="sr-inline-form" method="post" action="/logout">${csrfField(ctx)}<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t.common.logout}</button></form>`}
  </div>
</header>
${nav.length > 0 &&
html`<nav class="sr-nav" aria-label="${t.common.mainNavigation}"><ul>${nav.map(
  ([href, key]) => html`<li><a class="utrecht-link" href="${href}"${ctx.path === href || (href !== '/clients' && ctx.path.startsWith(`${href}/`)) ? html` aria-current="page"` : ''}>${t.nav[key]}</a></li>`,
)}</ul></nav>`}
<main id="main" tabindex="-1">
${ctx.scope.residentId !== undefined && html`<p class="utrecht-paragraph sr-acting-for">${t.caseload.workingFor(t.caseload.clientName(clientLabel(ctx.scope.residentId)))}</p>`}
${ctx.flash !== undefined && alert(ctx.flash.kind, ctx.flash.text)}
<h1 class="utrecht-heading-1">${params.title}</h1>
${params.body}
</main>
<footer class="sr-footer"><p class="utrecht-paragraph">${t.common.help}</p></footer>
</div>
</body>
</html>`;
}

/** Links to the same page in the other languages, each named in its own language. */
function languageSwitch(ctx: PageContext): SafeHtml {
  const others = (Object.keys(PORTAL_LOCALES) as PortalLocale[]).filter((l) => l !== ctx.locale);
  return html`<nav aria-label="${ctx.t.common.languageSwitch}"><ul class="sr-nav-inline">${others.map(
    (l) => html`<li><a class="utrecht-link" href="${ctx.path}?lang=${l}" lang="${PORTAL_LOCALES[l].htmlLang}" hreflang="${PORTAL_LOCALES[l].htmlLang}">${PORTAL_LOCALES[l].messages.meta.languageName}</a></li>`,
  )}</ul></nav>`;
}
