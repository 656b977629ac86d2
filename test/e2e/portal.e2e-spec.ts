import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import playwright, { type Browser, type Page } from 'playwright-core';
import { DEMO_CLIENT } from '../../infra/idp/development-clients.js';
import { startIdentityProvider, DEFAULT_LIFETIMES, type Ed25519PrivateJwk, type RunningIdentityProvider } from '../../infra/idp/identity-provider.js';
import { loginWithPassword } from '../../infra/idp/login-with-password.js';
import { COORDINATOR_RESOURCE } from '../../infra/idp/resource-servers.js';
import { DEVELOPMENT_PASSWORD, testAccounts } from '../../infra/idp/test-accounts.js';
import { coordinatorEnv } from '../support/coordinator-env.js';
import { freePort } from '../support/coordinator-process.js';
import { postGraphQL } from '../support/graphql-client.js';
import { generatePrivateJwkJson } from '../support/key-set-server.js';
import { nodeEnv } from '../support/node-env.js';
import { rowsOf, seedLinkedCustomer } from '../support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../support/service-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnv } from '../support/test-env.js';

/**
 * The portal in a real browser (Debian's Chromium through playwright-core) against real processes:
 * the development OpenID Provider, the coordinator, a creditor node, the gateway and the portal, with
 * sessions in the real Redis. Each step is screenshotted (test-artifacts/portal/) and checked with
 * axe-core in Dutch and English, on a 320 px phone and a desktop.
 */
const CHROMIUM = testEnv.chromiumPath;
const ARTIFACTS = 'test-artifacts/portal';
const CREDITOR = 'gemeente-utrecht';
const PORTAL_CLIENT = { clientId: 'debtor-portal', clientSecret: 'portal-test-secret-0123456789' };
const VIEWPORTS = { phone: { width: 320, height: 640 }, desktop: { width: 1280, height: 900 } } as const;

