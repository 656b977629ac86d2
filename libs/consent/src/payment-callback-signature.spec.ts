import { describe, expect, it } from '@jest/globals';
import { signPaymentCallback, verifyPaymentCallback } from './payment-callback-signature.js';

describe('the payment provider callback signature', () => {
  const secret = 'provider-secret';
  const body = JSON.stringify({ id: 'pay_1', reference: 'SR-1', amountCents: 12345, receivedOn: '2026-12-01' });
  const now = new Date('2026-12-02T10:00:00Z');
  const header = signPaymentCallback({ secret, body, now });

  it('checks out for the same secret and body within five minutes', () => {
    expect(verifyPaymentCallback({ secret, body, header, now })).toBe(true);
    expect(verifyPaymentCallback({ secret, body, header, now: new Date(now.getTime() + 299_000) })).toBe(true);
  });

  it('fails for another secret, a changed body, a stale timestamp or a garbled header', () => {
    expect(verifyPaymentCallback({ secret: 'other', body, header, now })).toBe(false);
    expect(verifyPaymentCallback({ secret, body: body.replace('12345', '99999'), header, now })).toBe(false);
    expect(verifyPaymentCallback({ secret, body, header, now: new Date(now.getTime() + 301_000) })).toBe(false);
    expect(verifyPaymentCallback({ secret, body, header: undefined, now })).toBe(false);
    expect(verifyPaymentCallback({ secret, body, header: 't=abc,v1=00', now })).toBe(false);
    const flipped = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0');
    expect(verifyPaymentCallback({ secret, body, header: flipped, now })).toBe(false);
  });
});
