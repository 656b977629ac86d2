import { describe, expect, it } from '@jest/globals';
import { SignJWT, generateKeyPair, type CryptoKey } from 'jose';
import { ConsentPurpose, DataCategory } from '#contracts';
import { issueConsentToken, verifyConsentToken } from './consent-token.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const keyPair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
const otherKeyPair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });

function issue(overrides: Partial<Parameters<typeof issueConsentToken>[0]> = {}): Promise<string> {
  return issueConsentToken({
    issuer: 'samen-regelen-coordinator',
    audience: 'gemeente-utrecht',
    subject: 'ps_abc',
    consentId: 'consent-1',
    purpose: ConsentPurpose.COLLECTIVE_ARRANGEMENT,
    categories: [DataCategory.CLAIMS],
    tokenId: 'token-1',
    issuedAt: NOW,
    lifetimeSeconds: 120,
    privateKey: keyPair.privateKey,
    keyId: 'k1',
    ...overrides,
  });
}

function verify(token: string | undefined, options: { now?: Date; keys?: CryptoKey; audience?: string } = {}) {
  return verifyConsentToken({
    token,
    issuer: 'samen-regelen-coordinator',
    audience: options.audience ?? 'gemeente-utrecht',
    keys: options.keys ?? keyPair.publicKey,
    category: DataCategory.CLAIMS,
    now: options.now ?? NOW,
  });
}

describe('consent tokens', () => {
  it('verifies a token it issued and returns its claims', async () => {
    const result = await verify(await issue());
    expect(result).toEqual({
      ok: true,
      claims: {
        iss: 'samen-regelen-coordinator',
        aud: 'gemeente-utrecht',
        sub: 'ps_abc',
        jti: 'token-1',
        iat: NOW.getTime() / 1000,
        exp: NOW.getTime() / 1000 + 120,
        consentId: 'consent-1',
        purpose: 'collective-arrangement',
        categories: ['claims'],
      },
    });
  });

  it('says CONSENT_REQUIRED when there is no token', async () => {
    expect(await verify(undefined)).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    expect(await verify('')).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
  });

  it('says CONSENT_EXPIRED after the lifetime (beyond 5 s clock tolerance)', async () => {
    const token = await issue();
    expect((await verify(token, { now: new Date(NOW.getTime() + 124_000) })).ok).toBe(true);
    expect(await verify(token, { now: new Date(NOW.getTime() + 126_000) })).toMatchObject({ ok: false, code: 'CONSENT_EXPIRED' });
  });

  it.each([
    ['another node', async () => verify(await issue(), { audience: 'waterschap-vallei' })],
    ['another signing key', async () => verify(await issue({ privateKey: otherKeyPair.privateKey }))],
    ['a tampered payload', async () => {
      const [header, payload, signature] = (await issue()).split('.');
      const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'ps_other' })).toString('base64url');
      return verify(`${header}.${changed}.${signature}`);
    }],
    ['garbage', async () => verify('not.a.token')],
    ['issued in the future', async () => verify(await issue({ issuedAt: new Date(NOW.getTime() + 60_000) }))],
  ])('says CONSENT_INVALID for %s', async (_label, run) => {
    expect(await run()).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
  });

  it('refuses a token meant for several nodes at once', async () => {
    const token = await new SignJWT({ consentId: 'c', purpose: 'debt-overview', categories: ['claims'] })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'consent+jwt', kid: 'k1' })
      .setIssuer('samen-regelen-coordinator')
      .setAudience(['gemeente-utrecht', 'waterschap-vallei'])
      .setSubject('ps_abc').setJti('t').setIssuedAt(NOW.getTime() / 1000).setExpirationTime(NOW.getTime() / 1000 + 60)
      .sign(keyPair.privateKey);
    expect(await verify(token)).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
  });

  it('refuses a plain JWT that is not typed as a consent token', async () => {
    const token = await new SignJWT({ consentId: 'c', purpose: 'debt-overview', categories: ['claims'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setIssuer('samen-regelen-coordinator').setAudience('gemeente-utrecht')
      .setSubject('ps_abc').setJti('t').setIssuedAt(NOW.getTime() / 1000).setExpirationTime(NOW.getTime() / 1000 + 60)
      .sign(keyPair.privateKey);
    expect(await verify(token)).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
  });

  it('refuses a token that lives longer than five minutes', async () => {
    const token = await new SignJWT({ consentId: 'c', purpose: 'debt-overview', categories: ['claims'] })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'consent+jwt', kid: 'k1' })
      .setIssuer('samen-regelen-coordinator').setAudience('gemeente-utrecht')
      .setSubject('ps_abc').setJti('t').setIssuedAt(NOW.getTime() / 1000).setExpirationTime(NOW.getTime() / 1000 + 3600)
      .sign(keyPair.privateKey);
    expect(await verify(token)).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
    await expect(issue({ lifetimeSeconds: 301 })).rejects.toThrow(RangeError);
  });

  it('says CONSENT_SCOPE when the consent does not cover claims', async () => {
    const token = await issue({ categories: [DataCategory.ARRANGEMENT] });
    expect(await verify(token)).toMatchObject({ ok: false, code: 'CONSENT_SCOPE' });
  });

  it('says CONSENT_KEYS_UNAVAILABLE when the key set cannot be read', async () => {
    const result = await verifyConsentToken({
      token: await issue(),
      issuer: 'samen-regelen-coordinator',
      audience: 'gemeente-utrecht',
      keys: () => Promise.reject(new TypeError('fetch failed')),
      category: DataCategory.CLAIMS,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, code: 'CONSENT_KEYS_UNAVAILABLE' });
  });
});