let idp: RunningIdentityProvider;
let coordinatorDatabase: TestDatabase;
let nodeDatabase: TestDatabase;
let nodePool: pg.Pool;
const services: ServiceProcess[] = [];
let portal: ServiceProcess;
let browser: Browser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function gql<T>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL<T>(url, { query, ...(variables ? { variables } : {}) }, token);
  if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function tokenOf(username: string, resource = COORDINATOR_RESOURCE): Promise<string> {
  return loginWithPassword({ issuer: idp.issuer, clientId: DEMO_CLIENT.clientId, redirectUri: DEMO_CLIENT.redirectUri, resource, username, password: DEVELOPMENT_PASSWORD }).then((r) => r.accessToken);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const portalPort = await freePort();
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const signingKey = JSON.parse(await generatePrivateJwkJson('portal-test-idp-1')) as Ed25519PrivateJwk;
  idp = await startIdentityProvider({
    port: 0,
    signingKeys: [signingKey],
    clients: [
      { clientId: DEMO_CLIENT.clientId, redirectUris: [DEMO_CLIENT.redirectUri] },
      { ...PORTAL_CLIENT, redirectUris: [`${portalUrl}/auth/callback`], postLogoutRedirectUris: [`${portalUrl}/`] },
    ],
    accounts: testAccounts(),
    lifetimes: DEFAULT_LIFETIMES,
  });
  coordinatorDatabase = await createTestDatabase('portal_coordinator');
  const coordinator = await ServiceProcess.start({
    label: 'coordinator',
    entrypoint: ENTRYPOINTS.coordinator,
    env: coordinatorEnv({
      databaseUrl: coordinatorDatabase.url,
      oidcIssuer: idp.issuer,
      oidcJwksUrl: idp.jwksUrl,
      consentSigningKeyJson: await generatePrivateJwkJson('consent-1'),
      ledgerSigningKeyJson: await generatePrivateJwkJson('ledger-1'),
    }),
  });
  services.push(coordinator);
  nodeDatabase = await createTestDatabase('portal_node');
  nodePool = new pg.Pool({ connectionString: nodeDatabase.url, max: 2 });
  const node = await ServiceProcess.start({
    label: CREDITOR,
    entrypoint: ENTRYPOINTS.node,
    env: {
      ...nodeEnv({
        creditorId: CREDITOR,
        name: 'Gemeente Utrecht',
        databaseUrl: nodeDatabase.url,
        port: 0,
        coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
        staffJwksUrl: idp.jwksUrl,
        signingKeyJson: await generatePrivateJwkJson(`${CREDITOR}-1`),
      }),
      STAFF_OIDC_ISSUER: idp.issuer,
      ACCEPTANCE_POLICY: 'automatic',
    },
  });
  services.push(node);
  const gateway = await ServiceProcess.start({
    label: 'gateway',
    entrypoint: ENTRYPOINTS.gateway,
    env: { COORDINATOR_URL: `${coordinator.baseUrl}/graphql`, LOG_LEVEL: 'error' },
  });
  services.push(gateway);
  portal = await ServiceProcess.start({
    label: 'portal',
    entrypoint: ENTRYPOINTS.portal,
    port: portalPort,
    env: {
      PORTAL_PUBLIC_URL: portalUrl,
      GATEWAY_URL: `${gateway.baseUrl}/graphql`,
      LEDGER_URL: coordinator.baseUrl,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: PORTAL_CLIENT.clientId,
      OIDC_CLIENT_SECRET: PORTAL_CLIENT.clientSecret,
      SESSION_PREFIX: `sr-test-portal-${randomBytes(4).toString('hex')}:`,
      LOG_LEVEL: 'error',
    },
  });
  services.push(portal);

  // The directory and Sanne's account at the municipality, set up through the platform's own API.
  const admin = await tokenOf('demo-admin');
  const keySet = await (await fetch(`${node.baseUrl}/.well-known/jwks.json`)).text();
  await gql(`${coordinator.baseUrl}/graphql`, admin, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
    input: { id: CREDITOR, name: 'Gemeente Utrecht', sector: 'municipality', subgraphUrl: `${node.baseUrl}/graphql`, keySet },
  });
  await seedLinkedCustomer(rowsOf(nodePool), {
    customerReference: 'AS-2026-001',
    claims: [
      { reference: 'OZB-2026-17', principalCents: 41_250, description: 'Gemeentelijke belastingen 2026', stage: 'formal_demand' },
      { reference: 'AFV-2026-03', principalCents: 18_900, costsCents: 1_500, description: 'Afvalstoffenheffing 2026' },
    ],
  });
  const sanne = await tokenOf('resident-sanne');
  const url = `${coordinator.baseUrl}/graphql`;
  await gql(url, sanne, 'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked } }', { input: { creditorId: CREDITOR, reference: 'AS-2026-001', postcode: '3511 AB', birthDate: '1984-03-12' } });
  const { consentText } = await gql<{ consentText: { version: string } }>(url, sanne, '{ consentText(purpose: DEBT_OVERVIEW) { version } }');
  await gql(url, sanne, 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
    input: { purpose: 'DEBT_OVERVIEW', creditorIds: [CREDITOR], categories: ['CLAIMS'], validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: consentText.version },
  });

  browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const service of services.reverse()) await service.stop().catch(() => undefined);
  await nodePool?.end();
  await nodeDatabase?.drop();
  await coordinatorDatabase?.drop();
  await idp?.close();
});

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
  return violations;
}

