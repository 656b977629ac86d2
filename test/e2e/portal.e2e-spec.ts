import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import playwright, { type Browser, type Page } from 'playwright-core';
import { PORTAL_LOCALES, type PortalLocale } from '../../apps/debtor-portal/src/i18n/catalogue.js';
import { DEMO_CLIENT, portalClientAt } from '../../infra/idp/development-clients.js';
import { startIdentityProvider, DEFAULT_LIFETIMES, type Ed25519PrivateJwk, type RunningIdentityProvider } from '../../infra/idp/identity-provider.js';
import { loginWithPassword } from '../../infra/idp/login-with-password.js';
import { COORDINATOR_RESOURCE, backofficeResource } from '../../infra/idp/resource-servers.js';
import { DEMO_COUNSELLOR } from '../../infra/demo/demo-nodes.js';
import { DEVELOPMENT_PASSWORD, testAccounts } from '../../infra/idp/test-accounts.js';
import { coordinatorEnvWithFreshKeys } from '../support/coordinator-env.js';
import { freePort } from '../support/coordinator-process.js';
import { graphqlData, postGraphQL } from '../support/graphql-client.js';
import { portalEnv } from '../support/portal-env.js';
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
const WATER_BOARD = 'hdsr';
const PORTAL_SECRET = 'portal-test-secret-0123456789';
const VIEWPORTS = { phone: { width: 320, height: 640 }, desktop: { width: 1280, height: 900 } } as const;

let idp: RunningIdentityProvider;
let coordinatorDatabase: TestDatabase;
let nodeDatabase: TestDatabase;
let nodePool: pg.Pool;
let waterBoardDatabase: TestDatabase;
let waterBoardPool: pg.Pool;
let counsellorId: string;
let joyceId: string;
let sanneId: string;
let municipality: ServiceProcess;
let waterBoard: ServiceProcess;
let gatewayProcess: ServiceProcess;
const services: ServiceProcess[] = [];
let portal: ServiceProcess;
let browser: Browser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');


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
      portalClientAt(portalUrl, PORTAL_SECRET),
    ],
    accounts: testAccounts(),
    lifetimes: DEFAULT_LIFETIMES,
  });
  coordinatorDatabase = await createTestDatabase('portal_coordinator');
  const coordinator = await ServiceProcess.start({
    label: 'coordinator',
    entrypoint: ENTRYPOINTS.coordinator,
    env: {
      ...(await coordinatorEnvWithFreshKeys({
        databaseUrl: coordinatorDatabase.url,
        oidcIssuer: idp.issuer,
        oidcJwksUrl: idp.jwksUrl,
      })),
      LOG_LEVEL: 'info',
    },
  });
  services.push(coordinator);
  nodeDatabase = await createTestDatabase('portal_node');
  nodePool = new pg.Pool({ connectionString: nodeDatabase.url, max: 2 });
  waterBoardDatabase = await createTestDatabase('portal_water_board');
  waterBoardPool = new pg.Pool({ connectionString: waterBoardDatabase.url, max: 2 });
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
      LOG_LEVEL: 'info',
      // The municipality's staff decide themselves (a counter-proposal, a rejection); the water board accepts by policy.
      ACCEPTANCE_POLICY: 'staff',
    },
  });
  services.push(node);
  const waterBoardNode = await ServiceProcess.start({
    label: WATER_BOARD,
    entrypoint: ENTRYPOINTS.node,
    env: {
      ...nodeEnv({
        creditorId: WATER_BOARD,
        name: 'Hoogheemraadschap De Stichtse Rijnlanden',
        databaseUrl: waterBoardDatabase.url,
        port: 0,
        coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
        staffJwksUrl: idp.jwksUrl,
        signingKeyJson: await generatePrivateJwkJson(`${WATER_BOARD}-1`),
      }),
      STAFF_OIDC_ISSUER: idp.issuer,
      ACCEPTANCE_POLICY: 'automatic',
      LOG_LEVEL: 'info',
    },
  });
  services.push(waterBoardNode);
  waterBoard = waterBoardNode;
  const gateway = await ServiceProcess.start({
    label: 'gateway',
    entrypoint: ENTRYPOINTS.gateway,
    env: { COORDINATOR_URL: `${coordinator.baseUrl}/graphql`, LOG_LEVEL: 'info' },
  });
  services.push(gateway);
  gatewayProcess = gateway;
  portal = await ServiceProcess.start({
    label: 'portal',
    entrypoint: ENTRYPOINTS.portal,
    port: portalPort,
    env: portalEnv({
      portalUrl,
      gatewayUrl: `${gateway.baseUrl}/graphql`,
      ledgerUrl: coordinator.baseUrl,
      issuer: idp.issuer,
      clientSecret: PORTAL_SECRET,
      sessionPrefix: `sr-test-portal-${randomBytes(4).toString('hex')}:`,
      logLevel: 'info',
    }),
  });
  services.push(portal);

  // The directory, and what the creditors' own systems hold: Sanne at both, Joyce at the municipality.
  // Linking and consent happen in the portal itself, as a resident and as Joyce's counsellor.
  const admin = await tokenOf('demo-admin');
  const url = `${coordinator.baseUrl}/graphql`;
  for (const [service, id, name, sector] of [
    [node, CREDITOR, 'Gemeente Utrecht', 'municipality'],
    [waterBoardNode, WATER_BOARD, 'Hoogheemraadschap De Stichtse Rijnlanden', 'water_board'],
  ] as const) {
    const keySet = await (await fetch(`${service.baseUrl}/.well-known/jwks.json`)).text();
    await graphqlData(url, admin, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', { input: { id, name, sector, subgraphUrl: `${service.baseUrl}/graphql`, keySet } });
  }
  await seedLinkedCustomer(rowsOf(nodePool), {
    customerReference: 'AS-2026-001',
    claims: [
      { reference: 'OZB-2026-17', principalCents: 41_250, description: 'Gemeentelijke belastingen 2026', stage: 'formal_demand' },
      { reference: 'AFV-2026-03', principalCents: 18_900, costsCents: 1_500, description: 'Afvalstoffenheffing 2026' },
    ],
  });
  await seedLinkedCustomer(rowsOf(waterBoardPool), { customerReference: 'HDSR-2026-77', claims: [{ reference: 'WSB-2026-77', principalCents: 25_000, description: 'Waterschapsbelasting 2026' }] });
  await seedLinkedCustomer(rowsOf(nodePool), { customerReference: 'AS-2026-002', claims: [{ reference: 'OZB-2026-90', principalCents: 30_000, description: 'Gemeentelijke belastingen 2026' }] });
  await seedLinkedCustomer(rowsOf(waterBoardPool), { customerReference: 'HDSR-2026-88', claims: [{ reference: 'WSB-2026-88', principalCents: 15_000, description: 'Waterschapsbelasting 2026' }] });
  municipality = node;

  // Joyce asked Fatima for help: the mandate is given through the platform's API.
  const fatima = await tokenOf('counsellor-fatima');
  const joyce = await tokenOf('resident-joyce');
  counsellorId = (await graphqlData<{ whoAmI: { id: string } }>(url, fatima, '{ whoAmI { id } }')).whoAmI.id;
  joyceId = (await graphqlData<{ whoAmI: { id: string } }>(url, joyce, '{ whoAmI { id } }')).whoAmI.id;
  sanneId = (await graphqlData<{ whoAmI: { id: string } }>(url, await tokenOf('resident-sanne'), '{ whoAmI { id } }')).whoAmI.id;
  const { mandateText } = await graphqlData<{ mandateText: { version: string } }>(url, joyce, '{ mandateText { version } }');
  await graphqlData(url, joyce, 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id } }', {
    input: { counsellorId, validUntil: new Date(Date.now() + 180 * 86_400_000).toISOString(), textVersion: mandateText.version },
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
  await waterBoardPool?.end();
  await waterBoardDatabase?.drop();
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

