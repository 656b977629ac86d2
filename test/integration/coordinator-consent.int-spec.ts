import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { ConsentPurpose, DataCategory } from '#contracts';
import { parseLedgerEventLeaf, verifyConsentToken, verifyLedgerDatabase, fromBase64 } from '#consent';
import { errorCodes, signIn, type SignedInPerson } from '../support/coordinator-client.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';
import { generateSigningKey } from '../support/key-set-server.js';
import { TestClock } from '../support/test-clock.js';
import { recordLinksDirectly } from '../support/coordinator-links.js';

const DAY = 86_400_000;
const clock = new TestClock();
let coordinator: InProcessCoordinator;
let admin: SignedInPerson;

const CONSENT_FIELDS = 'id residentId purpose state givenBy categories textVersion textHash validUntil creditors { id name publicBody } ledgerEntries { index kind receiptPath }';
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { ${CONSENT_FIELDS} } }`;
const TOKENS = `mutation ($input: IssueConsentTokensInput!) { issueConsentTokens(input: $input) { creditorId subgraphUrl token expiresAt } }`;
const TEXT_VERSION = 'debt-overview/2026-11/1';

interface ConsentResult {
  id: string;
  residentId: string;
  state: string;
  givenBy: string;
  textHash: string;
  creditors: { id: string }[];
  ledgerEntries: { index: number; kind: string; receiptPath: string }[];
}

function inDays(days: number): string {
  return new Date(clock.now().getTime() + days * DAY).toISOString();
}

function consentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purpose: 'DEBT_OVERVIEW',
    creditorIds: ['gemeente-utrecht', 'waterschap-hdsr'],
    categories: ['CLAIMS'],
    validUntil: inDays(90),
    textVersion: TEXT_VERSION,
    ...overrides,
  };
}

async function treeSize(): Promise<number> {
  const { rows } = await coordinator.pool.query<{ tree_size: string }>('SELECT tree_size FROM ledger_head');
  return Number(rows[0]?.tree_size);
}

async function register(id: string, name: string, sector: string): Promise<void> {
  const key = await generateSigningKey(`${id}-1`);
  const result = await admin.gql(
    `mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }`,
    { input: { id, name, sector, subgraphUrl: `http://127.0.0.1:9/${id}/graphql`, keySet: JSON.stringify({ keys: [key.publicJwk] }) } },
  );
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  coordinator = await startInProcessCoordinator({ label: 'coordinator_consent', clock });
  admin = await signIn(coordinator, ['admin']);
  await register('gemeente-utrecht', 'Gemeente Utrecht', 'municipality');
  await register('waterschap-hdsr', 'Hoogheemraadschap De Stichtse Rijnlanden', 'water_board');
  await register('eneco', 'Eneco', 'energy');
});

afterAll(async () => {
  await coordinator?.stop();
});

describe('the creditor directory', () => {
  it('is public to read, and only administrators add to it', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const list = await resident.gql<{ creditors: { id: string; publicBody: boolean }[] }>('{ creditors { id publicBody } }');
    expect(list.data?.creditors.map((c) => c.id).sort()).toEqual(['eneco', 'gemeente-utrecht', 'waterschap-hdsr']);
    expect(list.data?.creditors.find((c) => c.id === 'eneco')?.publicBody).toBe(false);

    const key = await generateSigningKey('x');
    const input = { id: 'vitens', name: 'Vitens', sector: 'other', subgraphUrl: 'http://127.0.0.1:9/graphql', keySet: JSON.stringify({ keys: [key.publicJwk] }) };
    const refused = await resident.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', { input });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('refuses a second registration of the same id, and a bad one with every problem named', async () => {
    const key = await generateSigningKey('k');
    const again = await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: 'eneco', name: 'Eneco', sector: 'energy', subgraphUrl: 'http://127.0.0.1:9/graphql', keySet: JSON.stringify({ keys: [key.publicJwk] }) },
    });
    expect(errorCodes(again)).toEqual(['CREDITOR_ALREADY_REGISTERED']);

    const privateKey = { ...key.publicJwk, d: 'c2VjcmV0' };
    const bad = await admin.gql<unknown>('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: 'Not Valid', name: '', sector: 'bank', subgraphUrl: 'ftp://x', keySet: JSON.stringify({ keys: [privateKey] }) },
    });
    expect(errorCodes(bad)).toEqual(['CREDITOR_REGISTRATION_INVALID']);
    const problems = (bad.errors?.[0]?.extensions as { problems?: { field: string }[] }).problems ?? [];
    expect(problems.map((p) => p.field).sort()).toEqual(['id', 'keySet', 'name', 'sector', 'subgraphUrl']);
  });
});

