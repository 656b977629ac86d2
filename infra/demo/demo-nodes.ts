import { CreditorSector } from '#contracts';
import { PORTAL_CLIENT_ID } from '../idp/development-clients.js';

/** One creditor in the demo federation. */
export interface DemoNode {
  readonly creditorId: string;
  readonly name: string;
  readonly sector: CreditorSector;
  readonly port: number;
  /**
   * How this creditor decides on proposals (ACCEPTANCE_POLICY): three accept a share that checks out by
   * themselves, so a plan of Noor's or Joyce's starts without anyone deciding in a back-office; the
   * municipality and the housing corporation ask their staff, so Sanne's plan shows that side too.
   */
  readonly acceptancePolicy: 'automatic' | 'staff';
}

/**
 * The five creditors of the demo. Gemeente Utrecht and the water board are real public bodies (their
 * data here is invented); the other three are fictional companies.
 */
export const DEMO_NODES: readonly DemoNode[] = [
  { creditorId: 'gemeente-utrecht', name: 'Gemeente Utrecht', sector: CreditorSector.MUNICIPALITY, port: 4101, acceptancePolicy: 'staff' },
  { creditorId: 'hdsr', name: 'Hoogheemraadschap De Stichtse Rijnlanden', sector: CreditorSector.WATER_BOARD, port: 4102, acceptancePolicy: 'automatic' },
  { creditorId: 'stroomwijzer-energie', name: 'Stroomwijzer Energie', sector: CreditorSector.ENERGY, port: 4103, acceptancePolicy: 'automatic' },
  { creditorId: 'zekerzorg', name: 'ZekerZorg Zorgverzekeraar', sector: CreditorSector.HEALTH_INSURER, port: 4104, acceptancePolicy: 'automatic' },
  { creditorId: 'woonstichting-de-linde', name: 'Woonstichting De Linde', sector: CreditorSector.HOUSING, port: 4105, acceptancePolicy: 'staff' },
];

/**
 * A demo resident: their subject at the identity provider (the coordinator maps it to a platform id,
 * a UUID, on first sign-in) and, per creditor, the customer account the seed data gives them.
 */
export interface DemoResident {
  readonly residentId: string;
  /** For the console only: no node ever stores a resident's name. */
  readonly displayName: string;
  /** Creditor id → the customer_id in that creditor's seed file. */
  readonly accounts: Readonly<Record<string, string>>;
  /**
   * 'demo': the demo links these accounts and gives the consents itself (through the coordinator's
   * API). 'portal': it leaves them alone, so a newcomer links them in the portal, as a resident would
   * from the creditors' letters, and gives consent there.
   */
  readonly setUp: 'demo' | 'portal';
}

export const DEMO_RESIDENTS: readonly DemoResident[] = [
  {
    residentId: 'resident-sanne',
    displayName: 'Sanne de Vries',
    accounts: {
      'gemeente-utrecht': 'UTR-00481233',
      hdsr: 'HDSR-2025-118842',
      'stroomwijzer-energie': 'SWE-7712003',
      zekerzorg: 'ZZ-55012871',
      'woonstichting-de-linde': 'DL-0004412',
    },
    setUp: 'demo',
  },
  {
    residentId: 'resident-ahmed',
    displayName: 'Ahmed Yilmaz',
    accounts: {
      'gemeente-utrecht': 'UTR-00517720',
      'stroomwijzer-energie': 'SWE-7740518',
      'woonstichting-de-linde': 'DL-0006127',
    },
    setUp: 'demo',
  },
  {
    residentId: 'resident-joyce',
    displayName: 'Joyce Bakker',
    accounts: { hdsr: 'HDSR-2021-093317', zekerzorg: 'ZZ-55309460' },
    setUp: 'demo',
  },
  {
    // Nothing linked, no consent: the one to click through the portal with, from the start.
    residentId: 'resident-noor',
    displayName: 'Noor Jansen',
    accounts: { hdsr: 'HDSR-2022-318450', 'stroomwijzer-energie': 'SWE-7738842', zekerzorg: 'ZZ-55268114' },
    setUp: 'portal',
  },
];

/** The residents the demo links and gives consents for itself. */
export function residentsSetUpByDemo(): DemoResident[] {
  return DEMO_RESIDENTS.filter((r) => r.setUp === 'demo');
}


/** A demo debt counsellor, so residents have someone to give a mandate to. */
export interface DemoCounsellor {
  /** Their subject at the identity provider. */
  readonly subject: string;
  /** For the console only: the coordinator knows people by their platform id, never by name. */
  readonly displayName: string;
}