/** Checks the current page in every language at both widths, and saves a screenshot of each. */
async function checkStep(page: Page, step: string): Promise<void> {
  const path = new URL(page.url()).pathname;
  for (const locale of Object.keys(PORTAL_LOCALES) as PortalLocale[]) {
    await page.goto(`${portal.baseUrl}${path}?lang=${locale}`);
    for (const [name, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.getAttribute('html', 'dir')).toBe(PORTAL_LOCALES[locale].dir);
      expect({ step, locale, name, violations: await axeViolations(page) }).toEqual({ step, locale, name, violations: [] });
      // No horizontal scrolling on a 320 px phone.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ step, locale, name, overflow }).toEqual({ step, locale, name, overflow: 0 });
      await page.screenshot({ path: `${ARTIFACTS}/${step}-${locale}-${name}.png`, fullPage: true });
    }
  }
  await page.goto(`${portal.baseUrl}${path}?lang=nl`);
}

/** The same checks on a page that shows a refused form: it is not loaded again, so the errors stay. */
async function checkStepKeepingForm(page: Page, step: string): Promise<void> {
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    expect({ step, name, violations: await axeViolations(page) }).toEqual({ step, name, violations: [] });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect({ step, name, overflow }).toEqual({ step, name, overflow: 0 });
    await page.screenshot({ path: `${ARTIFACTS}/${step}-nl-${name}.png`, fullPage: true });
  }
}

/** The text of the page's main landmark. */
async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

/** Reloads until the page says it: the nodes answer proposals from the coordinator's queue, not at once. */
async function reloadUntil(page: Page, text: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const main = await mainText(page);
    if (main.includes(text) || Date.now() > until) return main;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.reload();
  }
}

