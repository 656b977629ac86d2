import { createHmac } from 'node:crypto';

/**
 * The one-time code a counsellor gives a resident, so the resident can give them a mandate without
 * knowing any platform id: eight characters of Crockford's base 32 (no I, L, O or U; an O typed is read
 * as 0, an I or L as 1), shown as two groups of four. 32⁸ ≈ 10¹² codes, each valid for days only and
 * used once, against guesses by signed-in residents only. Stored only as a keyed hash: 10¹² codes are
 * few enough to try them all against a plain hash, so a database copy without the key gives none.
 */
export const INVITATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

/** A new code, from 8 random bytes (one per character; 256 is a multiple of 32, so no bias). */
export function invitationCodeFrom(random: Uint8Array): string {
  if (random.length < CODE_LENGTH) throw new Error(`an invitation code needs ${CODE_LENGTH} random bytes`);
  const chars = [...random.subarray(0, CODE_LENGTH)].map((byte) => INVITATION_ALPHABET[byte % INVITATION_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * What the resident typed, as the code it means: case, spaces and dashes do not matter, and the
 * look-alikes are read as the digit they resemble. null when it cannot be a code.
 */
export function normaliseInvitationCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== CODE_LENGTH || [...plain].some((c) => !INVITATION_ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** What is stored and looked up: HMAC-SHA-256 under the coordinator's secret, with this use's own label. */
export function invitationCodeHash(code: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`mandate-invitation:${code}`).digest();
}
