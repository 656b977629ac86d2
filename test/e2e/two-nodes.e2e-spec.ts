import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { DataCategory } from '#contracts';
import { RESIDENT_CLAIMS_QUERY, residentRepresentation } from '../support/graphql-client.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey, type SigningKey } from '../support/key-set-server.js';
import { nodeEnv } from '../support/node-env.js';
import { seedLinkedCustomer, type SeedClaim } from '../support/seed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { consentToken } from '../support/tokens.js';

/**
 * Two real creditor node processes, built by `npm run build`, each with its own database, both trusting
 * one coordinator key set. Everything goes over HTTP, exactly as the gateway would reach them.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const NODE_ENTRYPOINT = 'dist/apps/creditor-node/src/main.js';
const READY_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 10_000;
/** jose's createRemoteJWKSet cooldown as configured in apps/creditor-node/src/consent/consent-verifier.service.ts. */
const JWKS_COOLDOWN_MS = 30_000;

interface NodeSpec {
  readonly creditorId: string;
  readonly pseudonym: string;
  readonly customerReference: string;
  readonly claims: readonly SeedClaim[];
  /** What a valid token must disclose: the owed claims only, in the node's order. */
  readonly expectedClaims: readonly Record<string, unknown>[];
}

const UTRECHT: NodeSpec = {
  creditorId: 'gemeente-utrecht',
  pseudonym: 'ps_u_1',
  customerReference: 'U-1001',
  claims: [
    { reference: 'AJ-2025-0001', principalCents: 31_250, interestCents: 412, costsCents: 1_500 },
    { reference: 'AJ-2025-0002', principalCents: 9_900, issuedOn: '2025-03-31', dueOn: '2025-05-31', stage: 'invoice' },
    { reference: 'AJ-2024-0099', principalCents: 5_000, status: 'paid' },
  ],
  expectedClaims: [
    {
      id: 'gemeente-utrecht:AJ-2025-0001',
      creditorId: 'gemeente-utrecht',
      reference: 'AJ-2025-0001',
      description: 'Afvalstoffenheffing 2025',
      principal: '31250',
      interest: '412',
      costs: '1500',
      total: '33162',
      issuedOn: '2025-02-28',
      dueOn: '2025-04-30',
      stage: 'REMINDER',
      preferential: false,
      status: 'OPEN',
    },
    {
      id: 'gemeente-utrecht:AJ-2025-0002',
      creditorId: 'gemeente-utrecht',
      reference: 'AJ-2025-0002',
      description: 'Afvalstoffenheffing 2025',
      principal: '9900',
      interest: '0',
      costs: '0',
      total: '9900',
      issuedOn: '2025-03-31',
      dueOn: '2025-05-31',
      stage: 'INVOICE',
      preferential: false,
      status: 'OPEN',
    },
  ],
};

const IJSSELLAND: NodeSpec = {
  creditorId: 'waterschap-ijsselland',
  pseudonym: 'ps_w_1',
  customerReference: 'W-77',
  claims: [
    {
      reference: 'WS-2025-0101',
      description: 'Watersysteemheffing 2025',
      principalCents: 18_733,
      costsCents: 750,
      stage: 'formal_demand',
      issuedOn: '2025-01-31',
      dueOn: '2025-03-31',
    },
    { reference: 'WS-2025-0102', description: 'Zuiveringsheffing 2025', principalCents: 24_100, status: 'disputed' },
  ],
  expectedClaims: [
    {
      id: 'waterschap-ijsselland:WS-2025-0101',
      creditorId: 'waterschap-ijsselland',
      reference: 'WS-2025-0101',
      description: 'Watersysteemheffing 2025',
      principal: '18733',
      interest: '0',
      costs: '750',
      total: '19483',
      issuedOn: '2025-01-31',
      dueOn: '2025-03-31',
      stage: 'FORMAL_DEMAND',
      preferential: false,
      status: 'OPEN',
    },
    {
      id: 'waterschap-ijsselland:WS-2025-0102',
      creditorId: 'waterschap-ijsselland',
      reference: 'WS-2025-0102',
      description: 'Zuiveringsheffing 2025',
      principal: '24100',
      interest: '0',
      costs: '0',
      total: '24100',
      issuedOn: '2025-02-28',
      dueOn: '2025-04-30',
      stage: 'REMINDER',
      preferential: false,
      status: 'DISPUTED',
    },
  ],
};