async function logIn(page: Page, username: string, landsOn: string): Promise<void> {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.fill('input[name=login]', username);
  await page.fill('input[name=password]', DEVELOPMENT_PASSWORD);
  await Promise.all([page.waitForURL(`${portal.baseUrl}${landsOn}`), page.locator('form button[type=submit], form input[type=submit]').first().click()]);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  return page;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

/** The newest proposal of a resident, as the platform's API gives it to them. */
async function newestProposalId(username: string): Promise<string> {
  const { proposals } = await graphqlData<{ proposals: { id: string }[] }>(`${coordinatorUrl()}/graphql`, await tokenOf(username), '{ proposals { id } }');
  return proposals[0]?.id ?? '';
}

function coordinatorUrl(): string {
  return services[0]?.baseUrl ?? '';
}

/** The municipality's staff decide in their own back-office, once the proposal (or the declined counter) reached the node. */
async function municipalityDecides(input: Record<string, unknown>): Promise<void> {
  const token = await tokenOf(`staff-${CREDITOR}`, backofficeResource(CREDITOR));
  const until = Date.now() + 20_000;
  for (;;) {
    const { body } = await postGraphQL(`${municipality.baseUrl}/backoffice/graphql`, { query: 'mutation ($input: DecideProposalInput!) { decideProposal(input: $input) { status } }', variables: { input } }, token);
    if (body.errors === undefined) return;
    if (Date.now() > until) throw new Error(`the municipality could not decide: ${JSON.stringify(body.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

describe('the resident journey in the portal, from login to a started plan', () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage();
  });

  it('welcomes in plain Dutch, with the help line, before anyone logs in', async () => {
    await page.goto(`${portal.baseUrl}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Eén regeling voor al uw schulden');
    await expect(page.locator('footer').textContent()).resolves.toContain('0800-8115');
    await checkStep(page, '01-welcome');
  });

  it('logs in at the identity provider (code + PKCE) and lands on the next step', async () => {
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await logIn(page, 'resident-sanne', '/start');
    await expect(mainText(page)).resolves.toContain('Koppel eerst uw schuldeisers.');
    const cookies = await page.context().cookies(portal.baseUrl);
    expect(cookies.find((c) => c.name === 'sr_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await checkStep(page, '02-start');
  });

  it('links creditors: field errors beside the field, one uniform refusal, then linked', async () => {
    await page.getByRole('link', { name: 'Ga verder' }).click();
    await page.waitForURL(`${portal.baseUrl}/creditors`);
    await checkStep(page, '03-link');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    const summary = (await page.locator('#error-summary').textContent()) ?? '';
    expect(summary).toContain('Kies een schuldeiser uit de lijst.');
    expect(summary).toContain('Vul het nummer in dat op de brief staat.');
    expect(summary).toContain('Vul een postcode in met 4 cijfers en 2 letters, zoals 3511 AB.');
    // The right number with a postcode the municipality does not have: a refusal that names no field.
    await page.getByLabel('Schuldeiser').selectOption(CREDITOR);
    await page.getByLabel('Klantnummer of aanslagnummer').fill('AS-2026-001');
    await page.getByLabel('Uw postcode').fill('9999 ZZ');
    await page.getByLabel('Uw geboortedatum').fill('12-03-1984');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await expect(mainText(page)).resolves.toContain('Gemeente Utrecht kon u niet vinden met deze gegevens.');
    await expect(page.getByLabel('Klantnummer of aanslagnummer').inputValue()).resolves.toBe('AS-2026-001');
    await page.getByLabel('Uw postcode').fill('3511ab');
    await Promise.all([page.waitForURL(`${portal.baseUrl}/creditors`), page.getByRole('button', { name: 'Koppelen', exact: true }).click()]);
    await expect(mainText(page)).resolves.toContain('Gelukt. Gemeente Utrecht is gekoppeld.');
    await page.getByLabel('Schuldeiser').selectOption(WATER_BOARD);
    await page.getByLabel('Klantnummer of aanslagnummer').fill('HDSR-2026-77');
    await page.getByLabel('Uw postcode').fill('3511 AB');
    await page.getByLabel('Uw geboortedatum').fill('12-3-1984');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await expect(mainText(page)).resolves.toContain('Hoogheemraadschap De Stichtse Rijnlanden is gekoppeld.');
  });

  it('asks consent per creditor, purpose and duration, with nothing ticked beforehand', async () => {
    await menu(page).getByRole('link', { name: 'Toestemming' }).click();
    await checkStep(page, '04-consent');
    const ticked = await page.locator('main input[type=checkbox]:checked, main input[type=radio]:checked').count();
    expect(ticked).toBe(0);
    await page.getByRole('button', { name: 'Ik geef toestemming' }).click();
    const summary = (await page.locator('#error-summary').textContent()) ?? '';
    expect(summary).toContain('Kies minstens één schuldeiser.');
    expect(summary).toContain('Kies waarvoor u toestemming geeft.');
    expect(summary).toContain('Kies hoe lang uw toestemming geldt.');
    await page.getByLabel('Gemeente Utrecht').check();
    await page.getByLabel('Hoogheemraadschap De Stichtse Rijnlanden').check();
    await page.getByLabel('Een overzicht van al mijn schulden').check();
    await page.getByLabel('Eén betaalregeling voor al deze schuldeisers samen').check();
    await page.getByLabel('1 jaar').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}/overview`), page.getByRole('button', { name: 'Ik geef toestemming' }).click()]);
    await expect(mainText(page)).resolves.toContain('Uw toestemming is vastgelegd.');
  });

  it('shows every debt of both creditors in one overview', async () => {
    const main = await mainText(page);
    expect(main).toContain('U heeft 3 schulden bij 2 schuldeisers. Samen is dat €\u00a0866,50.');
    expect(main).toContain('Gemeentelijke belastingen 2026');
    expect(main).toContain('Waterschapsbelasting 2026');
    await checkStep(page, '05-overview');
  });

  it('follows one overview by its correlation id: portal, gateway, coordinator and both nodes log it', async () => {
    const response = await page.goto(`${portal.baseUrl}/overview`);
    const correlationId = response?.headers()['x-correlation-id'] ?? '';
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = (service: ServiceProcess) => service.logLines(correlationId);
    // The nodes answer the gateway's fan-out; their lines arrive a moment after the page.
    const until = Date.now() + 5_000;
    while ((logged(municipality).length === 0 || logged(waterBoard).length === 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged(portal)).toEqual([expect.objectContaining({ service: 'portal', msg: 'request', path: '/overview', status: 200, correlationId })]);
    expect(logged(gatewayProcess)).toEqual([expect.objectContaining({ service: 'gateway', path: '/graphql', status: 200 })]);
    expect(logged(services[0] as ServiceProcess).length).toBeGreaterThanOrEqual(1); // the coordinator: consent tokens, the resident
    expect(logged(municipality)).toEqual([expect.objectContaining({ service: `node:${CREDITOR}`, path: '/graphql', status: 200 })]);
    expect(logged(waterBoard)).toEqual([expect.objectContaining({ service: `node:${WATER_BOARD}`, path: '/graphql', status: 200 })]);
    // Every service counts its requests for Prometheus at GET /metrics.
    for (const [service, name] of [[portal, 'portal'], [gatewayProcess, 'gateway'], [municipality, `node:${CREDITOR}`]] as const) {
      const metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`http_request_duration_seconds_count\\{service="${name}",method="(GET|POST)",status="200"\\} [1-9]`));
    }
    // No personal data in a line: no query string, no body, no token.
    for (const line of [...logged(portal), ...logged(gatewayProcess), ...logged(municipality)]) expect(Object.keys(line).sort()).toEqual(['correlationId', 'durationMs', 'level', 'method', 'msg', 'path', 'service', 'status', 'ts']);
  });

  it('checks the budget on the server, says how to fix each field beside it, and keeps what was typed', async () => {
    await page.goto(`${portal.baseUrl}/budget`);
    await checkStep(page, '06-budget');
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
    await page.screenshot({ path: `${ARTIFACTS}/06-budget-errors-nl-desktop.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows what the resident keeps and what goes to the creditors, with the reason', async () => {
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('1.850,00');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('25');
    await page.getByLabel('Alleen', { exact: true }).check();
    await page.getByRole('group', { name: 'Hoe oud bent u?' }).getByLabel('21 jaar tot de AOW-leeftijd').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}/budget/result`), page.getByRole('button', { name: 'Uitrekenen' }).click()]);
    const main = await mainText(page);
    // 95% of the single norm plus the allowance phase-out: € 1.452,58 stays; € 1.850,00 − € 1.452,58 = € 397,42.
    expect(main).toContain('U houdt €\u00a01.452,58 per maand om van te leven.');
    expect(main).toContain('Voor al uw schuldeisers samen is er €\u00a0397,42 per maand.');
    expect(main).toContain('Dat heet de beslagvrije voet.');
    await expect(page.getByRole('img').getAttribute('aria-label')).resolves.toBe('Van uw €\u00a01.850,00 houdt u €\u00a01.452,58. €\u00a0397,42 gaat naar uw schuldeisers.');
    await checkStep(page, '07-budget-result');
  });

  it('proposes one plan to both creditors: the water board accepts, the municipality counter-proposes, the resident declines with a note', async () => {
    await page.getByRole('link', { name: 'Maak een voorstel' }).click();
    await page.waitForURL(`${portal.baseUrl}/plan`);
    await checkStep(page, '08-plan-propose');
    await Promise.all([page.waitForURL(`${portal.baseUrl}/plan`), page.getByRole('button', { name: 'Voorstel maken en versturen' }).click()]);
    expect(await mainText(page)).toContain('Uw voorstel is verstuurd naar al uw schuldeisers.');
    const waiting = await reloadUntil(page, 'Akkoord');
    expect(waiting).toContain('Verstuurd: uw schuldeisers kijken ernaar.');
    expect(waiting).toMatch(/Wacht op antwoord \(uiterlijk \d+ \w+ 20\d\d\)/);
    await checkStep(page, '09-plan-open');
    await municipalityDecides({ proposalId: await newestProposalId('resident-sanne'), decision: 'COUNTER', counterMonthly: '35000' });
    const countered = await reloadUntil(page, 'Doet een ander voorstel');
    expect(countered).toContain('Niet alle schuldeisers zijn akkoord.');
    expect(countered).toContain('Vraagt €\u00a0350,00 per maand.');
    await checkStep(page, '10-plan-counter');
    await page.getByLabel('Uw uitleg aan de schuldeiser').fill('Meer kan ik echt niet betalen.');
    await Promise.all([page.waitForURL(`${portal.baseUrl}/plan`), page.getByRole('button', { name: 'Ander voorstel niet aannemen' }).click()]);
    expect(await mainText(page)).toContain('Uw antwoord is verstuurd.');
  }, 60_000);

  it('starts the plan once the municipality accepts after all, with the next payment and its reference', async () => {
    await municipalityDecides({ proposalId: await newestProposalId('resident-sanne'), decision: 'ACCEPT' });
    const main = await reloadUntil(page, 'Uw regeling loopt.');
    expect(main).toContain('Uw regeling loopt. Al uw schuldeisers zijn akkoord.');
    // € 866,50 at € 397,42 a month: two full months and € 71,66 in the third.
    expect(main).toContain('U betaalt €\u00a0397,42 per maand, 3 maanden lang. In totaal is dat €\u00a0866,50.');
    expect(main).toMatch(/Betaal €\u00a0397,42 op \d+ \w+ 20\d\d\./);
    expect(main).toContain('Zet dit betalingskenmerk bij uw betaling:');
    expect(main).toContain('Akkoord');
    await checkStep(page, '11-plan-running');
  }, 40_000);

  it('asks for a payment pause: a pause beyond the policy is refused at the field, one month is granted', async () => {
    const nextBefore = /Betaal €\u00a0397,42 op ([^.]+)\./.exec(await mainText(page))?.[1];
    expect(nextBefore).toBeDefined();
    await page.getByRole('link', { name: 'Vraag een betaalpauze' }).click();
    await page.waitForURL(`${portal.baseUrl}/plan/pause`);
    await checkStep(page, '12-pause');
    await page.getByLabel('Hoeveel maanden?').selectOption('3');
    await page.getByRole('button', { name: 'Pauze vragen' }).click();
    await expect(page.locator('#months-error').textContent()).resolves.toBe('Zo lang kan niet in één jaar. Kies minder maanden.');
    await page.getByLabel('Hoeveel maanden?').selectOption('1');
    await Promise.all([page.waitForURL(`${portal.baseUrl}/plan`), page.getByRole('button', { name: 'Pauze vragen' }).click()]);
    const main = await mainText(page);
    expect(main).toContain('Uw pauze is geregeld.');
    // The first month is skipped at no cost: the same three instalments, each a month later.
    expect(main).toContain('3 maanden lang. In totaal is dat €\u00a0866,50.');
    const nextAfter = /Betaal €\u00a0397,42 op ([^.]+)\./.exec(main)?.[1];
    expect(nextAfter).toBeDefined();
    expect(nextAfter).not.toBe(nextBefore);
  });

  it('reports a change of income: an amended plan goes to the creditors and takes over when they accept', async () => {
    await page.getByRole('link', { name: 'Geef een verandering door' }).click();
    await page.waitForURL(`${portal.baseUrl}/plan/change`);
    await checkStep(page, '13-change');
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('2.100');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('25');
    await page.getByLabel('Alleen', { exact: true }).check();
    await page.getByRole('group', { name: 'Hoe oud bent u?' }).getByLabel('21 jaar tot de AOW-leeftijd').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}/plan`), page.getByRole('button', { name: 'Nieuw voorstel maken' }).click()]);
    await expect(mainText(page)).resolves.toContain('Uw nieuwe voorstel is verstuurd.');
    await municipalityDecides({ proposalId: await newestProposalId('resident-sanne'), decision: 'ACCEPT' });
    const main = await reloadUntil(page, 'Vraag een betaalpauze');
    expect(main).toContain('Uw regeling loopt.');
    // € 2.100 leaves more than € 397,42 a month: the amended plan pays off sooner.
    expect(main).not.toContain('U betaalt €\u00a0397,42 per maand');
  }, 40_000);

  it('shows on the privacy page what was shared, gives receipts, and withdraws a consent', async () => {
    await menu(page).getByRole('link', { name: 'Privacy' }).click();
    await page.waitForURL(`${portal.baseUrl}/privacy`);
    await checkStep(page, '14-privacy');
    expect(await mainText(page)).toMatch(/Op \d+ \w+ 20\d\d kregen Gemeente Utrecht, Hoogheemraadschap De Stichtse Rijnlanden een voorstel\./);
    const href = await page.getByRole('link', { name: 'Bewijs: toestemming gegeven' }).first().getAttribute('href');
    const receipt = await page.evaluate(async (path) => {
      const response = await fetch(path ?? '');
      return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
    }, href);
    expect(receipt.status).toBe(200);
    expect(receipt.type).toContain('application/json');
    expect(receipt.body).toMatchObject({ type: 'samen-regelen/consent-receipt', receipt: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/) });
    const foreign = await page.evaluate(async () => (await fetch('/privacy/receipts/0')).status);
    expect(foreign).toBe(404); // entry 0 is another party's: the ledger does not hand it to Sanne
    await page.getByRole('button', { name: 'Toestemming intrekken Overzicht van mijn schulden' }).click();
    await page.waitForURL(`${portal.baseUrl}/privacy`);
    const main = await mainText(page);
    expect(main).toContain('Uw toestemming is ingetrokken.');
    expect(main).toContain('Ingetrokken');
    await expect(page.getByRole('link', { name: 'Bewijs: toestemming ingetrokken' }).count()).resolves.toBe(1);
  });

  it('keeps messages about the plan in the inbox', async () => {
    await menu(page).getByRole('link', { name: 'Berichten' }).click();
    await page.waitForURL(`${portal.baseUrl}/inbox`);
    expect(await mainText(page)).not.toContain('U heeft nog geen berichten.');
    await checkStep(page, '15-inbox');
  });

  it('answers an unknown page with a calm page in the person’s language', async () => {
    const response = await page.goto(`${portal.baseUrl}/bestaat-niet`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Deze pagina bestaat niet');
    await checkStep(page, '16-not-found');
  });

  it('refuses a form post without the session’s CSRF token, and one from another site', async () => {
    await page.goto(`${portal.baseUrl}/budget`);
    const refused = await page.evaluate(async () => (await fetch('/budget', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'netIncome=1&payDay=1' })).status);
    expect(refused).toBe(403);
    const crossSite = await fetch(`${portal.baseUrl}/budget`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'netIncome=1' });
    expect(crossSite.status).toBe(403);
  });

  it('sends a person whose session is gone back to the same step after logging in again', async () => {
    await page.context().clearCookies();
    await page.goto(`${portal.baseUrl}/overview`);
    // Every cookie is gone, the provider's too: the login form again, then back to the same page.
    await logIn(page, 'resident-sanne', '/overview');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Al uw schulden');
  });

  it('keeps what was typed when the session ran out before the form was sent, and returns to it after login', async () => {
    await page.goto(`${portal.baseUrl}/budget`);
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('2.345,67');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('17');
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Uitrekenen' }).click();
    await logIn(page, 'resident-sanne', '/budget');
    await expect(page.getByLabel('Hoeveel geld krijgt u per maand?').inputValue()).resolves.toBe('2.345,67');
    await expect(page.getByLabel('Op welke dag van de maand krijgt u uw geld?').inputValue()).resolves.toBe('17');
  });

  it('logs out: the session is gone and pages ask for a login again', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${portal.baseUrl}/`) || url.origin === idp.issuer);
    const again = await fetch(`${portal.baseUrl}/start`, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain(idp.issuer);
  });
});

describe('the counsellor journey in the portal', () => {
  let page: Page;
  let client: string;

  beforeAll(async () => {
    page = await newPage();
    client = `/clients/${joyceId}`;
  });

  it('lands on the caseload of residents who gave a mandate', async () => {
    await page.goto(`${portal.baseUrl}/login`);
    await logIn(page, 'counsellor-fatima', '/clients');
    const main = await mainText(page);
    expect(main).toContain(`Cliënt ${joyceId.slice(0, 8)}`);
    expect(main).toContain('Nog geen voorstel');
    await checkStep(page, '21-caseload');
  });

  it('works in the client’s views: links a creditor and gives consent on her behalf', async () => {
    await page.getByRole('link', { name: `Bekijken Cliënt ${joyceId.slice(0, 8)}` }).click();
    await page.waitForURL(`${portal.baseUrl}${client}/plan`);
    expect(await mainText(page)).toContain(`U werkt nu voor Cliënt ${joyceId.slice(0, 8)}.`);
    await menu(page).getByRole('link', { name: 'Schuldeisers' }).click();
    await page.getByLabel('Schuldeiser').selectOption(CREDITOR);
    await page.getByLabel('Klantnummer of aanslagnummer').fill('AS-2026-002');
    await page.getByLabel('Uw postcode').fill('3511 AB');
    await page.getByLabel('Uw geboortedatum').fill('12-03-1984');
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/creditors`), page.getByRole('button', { name: 'Koppelen', exact: true }).click()]);
    expect(await mainText(page)).toContain('Gelukt. Gemeente Utrecht is gekoppeld.');
    await page.getByLabel('Schuldeiser').selectOption(WATER_BOARD);
    await page.getByLabel('Klantnummer of aanslagnummer').fill('HDSR-2026-88');
    await page.getByLabel('Uw postcode').fill('3511 AB');
    await page.getByLabel('Uw geboortedatum').fill('12-03-1984');
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/creditors`), page.getByRole('button', { name: 'Koppelen', exact: true }).click()]);
    await checkStep(page, '22-client-link');
    await menu(page).getByRole('link', { name: 'Toestemming' }).click();
    await page.waitForURL(`${portal.baseUrl}${client}/consent`);
    await checkStep(page, '23-client-consent');
    await page.getByLabel('Gemeente Utrecht').check();
    await page.getByLabel('Hoogheemraadschap De Stichtse Rijnlanden').check();
    await page.getByLabel('Een overzicht van al mijn schulden').check();
    await page.getByLabel('Eén betaalregeling voor al deze schuldeisers samen').check();
    await page.getByLabel('6 maanden').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/overview`), page.getByRole('button', { name: 'Ik geef toestemming' }).click()]);
    expect(await mainText(page)).toContain('U heeft 2 schulden bij 2 schuldeisers. Samen is dat €\u00a0450,00.');
    await checkStep(page, '24-client-overview');
  });

  it('enters the budget, adds a claim by hand and proposes; the municipality rejects, a re-plan among the others starts; the court dossier downloads', async () => {
    await menu(page).getByRole('link', { name: 'Budget' }).click();
    await page.waitForURL(`${portal.baseUrl}${client}/budget`);
    await checkStep(page, '25-client-budget');
    await page.getByLabel('Hoeveel geld krijgt u per maand?').fill('1850');
    await page.getByLabel('Op welke dag van de maand krijgt u uw geld?').fill('1');
    await page.getByLabel('Alleen', { exact: true }).check();
    await page.getByRole('group', { name: 'Hoe oud bent u?' }).getByLabel('21 jaar tot de AOW-leeftijd').check();
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/budget/result`), page.getByRole('button', { name: 'Uitrekenen' }).click()]);
    await checkStep(page, '26-client-budget-result');
    await page.getByRole('link', { name: 'Maak een voorstel' }).click();
    await page.waitForURL(`${portal.baseUrl}${client}/plan`);
    // A claim begun but not finished: named at its field, what was typed stays.
    await page.getByRole('group', { name: 'Schuld 1' }).getByLabel('Naam schuldeiser').fill('Belastingdienst');
    await page.getByRole('button', { name: 'Voorstel maken en versturen' }).click();
    expect((await page.locator('#error-summary').textContent()) ?? '').toContain('Vul het kenmerk in.');
    await expect(page.getByRole('group', { name: 'Schuld 1' }).getByLabel('Naam schuldeiser').inputValue()).resolves.toBe('Belastingdienst');
    await checkStepKeepingForm(page, '27-client-propose-errors');
    await page.getByRole('group', { name: 'Schuld 1' }).getByLabel('Kenmerk').fill('IB-2025-01');
    await page.getByRole('group', { name: 'Schuld 1' }).getByLabel('Bedrag').fill('500,00');
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/plan`), page.getByRole('button', { name: 'Voorstel maken en versturen' }).click()]);
    expect(await mainText(page)).toContain('In totaal is dat €\u00a0950,00.');
    await municipalityDecides({ proposalId: await newestProposalId('resident-joyce'), decision: 'REJECT', reasonCode: 'BUDGET_DOUBTED', reasonText: 'Wij willen eerst de loonstroken zien.' });
    const rejected = await reloadUntil(page, 'Niet akkoord');
    expect(rejected).toContain('Wij willen eerst de loonstroken zien.');
    await reloadUntil(page, 'Nieuw voorstel met de schuldeisers die akkoord zijn');
    await checkStep(page, '28-client-rejected');
    await Promise.all([page.waitForURL(`${portal.baseUrl}${client}/plan`), page.getByRole('button', { name: 'Nieuw voorstel met de schuldeisers die akkoord zijn' }).click()]);
    const main = await reloadUntil(page, 'Uw regeling loopt.');
    expect(main).toContain('Uw regeling loopt. Al uw schuldeisers zijn akkoord.');
    expect(main).toContain('Belastingdienst');
    expect(main).not.toContain('Gemeente Utrecht');
    // Without the municipality: € 150,00 at the water board and € 500,00 by hand.
    expect(main).toContain('In totaal is dat €\u00a0650,00.');
    await checkStep(page, '29-client-plan');
    const dossierHref = await page.getByRole('link', { name: 'Dossier voor de rechter (PDF)' }).getAttribute('href');
    const pdf = await page.evaluate(async (path) => {
      const response = await fetch(path ?? '');
      return { status: response.status, type: response.headers.get('content-type'), head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) };
    }, dossierHref);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  }, 60_000);

  it('shows the client’s plan on the caseload, and refuses a resident who gave no mandate', async () => {
    await menu(page).getByRole('link', { name: 'Mijn cliënten' }).click();
    const caseload = await mainText(page);
    expect(caseload).toContain('Uw regeling loopt. Al uw schuldeisers zijn akkoord.');
    expect(caseload).toContain('schuldeiser niet akkoord');
    await menu(page).getByRole('link', { name: 'Berichten' }).click();
    await page.waitForURL(`${portal.baseUrl}/inbox`);
    expect(await mainText(page)).toContain(`Over cliënt`);
    await checkStep(page, '30-counsellor-inbox');
    await page.goto(`${portal.baseUrl}/start`);
    expect(new URL(page.url()).pathname).toBe('/clients');
    expect((await page.goto(`${portal.baseUrl}/overview`))?.status()).toBe(404);
    const response = await page.goto(`${portal.baseUrl}/clients/${sanneId}/overview`);
    expect(response?.status()).toBe(404);
    expect(await mainText(page)).not.toContain('Gemeentelijke belastingen');
  });
});

