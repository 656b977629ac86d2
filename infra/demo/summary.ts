import { DEMO_CLIENT } from '../idp/development-clients.js';
import { DEVELOPMENT_PASSWORD, staffAccountId } from '../idp/test-accounts.js';
import type { SetupOutcome } from './coordinator-setup.js';
import {
  COORDINATOR_CHECKPOINT_URL,
  COORDINATOR_CONSENT_JWKS_URL,
  COORDINATOR_DATABASE,
  COORDINATOR_GRAPHQL_URL,
  COORDINATOR_LEDGER_JWKS_URL,
  COORDINATOR_URL,
  DEMO_ADMIN_SUBJECT,
  DEMO_AUDITOR_SUBJECT,
  DEMO_COUNSELLOR,
  DEMO_NODES,
  DEMO_RESIDENTS,
  GATEWAY_GRAPHQL_URL,
  PAYMENT_PROVIDER_URL,
  PORTAL_URL,
  GATEWAY_URL,
  WORKER_URL,
  IDP_DISCOVERY_PATH,
  IDP_ISSUER,
  IDP_JWKS_URL,
  nodeUrl,
  type DemoNode,
  type DemoResident,
} from './demo-nodes.js';
import { describeOverview, OVERVIEW_QUERY, residentOverviewQuery, type GatewayOverview } from './gateway-check.js';
import type { LinkLetter } from './seed-node.js';

export interface NodeOutcome {
  readonly node: DemoNode;
  /** What the seeding did: `imported 68 claims` or `kept 68 claims`. */
  readonly data: string;
  /** Resident id → how many claims of theirs this node holds. */
  readonly residentClaims: ReadonlyMap<string, number>;
  /** Resident id → what their letter from this creditor says (customer number, postcode, birth date). */
  readonly letters: ReadonlyMap<string, LinkLetter>;
}

/** A resident the demo leaves for the newcomer to link in the portal (DemoResident.setUp 'portal'). */
export interface PortalResident {
  readonly resident: DemoResident;
  readonly platformId: string;
  /** Per creditor where they have an account: the letter, and whether it is linked already (an earlier run, kept). */
  readonly letters: readonly { node: DemoNode; letter: LinkLetter; linked: boolean }[];
}

/** What the demo did at the coordinator, through its API. */
export interface CoordinatorOutcome {
  /** Creditor id → registered in the directory now, or by an earlier run. */
  readonly creditors: ReadonlyMap<string, SetupOutcome>;
  readonly residents: readonly { resident: DemoResident; platformId: string; consent: SetupOutcome }[];
  readonly counsellor: { platformId: string; mandateFrom: DemoResident; mandate: SetupOutcome };
}

/** The ready-to-paste examples, with the tokens for them (got by logging in, or from the coordinator). */
export interface SummaryExamples {
  /** What the gateway answered to the two overview commands when the demo tried them. */
  readonly gateway: {
    readonly resident: { residentId: string; token: string; overview: GatewayOverview };
    /** The counsellor reading a resident who gave her a mandate. */
    readonly counsellor: { token: string; residentId: string; platformId: string; overview: GatewayOverview };
  };
  /** A consent token the coordinator minted for one node. */
  readonly consent: { node: DemoNode; residentId: string; pseudonym: string; token: string; expiresAt: string };
  readonly staff: { node: DemoNode; token: string };
  /** A resident's access token for the coordinator (and the gateway). */
  readonly resident: { residentId: string; token: string };
}

const SUBGRAPH_QUERY =
  'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { claims { id description total stage status } } } }';
const BACKOFFICE_QUERY = '{ claims(first: 5) { items { reference customerReference description total stage status } nextCursor } }';
const CONSENTS_QUERY = '{ consents { id purpose state validUntil creditors { id name } ledgerEntries { index kind receiptPath } } }';

