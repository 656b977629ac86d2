import { DEMO_NODES, DEMO_RESIDENTS, COORDINATOR_JWKS_URL, IDP_JWKS_URL, nodeUrl, type DemoNode } from './demo-nodes.js';

export interface NodeOutcome {
  readonly node: DemoNode;
  /** What the seeding did: `imported 68 claims` or `kept 68 claims`. */
  readonly data: string;
  /** Resident id → how many claims of theirs this node holds. */
  readonly residentClaims: ReadonlyMap<string, number>;
}

/** The ready-to-paste examples, with tokens minted for them. */
export interface SummaryExamples {
  readonly consent: { node: DemoNode; residentId: string; pseudonym: string; token: string };
  readonly staff: { node: DemoNode; token: string };
}

const SUBGRAPH_QUERY =
  'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { claims { id description total stage status } } } }';
const BACKOFFICE_QUERY = '{ claims(first: 5) { items { reference customerReference description total stage status } nextCursor } }';

/** What a newcomer needs to start exploring, printed once every node is up. */
export function renderSummary(params: {
  fresh: boolean;
  keysFile: string;
  outcomes: readonly NodeOutcome[];
  examples: SummaryExamples;
}): string {
  const { outcomes, examples } = params;
  const rule = '═'.repeat(78);
  const lines: string[] = [
    '',
    rule,
    ` Samen Regelen demo: ${DEMO_NODES.length} creditor nodes are running (${params.fresh ? 'fresh data' : 'existing data kept'})`,
    rule,
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
    'Demo residents (their names exist only in this script; each node knows them by a pseudonym):',
  );
  for (const resident of DEMO_RESIDENTS) {
    const at = outcomes.filter((o) => (o.residentClaims.get(resident.residentId) ?? 0) > 0);
    const total = at.reduce((sum, o) => sum + (o.residentClaims.get(resident.residentId) ?? 0), 0);
    lines.push(
      `  ${resident.displayName.padEnd(15)} ${resident.residentId.padEnd(15)} ${total} claims at ${at.length} creditors: ${at.map((o) => o.node.creditorId).join(', ')}`,
    );
  }
  const consent = examples.consent;
  const staff = examples.staff;
  const consentBody = JSON.stringify({
    query: SUBGRAPH_QUERY,
    variables: { representations: [{ __typename: 'Resident', id: consent.pseudonym }] },
  });
  lines.push(
    '',
    'Development keys (DEMO ONLY; stand-ins until the coordinator and the OpenID provider exist):',
    `  consent-token keys  ${COORDINATOR_JWKS_URL}`,
    `  staff-token keys    ${IDP_JWKS_URL}`,
    `  private keys in     ${params.keysFile}`,
    '',
    `Try it. Sanne's claims at ${consent.node.name}, asked the way the federation asks (consent token, valid 5 minutes):`,
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
    'Fresh tokens for any node and resident:',
    `  npm run -s demo:token -- consent ${consent.node.creditorId} ${consent.residentId}`,
    `  npm run -s demo:token -- staff ${staff.node.creditorId}`,
    `  npm run -s demo:token -- pseudonym ${consent.node.creditorId} ${consent.residentId}   (the id to put in the query)`,
    '',
    'Press Ctrl-C to stop all nodes. `npm run demo -- --keep` restarts with the data kept.',
    rule,
    '',
  );
  return lines.join('\n');
}
