import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The payment provider's webhook signature, after the scheme the big providers use: the header
 * `Payment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<raw body>">` with a secret the
 * provider and the coordinator share. The timestamp bounds a replay to a few minutes; the payment id
 * in the body makes a replay inside them a no-op. The local simulated provider signs the same way.
 */
export const PAYMENT_SIGNATURE_HEADER = 'payment-signature';
export const PAYMENT_SIGNATURE_TOLERANCE_SECONDS = 300;

function mac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signPaymentCallback(params: { readonly secret: string; readonly body: string; readonly now: Date }): string {
  const timestamp = Math.floor(params.now.getTime() / 1000);
  return `t=${timestamp},v1=${mac(params.secret, timestamp, params.body)}`;
}

/** Never throws: a missing, malformed, stale or wrong signature is simply not valid. */
export function verifyPaymentCallback(params: { readonly secret: string; readonly body: string; readonly header: string | undefined; readonly now: Date }): boolean {
  if (params.header === undefined) return false;
  const parts = new Map(
    params.header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(params.now.getTime() / 1000 - timestamp) > PAYMENT_SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(mac(params.secret, timestamp, params.body), 'hex'));
}
