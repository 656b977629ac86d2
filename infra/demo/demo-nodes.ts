import { CreditorSector } from '#contracts';

/** One creditor in the demo federation. */
export interface DemoNode {
  readonly creditorId: string;
  readonly name: string;
  readonly sector: CreditorSector;
  readonly port: number;
}

/**
 * The five creditors of the demo. Gemeente Utrecht and the water board are real public bodies (their
 * data here is invented); the other three are fictional companies.
 */
export const DEMO_NODES: readonly DemoNode[] = [
  { creditorId: 'gemeente-utrecht', name: 'Gemeente Utrecht', sector: CreditorSector.MUNICIPALITY, port: 4101 },
  { creditorId: 'hdsr', name: 'Hoogheemraadschap De Stichtse Rijnlanden', sector: CreditorSector.WATER_BOARD, port: 4102 },
  { creditorId: 'stroomwijzer-energie', name: 'Stroomwijzer Energie', sector: CreditorSector.ENERGY, port: 4103 },
  { creditorId: 'zekerzorg', name: 'ZekerZorg Zorgverzekeraar', sector: CreditorSector.HEALTH_INSURER, port: 4104 },
  { creditorId: 'woonstichting-de-linde', name: 'Woonstichting De Linde', sector: CreditorSector.HOUSING, port: 4105 },
];

/** A demo resident: a platform id and, per creditor, the customer account the seed data gives them. */
export interface DemoResident {
  readonly residentId: string;
  /** For the console only: no node ever stores a resident's name. */
  readonly displayName: string;
  /** Creditor id → the customer_id in that creditor's seed file. */
  readonly accounts: Readonly<Record<string, string>>;
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
  },
  {
    residentId: 'resident-ahmed',
    displayName: 'Ahmed Yilmaz',
    accounts: {
      'gemeente-utrecht': 'UTR-00517720',
      'stroomwijzer-energie': 'SWE-7740518',
      'woonstichting-de-linde': 'DL-0006127',
    },
  },
  {
    residentId: 'resident-joyce',
    displayName: 'Joyce Bakker',
    accounts: { hdsr: 'HDSR-2021-093317', zekerzorg: 'ZZ-55309460' },
  },
];

/** The development key service: stands in for the coordinator's and an identity provider's key sets. */
export const KEY_SERVICE_PORT = 4400;
export const KEY_SERVICE_URL = `http://127.0.0.1:${KEY_SERVICE_PORT}`;
export const COORDINATOR_JWKS_URL = `${KEY_SERVICE_URL}/coordinator/jwks.json`;
export const IDP_JWKS_URL = `${KEY_SERVICE_URL}/idp/jwks.json`;
/** The `iss` of consent tokens: what the coordinator (issue 3) will use too, and the nodes' default. */
export const COORDINATOR_ISSUER = 'samen-regelen-coordinator';
/** The `iss` of staff tokens from the development identity provider. */
export const DEMO_IDP_ISSUER = `${KEY_SERVICE_URL}/idp`;

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
