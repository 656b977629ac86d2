import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PORTAL_CLASSES, PORTAL_STYLES } from './portal-styles.js';

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
 * One stylesheet, built once at start from the chosen component CSS, the Utrecht theme and the portal's
 * own rules (see composeStylesheet). Its path carries a content hash, so browsers may keep it for a year.
 */
export function buildStylesheet(): Stylesheet {
  const require = createRequire(import.meta.url);
  const components = COMPONENTS.map((name) => readFileSync(require.resolve(`@utrecht/${name}-css/dist/index.min.css`), 'utf8')).join('\n');
  const theme = readFileSync(require.resolve('@utrecht/design-tokens/dist/theme.css'), 'utf8');
  const body = composeStylesheet(components, theme, new Set(PORTAL_CLASSES), PORTAL_STYLES);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { path: `/assets/portal-${hash}.css`, body, etag: `"${hash}"` };
}

/**
 * The component CSS cut down to what the portal's markup can use (of 120 KB, most is for classes it
 * never writes), then only the theme's design tokens that this CSS refers to (the theme is 90 KB),
 * then the portal's own rules:
 * - a rule keeps only its selectors that can match markup whose `utrecht-` classes are all in
 *   `classes`; inside @media, @supports, @container and @layer, rules are filtered the same way;
 * - a var() of a custom property that nothing declares becomes its fallback, which is what it computes
 *   to. Then a custom property that nothing reads is no longer declared. This is safe because the
 *   portal's CSP allows neither scripts nor style attributes, so only this sheet sets or reads them.
 */
export function composeStylesheet(components: string, theme: string, classes: ReadonlySet<string>, own: string): string {
  const tokens = tokenDeclarations(theme);
  const used = mapStyleRules(parse(withoutComments(components)), (rule) => ({ ...rule, selectors: rule.selectors.filter((s) => canMatch(s, classes)) }));
  const declared = new Set([...tokens.keys(), ...declaredProperties(`${serialize(used)}${own}`)]);
  let rules = mapStyleRules(used, (rule) => ({ ...rule, declarations: rule.declarations.map((d) => withoutUndeclared(d, declared)) }));
  for (let read = readProperties(`${serialize(rules)}${own}`); ; ) {
    rules = mapStyleRules(rules, (rule) => ({ ...rule, declarations: rule.declarations.filter((d) => !isUnread(d, read)) }));
    const stillRead = readProperties(`${serialize(rules)}${own}`);
    if (stillRead.size === read.size) break;
    read = stillRead;
  }
  const css = `${serialize(rules)}\n${own}`;
  return `.utrecht-theme{${usedTokens(tokens, css)}}\n${css}`;
}

type CssRule =
  | { readonly kind: 'style'; readonly selectors: readonly string[]; readonly declarations: readonly string[] }
  | { readonly kind: 'group'; readonly prelude: string; readonly children: readonly CssRule[] }
  | { readonly kind: 'other'; readonly text: string };
type StyleRule = Extract<CssRule, { kind: 'style' }>;

/** Conditional and layer blocks, whose rules are filtered one by one; other at-rules are kept whole. */
const GROUPING = /^@(media|supports|container|layer)\b/i;

function parse(css: string): CssRule[] {
  const rules: CssRule[] = [];
  let i = 0;
  while (i < css.length) {
    const open = nextTopLevel(css, i, '{;}');
    const prelude = css.slice(i, open).trim();
    if (css.charAt(open) !== '{') {
      // @charset is only valid at the very start of a sheet, and the response names utf-8 anyway.
      if (prelude !== '' && !/^@charset\b/i.test(prelude)) rules.push({ kind: 'other', text: `${prelude};` });
      i = open + 1;
      continue;
    }
    i = groupEnd(css, open);
    const block = css.slice(open + 1, i - 1);
    if (GROUPING.test(prelude)) rules.push({ kind: 'group', prelude, children: parse(block) });
    else if (prelude.startsWith('@')) rules.push({ kind: 'other', text: `${prelude}{${block}}` });
    else rules.push({ kind: 'style', selectors: splitTopLevel(prelude, ','), declarations: splitTopLevel(block, ';') });
  }
  return rules;
}

/** Applies `change` to every style rule, dropping rules left without selectors or declarations and groups left empty. */
function mapStyleRules(rules: readonly CssRule[], change: (rule: StyleRule) => StyleRule): CssRule[] {
  return rules.flatMap((rule): CssRule[] => {
    if (rule.kind === 'other') return [rule];
    if (rule.kind === 'group') {
      const children = mapStyleRules(rule.children, change);
      return children.length > 0 ? [{ ...rule, children }] : [];
    }
    const changed = change(rule);
    return changed.selectors.length > 0 && changed.declarations.length > 0 ? [changed] : [];
  });
}

