import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import {
  fromBase64,
  leafHash,
  opensCommitment,
  parseLedgerEventLeaf,
  verifyCheckpoint,
  verifyConsentReceipt,
  verifyConsistency,
  verifyInclusion,
  verifyLedgerOverHttp,
  type PartyOpening,
} from '#consent';
import { LedgerCheckpoints } from '../../apps/gateway/src/coordinator/ledger/ledger-checkpoints.service.js';
import { signIn, type SignedInPerson } from '../support/coordinator-client.js';
import { postGraphQL } from '../support/graphql-client.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';
import { generatePrivateJwkJson, generateSigningKey, type SigningKey } from '../support/key-set-server.js';
import { nodeCredential, personToken } from '../support/tokens.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id ledgerEntries { index kind receiptPath } } }`;

interface Entry {
  index: number;
  leaf: string;
  openings: PartyOpening[];
}

let coordinator: InProcessCoordinator & { readonly database: { url: string; drop(): Promise<void> } };
let restarted: InProcessCoordinator | undefined;
let sanne: SignedInPerson;
let ahmed: SignedInPerson;
let auditorToken: string;
const nodeKeys: Record<string, SigningKey> = {};
let sanneConsent: { id: string; index: number; receiptPath: string };

async function getJson(path: string, token?: string, base = coordinator.baseUrl): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function keySet(base = coordinator.baseUrl): Promise<JSONWebKeySet> {
  return (await getJson('/.well-known/jwks.json', undefined, base)).body as unknown as JSONWebKeySet;
}

async function freshCheckpoint(): Promise<string> {
  await coordinator.app.get(LedgerCheckpoints).checkpointNow();
  return (await getJson('/ledger/v1/checkpoint')).body['checkpoint'] as string;
}

beforeAll(async () => {
  coordinator = await startInProcessCoordinator({ label: 'coordinator_ledger_api' });
  const admin = await signIn(coordinator, ['admin']);
  for (const [id, sector] of [['gemeente-utrecht', 'municipality'], ['eneco', 'energy'], ['zekerzorg', 'health_insurer']] as const) {
    nodeKeys[id] = await generateSigningKey(`${id}-key`);
    await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id, name: id, sector, subgraphUrl: `http://127.0.0.1:9/${id}`, keySet: JSON.stringify({ keys: [nodeKeys[id]?.publicJwk] }) },
    });
  }
  sanne = await signIn(coordinator, ['resident']);
  ahmed = await signIn(coordinator, ['resident']);
  auditorToken = await personToken({ key: coordinator.idpKey, subject: 'auditor-1', roles: ['auditor'] });
  const validUntil = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const input = (creditorIds: string[]): Record<string, unknown> => ({
    input: { purpose: 'DEBT_OVERVIEW', creditorIds, categories: ['CLAIMS'], validUntil, textVersion: 'debt-overview/2026-11/1' },
  });
  const given = await sanne.gql<{ giveConsent: { id: string; ledgerEntries: { index: number; receiptPath: string }[] } }>(GIVE, input(['gemeente-utrecht', 'eneco']));
  const entry = given.data?.giveConsent.ledgerEntries[0];
  sanneConsent = { id: given.data?.giveConsent.id ?? '', index: entry?.index ?? -1, receiptPath: entry?.receiptPath ?? '' };
  await ahmed.gql(GIVE, input(['zekerzorg']));
  await ahmed.gql(GIVE, input(['eneco', 'zekerzorg']));
});

afterAll(async () => {
  await restarted?.stop();
  await coordinator?.stop();
  await coordinator?.database.drop();
});

