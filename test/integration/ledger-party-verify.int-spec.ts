import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { verifyOwnEntriesOverHttp } from '#consent';
import { LedgerCheckpoints } from '../../apps/gateway/src/coordinator/ledger/ledger-checkpoints.service.js';
import { runLedgerCli } from '../../tools/ledger-cli.js';
import { signIn, type SignedInPerson } from '../support/coordinator-client.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';
import { generateSigningKey, type SigningKey } from '../support/key-set-server.js';
import { nodeCredential } from '../support/tokens.js';

/**
 * A party (a creditor node, a resident) sees only the entries about itself, so it cannot recompute the
 * root as an auditor does; here it checks those entries against the real coordinator's checkpoint with
 * inclusion proofs, and finds one edited behind the database's back.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id ledgerEntries { index } } }`;
const CREDITORS = [
  ['gemeente-utrecht', 'municipality'],
  ['eneco', 'energy'],
  ['zekerzorg', 'health_insurer'],
] as const;
type CreditorId = (typeof CREDITORS)[number][0];

interface CliRun {
  readonly code: number;
  readonly report: { ok: boolean; treeSize: number; problems: string[]; entries: number; checkpoint?: string };
}

let coordinator: InProcessCoordinator;
let sanne: SignedInPerson;
let ahmed: SignedInPerson;
const nodeKeys = new Map<CreditorId, SigningKey>();
/** The ledger index of each consent, by who gave it and whom it names. */
const consents: { resident: 'sanne' | 'ahmed'; creditors: CreditorId[]; index: number }[] = [];
let dir: string;

function credentialOf(creditorId: CreditorId, signedBy: CreditorId = creditorId): Promise<string> {
  return nodeCredential({ key: nodeKeys.get(signedBy) as SigningKey, creditorId, audience: coordinator.config.ledgerOrigin });
}

function indexesNaming(creditorId: CreditorId): number[] {
  return consents.filter((c) => c.creditors.includes(creditorId)).map((c) => c.index);
}

async function asCreditor(creditorId: CreditorId): Promise<Awaited<ReturnType<typeof verifyOwnEntriesOverHttp>>> {
  return verifyOwnEntriesOverHttp({ baseUrl: coordinator.baseUrl, token: await credentialOf(creditorId), creditorId, origin: coordinator.config.ledgerOrigin });
}

async function asResident(person: SignedInPerson): Promise<Awaited<ReturnType<typeof verifyOwnEntriesOverHttp>>> {
  return verifyOwnEntriesOverHttp({ baseUrl: coordinator.baseUrl, token: person.token, origin: coordinator.config.ledgerOrigin });
}

/** The built tool, as an operator runs it (`npm run -s ledger -- verify …`). */
async function cli(args: string[]): Promise<CliRun> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/tools/ledger-cli.js', ...args], { cwd: REPO_ROOT });
    return { code: 0, report: JSON.parse(stdout) as CliRun['report'] };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, report: JSON.parse(failed.stdout) as CliRun['report'] };
  }
}

beforeAll(async () => {
  coordinator = await startInProcessCoordinator({ label: 'ledger_party_verify' });
  dir = await mkdtemp(join(tmpdir(), 'ledger-party-'));
  const admin = await signIn(coordinator, ['admin']);
  for (const [id, sector] of CREDITORS) {
    const key = await generateSigningKey(`${id}-key`);
    nodeKeys.set(id, key);
    const registered = await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id, name: id, sector, subgraphUrl: `http://127.0.0.1:9/${id}`, keySet: JSON.stringify({ keys: [key.publicJwk] }) },
    });
    if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  }
  sanne = await signIn(coordinator, ['resident']);
  ahmed = await signIn(coordinator, ['resident']);
  const validUntil = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const plan: [SignedInPerson, 'sanne' | 'ahmed', CreditorId[]][] = [
    [sanne, 'sanne', ['gemeente-utrecht', 'eneco']],
    [ahmed, 'ahmed', ['zekerzorg']],
    [ahmed, 'ahmed', ['eneco', 'zekerzorg']],
    [sanne, 'sanne', ['eneco']],
  ];
  for (const [person, resident, creditorIds] of plan) {
    const given = await person.gql<{ giveConsent: { ledgerEntries: { index: number }[] } }>(GIVE, {
      input: { purpose: 'DEBT_OVERVIEW', creditorIds, categories: ['CLAIMS'], validUntil, textVersion: 'debt-overview/2026-11/1' },
    });
    const index = given.data?.giveConsent.ledgerEntries[0]?.index;
    if (index === undefined) throw new Error(JSON.stringify(given.errors));
    consents.push({ resident, creditors: creditorIds, index });
  }
  await coordinator.app.get(LedgerCheckpoints).checkpointNow();
});

