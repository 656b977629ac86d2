import { describe, expect, it } from '@jest/globals';
import { CONSENT_EVENTS, ConsentEvent, ConsentState, nextConsentState } from './consent-lifecycle.js';

describe('consent and mandate lifecycle', () => {
  it.each([
    [ConsentEvent.WITHDRAW, ConsentState.WITHDRAWN],
    [ConsentEvent.EXPIRE, ConsentState.EXPIRED],
  ])('moves a given consent on %s to %s', (event, to) => {
    expect(nextConsentState(ConsentState.GIVEN, event)).toEqual({ ok: true, to });
  });

  it('refuses every event on a withdrawn or expired consent (withdrawing twice is an error)', () => {
    for (const event of CONSENT_EVENTS) {
      expect(nextConsentState(ConsentState.WITHDRAWN, event)).toEqual({ ok: false, from: ConsentState.WITHDRAWN, event });
      expect(nextConsentState(ConsentState.EXPIRED, event)).toEqual({ ok: false, from: ConsentState.EXPIRED, event });
    }
  });
});