describe('checkpoints and keys (public)', () => {
  it('serves a signed checkpoint of the current tree that verifies with the published keys', async () => {
    const jws = await freshCheckpoint();
    const checked = await verifyCheckpoint({ jws, keySet: await keySet(), origin: coordinator.config.ledgerOrigin });
    expect(checked.ok && checked.checkpoint.treeSize).toBe(3);
    const keys = (await keySet()).keys as { kid: string; status: string; d?: string }[];
    expect(keys.map((k) => [k.kid, k.status])).toEqual([['ledger-1', 'active']]);
    expect(keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('signs checkpoints on its own schedule', async () => {
    const scheduled = await startInProcessCoordinator({ label: 'coordinator_schedule', env: { CHECKPOINT_INTERVAL_SECONDS: '1' } });
    try {
      const resident = await signIn(scheduled, ['resident']);
      const admin = await signIn(scheduled, ['admin']);
      const key = await generateSigningKey('k');
      await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
        input: { id: 'eneco', name: 'Eneco', sector: 'energy', subgraphUrl: 'http://127.0.0.1:9/', keySet: JSON.stringify({ keys: [key.publicJwk] }) },
      });
      await resident.gql(GIVE, {
        input: { purpose: 'DEBT_OVERVIEW', creditorIds: ['eneco'], categories: ['CLAIMS'], validUntil: new Date(Date.now() + 86_400_000).toISOString(), textVersion: 'debt-overview/2026-11/1' },
      });
      const deadline = Date.now() + 5_000;
      let size = 0;
      while (size < 1 && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 200));
        const jws = (await getJson('/ledger/v1/checkpoint', undefined, scheduled.baseUrl)).body['checkpoint'] as string;
        const checked = await verifyCheckpoint({ jws, keySet: await keySet(scheduled.baseUrl) });
        size = checked.ok ? checked.checkpoint.treeSize : -1;
      }
      expect(size).toBe(1);
    } finally {
      await scheduled.stop();
    }
  });

  it('serves inclusion and consistency proofs that verify against checkpoints', async () => {
    const jws = await freshCheckpoint();
    const checked = await verifyCheckpoint({ jws, keySet: await keySet() });
    if (!checked.ok) throw new Error(checked.reason);
    const { treeSize, rootHash } = checked.checkpoint;
    const entries = (await getJson(`/ledger/v1/entries?start=0&end=${treeSize}`, auditorToken)).body['entries'] as Entry[];
    for (const entry of entries) {
      const proof = (await getJson(`/ledger/v1/proof/inclusion?index=${entry.index}&treeSize=${treeSize}`)).body;
      expect(proof).toMatchObject({ leafIndex: entry.index, treeSize });
      const hashes = (proof['proof'] as string[]).map(fromBase64);
      expect(verifyInclusion({ index: entry.index, treeSize, leafHash: leafHash(fromBase64(entry.leaf)), proof: hashes, rootHash })).toBe(true);
    }
    const earlier = await verifyCheckpoint({ jws: (await coordinator.pool.query<{ jws: string }>('SELECT jws FROM ledger_checkpoints WHERE tree_size = 0')).rows[0]?.jws ?? '', keySet: await keySet() });
    expect(earlier.ok).toBe(true);
    const consistency = (await getJson(`/ledger/v1/proof/consistency?from=1&to=${treeSize}`)).body;
    const first = entries[0] as Entry;
    expect(
      verifyConsistency({
        from: 1,
        to: treeSize,
        fromRoot: leafHash(fromBase64(first.leaf)),
        toRoot: rootHash,
        proof: (consistency['proof'] as string[]).map(fromBase64),
      }),
    ).toBe(true);
  });

  it.each([
    ['/ledger/v1/proof/inclusion?index=abc&treeSize=3', 'LEDGER_BAD_PARAMETER'],
    ['/ledger/v1/proof/inclusion?treeSize=3', 'LEDGER_BAD_PARAMETER'],
    ['/ledger/v1/proof/inclusion?index=-1&treeSize=3', 'LEDGER_BAD_PARAMETER'],
    ['/ledger/v1/proof/inclusion?index=3&treeSize=3', 'LEDGER_OUT_OF_RANGE'],
    ['/ledger/v1/proof/inclusion?index=0&treeSize=99', 'LEDGER_SIZE_BEYOND_TREE'],
    ['/ledger/v1/proof/consistency?from=3&to=2', 'LEDGER_OUT_OF_RANGE'],
    ['/ledger/v1/proof/consistency?from=1&to=99', 'LEDGER_SIZE_BEYOND_TREE'],
    ['/ledger/v1/proof/consistency?from=1e0&to=2', 'LEDGER_BAD_PARAMETER'],
  ])('answers %s with 400 %s', async (path, code) => {
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
  });
});