/** Every claim reference seeded on any node: none may appear in a refusal. */
const ALL_REFERENCES = [...UTRECHT.claims, ...IJSSELLAND.claims].map((c) => c.reference);

interface ResidentClaimsBody {
  data?: { _entities?: ({ id: string; claims: Record<string, unknown>[] | null } | null)[] } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface ClaimsResponse {
  readonly status: number;
  readonly text: string;
  readonly body: ResidentClaimsBody;
}

/** One disclosure as the node must have logged it. */
interface ExpectedDisclosure {
  consent_id: string;
  token_id: string;
  pseudonym: string;
  claim_references: string[];
}

class NodeProcess {
  stdout = '';
  stderr = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  }

  /** Starts `node dist/apps/creditor-node/src/main.js` with exactly the given environment. */
  static spawn(env: Record<string, string>, port: number): NodeProcess {
    const child = spawn(process.execPath, [NODE_ENTRYPOINT], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new NodeProcess(child, `http://127.0.0.1:${port}`);
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  exit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return withTimeout(this.exited, timeoutMs, () => `The node did not exit within ${timeoutMs} ms.\nstderr:\n${this.stderr}`);
  }

  /** Polls GET /health/ready until it answers 200; fails early if the process dies. */
  async waitUntilReady(label: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastProblem = 'no answer yet';
    while (Date.now() < deadline) {
      if (this.hasExited) {
        throw new Error(
          `Node ${label} exited (code ${String(this.child.exitCode)}, signal ${String(this.child.signalCode)}) before it was ready.\nstderr:\n${this.stderr}`,
        );
      }
      try {
        const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) });
        if (response.status === 200) return;
        lastProblem = `HTTP ${response.status}: ${await response.text()}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await sleep(150);
    }
    throw new Error(
      `Node ${label} was not ready at ${this.baseUrl}/health/ready within ${READY_TIMEOUT_MS} ms (last: ${lastProblem}).\nstderr:\n${this.stderr}`,
    );
  }

  /** SIGTERM, then wait; SIGKILL only if it will not stop. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    try {
      await this.exit(EXIT_TIMEOUT_MS);
    } catch (error) {
      this.child.kill('SIGKILL');
      await this.exit(EXIT_TIMEOUT_MS);
      throw error;
    }
  }
}

interface RunningNode {
  readonly spec: NodeSpec;
  readonly database: TestDatabase;
  readonly process: NodeProcess;
  readonly db: DataSource;
  readonly graphqlUrl: string;
  /** The disclosures this test expects the node to have logged, in order. */
  readonly disclosures: ExpectedDisclosure[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A port nobody listens on right now: bind port 0, read it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  return port;
}

async function askClaims(node: RunningNode, pseudonym: string, token?: string): Promise<ClaimsResponse> {
  const response = await fetch(node.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation(pseudonym) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as ResidentClaimsBody };
}

/** Records that `token` disclosed the node's claims: the node must have logged exactly this. */
function recordDisclosure(node: RunningNode, token: string): void {
  const payload = decodeJwt(token);
  node.disclosures.push({
    consent_id: String(payload['consentId']),
    token_id: String(payload.jti),
    pseudonym: node.spec.pseudonym,
    claim_references: node.spec.expectedClaims.map((c) => String(c['reference'])).sort(),
  });
}

/** Asks with a token that must be accepted and disclose exactly the node's owed claims. */
async function expectDisclosed(node: RunningNode, token: string): Promise<ClaimsResponse> {
  const response = await askClaims(node, node.spec.pseudonym, token);
  expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: undefined });
  expect(response.body.data).toEqual({ _entities: [{ id: node.spec.pseudonym, claims: node.spec.expectedClaims }] });
  recordDisclosure(node, token);
  return response;
}

/** Asks with a token that must be refused with `code`: no claims, no claim data anywhere in the body. */
async function expectRefused(node: RunningNode, token: string | undefined, code: string): Promise<ClaimsResponse> {
  const response = await askClaims(node, node.spec.pseudonym, token);
  expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(response.body.data).toEqual({ _entities: [{ id: node.spec.pseudonym, claims: null }] });
  for (const reference of ALL_REFERENCES) expect(response.text).not.toContain(reference);
  expect(response.text).not.toMatch(/gemeente-utrecht:|waterschap-ijsselland:|"principal"|"total"|Heffing|heffing/i);
  return response;
}

/** Changes one character in the middle of the payload segment and keeps header and signature. */
function flipPayloadCharacter(token: string): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWS');
  const at = Math.floor(payload.length / 2);
  const flipped = payload[at] === 'A' ? 'B' : 'A';
  return [header, `${payload.slice(0, at)}${flipped}${payload.slice(at + 1)}`, signature].join('.');
}

/** Rewrites the payload as an attacker would (another resident, a longer life) and keeps the old signature. */
function rewritePayload(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWS');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
  return [header, forged, signature].join('.');
}

describe('two creditor node processes behind one coordinator key set', () => {
  let keys: KeySetServer;
  let coordinatorKey: SigningKey;
  const started: RunningNode[] = [];
  /** Processes started by single tests (e.g. the configuration check), stopped in afterAll too. */
  const extraProcesses: NodeProcess[] = [];
  const databases: TestDatabase[] = [];
  const nodes = new Map<string, RunningNode>();
  const node = (creditorId: string): RunningNode => {
    const found = nodes.get(creditorId);
    if (!found) throw new Error(`node ${creditorId} did not start; see the beforeAll error`);
    return found;
  };

  async function environmentFor(spec: NodeSpec, databaseUrl: string, port: number): Promise<Record<string, string>> {
    return nodeEnv({
      creditorId: spec.creditorId,
      databaseUrl,
      port,
      coordinatorJwksUrl: keys.url,
      staffJwksUrl: keys.url,
      signingKeyJson: await generatePrivateJwkJson(`${spec.creditorId}-node-key`),
    });
  }

  beforeAll(async () => {
    if (!existsSync(resolve(REPO_ROOT, NODE_ENTRYPOINT))) {
      throw new Error(`${NODE_ENTRYPOINT} does not exist: run \`npm run build\` first (\`npm test\` does it for you).`);
    }
    coordinatorKey = await generateSigningKey('coordinator-1');
    keys = await KeySetServer.start([coordinatorKey]);

    // Both nodes boot at the same time, as they would in production.
    await Promise.all(
      [UTRECHT, IJSSELLAND].map(async (spec) => {
        const database = await createTestDatabase(`e2e_${spec.creditorId}`);
        databases.push(database);
        const port = await freePort();
        const proc = NodeProcess.spawn(await environmentFor(spec, database.url, port), port);
        const db = new DataSource({ type: 'postgres', url: database.url });
        const running: RunningNode = { spec, database, process: proc, db, graphqlUrl: `${proc.baseUrl}/graphql`, disclosures: [] };
        started.push(running);
        await proc.waitUntilReady(spec.creditorId);
        // The schema is the node's own (its migrations ran at start): seed only once it is ready.
        await db.initialize();
        await seedLinkedCustomer(db, { customerReference: spec.customerReference, pseudonym: spec.pseudonym, claims: [...spec.claims] });
        nodes.set(spec.creditorId, running);
      }),
    );
  }, 60_000);

  afterAll(async () => {
    const stopped = await Promise.allSettled([...started.map((n) => n.process), ...extraProcesses].map((p) => p.stop()));
    await Promise.allSettled(started.filter((n) => n.db.isInitialized).map((n) => n.db.destroy()));
    await keys?.stop();
    await Promise.allSettled(databases.map((d) => d.drop()));
    for (const result of stopped) if (result.status === 'rejected') throw result.reason;
  }, 40_000);

  it('starts both nodes, each reporting its own creditor id', async () => {
    for (const spec of [UTRECHT, IJSSELLAND]) {
      const response = await fetch(`${node(spec.creditorId).process.baseUrl}/health/ready`);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { status: 'ok', creditorId: spec.creditorId },
      });
    }
  });

  describe.each([
    { name: UTRECHT.creditorId, spec: UTRECHT, other: IJSSELLAND },
    { name: IJSSELLAND.creditorId, spec: IJSSELLAND, other: UTRECHT },
  ])('node $name', ({ spec, other }) => {
    const self = (): RunningNode => node(spec.creditorId);
    const token = (overrides: Partial<Parameters<typeof consentToken>[0]> = {}): Promise<string> =>
      consentToken({ key: coordinatorKey, audience: spec.creditorId, subject: spec.pseudonym, ...overrides });

    it('discloses only its own owed claims for a valid consent token', async () => {
      const { body } = await expectDisclosed(self(), await token());
      const ids = (body.data?._entities?.[0]?.claims ?? []).map((c) => String(c['id']));
      expect(ids).toHaveLength(spec.expectedClaims.length);
      expect(ids.filter((id) => !id.startsWith(`${spec.creditorId}:`))).toEqual([]);
    });

    it('refuses a request without a token: CONSENT_REQUIRED', async () => {
      await expectRefused(self(), undefined, 'CONSENT_REQUIRED');
    });

    it('refuses an expired token: CONSENT_EXPIRED', async () => {
      const expired = await token({ issuedAt: new Date(Date.now() - 10 * 60_000), lifetimeSeconds: 60 });
      await expectRefused(self(), expired, 'CONSENT_EXPIRED');
    });

    it('refuses a token meant for the other node: CONSENT_INVALID', async () => {
      await expectRefused(self(), await token({ audience: other.creditorId }), 'CONSENT_INVALID');
    });

    it('refuses the other node’s own valid token, for the other node’s resident: CONSENT_INVALID', async () => {
      const theirs = await consentToken({ key: coordinatorKey, audience: other.creditorId, subject: other.pseudonym });
      const response = await askClaims(self(), other.pseudonym, theirs);
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['CONSENT_INVALID']);
      expect(response.body.data).toEqual({ _entities: [{ id: other.pseudonym, claims: null }] });
      for (const reference of ALL_REFERENCES) expect(response.text).not.toContain(reference);
    });

    it('refuses a token with one payload character flipped: CONSENT_INVALID', async () => {
      const original = await token();
      const tampered = flipPayloadCharacter(original);
      expect(tampered).not.toBe(original);
      expect(tampered.split('.')[2]).toBe(original.split('.')[2]);
      await expectRefused(self(), tampered, 'CONSENT_INVALID');
    });

    it('refuses a token whose payload was rewritten under the old signature: CONSENT_INVALID', async () => {
      const original = await token({ categories: [DataCategory.ARRANGEMENT] });
      const forged = rewritePayload(original, { categories: [DataCategory.CLAIMS, DataCategory.ARRANGEMENT] });
      expect(decodeJwt(forged)['categories']).toEqual(['claims', 'arrangement']);
      await expectRefused(self(), forged, 'CONSENT_INVALID');
    });

    it('refuses a token signed by a key that is not in the coordinator’s key set: CONSENT_INVALID', async () => {
      const rogueWithUnknownKid = await generateSigningKey('rogue-1');
      await expectRefused(self(), await token({ key: rogueWithUnknownKid }), 'CONSENT_INVALID');
      // Same kid as the real key, different key material: the signature does not verify.
      const rogueWithKnownKid = await generateSigningKey(coordinatorKey.kid);
      await expectRefused(self(), await token({ key: rogueWithKnownKid }), 'CONSENT_INVALID');
    });

    it('refuses a token that covers only arrangement data: CONSENT_SCOPE', async () => {
      await expectRefused(self(), await token({ categories: [DataCategory.ARRANGEMENT] }), 'CONSENT_SCOPE');
    });
  });

  describe('coordinator key rotation', () => {
    it(
      'accepts tokens signed with a newly published key once the JWKS cooldown is over, and still the old key',
      async () => {
        const utrecht = node(UTRECHT.creditorId);
        const sign = (key: SigningKey): Promise<string> =>
          consentToken({ key, audience: UTRECHT.creditorId, subject: UTRECHT.pseudonym });

        // The node has fetched the key set before (earlier tests); now the coordinator adds a key.
        expect(keys.fetches).toBeGreaterThan(0);
        const rotatedKey = await generateSigningKey('coordinator-2');
        keys.publish([coordinatorKey, rotatedKey]);
        const rotatedAt = Date.now();

        // jose refetches on an unknown kid, but not within its cooldown after the previous fetch:
        // until then the new key's tokens are refused. Poll until accepted (bounded by the cooldown).
        const refusals: string[] = [];
        let accepted: ClaimsResponse | undefined;
        let acceptedToken = '';
        while (Date.now() - rotatedAt < JWKS_COOLDOWN_MS + 5_000) {
          acceptedToken = await sign(rotatedKey);
          const response = await askClaims(utrecht, UTRECHT.pseudonym, acceptedToken);
          if (response.body.errors === undefined) {
            accepted = response;
            break;
          }
          refusals.push(response.body.errors.map((e) => e.extensions?.code ?? e.message).join(','));
          await sleep(500);
        }
        const delayMs = Date.now() - rotatedAt;
        process.stdout.write(`key rotation: new key accepted after ${delayMs} ms, ${refusals.length} refusal(s) before\n`);
        if (accepted === undefined) throw new Error(`A token signed with the rotated key was never accepted: ${refusals.join('; ')}`);
        expect(new Set(refusals)).toEqual(new Set(refusals.length > 0 ? ['CONSENT_INVALID'] : []));
        expect(accepted.body.data).toEqual({ _entities: [{ id: UTRECHT.pseudonym, claims: UTRECHT.expectedClaims }] });
        recordDisclosure(utrecht, acceptedToken);

        // The old key is still published, and still accepted.
        await expectDisclosed(utrecht, await sign(coordinatorKey));

        // The acceptance above needed a fresh fetch, so the cooldown has just started: a key published
        // right now is refused until it ends (finding: up to 30 s of CONSENT_INVALID after a rotation).
        const fetchesBefore = keys.fetches;
        const thirdKey = await generateSigningKey('coordinator-3');
        keys.publish([coordinatorKey, rotatedKey, thirdKey]);
        await expectRefused(utrecht, await sign(thirdKey), 'CONSENT_INVALID');
        expect(keys.fetches).toBe(fetchesBefore);
      },
      JWKS_COOLDOWN_MS + 30_000,
    );
  });

  describe('disclosure logs', () => {
    it.each([UTRECHT, IJSSELLAND])('$creditorId logged exactly its successful disclosures, only for its own pseudonym', async (spec) => {
      const running = node(spec.creditorId);
      const rows = await running.db.query<ExpectedDisclosure[]>(
        `SELECT consent_id, token_id, pseudonym, claim_references FROM disclosures ORDER BY id`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.pseudonym))).toEqual(new Set([spec.pseudonym]));
      expect(rows).toEqual(running.disclosures);
    });
  });

  describe('configuration errors', () => {
    it('exits with 78 and names both DATABASE_URL and PORT when the database URL is missing and the port is bad', async () => {
      const env = await environmentFor(UTRECHT, 'postgres://unused', 1);
      const { DATABASE_URL: _missing, ...withoutDatabase } = env;
      const proc = NodeProcess.spawn({ ...withoutDatabase, PORT: 'eighty' }, 1);
      extraProcesses.push(proc);
      const { code } = await proc.exit(EXIT_TIMEOUT_MS);
      expect(code).toBe(78);
      expect(proc.stderr).toContain('DATABASE_URL is missing');
      expect(proc.stderr).toContain('PORT must be a whole number from 1 to 65535 (got "eighty")');
    });
  });
});
