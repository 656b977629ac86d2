import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { coordinatorEnvWithFreshKeys } from './coordinator-env.js';
import { DelayingProxy } from './delaying-proxy.js';
import { postGraphQL, type GraphQLResponse } from './graphql-client.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey, type SigningKey } from './key-set-server.js';
import { nodeEnv } from './node-env.js';
import { rowsOf, seedLinkedCustomer, type SeedClaim } from './seed.js';
import { ENTRYPOINTS, ServiceProcess } from './service-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { personToken, staffToken } from './tokens.js';

/**
 * A small platform of real processes for end-to-end tests: a test identity provider's key set, the
 * coordinator with its own database (and its own queue prefix in Redis), and creditor nodes, each
 * with its own database, registered in the directory. Everything is stopped and dropped by stop().
 */
export interface PlatformNode {
  readonly creditorId: string;
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  service: ServiceProcess;
  readonly env: Record<string, string>;
  /** In front of the node, as the directory knows it: lets a test hold requests back (then kill the node). */
  readonly proxy: DelayingProxy;
}

export interface Person {
  readonly token: string;
  readonly id: string;
}

export class TestPlatform {
  readonly nodes = new Map<string, PlatformNode>();
  private pool: pg.Pool | null = null;
  private readonly workers: ServiceProcess[] = [];

  private constructor(
    readonly idpKey: SigningKey,
    private readonly idp: KeySetServer,
    readonly coordinatorDatabase: TestDatabase,
    public coordinator: ServiceProcess,
    private readonly coordinatorEnvironment: Record<string, string>,
  ) {}

  static async start(params: { readonly label: string; readonly coordinatorEnv?: Record<string, string> }): Promise<TestPlatform> {
    const idpKey = await generateSigningKey(`${params.label}-idp-1`);
    const idp = await KeySetServer.start([idpKey]);
    const database = await createTestDatabase(`${params.label}_coordinator`);
    const env = {
      ...(await coordinatorEnvWithFreshKeys({
        databaseUrl: database.url,
        oidcJwksUrl: idp.url,
        pseudonymSecret: randomBytes(32).toString('base64'),
      })),
      ...params.coordinatorEnv,
    };
    const coordinator = await ServiceProcess.start({ label: 'coordinator', entrypoint: ENTRYPOINTS.coordinator, env });
    return new TestPlatform(idpKey, idp, database, coordinator, env);
  }

  /** The coordinator again, on the same port and database (after a kill, say). */
  async restartCoordinator(): Promise<void> {
    await this.coordinator.kill();
    this.coordinator = await ServiceProcess.start({ label: 'coordinator', entrypoint: ENTRYPOINTS.coordinator, env: this.coordinatorEnvironment, port: this.coordinator.port });
  }

  /** A delivery worker of its own (npm run worker), with the coordinator's settings: for a coordinator started with DELIVERY_WORKER=false. */
  async startWorker(env: Record<string, string> = {}): Promise<ServiceProcess> {
    const worker = await ServiceProcess.start({ label: 'worker', entrypoint: ENTRYPOINTS.worker, env: { ...this.coordinatorEnvironment, ...env } });
    this.workers.push(worker);
    return worker;
  }