describe('entries: auditors see all, each party only what is about itself', () => {
  it('refuses anonymous readers and bad page requests', async () => {
    expect(await getJson('/ledger/v1/entries?start=0&end=3')).toEqual({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: expect.any(String) } } });
    expect((await getJson('/ledger/v1/entries?start=0&end=3', 'not-a-jwt')).status).toBe(401);
    expect((await getJson('/ledger/v1/entries?start=5&end=9', auditorToken)).body).toMatchObject({ error: { code: 'LEDGER_OUT_OF_RANGE' } });
    expect((await getJson('/ledger/v1/entries?start=0&end=1001', auditorToken)).body).toMatchObject({ error: { code: 'LEDGER_OUT_OF_RANGE' } });
    expect((await getJson('/ledger/v1/entries?start=x&end=2', auditorToken)).body).toMatchObject({ error: { code: 'LEDGER_BAD_PARAMETER' } });
  });

  it('gives an auditor every entry with every opening', async () => {
    const entries = (await getJson('/ledger/v1/entries?start=0&end=1000', auditorToken)).body['entries'] as Entry[];
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(entries.map((e) => e.openings.map((o) => o.creditorId))).toEqual([['eneco', 'gemeente-utrecht'], ['zekerzorg'], ['eneco', 'zekerzorg']]);
  });

  it('gives a resident only the entries about them, with the openings that name their creditors', async () => {
    const entries = (await getJson('/ledger/v1/entries?start=0&end=3', sanne.token)).body['entries'] as Entry[];
    expect(entries.map((e) => e.index)).toEqual([sanneConsent.index]);
    const event = parseLedgerEventLeaf(fromBase64(entries[0]?.leaf ?? ''));
    if (typeof event === 'string') throw new Error(event);
    expect(entries[0]?.openings.every((o) => opensCommitment(o, event.creditors))).toBe(true);
    expect((((await getJson('/ledger/v1/entries?start=0&end=3', ahmed.token)).body['entries']) as Entry[]).map((e) => e.index)).toEqual([1, 2]);
  });

  it('gives a creditor node, signing its own credential, only its entries and only its own opening', async () => {
    const eneco = await nodeCredential({ key: nodeKeys['eneco'] as SigningKey, creditorId: 'eneco', audience: coordinator.config.ledgerOrigin });
    const entries = (await getJson('/ledger/v1/entries?start=0&end=3', eneco)).body['entries'] as Entry[];
    expect(entries.map((e) => e.index)).toEqual([0, 2]);
    for (const entry of entries) {
      expect(entry.openings).toEqual([{ creditorId: 'eneco', nonce: expect.any(String) }]);
      const event = parseLedgerEventLeaf(fromBase64(entry.leaf));
      if (typeof event === 'string') throw new Error(event);
      expect(opensCommitment(entry.openings[0] as PartyOpening, event.creditors)).toBe(true);
      expect(event.creditors.length).toBeGreaterThan(1); // it sees that there are others, not who they are
    }
  });

  it('refuses a node credential signed with a key not registered for that creditor, or for another log', async () => {
    const forged = await nodeCredential({ key: nodeKeys['zekerzorg'] as SigningKey, creditorId: 'eneco', audience: coordinator.config.ledgerOrigin });
    expect((await getJson('/ledger/v1/entries?start=0&end=3', forged)).status).toBe(401);
    const otherLog = await nodeCredential({ key: nodeKeys['eneco'] as SigningKey, creditorId: 'eneco', audience: 'another-ledger' });
    expect((await getJson('/ledger/v1/entries?start=0&end=3', otherLog)).status).toBe(401);
    const unknown = await nodeCredential({ key: nodeKeys['eneco'] as SigningKey, creditorId: 'onbekend', audience: coordinator.config.ledgerOrigin });
    expect((await getJson('/ledger/v1/entries?start=0&end=3', unknown)).status).toBe(401);
    const tooLong = await nodeCredential({ key: nodeKeys['eneco'] as SigningKey, creditorId: 'eneco', audience: coordinator.config.ledgerOrigin, lifetimeSeconds: 3600 });
    expect((await getJson('/ledger/v1/entries?start=0&end=3', tooLong)).status).toBe(401);
  });
});

