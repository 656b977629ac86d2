import { describe, expect, it } from '@jest/globals';
import { INVITATION_ALPHABET, invitationCodeFrom, invitationCodeHash, normaliseInvitationCode } from './invitation-code.js';

describe('mandate invitation codes', () => {
  it('has 32 distinct characters, so every random byte maps without bias', () => {
    expect(new Set(INVITATION_ALPHABET).size).toBe(32);
    expect(INVITATION_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('makes two groups of four from eight random bytes', () => {
    expect(invitationCodeFrom(Uint8Array.from([0, 1, 2, 3, 31, 32, 33, 255]))).toBe('0123-Z01Z');
    expect(() => invitationCodeFrom(new Uint8Array(7))).toThrow(/8 random bytes/);
  });

  it('reads a code as typed: any case, spaces or dashes, and look-alike letters as digits', () => {
    expect(normaliseInvitationCode('k7qm-2xpa')).toBe('K7QM-2XPA');
    expect(normaliseInvitationCode(' K7QM 2XPA ')).toBe('K7QM-2XPA');
    expect(normaliseInvitationCode('k7qm2xpa')).toBe('K7QM-2XPA');
    expect(normaliseInvitationCode('O1IL-AAAA')).toBe('0111-AAAA');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseInvitationCode('')).toBeNull();
    expect(normaliseInvitationCode('K7QM-2XP')).toBeNull();
    expect(normaliseInvitationCode('K7QM-2XPAA')).toBeNull();
    expect(normaliseInvitationCode('K7QM-2XPU')).toBeNull();
    expect(normaliseInvitationCode('K7QM-2XP!')).toBeNull();
  });

  it('stores a keyed hash: the same for the same code and key, different for another code or key', () => {
    const key = new Uint8Array(32).fill(7);
    const other = new Uint8Array(32).fill(8);
    expect(invitationCodeHash('K7QM-2XPA', key).equals(invitationCodeHash('K7QM-2XPA', key))).toBe(true);
    expect(invitationCodeHash('K7QM-2XPA', key).equals(invitationCodeHash('K7QM-2XPB', key))).toBe(false);
    expect(invitationCodeHash('K7QM-2XPA', key).equals(invitationCodeHash('K7QM-2XPA', other))).toBe(false);
    expect(invitationCodeHash('K7QM-2XPA', key)).toHaveLength(32);
  });
});
