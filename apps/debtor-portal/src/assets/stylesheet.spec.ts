import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { PORTAL_CLASSES } from './portal-styles.js';
import { buildStylesheet, composeStylesheet } from './stylesheet.js';

const classes = new Set(['utrecht-button', 'utrecht-button--primary-action']);

/** The component part of a composed sheet: after the token block, without the portal's own rules. */
function rules(css: string): string {
  return composeStylesheet(css, '', classes, '').split('\n')[1] ?? '';
}

describe('composeStylesheet', () => {
  it('keeps a rule for a used class, with its states, and drops one for an unused class', () => {
    const css = '.utrecht-button{color:red}.utrecht-button:focus-visible:not(.utrecht-button--disabled){outline:2px solid}.utrecht-button--pressed{color:blue}';
    expect(rules(css)).toBe('.utrecht-button{color:red}.utrecht-button:focus-visible:not(.utrecht-button--disabled){outline:2px solid}');
  });

  it('keeps only the usable selectors of a selector list, and an :is() or :where() with one usable alternative', () => {
    const css = '.utrecht-button--subtle,.utrecht-button--primary-action{color:red}:where(.utrecht-button--busy,.utrecht-button) b{color:blue}:is(.utrecht-link) i{color:green}';
    expect(rules(css)).toBe('.utrecht-button--primary-action{color:red}:where(.utrecht-button--busy,.utrecht-button) b{color:blue}');
  });

  it('filters inside @media and drops an @media left empty', () => {
    const css = '@media (forced-colors:active){.utrecht-button{color:ButtonText}.utrecht-link{color:LinkText}}@media print{.utrecht-link{color:black}}';
    expect(rules(css)).toBe('@media (forced-colors:active){.utrecht-button{color:ButtonText}}');
  });

  it('keeps the tokens the CSS refers to, and the tokens those refer to, and no others', () => {
    const theme = '.utrecht-theme {\n  --a: var(--b); /* alias */\n  --b: var(--c, 1px);\n  --c: 2px;\n  --unused: 3px;\n}';
    const [tokens] = composeStylesheet('.utrecht-button{margin:var(--a)}', theme, classes, '.sr-page{padding:var(--own)}').split('\n');
    expect(tokens).toBe('.utrecht-theme{--a:var(--b);--b:var(--c, 1px);--c:2px}');
  });

  it('replaces a var() of a property nothing declares by its fallback, and stops declaring a property nothing reads', () => {
    const theme = '.utrecht-theme{--token:1px;--pressed-token:2px}';
    const css = '.utrecht-button{--_private:var(--_set-by-pressed,var(--token));--_unread:var(--pressed-token);margin:var(--_private)}.utrecht-button--pressed{--_set-by-pressed:0}';
    expect(composeStylesheet(css, theme, classes, '')).toBe('.utrecht-theme{--token:1px}\n.utrecht-button{--_private:var(--token);margin:var(--_private)}\n');
  });
});

describe('the portal stylesheet', () => {
  const { body } = buildStylesheet();

  // What the used components need comes to about 62 KB (15 KB of it tokens); the whole set was 152 KB.
  it('stays small', () => {
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(64 * 1024);
  });

  it('still styles what the portal uses, focus included, with the tokens for it', () => {
    for (const rule of [
      '.utrecht-button--primary-action{',
      '.utrecht-button:focus-visible{',
      '.utrecht-form-field-error-message{',
      '.utrecht-skip-link--visible-on-focus:focus{',
      '.utrecht-skip-link:focus-visible{',
      ':where(.utrecht-root) :where(:focus-visible){',
      '.utrecht-textbox--html-input:focus-visible{',
      '--utrecht-button-primary-action-background-color:',
      '--utrecht-focus-outline-color:',
    ]) {
      expect(body).toContain(rule);
    }
    expect(body).not.toContain('utrecht-button--pressed');
  });

  it('knows every NL Design System class the markup writes', () => {
    const root = new URL('../', import.meta.url);
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith('assets'));
    const missing = new Set<string>();
    for (const file of sources) {
      for (const [, name, interpolated] of readFileSync(new URL(file, root), 'utf8').matchAll(/(utrecht-[\w-]*)(\$\{)?/g)) {
        // A modifier built from a value (`utrecht-alert--${kind}`) needs at least one listed value.
        const known = interpolated === undefined ? PORTAL_CLASSES.includes(name ?? '') : PORTAL_CLASSES.some((c) => c.startsWith(name ?? ''));
        if (!known) missing.add(`${name ?? ''} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