describe('a resident gives a counsellor a mandate with the code the counsellor made', () => {
  let counsellor: Page;
  let resident: Page;
  let code: string;
  let noorId: string;
  const fatima = DEMO_COUNSELLOR.displayName;

  beforeAll(async () => {
    counsellor = await newPage();
    resident = await newPage();
    noorId = (await graphqlData<{ whoAmI: { id: string } }>(`${coordinatorUrl()}/graphql`, await tokenOf('resident-noor'), '{ whoAmI { id } }')).whoAmI.id;
  });

  it('lets the counsellor make a one-time code, shown once, with her name as the client will see it', async () => {
    await counsellor.goto(`${portal.baseUrl}/login`);
    await logIn(counsellor, 'counsellor-fatima', '/clients');
    expect(await mainText(counsellor)).not.toContain(`Cliënt ${noorId.slice(0, 8)}`);
    await counsellor.getByRole('link', { name: 'Een cliënt uitnodigen' }).click();
    await counsellor.waitForURL(`${portal.baseUrl}/clients/invite`);
    expect(await mainText(counsellor)).toContain(`Uw cliënt ziet uw naam: ${fatima}.`);
    await checkStep(counsellor, '31-counsellor-invite');
    const [made] = await Promise.all([counsellor.waitForResponse((r) => r.url().endsWith('/clients/invite') && r.request().method() === 'POST'), counsellor.getByRole('button', { name: 'Code maken' }).click()]);
    expect(made.status()).toBe(201);
    code = ((await counsellor.locator('.sr-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await mainText(counsellor)).toContain('U ziet hem maar één keer.');
    await checkStepKeepingForm(counsellor, '32-counsellor-code');
    // Shown only on the answer to the post: the page itself never shows it again.
    await counsellor.goto(`${portal.baseUrl}/clients/invite`);
    expect(await mainText(counsellor)).not.toContain(code);
  });

  it('asks the resident for the code and how long, says at the field what is wrong, and keeps what was typed', async () => {
    await resident.goto(`${portal.baseUrl}/login`);
    await logIn(resident, 'resident-noor', '/start');
    // The invitation page is a counsellor's only; the mandate page a resident's.
    expect((await resident.goto(`${portal.baseUrl}/clients/invite`))?.status()).toBe(404);
    expect((await counsellor.goto(`${portal.baseUrl}/mandate`))?.status()).toBe(404);
    await resident.goto(`${portal.baseUrl}/privacy`);
    expect(await mainText(resident)).toContain('U heeft geen hulpverlener die voor u werkt.');
    await resident.getByRole('link', { name: 'Een hulpverlener toegang geven' }).click();
    await resident.waitForURL(`${portal.baseUrl}/mandate`);
    await checkStep(resident, '33-mandate');
    await resident.getByRole('button', { name: 'Verder' }).click();
    const summary = (await resident.locator('#error-summary').textContent()) ?? '';
    expect(summary).toContain('Vul de code in die u van uw hulpverlener kreeg.');
    expect(summary).toContain('Kies hoe lang uw hulpverlener voor u mag werken.');
    await checkStepKeepingForm(resident, '34-mandate-errors');
    // A code that is no code: the same answer as a used or expired one, and the typed code stays.
    await resident.getByLabel('Code van uw hulpverlener').fill('ZZZZ-ZZZZ');
    await resident.getByLabel('1 jaar').check();
    await resident.getByRole('button', { name: 'Verder' }).click();
    expect((await resident.locator('#error-summary').textContent()) ?? '').toContain('Deze code klopt niet of is verlopen.');
    await expect(resident.getByLabel('Code van uw hulpverlener').inputValue()).resolves.toBe('ZZZZ-ZZZZ');
    await expect(resident.getByLabel('1 jaar').isChecked()).resolves.toBe(true);
  });

  it('shows whose code it is before anything is given; "no" goes back without giving anything', async () => {
    // Typed the way people do: lower case, a space instead of the dash.
    await resident.getByLabel('Code van uw hulpverlener').fill(code.toLowerCase().replace('-', ' '));
    await resident.getByRole('button', { name: 'Verder' }).click();
    const confirm = await mainText(resident);
    expect(confirm).toContain(`De code is van ${fatima}.`);
    expect(confirm).toMatch(new RegExp(`Mag ${fatima} tot \\d{1,2} \\S+ \\d{4} namens u werken\\?`));
    await checkStepKeepingForm(resident, '35-mandate-confirm');
    await resident.getByRole('button', { name: 'Nee, terug' }).click();
    await expect(resident.getByLabel('Code van uw hulpverlener').inputValue()).resolves.toBe(code.toLowerCase().replace('-', ' '));
    const { mandates } = await graphqlData<{ mandates: unknown[] }>(`${coordinatorUrl()}/graphql`, await tokenOf('resident-noor'), '{ mandates { id } }');
    expect(mandates).toEqual([]);
  });

  it('gives the mandate on yes: the privacy page names the counsellor, and the client is on her caseload', async () => {
    await resident.getByRole('button', { name: 'Verder' }).click();
    await Promise.all([resident.waitForURL(`${portal.baseUrl}/privacy`), resident.getByRole('button', { name: 'Ja, geef toegang' }).click()]);
    const privacy = await mainText(resident);
    expect(privacy).toContain(`Gelukt. ${fatima} mag nu namens u werken.`);
    expect(privacy).toContain(`Hulpverlener ${fatima} mag namens u handelen.`);
    await checkStep(resident, '36-mandate-given');
    await counsellor.goto(`${portal.baseUrl}/clients`);
    expect(await mainText(counsellor)).toContain(`Cliënt ${noorId.slice(0, 8)}`);
  });

  it('refuses the same code a second time', async () => {
    await resident.goto(`${portal.baseUrl}/mandate`);
    await resident.getByLabel('Code van uw hulpverlener').fill(code);
    await resident.getByLabel('6 maanden').check();
    await resident.getByRole('button', { name: 'Verder' }).click();
    expect((await resident.locator('#error-summary').textContent()) ?? '').toContain('Deze code klopt niet of is verlopen.');
  });
});
