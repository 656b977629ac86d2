import { beforeAll, describe, expect, it } from '@jest/globals';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey, type JSONWebKeySet } from 'jose';
import { signCheckpoint } from '../checkpoints/signed-checkpoint.js';
import { SigningKeyRing } from '../checkpoints/signing-key-ring.js';
import { canonicalJsonBytes } from '../ledger/canonical-json.js';
import { leafHash } from '../ledger/hashing.js';
import { MemorySubtreeReader } from '../ledger/memory-subtree-reader.js';
import { inclusionProof, rootHash } from '../ledger/merkle-tree.js';
import { ledgerEvent, ledgerEventLeaf, LedgerEventKind, type LedgerEvent } from '../ledger-events/ledger-event.js';
import { openCommitmentFor, type PartyOpening } from '../ledger-events/party-commitment.js';
import { issueConsentReceipt, verifyConsentReceipt } from './consent-receipt.js';
import type { ConsentReceiptFile } from './consent-receipt-format.js';

const ORIGIN = 'samen-regelen.test/ledger/v1';
const ISSUED = new Date('2026-03-02T09:00:00.000Z');

interface Key {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

async function newKey(keyId: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { keyId, privateKey, publicKey };
}

async function keySetOf(key: Key): Promise<JSONWebKeySet> {
  return SigningKeyRing.of([{ ...key, createdAt: new Date('2026-01-01T00:00:00Z'), retiredAt: null }]).published();
}

/** A small but real ledger: seven consent events, each about its own record and two creditors. */
interface Ledger {
  readonly events: readonly { readonly event: LedgerEvent; readonly openings: readonly PartyOpening[] }[];
  readonly leaves: readonly Uint8Array[];
  readonly reader: MemorySubtreeReader;
  readonly root: Uint8Array;
}

function buildLedger(size: number): Ledger {
  const events = Array.from({ length: size }, (_, n) =>
    ledgerEvent({
      eventId: `evt-${n}`,
      kind: LedgerEventKind.CONSENT_GIVEN,
      recordId: `consent-${n}`,
      state: 'given',
      eventTime: new Date(Date.UTC(2026, 2, 1, 9, n)),
      subject: `ps_resident_${n}`,
      actor: { role: 'resident', id: `ps_resident_${n}` },
      creditors: [openCommitmentFor('waterschap-hdsr'), openCommitmentFor(`gemeente-${n}`)],
    }),
  );
  const leaves = events.map(({ event }) => ledgerEventLeaf(event));
  const hashes = leaves.map((leaf) => leafHash(leaf));
  return { events, leaves, reader: new MemorySubtreeReader(hashes), root: rootHash(hashes) };
}

describe('consent receipts', () => {
  const TREE_SIZE = 7;
  const INDEX = 5;
  let ledger: Ledger;
  let key: Key;
  let keys: JSONWebKeySet;
  let checkpoint: string;

  beforeAll(async () => {
    ledger = buildLedger(TREE_SIZE);
    key = await newKey('ledger-2026-01');
    keys = await keySetOf(key);
    checkpoint = await signCheckpoint({
      checkpoint: { origin: ORIGIN, treeSize: TREE_SIZE, rootHash: ledger.root, issuedAt: ISSUED },
      privateKey: key.privateKey,
      keyId: key.keyId,
    });
  });

  /** A receipt for entry INDEX as the coordinator would issue it, with any part replaced. */
  function issue(overrides: Partial<Parameters<typeof issueConsentReceipt>[0]> = {}): Promise<ConsentReceiptFile> {
    const entry = ledger.events[INDEX];
    if (!entry) throw new Error('no such entry');
    return issueConsentReceipt({
      origin: ORIGIN,
      recordId: entry.event.recordId,
      leafIndex: INDEX,
      treeSize: TREE_SIZE,
      leaf: ledger.leaves[INDEX] as Uint8Array,
      openings: entry.openings,
      inclusionProof: inclusionProof({ index: INDEX, treeSize: TREE_SIZE, reader: ledger.reader }),
      checkpoint,
      keys,
      privateKey: key.privateKey,
      keyId: key.keyId,
      issuedAt: ISSUED,
      ...overrides,
    });
  }

  it('verifies a genuine receipt and shows the event and the creditors it names', async () => {
    const file = await issue();
    expect(file.type).toBe('samen-regelen/consent-receipt');
    expect(file.version).toBe(1);
    expect(file.keys).toEqual(keys);
    const [header, payload] = file.receipt.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'consent-receipt+jwt', kid: 'ledger-2026-01' });
    expect(Object.keys(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object).sort()).toEqual(
      ['checkpoint', 'inclusionProof', 'issuedAt', 'leaf', 'leafIndex', 'openings', 'origin', 'recordId', 'treeSize'].sort(),
    );

    const report = await verifyConsentReceipt({ file: JSON.parse(JSON.stringify(file)) as unknown, origin: ORIGIN });
    expect(report).toEqual({
      ok: true,
      treeSize: TREE_SIZE,
      leafIndex: INDEX,
      problems: [],
      event: ledger.events[INDEX]?.event,
      creditors: ledger.events[INDEX]?.openings.map((o) => o.creditorId),
    });
    expect(await verifyConsentReceipt({ file, keySet: keys })).toMatchObject({ ok: true, problems: [] });
  });