/** What a newcomer needs to start exploring, printed once every service is up. */
export function renderSummary(params: {
  fresh: boolean;
  keysFile: string;
  outcomes: readonly NodeOutcome[];
  coordinator: CoordinatorOutcome;
  examples: SummaryExamples;
  portalResidents: readonly PortalResident[];
  /** An authorization request that shows the identity provider's login page in a browser. */
  loginUrl: string;
  /** The coordinator's database, for looking at what the development e-mail and SMS adapters queued. */
  coordinatorDatabaseUrl: string;
  /** Which PostgreSQL the databases are in (local, the Debian cluster, or embedded), and the Redis URL. */
  infrastructure: { postgres: string; redis: string };
}): string {
  const { outcomes, coordinator, examples } = params;
  const rule = '═'.repeat(78);
  const registeredBefore = [...coordinator.creditors.values()].filter((o) => o === 'already there').length;
  const lines: string[] = [
    '',
    rule,
    ` Samen Regelen demo: the identity provider, the coordinator and its delivery worker, ${DEMO_NODES.length} creditor nodes,`,
    ` the gateway and the resident portal are running (${params.fresh ? 'fresh data' : 'existing data kept'})`,
    rule,
    '',
    ...portalSection(params.portalResidents, coordinator, outcomes),
    '',
    'Gateway (the one public GraphQL endpoint: it asks the coordinator for consent tokens, then the nodes):',
    `    GraphQL             ${GATEWAY_GRAPHQL_URL}`,
    `    health              ${GATEWAY_URL}/health/ready`,
    '',
    'Identity provider (development OpenID Provider; DigiD and eHerkenning in production):',
    `    issuer              ${IDP_ISSUER}`,
    `    discovery           ${IDP_ISSUER}${IDP_DISCOVERY_PATH}`,
    `    keys                ${IDP_JWKS_URL}   (the coordinator and the nodes check access tokens with these)`,
    `    login page          ${params.loginUrl}`,
    `                        (the bare login page: after it the browser lands on ${DEMO_CLIENT.redirectUri}, where`,
    '                        nothing listens; to log in for real, use the portal; for a token to paste, `npm run -s demo:token`, below)',
    `    test accounts       password "${DEVELOPMENT_PASSWORD}" for every one (development only):`,
    `      ${DEMO_RESIDENTS.map((r) => r.residentId).join(', ')}   residents`,
    `      ${DEMO_COUNSELLOR.subject}   debt counsellor`,
    `      ${DEMO_NODES.map((n) => staffAccountId(n.creditorId)).join(', ')}`,
    '        creditor staff, each for their own back-office',
    `      ${DEMO_ADMIN_SUBJECT}, ${DEMO_AUDITOR_SUBJECT}   platform administrator, auditor`,
    '',
    `Coordinator (creditor directory, consents, mandates, consent ledger; database ${COORDINATOR_DATABASE}):`,
    `    GraphQL             ${COORDINATOR_GRAPHQL_URL}`,
    `    ledger checkpoint   ${COORDINATOR_CHECKPOINT_URL}`,
    `    consent-token keys  ${COORDINATOR_CONSENT_JWKS_URL}   (the nodes check consent tokens with these)`,
    `    ledger keys         ${COORDINATOR_LEDGER_JWKS_URL}`,
    `    health              ${COORDINATOR_URL}/health/ready`,
    `    directory           ${coordinator.creditors.size} creditors registered${registeredBefore > 0 ? ` (${registeredBefore} by an earlier run)` : ''}`,
    '',
    "Delivery worker (the coordinator's queue consumer, a process of its own: it delivers proposals, and what became of them, to the nodes):",
    `    health              ${WORKER_URL}/health/ready`,
    `    metrics             ${WORKER_URL}/metrics`,
    '',
    'Databases and queue:',
    `    PostgreSQL          ${params.infrastructure.postgres}`,
    `    Redis               ${params.infrastructure.redis}   (the delivery queue, the portal's sessions)`,
    '',
    'Creditor nodes (each with its own database):',
  ];
  for (const { node, data } of outcomes) {
    const url = nodeUrl(node);
    lines.push(
      `  ${node.name}  [${node.creditorId}, ${node.sector}]  ${data}`,
      `    federation   ${url}/graphql`,
      `    back-office  ${url}/backoffice/graphql`,
      `    health       ${url}/health/ready`,
    );
  }
  lines.push(
    '',
    'Demo residents (names exist only in this script; the coordinator knows each by a platform id, each node by a pseudonym):',
  );
  for (const resident of DEMO_RESIDENTS) {
    const at = outcomes.filter((o) => (o.residentClaims.get(resident.residentId) ?? 0) > 0);
    const total = at.reduce((sum, o) => sum + (o.residentClaims.get(resident.residentId) ?? 0), 0);
    const atCoordinator = coordinator.residents.find((r) => r.resident.residentId === resident.residentId);
    lines.push(
      `  ${resident.displayName.padEnd(15)} ${resident.residentId.padEnd(15)} ${total} claims at ${at.length} creditors: ${at.map((o) => o.node.creditorId).join(', ')}`,
    );
    if (atCoordinator !== undefined) {
      const consent = atCoordinator.consent === 'done now' ? 'given now' : 'given in an earlier run';
      lines.push(`  ${''.padEnd(31)} platform id ${atCoordinator.platformId}; consent to a debt overview (claims) ${consent}`);
    } else if (resident.setUp === 'portal') {
      lines.push(`  ${''.padEnd(31)} not linked, no consent: left for you to do in the portal (see the top)`);
    }
  }
  const { counsellor } = coordinator;
  lines.push(
    '',
    'Demo counsellor:',
    `  ${DEMO_COUNSELLOR.displayName}  ${DEMO_COUNSELLOR.subject}  platform id ${counsellor.platformId}`,
    `    mandate from ${counsellor.mandateFrom.displayName} (${counsellor.mandateFrom.residentId}) ${counsellor.mandate === 'done now' ? 'given now' : 'given in an earlier run'}`,
  );

  const { gateway, consent, staff, resident } = examples;
  const consentBody = JSON.stringify({
    query: SUBGRAPH_QUERY,
    variables: { representations: [{ __typename: 'Resident', id: consent.pseudonym }] },
  });
  const consentMinutes = Math.max(1, Math.round((Date.parse(consent.expiresAt) - Date.now()) / 60_000));
  lines.push(
    '',
    'Stand-ins (DEMO ONLY):',
    "  e-mail and SMS     queued in the coordinator's channel_outbox table, never sent (development adapters)",
    `  the bank           ${PAYMENT_PROVIDER_URL}, a simulated payment provider (payments kept in memory)`,
    `  private keys in    ${params.keysFile}`,
    '',
    `Try it. Sanne's debt overview through the gateway, with her access token (valid 1 hour);`,
    `when the demo asked just now: ${describeOverview(gateway.resident.overview)}.`,
    '',
    ...curl(GATEWAY_GRAPHQL_URL, gateway.resident.token, { query: OVERVIEW_QUERY }),
    '',
    `Joyce's overview as her counsellor (${DEMO_COUNSELLOR.subject}) reads it, under the mandate Joyce gave her`,
    `(the counsellor's own access token, valid 1 hour); just now: ${describeOverview(gateway.counsellor.overview)}.`,
    '',
    ...curl(GATEWAY_GRAPHQL_URL, gateway.counsellor.token, { query: residentOverviewQuery(gateway.counsellor.platformId) }),
    '',
    `What the gateway does under the hood, for one node: it gets Sanne's consent token and pseudonym for`,
    `${consent.node.name} from the coordinator, then asks the node (consent token valid ${consentMinutes} minutes):`,
    '',
    ...curl(`${nodeUrl(consent.node)}/graphql`, consent.token, consentBody),
    '',
    `The first claims in ${staff.node.name}'s back-office, as its staff member ${staffAccountId(staff.node.creditorId)} (valid 1 hour):`,
    '',
    ...curl(`${nodeUrl(staff.node)}/backoffice/graphql`, staff.token, { query: BACKOFFICE_QUERY }),
    '',
    `Sanne's consents at the coordinator, with their ledger entries (her access token, valid 1 hour):`,
    '',
    ...curl(COORDINATOR_GRAPHQL_URL, resident.token, { query: CONSENTS_QUERY }),
    '',
    `One plan for all of Sanne's creditors: first her budget (income and household), then the proposal.`,
    `${listed(DEMO_NODES.filter((n) => n.acceptancePolicy === 'automatic').map((n) => n.name))} accept by themselves; the other creditors wait for their staff (below).`,
    '',
    ...curl(GATEWAY_GRAPHQL_URL, gateway.resident.token, {
      query: 'mutation { setBudget(input: { payDay: 25, household: SINGLE, ageBand: AGE_21_TO_AOW, netIncome: "235000" }) { beslagvrijeVoet capacity explanation } }',
    }),
    ...curl(GATEWAY_GRAPHQL_URL, gateway.resident.token, {
      query: 'mutation { proposePlan(input: { mode: REPAYMENT }) { id status outcome capacity termMonths creditors { creditorId delivery decision } } }',
    }),
    '',
    `${staff.node.name}'s staff see the proposal, with their own check of their share, and decide with`,
    `decideProposal(input: { proposalId: "…", decision: ACCEPT }) (or REJECT with a reasonCode, or COUNTER):`,
    '',
    ...curl(`${nodeUrl(staff.node)}/backoffice/graphql`, staff.token, { query: '{ proposals(status: AWAITING_STAFF) { id capacity shareCheck { ok } claims { reference amount firstMonth } } }' }),
    '',
    'Once every creditor said yes, the plan runs. Its payment reference, and the state of each instalment:',
    '',
    ...curl(GATEWAY_GRAPHQL_URL, gateway.resident.token, {
      query: '{ proposals { id status payments { paymentReference received passedOn instalments { number dueDate amount status } } } }',
    }),
    '',
    `Pay an instalment at the simulated payment provider (a bank-like page): ${PAYMENT_PROVIDER_URL}`,
    'It tells the coordinator by a signed callback; a complete instalment is passed on to every creditor.',
    '',
    'The e-mails and text messages the development adapters queued (nothing is sent), newest first:',
    '',
    `  psql '${params.coordinatorDatabaseUrl}' -c "SELECT o.channel, n.kind, n.text_nl FROM channel_outbox o JOIN notifications n ON n.id = o.notification_id ORDER BY o.id DESC LIMIT 10"`,
    '',
    "The consent ledger's latest signed checkpoint (public), and a full check of the ledger as an auditor:",
    '',
    `  curl -sS ${COORDINATOR_CHECKPOINT_URL}`,
    `  npm run -s ledger -- verify --url ${COORDINATOR_URL} --token $(npm run -s demo:token -- auditor)`,
    '',
    'Fresh tokens (each logs the test account in at the identity provider; the consent token and the',
    'pseudonym then come from the running coordinator):',
    `  npm run -s demo:token -- resident ${resident.residentId}      (for the gateway and the coordinator)`,
    `  npm run -s demo:token -- counsellor | admin | auditor`,
    `  npm run -s demo:token -- staff ${staff.node.creditorId}`,
    `  npm run -s demo:token -- consent ${consent.node.creditorId} ${consent.residentId}`,
    `  npm run -s demo:token -- pseudonym ${consent.node.creditorId} ${consent.residentId}   (the id to put in the node query)`,
    '',
    'Press Ctrl-C to stop everything. `npm run demo -- --keep` restarts with the data kept.',
    rule,
    '',
  );
  return lines.join('\n');
}