describe('giving and withdrawing consent', () => {
  it('records a given consent in the ledger, with no personal data in clear', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const text = await resident.gql<{ consentText: { version: string; hash: string; nl: string } }>('{ consentText(purpose: DEBT_OVERVIEW) { version hash nl } }');
    expect(text.data?.consentText.version).toBe(TEXT_VERSION);
    expect(text.data?.consentText.nl).toMatch(/intrekken/);

    const given = await resident.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput() });
    expect(given.errors).toBeUndefined();
    const consent = given.data?.giveConsent as ConsentResult;
    expect(consent).toMatchObject({ residentId: resident.id, state: 'GIVEN', givenBy: 'RESIDENT', textHash: text.data?.consentText.hash });
    expect(consent.creditors.map((c) => c.id).sort()).toEqual(['gemeente-utrecht', 'waterschap-hdsr']);
    expect(consent.ledgerEntries).toEqual([{ index: expect.any(Number), kind: 'consent.given', receiptPath: expect.stringMatching(/^\/ledger\/v1\/receipts\/\d+$/) }]);

    const { rows } = await coordinator.pool.query<{ leaf: Buffer }>('SELECT leaf FROM ledger_entries WHERE idx = $1', [consent.ledgerEntries[0]?.index]);
    const leafText = rows[0]?.leaf.toString('utf8') ?? '';
    const event = parseLedgerEventLeaf(new Uint8Array(rows[0]?.leaf ?? []));
    expect(typeof event).toBe('object');
    expect(event).toMatchObject({ kind: 'consent.given', recordId: consent.id, state: 'given', purpose: 'debt-overview', categories: ['claims'] });
    // Neither the platform id nor any creditor id appears in the leaf: pseudonym and commitments only.
    expect(leafText).not.toContain(resident.id);
    expect(leafText).not.toContain('gemeente-utrecht');
    expect(leafText).not.toContain('waterschap-hdsr');
    expect(event).toHaveProperty('creditors', [expect.any(String), expect.any(String)]);
  });

  it('refuses bad requests with stable codes and writes nothing', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const before = await treeSize();
    const cases: [Record<string, unknown>, string][] = [
      [{ creditorIds: ['gemeente-utrecht', 'onbekend-bedrijf'] }, 'CONSENT_UNKNOWN_CREDITOR'],
      [{ creditorIds: [] }, 'CONSENT_NO_CREDITORS'],
      [{ categories: [] }, 'CONSENT_NO_CATEGORIES'],
      [{ validUntil: inDays(-1) }, 'CONSENT_VALIDITY_IN_PAST'],
      [{ validUntil: inDays(400) }, 'CONSENT_VALIDITY_TOO_LONG'],
      [{ textVersion: 'debt-overview/1999-01/1' }, 'CONSENT_UNKNOWN_TEXT_VERSION'],
      [{ textVersion: 'collective-arrangement/2026-11/1' }, 'CONSENT_UNKNOWN_TEXT_VERSION'],
    ];
    for (const [overrides, code] of cases) {
      const refused = await resident.gql(GIVE, { input: consentInput(overrides) });
      expect({ overrides, codes: errorCodes(refused) }).toEqual({ overrides, codes: [code] });
    }
    expect(errorCodes(await resident.gql(WITHDRAW, { id: 'not-a-uuid' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await resident.gql(WITHDRAW, { id: '6f1c2d3e-4b5a-4c6d-8e7f-901234567890' }))).toEqual(['CONSENT_NOT_FOUND']);
    expect(await treeSize()).toBe(before);
    const { rows } = await coordinator.pool.query<{ n: string }>('SELECT count(*) AS n FROM consents WHERE resident_id = $1', [resident.id]);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('refuses callers without a valid token', async () => {
    const anonymous = await fetch(coordinator.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GIVE, variables: { input: consentInput() } }),
    });
    expect(errorCodes((await anonymous.json()) as never)).toEqual(['UNAUTHENTICATED']);
    const forged = await fetch(coordinator.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
      body: JSON.stringify({ query: '{ whoAmI { id } }' }),
    });
    expect(errorCodes((await forged.json()) as never)).toEqual(['UNAUTHENTICATED']);
  });

  it('mints one token per covered and linked node, and none from the moment of withdrawal', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const given = await resident.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput() });
    const consentId = given.data?.giveConsent.id as string;
    // Consent alone asks nobody: without a linked account there is no token.
    expect(errorCodes(await resident.gql(TOKENS, { input: { purpose: 'DEBT_OVERVIEW', category: 'CLAIMS' } }))).toEqual(['CONSENT_NOT_GIVEN']);
    await recordLinksDirectly(coordinator.pool, resident.id, ['gemeente-utrecht', 'waterschap-hdsr']);

    const minted = await resident.gql<{ issueConsentTokens: { creditorId: string; token: string; subgraphUrl: string }[] }>(TOKENS, {
      input: { purpose: 'DEBT_OVERVIEW', category: 'CLAIMS' },
    });
    expect(minted.errors).toBeUndefined();
    const grants = minted.data?.issueConsentTokens ?? [];
    expect(grants.map((g) => g.creditorId).sort()).toEqual(['gemeente-utrecht', 'waterschap-hdsr']);

    const keys = (await (await fetch(`${coordinator.baseUrl}/consent/v1/jwks.json`)).json()) as JSONWebKeySet;
    const subjects = new Set<string>();
    for (const grant of grants) {
      const verified = await verifyConsentToken({
        token: grant.token,
        issuer: coordinator.config.issuer,
        audience: grant.creditorId,
        keys: createLocalJWKSet(keys),
        category: DataCategory.CLAIMS,
        now: new Date(),
      });
      expect(verified.ok).toBe(true);
      if (verified.ok) {
        expect(verified.claims).toMatchObject({ consentId, purpose: ConsentPurpose.DEBT_OVERVIEW });
        expect(verified.claims.sub).not.toContain(resident.id);
        subjects.add(verified.claims.sub);
      }
    }
    expect(subjects.size).toBe(2); // a different pseudonym for every node

    const otherPurpose = await resident.gql(TOKENS, { input: { purpose: 'COLLECTIVE_ARRANGEMENT', category: 'CLAIMS' } });
    expect(errorCodes(otherPurpose)).toEqual(['CONSENT_NOT_GIVEN']);

    const withdrawn = await resident.gql<{ withdrawConsent: ConsentResult }>(WITHDRAW, { id: consentId });
    expect(withdrawn.data?.withdrawConsent.state).toBe('WITHDRAWN');
    expect(withdrawn.data?.withdrawConsent.ledgerEntries.map((e) => e.kind)).toEqual(['consent.given', 'consent.withdrawn']);
    expect(errorCodes(await resident.gql(TOKENS, { input: { purpose: 'DEBT_OVERVIEW', category: 'CLAIMS' } }))).toEqual(['CONSENT_NOT_GIVEN']);

    const before = await treeSize();
    expect(errorCodes(await resident.gql(WITHDRAW, { id: consentId }))).toEqual(['CONSENT_ALREADY_WITHDRAWN']);
    expect(await treeSize()).toBe(before);
  });

  it('lets exactly one of many simultaneous withdrawals through', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const given = await resident.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput() });
    const id = given.data?.giveConsent.id as string;
    const before = await treeSize();
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => resident.gql(WITHDRAW, { id })));
    const codes = outcomes.map((o) => errorCodes(o)[0] ?? 'OK').sort();
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONSENT_ALREADY_WITHDRAWN')).toHaveLength(11);
    expect(await treeSize()).toBe(before + 1);
  });

  it('hides a consent from anyone but its resident', async () => {
    const owner = await signIn(coordinator, ['resident']);
    const stranger = await signIn(coordinator, ['resident']);
    const given = await owner.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput() });
    const id = given.data?.giveConsent.id as string;
    expect(errorCodes(await stranger.gql(WITHDRAW, { id }))).toEqual(['CONSENT_NOT_FOUND']);
    const read = await stranger.gql<{ consent: unknown }>('query ($id: ID!) { consent(id: $id) { id } }', { id });
    expect(read.data?.consent).toBeNull();
    const list = await stranger.gql<{ consents: unknown[] }>('{ consents { id } }');
    expect(list.data?.consents).toEqual([]);
  });

  it('lets a consent expire at its end date: no tokens, shown as expired, recorded by the sweep', async () => {
    const resident = await signIn(coordinator, ['resident'], 10 * 86_400);
    const given = await resident.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput({ validUntil: inDays(2) }) });
    const id = given.data?.giveConsent.id as string;
    clock.advance(3 * DAY);
    try {
      expect(errorCodes(await resident.gql(TOKENS, { input: { purpose: 'DEBT_OVERVIEW', category: 'CLAIMS' } }))).toEqual(['CONSENT_NOT_GIVEN']);
      const read = await resident.gql<{ consent: ConsentResult }>(`query ($id: ID!) { consent(id: $id) { ${CONSENT_FIELDS} } }`, { id });
      expect(read.data?.consent.state).toBe('EXPIRED');
      expect(errorCodes(await resident.gql(WITHDRAW, { id }))).toEqual(['CONSENT_ALREADY_EXPIRED']);

      const { ExpirySweeper } = await import('../../apps/gateway/src/coordinator/expiry/expiry-sweeper.service.js');
      await coordinator.app.get(ExpirySweeper).sweep();
      const after = await resident.gql<{ consent: ConsentResult }>(`query ($id: ID!) { consent(id: $id) { ${CONSENT_FIELDS} } }`, { id });
      expect(after.data?.consent.ledgerEntries.map((e) => e.kind)).toEqual(['consent.given', 'consent.expired']);
    } finally {
      clock.advance(-3 * DAY);
    }
  });
});