  it('verifies a receipt for the first and the last entry of the tree too', async () => {
    for (const index of [0, TREE_SIZE - 1]) {
      const entry = ledger.events[index];
      const file = await issue({
        recordId: entry?.event.recordId,
        leafIndex: index,
        leaf: ledger.leaves[index],
        openings: entry?.openings,
        inclusionProof: inclusionProof({ index, treeSize: TREE_SIZE, reader: ledger.reader }),
      });
      expect(await verifyConsentReceipt({ file })).toMatchObject({ ok: true, leafIndex: index, problems: [] });
    }
  });

  it('fails when one byte of the leaf differs from the logged entry, even if the issuer signed it', async () => {
    const leaf = (ledger.leaves[INDEX] as Uint8Array).slice();
    // Inside the subject's value, so the leaf stays a canonical event and only the proof can catch it.
    const at = Buffer.from(leaf).indexOf('ps_resident_5');
    leaf[at + 3] = 'R'.charCodeAt(0);
    const report = await verifyConsentReceipt({ file: await issue({ leaf }) });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^the inclusion proof does not show entry 5 .*root mismatch/)]);
  });

  it('fails with a wrong hash in the proof, or a truncated proof', async () => {
    const proof = inclusionProof({ index: INDEX, treeSize: TREE_SIZE, reader: ledger.reader });
    const wrong = proof.map((hash) => hash.slice());
    const flipped = wrong[1] as Uint8Array;
    flipped[0] = (flipped[0] as number) ^ 0x01;
    const wrongReport = await verifyConsentReceipt({ file: await issue({ inclusionProof: wrong }) });
    expect(wrongReport.ok).toBe(false);
    expect(wrongReport.problems).toEqual([expect.stringContaining('root mismatch')]);

    const truncatedReport = await verifyConsentReceipt({ file: await issue({ inclusionProof: proof.slice(0, -1) }) });
    expect(truncatedReport.ok).toBe(false);
    expect(truncatedReport.problems).toEqual([expect.stringContaining('proof too short')]);
  });

  it('fails when the checkpoint was signed by a key that is not in the key set', async () => {
    const rogue = await newKey('ledger-2026-01');
    const forged = await signCheckpoint({
      checkpoint: { origin: ORIGIN, treeSize: TREE_SIZE, rootHash: ledger.root, issuedAt: ISSUED },
      privateKey: rogue.privateKey,
      keyId: rogue.keyId,
    });
    const report = await verifyConsentReceipt({ file: await issue({ checkpoint: forged }) });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^the receipt's checkpoint does not verify against the keys inside the receipt: signature not valid/)]);
  });

  it('fails when the receipt was signed by a key that is not in the key set', async () => {
    const rogue = await newKey('ledger-rogue');
    const report = await verifyConsentReceipt({ file: await issue({ privateKey: rogue.privateKey, keyId: rogue.keyId }) });
    expect(report).toEqual({ ok: false, treeSize: 0, problems: [expect.stringMatching(/^the receipt's signature does not verify/)] });
  });

  it('catches a self-consistent forgery only with the independently fetched key set', async () => {
    // Someone signs a checkpoint over a tree of their own and puts their own key in the file.
    const rogue = await newKey('ledger-2026-01');
    const rogueKeys = await keySetOf(rogue);
    const forgedCheckpoint = await signCheckpoint({
      checkpoint: { origin: ORIGIN, treeSize: TREE_SIZE, rootHash: ledger.root, issuedAt: ISSUED },
      privateKey: rogue.privateKey,
      keyId: rogue.keyId,
    });
    const file = await issue({ checkpoint: forgedCheckpoint, keys: rogueKeys, privateKey: rogue.privateKey, keyId: rogue.keyId });
    expect((await verifyConsentReceipt({ file })).ok).toBe(true);
    const report = await verifyConsentReceipt({ file, keySet: keys });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^the receipt's signature does not verify against the given key set/)]);
  });

  it('fails when the signed payload was altered without re-signing', async () => {
    const file = await issue();
    const [header, payload, signature] = file.receipt.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...claims, recordId: 'consent-0' })).toString('base64url');
    const report = await verifyConsentReceipt({ file: { ...file, receipt: `${header}.${tampered}.${signature}` } });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringContaining('(ERR_JWS_SIGNATURE_VERIFICATION_FAILED)')]);
  });

  it('refuses another kind of JWS signed with the same key, such as a checkpoint', async () => {
    const file = await issue();
    const report = await verifyConsentReceipt({ file: { ...file, receipt: checkpoint } });
    expect(report).toEqual({ ok: false, treeSize: 0, problems: ['the receipt is not a consent receipt (its typ is not "consent-receipt+jwt")'] });
  });

  it('reports an opening for a creditor the event does not name, and keeps the ones that check', async () => {
    const entry = ledger.events[INDEX];
    const report = await verifyConsentReceipt({
      file: await issue({ openings: [...(entry?.openings ?? []), openCommitmentFor('incasso-elders')] }),
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['the opening for creditor "incasso-elders" does not open any creditor commitment of the event']);
    expect(report.creditors).toEqual(entry?.openings.map((o) => o.creditorId));
    // Another creditor's nonce with this id does not open anything either.
    const borrowed = { creditorId: 'gemeente-4', nonce: entry?.openings[1]?.nonce ?? '' };
    expect((await verifyConsentReceipt({ file: await issue({ openings: [borrowed] }) })).problems).toEqual([
      'the opening for creditor "gemeente-4" does not open any creditor commitment of the event',
    ]);
  });

  it('fails for another log than the one asked for, and when checkpoint and receipt name different logs', async () => {
    const file = await issue();
    expect(await verifyConsentReceipt({ file, origin: 'another.example/ledger/v1' })).toMatchObject({
      ok: false,
      problems: [`the receipt is of log "${ORIGIN}", expected "another.example/ledger/v1"`],
    });
    expect(await verifyConsentReceipt({ file: await issue({ origin: 'another.example/ledger/v1' }) })).toMatchObject({
      ok: false,
      problems: [`the checkpoint is of log "${ORIGIN}", the receipt of log "another.example/ledger/v1"`],
    });
  });

  it('fails when the receipt names another record or another tree size than its checkpoint', async () => {
    expect((await verifyConsentReceipt({ file: await issue({ recordId: 'consent-1' }) })).problems).toEqual([
      'the leaf is about record "consent-5", the receipt names record "consent-1"',
    ]);
    expect((await verifyConsentReceipt({ file: await issue({ treeSize: TREE_SIZE + 1 }) })).problems).toEqual([
      `the receipt says tree size ${TREE_SIZE + 1}, its checkpoint ${TREE_SIZE}`,
    ]);
  });

  it('fails when the leaf is not a canonical ledger event', async () => {
    const notAnEvent = canonicalJsonBytes({ hello: 'world' });
    const report = await verifyConsentReceipt({ file: await issue({ leaf: notAnEvent }) });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      'the leaf is not a ledger event: the leaf is not a v1 ledger event',
      expect.stringContaining('root mismatch'),
    ]);
    expect(report.event).toBeUndefined();
  });

  it('still verifies a receipt signed with a key that has since been retired', async () => {
    const old = await newKey('ledger-2026-01');
    const next = await newKey('ledger-2026-07');
    const before = SigningKeyRing.of([{ ...old, createdAt: new Date('2026-01-01T00:00:00Z'), retiredAt: null }]);
    const oldCheckpoint = await signCheckpoint({
      checkpoint: { origin: ORIGIN, treeSize: TREE_SIZE, rootHash: ledger.root, issuedAt: ISSUED },
      privateKey: old.privateKey,
      keyId: old.keyId,
    });
    const file = await issue({ checkpoint: oldCheckpoint, keys: await before.published(), privateKey: old.privateKey, keyId: old.keyId });
    const rotated = await before.rotate({ ...next, createdAt: new Date('2026-07-01T00:00:00Z') }, new Date('2026-07-01T00:00:00Z')).published();
    expect(rotated.keys.find((k) => k.kid === old.keyId)?.status).toBe('retired');
    expect(await verifyConsentReceipt({ file, keySet: rotated })).toMatchObject({ ok: true, problems: [] });
    // A key set without the old key cannot check it: the retired key must stay published.
    const withoutOld = { keys: rotated.keys.filter((k) => k.kid !== old.keyId) };
    expect((await verifyConsentReceipt({ file, keySet: withoutOld })).ok).toBe(false);
  });

  it.each([
    ['null', null],
    ['an empty object', {}],
    ['a string', 'x'],
    ['a number', 42],
    ['an array', []],
    ['a file without receipt', { type: 'samen-regelen/consent-receipt', version: 1, keys: { keys: [] } }],
    ['a future version', { type: 'samen-regelen/consent-receipt', version: 2, receipt: 'a.b.c', keys: { keys: [] } }],
    ['a receipt that is not a JWS', { type: 'samen-regelen/consent-receipt', version: 1, receipt: 'x', keys: { keys: [] } }],
    ['keys that are not a key set', { type: 'samen-regelen/consent-receipt', version: 1, receipt: 'a.b.c', keys: { keys: ['x'] } }],
    ['unimportable keys', { type: 'samen-regelen/consent-receipt', version: 1, receipt: 'a.b.c', keys: { keys: [{ kty: 'nonsense' }] } }],
  ])('reports %s as a problem and never throws', async (_label, file) => {
    const report = await verifyConsentReceipt({ file });
    expect(report.ok).toBe(false);
    expect(report.treeSize).toBe(0);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
  });

  it('reports every malformed payload field of a correctly signed receipt', async () => {
    const payload = { origin: '', recordId: 7, leafIndex: -1, treeSize: 1.5, leaf: 'not base64!', openings: [{}], inclusionProof: ['AA==', 'AA'], checkpoint: '', issuedAt: 'today' };
    const receipt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'consent-receipt+jwt', kid: key.keyId })
      .sign(key.privateKey);
    const report = await verifyConsentReceipt({ file: { type: 'samen-regelen/consent-receipt', version: 1, receipt, keys } });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      "the receipt's origin is not a log name",
      "the receipt's recordId is not a record id",
      "the receipt's leafIndex is not a non-negative integer",
      "the receipt's treeSize is not a non-negative integer",
      "the receipt's leaf is not standard base64",
      "the receipt's openings is not a list of { creditorId, nonce }",
      "the receipt's inclusionProof is not a list of base64 hashes",
      "the receipt's checkpoint is not a compact JWS",
      "the receipt's issuedAt is not an RFC 3339 time",
    ]);
  });

  it('refuses to issue a receipt whose key set carries a private key', async () => {
    const leaked = { keys: [{ ...(await exportJWK(key.privateKey)), kid: key.keyId }] };
    await expect(issue({ keys: leaked })).rejects.toThrow('only carry public keys');
  });
});