afterAll(async () => {
  await coordinator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a party verifying the entries about itself against the real coordinator', () => {
  it('passes each creditor node, counting exactly the consents that named it', async () => {
    expect(indexesNaming('eneco')).toHaveLength(3);
    for (const [id] of CREDITORS) {
      expect(await asCreditor(id)).toEqual({ ok: true, treeSize: 4, problems: [], checkpoint: expect.any(String), entries: indexesNaming(id).length });
    }
  });

  it('passes each resident over the entries about them', async () => {
    expect(await asResident(sanne)).toMatchObject({ ok: true, treeSize: 4, problems: [], entries: 2 });
    expect(await asResident(ahmed)).toMatchObject({ ok: true, treeSize: 4, problems: [], entries: 2 });
  });

  it('fails a node that claims to be another creditor than the one its credential is for', async () => {
    // eneco's own credential, checked as if it were zekerzorg's: the coordinator serves eneco's openings.
    const report = await verifyOwnEntriesOverHttp({ baseUrl: coordinator.baseUrl, token: await credentialOf('eneco'), creditorId: 'zekerzorg' });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      indexesNaming('eneco').map((index) => `entry ${index}: it comes without an opening for creditor "zekerzorg", so nothing shows the event concerns it`),
    );
  });

  it('the tool passes with --mine --creditor and keeps the checkpoint in --state', async () => {
    const state = join(dir, 'eneco-state.jws');
    const run = await cli(['verify', '--url', coordinator.baseUrl, '--token', await credentialOf('eneco'), '--mine', '--creditor', 'eneco', '--state', state]);
    expect(run).toEqual({ code: 0, report: { ok: true, treeSize: 4, problems: [], entries: 3, checkpoint: expect.any(String) } });
    expect((await readFile(state, 'utf8')).trim()).toBe(run.report.checkpoint);
  });

  it("finds an entry a superuser edited behind the database's back, for the parties it concerns only", async () => {
    const state = join(dir, 'eneco-state.jws');
    const kept = await readFile(state, 'utf8');
    const edited = consents[3]?.index as number; // sanne's consent naming eneco alone
    await coordinator.pool.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    const update = await coordinator.pool.query(
      `UPDATE ledger_entries SET leaf = convert_to(replace(convert_from(leaf, 'UTF8'), '"state":"given"', '"state":"GIVEN"'), 'UTF8') WHERE idx = $1
       AND position('"state":"given"' in convert_from(leaf, 'UTF8')) > 0`,
      [edited],
    );
    await coordinator.pool.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    expect(update.rowCount).toBe(1);

    const notInTree = `entry ${edited} is not in the tree the checkpoint signed (4 entries): root mismatch (The proof leads to a different root hash.); the entry was changed or the proof is false`;
    expect(await asCreditor('eneco')).toMatchObject({ ok: false, entries: 3, problems: [notInTree] });
    expect(await asResident(sanne)).toMatchObject({ ok: false, entries: 2, problems: [notInTree] });
    // The parties the edited entry is not about see nothing wrong: they never see it.
    expect(await asResident(ahmed)).toMatchObject({ ok: true, problems: [] });
    expect(await asCreditor('zekerzorg')).toMatchObject({ ok: true, problems: [] });

    const run = await cli(['verify', '--url', coordinator.baseUrl, '--token', await credentialOf('eneco'), '--mine', '--creditor', 'eneco', '--state', state]);
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ ok: false, entries: 3, problems: [notInTree] });
    // A failed run never replaces the checkpoint the next run is checked against.
    expect(await readFile(state, 'utf8')).toBe(kept);
  });
});

describe('ledger CLI: --mine usage', () => {
  async function usage(args: string[], token?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runLedgerCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { token } });
    return { code, stdout, stderr };
  }

  it.each([
    ['--creditor without --mine', ['verify', '--url', 'http://x', '--token', 't', '--creditor', 'eneco'], '--creditor goes only with --mine.'],
    ['--mine without a credential', ['verify', '--url', 'http://x', '--mine'], '--mine needs --token'],
    ['--mine with --database', ['verify', '--database', 'postgres://x', '--mine'], '--mine does not go with --database.'],
    ['--creditor without a value', ['verify', '--url', 'http://x', '--token', 't', '--mine', '--creditor'], "Option '--creditor <value>' argument missing"],
  ])('exits 2 with the usage for %s', async (_label, args, message) => {
    const run = await usage(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('--mine [--creditor <id>]');
  });

  it('takes the party credential from LEDGER_TOKEN too', async () => {
    const run = await usage(['verify', '--url', 'not a url', '--mine'], 'from-env');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, treeSize: 0, problems: ['"not a url" is not a URL'], entries: 0 });
  });
});
