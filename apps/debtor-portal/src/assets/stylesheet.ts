import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PORTAL_STYLES } from './portal-styles.js';

/** The NL Design System components the pages use (Utrecht community CSS, minified by its authors). */
const COMPONENTS = [
  'root', 'document', 'skip-link', 'heading-1', 'heading-2', 'heading-3', 'paragraph', 'link', 'unordered-list', 'ordered-list',
  'button', 'button-group', 'form', 'form-field', 'form-fieldset', 'form-label', 'form-field-description', 'form-field-error-message',
  'textbox', 'select', 'checkbox', 'radio-button', 'alert', 'table', 'data-list', 'status-badge', 'page-header', 'page-footer', 'separator',
];

export interface Stylesheet {
  readonly path: string;
  readonly body: string;
  readonly etag: string;
}

/**
 * One stylesheet, built once at start: the chosen component CSS, then only those design tokens of
 * the Utrecht theme that the CSS refers to (the whole theme is 90 KB), then the portal's own rules.
 * Its path carries a content hash, so browsers may keep it for a year.
 */
export function buildStylesheet(): Stylesheet {
  const require = createRequire(import.meta.url);
  const components = COMPONENTS.map((name) => readFileSync(require.resolve(`@utrecht/${name}-css/dist/index.min.css`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).join('\n');
  const theme = readFileSync(require.resolve('@utrecht/design-tokens/dist/theme.css'), 'utf8');
  const css = `${components}\n${PORTAL_STYLES}`;
  const tokens = usedTokens(theme, css);
  const body = `.utrecht-theme{${tokens}}\n${css}`;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { path: `/assets/portal-${hash}.css`, body, etag: `"${hash}"` };
}

/** The theme's declarations for every custom property the CSS uses, following references between tokens. */
function usedTokens(theme: string, css: string): string {
  const declarations = new Map<string, string>();
  for (const match of theme.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) declarations.set(match[1] ?? '', (match[2] ?? '').trim());
  const wanted = new Set<string>();
  const queue = [...css.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (wanted.has(name) || !declarations.has(name)) continue;
    wanted.add(name);
    for (const ref of (declarations.get(name) ?? '').matchAll(/var\((--[a-z0-9-]+)/g)) queue.push(ref[1] ?? '');
  }
  return [...wanted].sort().map((name) => `${name}:${declarations.get(name) ?? ''}`).join(';');
}
