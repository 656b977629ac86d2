import { describe, expect, it } from '@jest/globals';
import { CompactSign, generateKeyPair } from 'jose';
import { EMPTY_ROOT, leafHash, toBase64 } from '../ledger/hashing.js';
import { signCheckpoint, verifyCheckpoint, type Checkpoint } from './signed-checkpoint.js';
import { SigningKeyRing, type RingKey } from './signing-key-ring.js';

async function ringKey(keyId: string, createdAt: string): Promise<Omit<RingKey, 'retiredAt'>> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { keyId, privateKey, publicKey, createdAt: new Date(createdAt) };
}

const checkpoint: Checkpoint = {
  origin: 'samen-regelen.example/ledger/v1',
  treeSize: 3,
  rootHash: leafHash(new TextEncoder().encode('root')),
  issuedAt: new Date('2026-03-02T09:00:00.000Z'),
};

describe('signed checkpoints', () => {
  it('verify with the published key set and keep every field', async () => {
    const first = await ringKey('ledger-2026-01', '2026-01-01T00:00:00Z');
    const ring = SigningKeyRing.of([{ ...first, retiredAt: null }]);
    const jws = await signCheckpoint({ checkpoint, privateKey: first.privateKey, keyId: first.keyId });

    const [header] = jws.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'checkpoint+jwt', kid: 'ledger-2026-01' });
    const result = await verifyCheckpoint({ jws, keySet: await ring.published(), origin: checkpoint.origin });
    expect(result).toEqual({ ok: true, checkpoint, keyId: 'ledger-2026-01' });
  });

  it('stay verifiable after the key rotates, while new checkpoints use the new key', async () => {
    const first = await ringKey('ledger-2026-01', '2026-01-01T00:00:00Z');
    const second = await ringKey('ledger-2026-07', '2026-07-01T00:00:00Z');
    const before = SigningKeyRing.of([{ ...first, retiredAt: null }]);
    const old = await signCheckpoint({ checkpoint, privateKey: before.active.privateKey, keyId: before.active.keyId });

    const after = before.rotate(second, new Date('2026-07-01T00:00:00Z'));
    expect(after.active.keyId).toBe('ledger-2026-07');
    const published = await after.published();
    expect(published.keys.map((k) => [k.kid, k.status, k.retired_at])).toEqual([
      ['ledger-2026-07', 'active', undefined],
      ['ledger-2026-01', 'retired', '2026-07-01T00:00:00.000Z'],
    ]);
    expect(published.keys.every((k) => k.d === undefined)).toBe(true);
    const fresh = await signCheckpoint({ checkpoint: { ...checkpoint, treeSize: 4 }, privateKey: after.active.privateKey, keyId: after.active.keyId });

    expect(await verifyCheckpoint({ jws: old, keySet: published })).toMatchObject({ ok: true, keyId: 'ledger-2026-01' });
    expect(await verifyCheckpoint({ jws: fresh, keySet: published })).toMatchObject({ ok: true, keyId: 'ledger-2026-07' });
  });

  it.each([
    ['a changed payload', async (jws: string) => {
      const [h, , s] = jws.split('.');
      const forged = Buffer.from(JSON.stringify({ origin: checkpoint.origin, treeSize: 99, rootHash: toBase64(EMPTY_ROOT), issuedAt: '2026-03-02T09:00:00.000Z' })).toString('base64url');
      return `${h}.${forged}.${s}`;
    }],
    ['a truncated signature', async (jws: string) => jws.slice(0, -4)],
  ])('fail with %s', async (_label, tamper) => {
    const key = await ringKey('k', '2026-01-01T00:00:00Z');
    const ring = SigningKeyRing.of([{ ...key, retiredAt: null }]);
    const jws = await signCheckpoint({ checkpoint, privateKey: key.privateKey, keyId: 'k' });
    const result = await verifyCheckpoint({ jws: await tamper(jws), keySet: await ring.published() });
    expect(result.ok).toBe(false);
  });

  it('fail when signed by a key that is not published, or for another log', async () => {
    const published = SigningKeyRing.of([{ ...(await ringKey('k', '2026-01-01T00:00:00Z')), retiredAt: null }]);
    const rogue = await ringKey('k', '2026-01-01T00:00:00Z');
    const forged = await signCheckpoint({ checkpoint, privateKey: rogue.privateKey, keyId: 'k' });
    expect((await verifyCheckpoint({ jws: forged, keySet: await published.published() })).ok).toBe(false);

    const real = await signCheckpoint({ checkpoint, privateKey: published.active.privateKey, keyId: 'k' });
    expect(await verifyCheckpoint({ jws: real, keySet: await published.published(), origin: 'another-log' })).toEqual({
      ok: false,
      reason: `checkpoint of another log (${checkpoint.origin})`,
    });
  });

  it('refuse a correctly signed JWS that is not a well-formed checkpoint', async () => {
    const key = await ringKey('k', '2026-01-01T00:00:00Z');
    const keySet = await SigningKeyRing.of([{ ...key, retiredAt: null }]).published();
    const sign = (payload: unknown, typ = 'checkpoint+jwt'): Promise<string> =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ, kid: 'k' }).sign(key.privateKey);
    const good = { origin: 'o', treeSize: 1, rootHash: toBase64(EMPTY_ROOT), issuedAt: '2026-03-02T09:00:00Z' };
    expect(await verifyCheckpoint({ jws: await sign(good), keySet })).toMatchObject({ ok: true });
    expect(await verifyCheckpoint({ jws: await sign(good, 'JWT'), keySet })).toEqual({ ok: false, reason: 'not a checkpoint (typ)' });
    expect(await verifyCheckpoint({ jws: await sign({ ...good, treeSize: -1 }), keySet })).toEqual({ ok: false, reason: 'treeSize is not a size' });
    expect(await verifyCheckpoint({ jws: await sign({ ...good, rootHash: 'AAAA' }), keySet })).toEqual({ ok: false, reason: 'rootHash is not a SHA-256 hash' });
    expect(await verifyCheckpoint({ jws: await sign({ ...good, issuedAt: 'yesterday' }), keySet })).toEqual({ ok: false, reason: 'issuedAt is not RFC 3339' });
  });

  it('refuse a key ring without exactly one active key', async () => {
    const a = await ringKey('a', '2026-01-01T00:00:00Z');
    const b = await ringKey('b', '2026-02-01T00:00:00Z');
    expect(() => SigningKeyRing.of([{ ...a, retiredAt: null }, { ...b, retiredAt: null }])).toThrow(RangeError);
    expect(() => SigningKeyRing.of([{ ...a, retiredAt: new Date() }])).toThrow(RangeError);
  });
});