describe('consent receipts', () => {
  it('gives the resident a signed receipt that verifies offline, naming their creditors', async () => {
    const response = await fetch(`${coordinator.baseUrl}${sanneConsent.receiptPath}`, { headers: { authorization: `Bearer ${sanne.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="samen-regelen-receipt-\d+\.json"/);
    const file: unknown = await response.json();
    const report = await verifyConsentReceipt({ file, keySet: await keySet(), origin: coordinator.config.ledgerOrigin });
    expect(report).toMatchObject({ ok: true, problems: [], leafIndex: sanneConsent.index });
    expect(report.event?.recordId).toBe(sanneConsent.id);
    expect([...(report.creditors ?? [])].sort()).toEqual(['eneco', 'gemeente-utrecht']);
  });

  it('gives a creditor a receipt with only its own opening, and nobody else any receipt', async () => {
    const eneco = await nodeCredential({ key: nodeKeys['eneco'] as SigningKey, creditorId: 'eneco', audience: coordinator.config.ledgerOrigin });
    const file: unknown = await (await fetch(`${coordinator.baseUrl}${sanneConsent.receiptPath}`, { headers: { authorization: `Bearer ${eneco}` } })).json();
    const report = await verifyConsentReceipt({ file, keySet: await keySet() });
    expect(report.ok).toBe(true);
    expect(report.creditors).toEqual(['eneco']);

    expect(await getJson(sanneConsent.receiptPath, ahmed.token)).toMatchObject({ status: 404, body: { error: { code: 'LEDGER_ENTRY_NOT_FOUND' } } });
    const zekerzorg = await nodeCredential({ key: nodeKeys['zekerzorg'] as SigningKey, creditorId: 'zekerzorg', audience: coordinator.config.ledgerOrigin });
    expect((await getJson(sanneConsent.receiptPath, zekerzorg)).status).toBe(404);
    expect((await getJson(sanneConsent.receiptPath)).status).toBe(401);
    expect(await getJson('/ledger/v1/receipts/99', sanne.token)).toMatchObject({ status: 400, body: { error: { code: 'LEDGER_OUT_OF_RANGE' } } });
  });
});

describe('key rotation', () => {
  it('keeps old checkpoints and receipts verifiable after the coordinator restarts with a new ledger key', async () => {
    const oldCheckpoint = await freshCheckpoint();
    const oldReceipt: unknown = await (await fetch(`${coordinator.baseUrl}${sanneConsent.receiptPath}`, { headers: { authorization: `Bearer ${sanne.token}` } })).json();
    await coordinator.app.close();

    restarted = await startInProcessCoordinator({
      label: 'unused',
      database: coordinator.database as never,
      idpKey: coordinator.idpKey,
      ledgerSigningKeyJson: await generatePrivateJwkJson('ledger-2'),
    });
    const keys = await keySet(restarted.baseUrl);
    expect((keys.keys as { kid: string; status: string; retired_at?: string }[]).map((k) => [k.kid, k.status, typeof k.retired_at])).toEqual([
      ['ledger-2', 'active', 'undefined'],
      ['ledger-1', 'retired', 'string'],
    ]);
    expect((await verifyCheckpoint({ jws: oldCheckpoint, keySet: keys })).ok).toBe(true);
    expect((await verifyConsentReceipt({ file: oldReceipt, keySet: keys })).ok).toBe(true);
    // The tree has not grown: its checkpoint stays the one the old key signed. The next one is new-key.
    const unchanged = await verifyCheckpoint({ jws: (await getJson('/ledger/v1/checkpoint', undefined, restarted.baseUrl)).body['checkpoint'] as string, keySet: keys });
    expect(unchanged.ok && unchanged.keyId).toBe('ledger-1');
    const withdrawn = await postGraphQL(restarted.graphqlUrl, { query: 'mutation ($id: ID!) { withdrawConsent(id: $id) { state } }', variables: { id: sanneConsent.id } }, sanne.token);
    expect(withdrawn.body.errors).toBeUndefined();
    await restarted.app.get(LedgerCheckpoints).checkpointNow();
    const next = await verifyCheckpoint({ jws: (await getJson('/ledger/v1/checkpoint', undefined, restarted.baseUrl)).body['checkpoint'] as string, keySet: keys });
    expect(next.ok && [next.keyId, next.checkpoint.treeSize]).toEqual(['ledger-2', 4]);
  });
});

describe('verify, over HTTP and with the command-line tool', () => {
  const run = promisify(execFile);

  async function cli(args: string[]): Promise<{ code: number; report: { ok: boolean; treeSize: number; problems: string[] } }> {
    try {
      const { stdout } = await run(process.execPath, ['dist/tools/ledger-cli.js', ...args], { cwd: REPO_ROOT });
      return { code: 0, report: JSON.parse(stdout) as never };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, report: JSON.parse(failed.stdout) as never };
    }
  }

  it('passes an honest ledger, then reports and exits 1 once a superuser edits a row behind its back', async () => {
    const base = restarted?.baseUrl ?? '';
    const auditor = await personToken({ key: coordinator.idpKey, subject: 'auditor-1', roles: ['auditor'] });
    expect(await verifyLedgerOverHttp({ baseUrl: base, token: auditor })).toMatchObject({ ok: true, treeSize: 4, problems: [] });
    expect(await cli(['verify', '--url', base, '--token', auditor])).toEqual({ code: 0, report: expect.objectContaining({ ok: true, treeSize: 4 }) });
    expect((await cli(['verify', '--database', coordinator.databaseUrl])).code).toBe(0);

    await coordinator.pool.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    await coordinator.pool.query(`UPDATE ledger_entries SET leaf = convert_to(replace(convert_from(leaf, 'UTF8'), 'debt-overview', 'debt-overviEw'), 'UTF8') WHERE idx = 1`);
    await coordinator.pool.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');

    const overHttp = await cli(['verify', '--url', base, '--token', auditor]);
    expect(overHttp.code).toBe(1);
    expect(overHttp.report.ok).toBe(false);
    expect(overHttp.report.problems.length).toBeGreaterThan(0);
    const fromDatabase = await cli(['verify', '--database', coordinator.databaseUrl]);
    expect(fromDatabase.code).toBe(1);
    expect(fromDatabase.report.problems.join('\n')).toMatch(/entry 1/);
  });
});