  /** A node with its own database, registered in the directory by an administrator. */
  async addNode(creditorId: string, env: Record<string, string> = {}): Promise<PlatformNode> {
    const database = await createTestDatabase(`${creditorId.replace(/-/g, '_')}`);
    const nodeEnvironment = {
      ...nodeEnv({
        creditorId,
        databaseUrl: database.url,
        port: 0,
        coordinatorJwksUrl: `${this.coordinator.baseUrl}/consent/v1/jwks.json`,
        staffJwksUrl: this.idp.url,
        signingKeyJson: await generatePrivateJwkJson(`${creditorId}-1`),
      }),
      ...env,
    };
    const service = await ServiceProcess.start({ label: creditorId, entrypoint: ENTRYPOINTS.node, env: nodeEnvironment });
    const proxy = await DelayingProxy.start(service.baseUrl);
    const node: PlatformNode = { creditorId, database, pool: new pg.Pool({ connectionString: database.url, max: 2 }), service, env: nodeEnvironment, proxy };
    this.nodes.set(creditorId, node);
    const admin = await this.signIn('platform-admin', ['admin']);
    const keySet = await (await fetch(`${service.baseUrl}/.well-known/jwks.json`)).text();
    await this.gql(admin.token, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: creditorId, name: `Test ${creditorId}`, sector: 'municipality', subgraphUrl: `${proxy.url}/graphql`, keySet },
    });
    return node;
  }

  /** The node again, on the same port and database. */
  async restartNode(node: PlatformNode): Promise<void> {
    if (!node.service.hasExited) await node.service.kill();
    node.service = await ServiceProcess.start({ label: node.creditorId, entrypoint: ENTRYPOINTS.node, env: node.env, port: node.service.port });
  }

  async signIn(subject: string, roles: string[]): Promise<Person> {
    const token = await personToken({ key: this.idpKey, subject, roles, expiresInSeconds: 1800 });
    const who = await this.gqlRaw<{ whoAmI: { id: string } }>(token, '{ whoAmI { id } }');
    const id = who.data?.whoAmI.id;
    if (id === undefined) throw new Error(`sign-in failed: ${JSON.stringify(who.errors)}`);
    return { token, id };
  }

  staffTokenFor(creditorId: string, subject = 'staff-member-1'): Promise<string> {
    return staffToken({ key: this.idpKey, creditorId, subject, expiresInSeconds: 1800 });
  }

  /** The coordinator's GraphQL answer as it is, errors included. */
  async gqlRaw<T>(token: string | undefined, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>> {
    return (await postGraphQL<T>(`${this.coordinator.baseUrl}/graphql`, { query, ...(variables ? { variables } : {}) }, token, headers)).body;
  }

  /** The coordinator's data; throws on errors. */
  async gql<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = await this.gqlRaw<T>(token, query, variables);
    if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(`coordinator: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** A node's back-office GraphQL, with a staff token for that node. */
  async backoffice<T>(node: PlatformNode, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>> {
    return (await postGraphQL<T>(`${node.service.baseUrl}/backoffice/graphql`, { query, ...(variables ? { variables } : {}) }, await this.staffTokenFor(node.creditorId), headers)).body;
  }

  /** Seeds the resident's account at the node, links it the real way, and gives one consent for `purpose` over all `creditorIds`. */
  async linkAccount(person: Person, node: PlatformNode, customerReference: string, claims: readonly SeedClaim[]): Promise<void> {
    await seedLinkedCustomer(rowsOf(node.pool), { customerReference, postcode: '3511AB', claims: [...claims] });
    const linked = await this.gql<{ linkAccount: { linked: boolean } }>(person.token, 'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked } }', {
      input: { creditorId: node.creditorId, reference: customerReference, postcode: '3511 AB', birthDate: '1984-03-12' },
    });
    if (!linked.linkAccount.linked) throw new Error(`linking ${customerReference} at ${node.creditorId} failed`);
  }

  async consent(person: Person, purpose: 'DEBT_OVERVIEW' | 'COLLECTIVE_ARRANGEMENT', creditorIds: readonly string[]): Promise<string> {
    const { consentText } = await this.gql<{ consentText: { version: string } }>(person.token, `{ consentText(purpose: ${purpose}) { version } }`);
    const given = await this.gql<{ giveConsent: { id: string } }>(person.token, 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
      input: { purpose, creditorIds, categories: ['CLAIMS'], validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: consentText.version },
    });
    return given.giveConsent.id;
  }

  /** A direct pool on the coordinator's database, for assertions (and for setting up a state, such as a plan begun months ago). */
  coordinatorPool(): pg.Pool {
    this.pool ??= new pg.Pool({ connectionString: this.coordinatorDatabase.url, max: 2 });
    return this.pool;
  }

  async stop(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
    for (const worker of this.workers) await worker.stop().catch(() => undefined);
    for (const node of this.nodes.values()) {
      await node.proxy.stop().catch(() => undefined);
      await node.service.stop().catch(() => undefined);
      await node.pool.end().catch(() => undefined);
      await node.database.drop().catch(() => undefined);
    }
    await this.coordinator.stop().catch(() => undefined);
    await this.coordinatorDatabase.drop().catch(() => undefined);
    await this.idp.stop().catch(() => undefined);
  }
}

/** Polls until `check` gives a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
