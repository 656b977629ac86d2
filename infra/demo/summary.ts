import type { SetupOutcome } from './coordinator-setup.js';
import {
  COORDINATOR_CHECKPOINT_URL,
  COORDINATOR_CONSENT_JWKS_URL,
  COORDINATOR_DATABASE,
  COORDINATOR_GRAPHQL_URL,
  COORDINATOR_LEDGER_JWKS_URL,
  COORDINATOR_URL,
  DEMO_COUNSELLOR,
  DEMO_NODES,
  DEMO_RESIDENTS,
  IDP_JWKS_URL,
  nodeUrl,
  type DemoNode,
  type DemoResident,
} from './demo-nodes.js';

export interface NodeOutcome {
  readonly node: DemoNode;
  /** What the seeding did: `imported 68 claims` or `kept 68 claims`. */
  readonly data: string;
  /** Resident id → how many claims of theirs this node holds. */
  readonly residentClaims: ReadonlyMap<string, number>;
}

/** What the demo did at the coordinator, through its API. */
export interface CoordinatorOutcome {
  /** Creditor id → registered in the directory now, or by an earlier run. */
  readonly creditors: ReadonlyMap<string, SetupOutcome>;
  readonly residents: readonly { resident: DemoResident; platformId: string; consent: SetupOutcome }[];
  readonly counsellor: { platformId: string; mandateFrom: DemoResident; mandate: SetupOutcome };
}

/** The ready-to-paste examples, with tokens minted for them. */
export interface SummaryExamples {
  /** A consent token the coordinator minted for one node. */
  readonly consent: { node: DemoNode; residentId: string; pseudonym: string; token: string; expiresAt: string };
  readonly staff: { node: DemoNode; token: string };
  /** A resident's access token for the coordinator. */
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
}): string {
  const { outcomes, coordinator, examples } = params;
  const rule = '═'.repeat(78);
  const registeredBefore = [...coordinator.creditors.values()].filter((o) => o === 'already there').length;
  const lines: string[] = [
    '',
    rule,
    ` Samen Regelen demo: the coordinator and ${DEMO_NODES.length} creditor nodes are running (${params.fresh ? 'fresh data' : 'existing data kept'})`,
    rule,
    '',
    `Coordinator (creditor directory, consents, mandates, consent ledger; database ${COORDINATOR_DATABASE}):`,
    `    GraphQL             ${COORDINATOR_GRAPHQL_URL}`,
    `    ledger checkpoint   ${COORDINATOR_CHECKPOINT_URL}`,
    `    consent-token keys  ${COORDINATOR_CONSENT_JWKS_URL}   (the nodes check consent tokens with these)`,
    `    ledger keys         ${COORDINATOR_LEDGER_JWKS_URL}`,
    `    health              ${COORDINATOR_URL}/health/ready`,
    `    directory           ${coordinator.creditors.size} creditors registered${registeredBefore > 0 ? ` (${registeredBefore} by an earlier run)` : ''}`,
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
    }
  }
  const { counsellor } = coordinator;
  lines.push(
    '',
    'Demo counsellor:',
    `  ${DEMO_COUNSELLOR.displayName}  ${DEMO_COUNSELLOR.subject}  platform id ${counsellor.platformId}`,
    `    mandate from ${counsellor.mandateFrom.displayName} (${counsellor.mandateFrom.residentId}) ${counsellor.mandate === 'done now' ? 'given now' : 'given in an earlier run'}`,
  );

  const { consent, staff, resident } = examples;
  const consentBody = JSON.stringify({
    query: SUBGRAPH_QUERY,
    variables: { representations: [{ __typename: 'Resident', id: consent.pseudonym }] },
  });
  const consentMinutes = Math.max(1, Math.round((Date.parse(consent.expiresAt) - Date.now()) / 60_000));
  lines.push(
    '',
    'Stand-ins (DEMO ONLY):',
    `  identity provider keys  ${IDP_JWKS_URL}   (signs staff and people's access tokens until the OpenID provider, issue 5)`,
    `  private keys in         ${params.keysFile}`,
    '',
    `Try it. Sanne's claims at ${consent.node.name}, asked the way the federation asks, with a consent token`,
    `the coordinator minted from her consent (valid ${consentMinutes} minutes):`,
    '',
    `  curl -sS ${nodeUrl(consent.node)}/graphql \\`,
    `    -H 'content-type: application/json' \\`,
    `    -H 'authorization: Bearer ${consent.token}' \\`,
    `    -d '${consentBody}'`,
    '',
    `The first claims in ${staff.node.name}'s back-office, as a staff member (staff token, valid 1 hour):`,
    '',
    `  curl -sS ${nodeUrl(staff.node)}/backoffice/graphql \\`,
    `    -H 'content-type: application/json' \\`,
    `    -H 'authorization: Bearer ${staff.token}' \\`,
    `    -d '${JSON.stringify({ query: BACKOFFICE_QUERY })}'`,
    '',
    `Sanne's consents at the coordinator, with their ledger entries (her access token, valid 1 hour):`,
    '',
    `  curl -sS ${COORDINATOR_GRAPHQL_URL} \\`,
    `    -H 'content-type: application/json' \\`,
    `    -H 'authorization: Bearer ${resident.token}' \\`,
    `    -d '${JSON.stringify({ query: CONSENTS_QUERY })}'`,
    '',
    "The consent ledger's latest signed checkpoint (public), and a full check of the ledger as an auditor:",
    '',
    `  curl -sS ${COORDINATOR_CHECKPOINT_URL}`,
    `  npm run -s ledger -- verify --url ${COORDINATOR_URL} --token $(npm run -s demo:token -- auditor)`,
    '',
    'Fresh tokens (the consent token and the pseudonym come from the running coordinator):',
    `  npm run -s demo:token -- consent ${consent.node.creditorId} ${consent.residentId}`,
    `  npm run -s demo:token -- staff ${staff.node.creditorId}`,
    `  npm run -s demo:token -- resident ${resident.residentId}      (access token for the coordinator)`,
    '  npm run -s demo:token -- admin | auditor',
    `  npm run -s demo:token -- pseudonym ${consent.node.creditorId} ${consent.residentId}   (the id to put in the query)`,
    '',
    'Press Ctrl-C to stop everything. `npm run demo -- --keep` restarts with the data kept.',
    rule,
    '',
  );
  return lines.join('\n');
}