/**
 * The first thing a newcomer reads: where the portal is, whom to log in as for each journey, and what
 * to type on the page that links a resident's creditors.
 */
function portalSection(portalResidents: readonly PortalResident[], coordinator: CoordinatorOutcome, outcomes: readonly NodeOutcome[]): string[] {
  const lines = [
    `Resident portal: open ${PORTAL_URL} in a browser, click "Inloggen" and log in at the identity provider`,
    `with a test account below (password "${DEVELOPMENT_PASSWORD}" for every one; development only). English: add ?lang=en.`,
  ];
  for (const { resident, letters } of portalResidents) {
    const linked = letters.filter((l) => l.linked).length;
    const claims = letters.reduce((sum, l) => sum + l.letter.claims, 0);
    lines.push(
      '',
      `  A resident, from the start: ${resident.residentId} (${resident.displayName}), ${claims} claims at ${letters.length} creditors.`,
      ...(linked === 0
        ? ['  The demo links nothing for her and gives no consent. Link her creditors on "Schuldeisers" (/creditors),']
        : linked === letters.length
          ? [
              '  All her accounts were linked in an earlier run (data kept): unlink one on "Schuldeisers" (/creditors)',
              '  and link it again, or start without --keep to begin afresh. To link on "Schuldeisers",',
            ]
          : [`  ${linked} of her ${letters.length} accounts were linked in an earlier run (data kept); link the rest on "Schuldeisers" (/creditors),`]),
      "  one at a time, with what the creditor's letter says (here read from the node's seed data):",
      '',
      `    ${'Schuldeiser'.padEnd(42)} ${'Klantnummer'.padEnd(18)} ${'Postcode'.padEnd(9)} Geboortedatum`,
    );
    for (const { node, letter, linked: done } of letters) {
      const birthDate = letter.birthDate === undefined ? '(leave empty)' : dayMonthYear(letter.birthDate);
      lines.push(`    ${node.name.padEnd(42)} ${letter.reference.padEnd(18)} ${spacedPostcode(letter.postcode).padEnd(9)} ${birthDate}${done ? '   (linked already)' : ''}`);
    }
    lines.push(
      '',
      '  Then give consent ("Toestemming"), see all her debts ("Overzicht"), fill in her budget ("Budget") and',
      '  propose one plan to all of them ("Regeling").',
      ...acceptance(letters.map((l) => l.node)).map((line) => `  ${line}`),
    );
  }
  const ready = DEMO_RESIDENTS.filter((r) => r.setUp === 'demo').map((r) => {
    const at = outcomes.filter((o) => (o.residentClaims.get(r.residentId) ?? 0) > 0);
    const claims = at.reduce((sum, o) => sum + (o.residentClaims.get(r.residentId) ?? 0), 0);
    return `    ${r.residentId.padEnd(16)} ${r.displayName}: ${claims} claims at ${at.length} creditors`;
  });
  const { mandateFrom } = coordinator.counsellor;
  const client = coordinator.residents.find((r) => r.resident.residentId === mandateFrom.residentId)?.platformId ?? '';
  lines.push(
    '',
    '  A resident with everything set up (linked and consented by the demo, so "Overzicht" is full at once):',
    ...ready,
    '',
    `  A debt counsellor: ${DEMO_COUNSELLOR.subject} (${DEMO_COUNSELLOR.displayName}).`,
    `    ${mandateFrom.displayName} (${mandateFrom.residentId}) gave her a mandate. On "Mijn cliënten" (/clients) she is`,
    `    "Cliënt ${client.slice(0, 8)}" (counsellors see no names); her pages are under /clients/${client}/.`,
    ...acceptance(DEMO_NODES.filter((n) => mandateFrom.accounts[n.creditorId] !== undefined)).map((line) => `    ${line}`),
    '    A new client: she clicks "Een cliënt uitnodigen" and "Code maken" (a one-time code, 14 days). The resident',
    '    (say resident-noor, in a private window) types it in at Privacy → "Een hulpverlener toegang geven".',
  );
  return lines;
}