/** Checks the current page in both languages at both widths, and saves a screenshot of each. */
async function checkStep(page: Page, step: string): Promise<void> {
  const path = new URL(page.url()).pathname;
  for (const locale of ['nl', 'en'] as const) {
    await page.goto(`${portal.baseUrl}${path}?lang=${locale}`);
    for (const [name, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect({ step, locale, name, violations: await axeViolations(page) }).toEqual({ step, locale, name, violations: [] });
      // No horizontal scrolling on a 320 px phone.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ step, locale, name, overflow }).toEqual({ step, locale, name, overflow: 0 });
      await page.screenshot({ path: `${ARTIFACTS}/${step}-${locale}-${name}.png`, fullPage: true });
    }
  }
  await page.goto(`${portal.baseUrl}${path}?lang=nl`);
}

describe('the resident journey in the portal', () => {
  let page: Page;

  beforeAll(async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
  });

  it('welcomes in plain Dutch, with the help line, before anyone logs in', async () => {
    await page.goto(`${portal.baseUrl}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Eén regeling voor al uw schulden');
    await expect(page.locator('footer').textContent()).resolves.toContain('0800-8115');
    await checkStep(page, '01-welcome');
  });

  it('logs in at the identity provider (code + PKCE) and lands on the next step', async () => {
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.fill('input[name=login]', 'resident-sanne');
    await page.fill('input[name=password]', DEVELOPMENT_PASSWORD);
    await Promise.all([page.waitForURL(`${portal.baseUrl}/start`), page.locator('form button[type=submit], form input[type=submit]').first().click()]);
    await expect(page.locator('main').textContent()).resolves.toContain('Vul uw budget in');
    const cookies = await page.context().cookies(portal.baseUrl);
    expect(cookies.find((c) => c.name === 'sr_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await checkStep(page, '02-start');
  });

  it('shows every debt of the consented creditor in one overview', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Overzicht' }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('U heeft 2 schulden bij 1 schuldeiser');
    expect(main).toContain('Gemeentelijke belastingen 2026');
    expect(main).toContain('€\u00a0616,50');
    await checkStep(page, '03-overview');
  });

  it('checks the budget on the server, says how to fix each field beside it, and keeps what was typed', async () => {
    await page.goto(`${portal.baseUrl}/budget`);
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('veel');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('32');
    await page.getByLabel('Met een partner', { exact: true }).check();
    await page.getByRole('button', { name: 'Uitrekenen' }).click();
    const summary = (await page.locator('#error-summary').textContent()) ?? '';
    expect(summary).toContain('Vul een bedrag in, zoals 1450 of 1450,50.');
    expect(summary).toContain('Vul een dag in van 1 tot en met 31.');
    expect(summary).toContain('Kies hoe oud u bent.');
    expect(summary).toContain('Kies hoe oud uw partner is.');
    await expect(page.getByLabel('Hoeveel geld krijgt u per maand?').inputValue()).resolves.toBe('veel');
    await expect(page.getByLabel('Hoeveel geld krijgt u per maand?').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Met een partner', { exact: true }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/04-budget-errors-nl-desktop.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows what the resident keeps and what goes to the creditors, with the reason', async () => {
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('1.850,00');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('25');
    await page.getByLabel('Alleen', { exact: true }).check();
    await page.getByRole('group', { name: 'Hoe oud bent u?' }).getByLabel('21 jaar tot de AOW-leeftijd').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}/budget/result`), page.getByRole('button', { name: 'Uitrekenen' }).click()]);
    const main = (await page.locator('main').textContent()) ?? '';
    // 95% of the single norm plus the allowance phase-out: € 1.452,58 stays; € 1.850,00 − € 1.452,58 = € 397,42.
    expect(main).toContain('U houdt €\u00a01.452,58 per maand om van te leven.');
    expect(main).toContain('Voor al uw schuldeisers samen is er €\u00a0397,42 per maand.');
    expect(main).toContain('Dat heet de beslagvrije voet.');
    await expect(page.getByRole('img').getAttribute('aria-label')).resolves.toBe('Van uw €\u00a01.850,00 houdt u €\u00a01.452,58. €\u00a0397,42 gaat naar uw schuldeisers.');
    await checkStep(page, '05-budget-result');
  });

  it('refuses a form post without the session’s CSRF token, and one from another site', async () => {
    const refused = await page.evaluate(async () => (await fetch('/budget', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'netIncome=1&payDay=1' })).status);
    expect(refused).toBe(403);
    const crossSite = await fetch(`${portal.baseUrl}/budget`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'netIncome=1' });
    expect(crossSite.status).toBe(403);
  });

  it('sends a person whose session is gone back to the same step after logging in again', async () => {
    await page.context().clearCookies();
    await page.goto(`${portal.baseUrl}/overview`);
    // Every cookie is gone, the provider's too: the login form again, then back to the same page.
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.fill('input[name=login]', 'resident-sanne');
    await page.fill('input[name=password]', DEVELOPMENT_PASSWORD);
    await Promise.all([page.waitForURL(`${portal.baseUrl}/overview`), page.locator('form button[type=submit], form input[type=submit]').first().click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Al uw schulden');
  });

  it('logs out: the session is gone and pages ask for a login again', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${portal.baseUrl}/`) || url.origin === idp.issuer);
    const again = await fetch(`${portal.baseUrl}/start`, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain(idp.issuer);
  });
});