function serialize(rules: readonly CssRule[]): string {
  return rules
    .map((rule) => {
      if (rule.kind === 'other') return rule.text;
      if (rule.kind === 'group') return `${rule.prelude}{${serialize(rule.children)}}`;
      return `${rule.selectors.join(',')}{${rule.declarations.join(';')}}`;
    })
    .join('');
}

/** Pseudo-classes that match when any selector of their argument does. */
const ANY_OF = new Set(['is', 'where', 'has', 'matches', '-webkit-any']);

/**
 * Whether one complex selector can match: every `utrecht-` class it requires is in use. Classes under
 * :not() are not required, and of an :is(), :where() or :has() one usable alternative is enough.
 */
function canMatch(selector: string, classes: ReadonlySet<string>): boolean {
  let i = 0;
  while (i < selector.length) {
    const rest = selector.slice(i);
    const pseudo = /^:{1,2}([\w-]+)\(/.exec(rest);
    const className = /^\.(-?[_a-zA-Z][\w-]*)/.exec(rest);
    if (pseudo !== null) {
      const open = i + pseudo[0].length - 1;
      i = groupEnd(selector, open);
      const name = (pseudo[1] ?? '').toLowerCase();
      if (ANY_OF.has(name) && !splitTopLevel(selector.slice(open + 1, i - 1), ',').some((s) => canMatch(s, classes))) return false;
    } else if (className !== null) {
      const name = className[1] ?? '';
      if (name.startsWith('utrecht-') && !classes.has(name)) return false;
      i += className[0].length;
    } else {
      // An attribute selector or a string names no class.
      i = OPENERS.includes(selector.charAt(i)) ? groupEnd(selector, i) : i + 1;
    }
  }
  return true;
}

/** `declaration` with each var() of a custom property that nothing declares replaced by its fallback. */
function withoutUndeclared(declaration: string, declared: ReadonlySet<string>): string {
  let out = '';
  let i = 0;
  for (let start = declaration.indexOf('var(', i); start !== -1; start = declaration.indexOf('var(', i)) {
    const end = groupEnd(declaration, start + 3);
    const args = declaration.slice(start + 4, end - 1);
    const comma = nextTopLevel(args, 0, ',');
    const name = args.slice(0, comma).trim();
    const fallback = comma < args.length ? withoutUndeclared(args.slice(comma + 1), declared).trim() : undefined;
    out += declaration.slice(i, start) + (fallback === undefined ? `var(${name})` : declared.has(name) ? `var(${name},${fallback})` : fallback);
    i = end;
  }
  return out + declaration.slice(i);
}

function isUnread(declaration: string, read: ReadonlySet<string>): boolean {
  const name = /^(--[\w-]+)\s*:/.exec(declaration)?.[1];
  return name !== undefined && !read.has(name);
}

/** Custom properties declared in `css`, including those registered with @property. */
function declaredProperties(css: string): string[] {
  return [...css.matchAll(/(--[\w-]+)\s*[:{]/g)].map((match) => match[1] ?? '');
}

function readProperties(css: string): Set<string> {
  return new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1] ?? ''));
}

/** The parts of `text` between the top-level occurrences of `separator`, trimmed, empty ones left out. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= text.length; ) {
    const end = nextTopLevel(text, i, separator);
    parts.push(text.slice(i, end).trim());
    i = end + 1;
  }
  return parts.filter((part) => part !== '');
}

const OPENERS = '([{"\'';
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** The index of the first of `chars` at or after `from` that is outside brackets and strings. */
function nextTopLevel(text: string, from: number, chars: string): number {
  let i = from;
  while (i < text.length && !chars.includes(text.charAt(i))) i = OPENERS.includes(text.charAt(i)) ? groupEnd(text, i) : i + 1;
  return i;
}

/** The index just past the bracketed group or string that starts at `start`. */
function groupEnd(text: string, start: number): number {
  const open = text.charAt(start);
  const close = CLOSERS[open];
  let i = start + 1;
  if (close === undefined) {
    while (i < text.length && text.charAt(i) !== open) i += text.charAt(i) === '\\' ? 2 : 1;
  } else {
    while (i < text.length && text.charAt(i) !== close) i = OPENERS.includes(text.charAt(i)) ? groupEnd(text, i) : i + 1;
  }
  return i + 1;
}

function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

function tokenDeclarations(theme: string): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const match of withoutComments(theme).matchAll(/(--[\w-]+)\s*:\s*([^;}]*)/g)) tokens.set(match[1] ?? '', (match[2] ?? '').trim());
  return tokens;
}

/** The declarations of every token `css` refers to, and of those these refer to, and so on. */
function usedTokens(tokens: ReadonlyMap<string, string>, css: string): string {
  const wanted = new Set<string>();
  const queue = [...readProperties(css)];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const value = tokens.get(name);
    if (wanted.has(name) || value === undefined) continue;
    wanted.add(name);
    queue.push(...readProperties(value));
  }
  return [...wanted].sort().map((name) => `${name}:${tokens.get(name) ?? ''}`).join(';');
}