/** Whether a plan to these creditors can start without anyone deciding in a back-office (two lines). */
function acceptance(nodes: readonly DemoNode[]): string[] {
  const staff = nodes.filter((n) => n.acceptancePolicy === 'staff');
  if (staff.length === 0) {
    return [
      `${nodes.length === 2 ? 'Both' : `All ${nodes.length}`} creditors accept a plan whose share checks out by themselves`,
      '(ACCEPTANCE_POLICY=automatic), so the plan starts at once.',
    ];
  }
  return [`${listed(staff.map((n) => n.creditorId))} wait${staff.length === 1 ? 's' : ''} for a decision by staff in the back-office`, '(ACCEPTANCE_POLICY=staff) before the plan starts.'];
}

/** The node keeps a postcode as `3562GD`; a letter prints `3562 GD` (the portal takes either). */
function spacedPostcode(postcode: string): string {
  return postcode.replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2');
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** YYYY-MM-DD as the portal asks for it: dag-maand-jaar. */
function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day ?? ''}-${month ?? ''}-${year ?? ''}`;
}

/** A ready-to-paste POST of a GraphQL request with a bearer token. */
function curl(url: string, token: string, body: string | { query: string }): string[] {
  return [
    `  curl -sS ${url} \\`,
    "    -H 'content-type: application/json' \\",
    `    -H 'authorization: Bearer ${token}' \\`,
    `    -d '${typeof body === 'string' ? body : JSON.stringify(body)}'`,
  ];
}