describe('mandates', () => {
  const GIVE_MANDATE = 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id state residentId counsellorId ledgerEntries { kind } } }';
  const WITHDRAW_MANDATE = 'mutation ($id: ID!) { withdrawMandate(id: $id) { id state ledgerEntries { kind } } }';

  it('lets a mandated counsellor act for a resident until the mandate is withdrawn', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const counsellor = await signIn(coordinator, ['counsellor']);
    const mandateText = await resident.gql<{ mandateText: { version: string } }>('{ mandateText { version } }');
    const version = mandateText.data?.mandateText.version;

    const withoutMandate = await counsellor.gql(GIVE, { input: consentInput({ residentId: resident.id }) });
    expect(errorCodes(withoutMandate)).toEqual(['MANDATE_REQUIRED']);

    const mandate = await resident.gql<{ giveMandate: { id: string; state: string; ledgerEntries: { kind: string }[] } }>(GIVE_MANDATE, {
      input: { counsellorId: counsellor.id, validUntil: inDays(180), textVersion: version },
    });
    expect(mandate.errors).toBeUndefined();
    expect(mandate.data?.giveMandate).toMatchObject({ state: 'GIVEN', ledgerEntries: [{ kind: 'mandate.given' }] });
    const who = await counsellor.gql<{ whoAmI: { mandatedResidents: string[] } }>('{ whoAmI { mandatedResidents } }');
    expect(who.data?.whoAmI.mandatedResidents).toEqual([resident.id]);

    const onBehalf = await counsellor.gql<{ giveConsent: ConsentResult }>(GIVE, { input: consentInput({ residentId: resident.id }) });
    expect(onBehalf.errors).toBeUndefined();
    expect(onBehalf.data?.giveConsent).toMatchObject({ residentId: resident.id, givenBy: 'COUNSELLOR' });
    const seen = await counsellor.gql<{ consents: { id: string }[] }>('query ($r: ID!) { consents(residentId: $r) { id } }', { r: resident.id });
    expect(seen.data?.consents).toHaveLength(1);

    const mandateId = mandate.data?.giveMandate.id as string;
    const ended = await resident.gql<{ withdrawMandate: { state: string; ledgerEntries: { kind: string }[] } }>(WITHDRAW_MANDATE, { id: mandateId });
    expect(ended.data?.withdrawMandate).toMatchObject({ state: 'WITHDRAWN', ledgerEntries: [{ kind: 'mandate.given' }, { kind: 'mandate.withdrawn' }] });
    expect(errorCodes(await counsellor.gql(GIVE, { input: consentInput({ residentId: resident.id }) }))).toEqual(['MANDATE_REQUIRED']);
    expect(errorCodes(await counsellor.gql(WITHDRAW_MANDATE, { id: mandateId }))).toEqual(['MANDATE_ALREADY_WITHDRAWN']);
  });

  it('refuses a mandate for oneself, to someone who is no counsellor, or with a past end date', async () => {
    const person = await signIn(coordinator, ['resident', 'counsellor']);
    const resident = await signIn(coordinator, ['resident']);
    const plainResident = await signIn(coordinator, ['resident']);
    const input = (counsellorId: string, validUntil = inDays(30)): Record<string, unknown> => ({
      input: { counsellorId, validUntil, textVersion: 'mandate/2026-11/1' },
    });
    expect(errorCodes(await person.gql(GIVE_MANDATE, input(person.id)))).toEqual(['MANDATE_FOR_SELF']);
    expect(errorCodes(await resident.gql(GIVE_MANDATE, input(plainResident.id)))).toEqual(['MANDATE_UNKNOWN_COUNSELLOR']);
    expect(errorCodes(await resident.gql(GIVE_MANDATE, input(person.id, inDays(-2))))).toEqual(['CONSENT_VALIDITY_IN_PAST']);
    expect(errorCodes(await resident.gql(GIVE_MANDATE, input('nope')))).toEqual(['BAD_USER_INPUT']);
  });

  describe('given with the invitation code a counsellor handed out', () => {
    const INVITE = 'mutation ($name: String!) { createMandateInvitation(input: { counsellorName: $name }) { code expiresAt } }';
    const PREVIEW = 'query ($code: String!) { mandateInvitation(code: $code) { counsellorName expiresAt } }';
    const GIVE_BY_CODE = 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id state counsellorId counsellorName ledgerEntries { kind } } }';
    const byCode = (invitationCode: string): Record<string, unknown> => ({ input: { invitationCode, validUntil: inDays(180), textVersion: 'mandate/2026-11/1' } });
    const invite = async (counsellor: SignedInPerson, name = 'Fatima el Amrani'): Promise<{ code: string; expiresAt: string }> => {
      const made = await counsellor.gql<{ createMandateInvitation: { code: string; expiresAt: string } }>(INVITE, { name });
      expect(made.errors).toBeUndefined();
      return made.data?.createMandateInvitation as { code: string; expiresAt: string };
    };
    const invitationRows = async (): Promise<number> => Number((await coordinator.pool.query<{ n: string }>('SELECT count(*) AS n FROM mandate_invitations')).rows[0]?.n);

    it('shows whose code it is, gives the mandate to that counsellor once, and keeps only a hash of the code', async () => {
      const counsellor = await signIn(coordinator, ['counsellor']);
      const resident = await signIn(coordinator, ['resident']);
      const madeAt = clock.now().getTime();
      const { code, expiresAt } = await invite(counsellor);
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(Date.parse(expiresAt) - madeAt).toBeGreaterThanOrEqual(14 * DAY);
      expect(Date.parse(expiresAt) - madeAt).toBeLessThan(14 * DAY + 5_000);

      // Typed the way people type: lower case, without the dash.
      const typed = code.toLowerCase().replace('-', ' ');
      const preview = await resident.gql<{ mandateInvitation: { counsellorName: string } }>(PREVIEW, { code: typed });
      expect(preview.data?.mandateInvitation).toEqual({ counsellorName: 'Fatima el Amrani', expiresAt });
      const before = await treeSize();
      const given = await resident.gql<{ giveMandate: { id: string; counsellorId: string; counsellorName: string } }>(GIVE_BY_CODE, byCode(typed));
      expect(given.errors).toBeUndefined();
      expect(given.data?.giveMandate).toMatchObject({ state: 'GIVEN', counsellorId: counsellor.id, counsellorName: 'Fatima el Amrani', ledgerEntries: [{ kind: 'mandate.given' }] });
      expect(await treeSize()).toBe(before + 1);
      const who = await counsellor.gql<{ whoAmI: { mandatedResidents: string[] } }>('{ whoAmI { mandatedResidents } }');
      expect(who.data?.whoAmI.mandatedResidents).toEqual([resident.id]);

      // Used up: a second resident with the same code gets the same answer as a wrong code, and nothing is written.
      const other = await signIn(coordinator, ['resident']);
      expect(errorCodes(await other.gql(PREVIEW, { code }))).toEqual(['MANDATE_INVITATION_INVALID']);
      expect(errorCodes(await other.gql(GIVE_BY_CODE, byCode(code)))).toEqual(['MANDATE_INVITATION_INVALID']);
      expect(await treeSize()).toBe(before + 1);
      const { rows } = await coordinator.pool.query<{ code_hash: Buffer; mandate_id: string }>('SELECT code_hash, mandate_id FROM mandate_invitations WHERE counsellor_id = $1', [counsellor.id]);
      expect(rows).toEqual([{ code_hash: expect.any(Buffer), mandate_id: given.data?.giveMandate.id }]);
      expect(rows[0]?.code_hash.toString('hex')).not.toContain(Buffer.from(code).toString('hex'));
    });

    it('lets exactly one of two residents racing with the same code have it', async () => {
      const counsellor = await signIn(coordinator, ['counsellor']);
      const { code } = await invite(counsellor);
      const residents = await Promise.all([signIn(coordinator, ['resident']), signIn(coordinator, ['resident'])]);
      const answers = await Promise.all(residents.map((r) => r.gql(GIVE_BY_CODE, byCode(code))));
      expect(answers.map(errorCodes).sort()).toEqual([[], ['MANDATE_INVITATION_INVALID']]);
      const { rows } = await coordinator.pool.query('SELECT 1 FROM mandates WHERE counsellor_id = $1', [counsellor.id]);
      expect(rows).toHaveLength(1);
    });

    it('refuses an expired code, a malformed one, a code for the wrong role, and a mandate naming its counsellor twice or not at all', async () => {
      const counsellor = await signIn(coordinator, ['counsellor']);
      // Signed in for longer than the code lives, to try it after its end.
      const resident = await signIn(coordinator, ['resident'], 30 * 86_400);
      const { code } = await invite(counsellor);
      expect(errorCodes(await resident.gql(PREVIEW, { code: 'K7QM-2XP' }))).toEqual(['MANDATE_INVITATION_INVALID']);
      expect(errorCodes(await resident.gql(PREVIEW, { code: 'K7QM-2XPA' }))).toEqual(['MANDATE_INVITATION_INVALID']);
      expect(errorCodes(await counsellor.gql(PREVIEW, { code }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await resident.gql(INVITE, { name: 'Sanne' }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await counsellor.gql(INVITE, { name: '  ' }))).toEqual(['MANDATE_INVITATION_NAME_INVALID']);
      expect(errorCodes(await counsellor.gql(INVITE, { name: '<script>' }))).toEqual(['MANDATE_INVITATION_NAME_INVALID']);
      expect(errorCodes(await counsellor.gql(INVITE, { name: 'x'.repeat(101) }))).toEqual(['MANDATE_INVITATION_NAME_INVALID']);
      // A role or an organisation after the name, as identity providers give it, is a name too.
      expect(errorCodes(await counsellor.gql(INVITE, { name: 'Fatima El Amrani, schuldhulpverlener (Buurtteam 3)' }))).toEqual([]);
      const both = { input: { invitationCode: code, counsellorId: counsellor.id, validUntil: inDays(30), textVersion: 'mandate/2026-11/1' } };
      expect(errorCodes(await resident.gql(GIVE_BY_CODE, both))).toEqual(['MANDATE_COUNSELLOR_REQUIRED']);
      expect(errorCodes(await resident.gql(GIVE_BY_CODE, { input: { validUntil: inDays(30), textVersion: 'mandate/2026-11/1' } }))).toEqual(['MANDATE_COUNSELLOR_REQUIRED']);
      clock.advance(14 * DAY + 1_000);
      try {
        expect(errorCodes(await resident.gql(PREVIEW, { code }))).toEqual(['MANDATE_INVITATION_INVALID']);
        expect(errorCodes(await resident.gql(GIVE_BY_CODE, byCode(code)))).toEqual(['MANDATE_INVITATION_INVALID']);
      } finally {
        clock.advance(-(14 * DAY + 1_000));
      }
    });

    it('stops a counsellor at 50 open invitations, also when the requests come at the same moment', async () => {
      const counsellor = await signIn(coordinator, ['counsellor']);
      const before = await invitationRows();
      const answers = await Promise.all(Array.from({ length: 53 }, () => counsellor.gql(INVITE, { name: 'Sam de Wit' })));
      expect(answers.filter((a) => a.errors === undefined)).toHaveLength(50);
      expect(answers.flatMap(errorCodes)).toEqual(['MANDATE_INVITATION_LIMIT', 'MANDATE_INVITATION_LIMIT', 'MANDATE_INVITATION_LIMIT']);
      expect(await invitationRows()).toBe(before + 50);
    });
  });
});

describe('the ledger after all of this', () => {
  it('verifies from the database: every change above is one consistent tree', async () => {
    const report = await verifyLedgerDatabase({ pool: coordinator.pool });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.treeSize).toBeGreaterThan(5);
    // Every consent and mandate row has its ledger entry, and every entry its record.
    const { rows } = await coordinator.pool.query<{ orphans: string }>(
      `SELECT (SELECT count(*) FROM consents c WHERE NOT EXISTS (SELECT 1 FROM ledger_record_entries e WHERE e.record_id = c.id))
            + (SELECT count(*) FROM mandates m WHERE NOT EXISTS (SELECT 1 FROM ledger_record_entries e WHERE e.record_id = m.id)) AS orphans`,
    );
    expect(Number(rows[0]?.orphans)).toBe(0);
    const leaves = await coordinator.pool.query<{ leaf: Buffer }>('SELECT leaf FROM ledger_entries');
    for (const row of leaves.rows) expect(typeof parseLedgerEventLeaf(fromBase64(row.leaf.toString('base64')))).toBe('object');
  });
});