export const DEMO_COUNSELLOR: DemoCounsellor = { subject: 'counsellor-fatima', displayName: 'Fatima El Amrani, schuldhulpverlener' };

/** The resident who gives the demo counsellor a mandate. */
export const MANDATING_RESIDENT_ID = 'resident-joyce';

/** Subjects of the demo's platform administrator (registers the nodes) and auditor (verifies the ledger). */
export const DEMO_ADMIN_SUBJECT = 'demo-admin';
export const DEMO_AUDITOR_SUBJECT = 'demo-auditor';

/** The real coordinator (dist/apps/gateway/src/coordinator-main.js): directory, consents, ledger. */
export const COORDINATOR_PORT = 4001;
export const COORDINATOR_URL = `http://127.0.0.1:${COORDINATOR_PORT}`;
export const COORDINATOR_GRAPHQL_URL = `${COORDINATOR_URL}/graphql`;
/** The keys consent tokens are signed with: what every node verifies them against. */
export const COORDINATOR_CONSENT_JWKS_URL = `${COORDINATOR_URL}/consent/v1/jwks.json`;
/** The keys checkpoints and receipts are signed with. */
export const COORDINATOR_LEDGER_JWKS_URL = `${COORDINATOR_URL}/.well-known/jwks.json`;
export const COORDINATOR_CHECKPOINT_URL = `${COORDINATOR_URL}/ledger/v1/checkpoint`;
/** The `iss` of consent tokens: the coordinator's default, and the nodes'. */
export const COORDINATOR_ISSUER = 'samen-regelen-coordinator';
export const COORDINATOR_DATABASE = 'sr_demo_coordinator';

/**
 * The delivery worker (dist/apps/gateway/src/worker-main.js): the coordinator's queue consumer in its
 * own process, as in production, with the coordinator's configuration. It serves only
 * /health/live, /health/ready and /metrics, on the port next to the coordinator's.
 */
export const WORKER_PORT = 4002;
export const WORKER_URL = `http://127.0.0.1:${WORKER_PORT}`;

/**
 * The development OpenID Provider (infra/idp, oidc-provider) with the test accounts: everyone in the
 * demo logs in there, and the coordinator and the nodes trust its keys, as they will trust a DigiD or
 * eHerkenning broker in production. Its issuer is an origin without a path, as the provider wants.
 */
export const IDP_PORT = 4300;
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;
export const IDP_JWKS_URL = `${IDP_ISSUER}/jwks`;
export const IDP_DISCOVERY_PATH = '/.well-known/openid-configuration';

/** The simulated payment provider (infra/payment-provider): a bank-like page to pay a plan by its reference. */
export const PAYMENT_PROVIDER_PORT = 4090;
export const PAYMENT_PROVIDER_URL = `http://127.0.0.1:${PAYMENT_PROVIDER_PORT}`;

/**
 * The resident portal (dist/apps/debtor-portal/src/main.js): what a newcomer opens in a browser. It
 * logs people in at the identity provider as the confidential client DEMO_PORTAL_CLIENT_ID (its secret
 * derives from .demo/keys.json, see portalClientSecret) and keeps sessions in Redis under its own prefix.
 */
export const PORTAL_PORT = 4200;
export const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`;
export const PORTAL_CALLBACK_URL = `${PORTAL_URL}/auth/callback`;
/** Where the identity provider may send the browser after a logout: the portal's welcome page. */
export const PORTAL_POST_LOGOUT_URL = `${PORTAL_URL}/`;
export const DEMO_PORTAL_CLIENT_ID = PORTAL_CLIENT_ID;
/** Never the portal's default prefix, nor a test run's (`sr-test-portal-…`). */
export const PORTAL_SESSION_PREFIX = 'samen-regelen-demo:portal:session:';

/** The federation gateway (dist/apps/gateway/src/gateway-main.js): the one public GraphQL endpoint. */
export const GATEWAY_PORT = 4000;
export const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;
export const GATEWAY_GRAPHQL_URL = `${GATEWAY_URL}/graphql`;

export function nodeUrl(node: DemoNode): string {
  return `http://127.0.0.1:${node.port}`;
}

/** One database per node, as in production: `sr_demo_gemeente_utrecht`. */
export function demoDatabaseName(creditorId: string): string {
  return `sr_demo_${creditorId.replace(/-/g, '_')}`;
}

export function findDemoNode(creditorId: string): DemoNode | undefined {
  return DEMO_NODES.find((node) => node.creditorId === creditorId);
}

export function findDemoResident(residentId: string): DemoResident | undefined {
  return DEMO_RESIDENTS.find((resident) => resident.residentId === residentId);
}
