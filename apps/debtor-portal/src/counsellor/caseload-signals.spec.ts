import { describe, expect, it } from '@jest/globals';
import { DEADLINE_NEAR_DAYS, signalsOf, type ClientFacts } from './caseload-signals.js';

const now = new Date('2026-05-20T12:00:00Z');
const DAY = 86_400_000;

function answerIn(days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString();
}

function facts(notifications: ClientFacts['notifications'], openProposal?: ClientFacts['openProposal']): ClientFacts {
  return { notifications, openProposal };
}

describe('signalsOf', () => {
  it('gives no signal for a client with nothing going on', () => {
    expect(signalsOf(facts([]), now)).toEqual([]);
  });

  it('turns each unread kind that calls for action into its signal', () => {
    const kinds = ['instalment_missed', 'creditor_rejected', 'creditor_countered', 'creditor_silent', 'delivery_failed'];
    expect(signalsOf(facts(kinds.map((kind) => ({ kind, read: false }))), now)).toEqual(['missed', 'rejected', 'countered', 'silent', 'failed']);
    expect(signalsOf(facts([{ kind: 'grace_ended', read: false }]), now)).toEqual(['missed']);
  });

  it('ignores messages already read', () => {
    expect(signalsOf(facts([{ kind: 'creditor_rejected', read: true }, { kind: 'delivery_failed', read: false }]), now)).toEqual(['failed']);
  });

  it('ignores kinds that call for no action', () => {
    expect(signalsOf(facts([{ kind: 'plan_started', read: false }, { kind: 'INSTALMENT_MISSED', read: false }, { kind: '', read: false }]), now)).toEqual([]);
  });

  // A kind named after an Object.prototype member must not be looked up on the prototype.
  it('ignores kinds named after Object.prototype members', () => {
    expect(signalsOf(facts([{ kind: 'toString', read: false }, { kind: 'constructor', read: false }, { kind: 'hasOwnProperty', read: false }]), now)).toEqual([]);
  });

  it('names a signal once, however many messages lead to it', () => {
    const notifications = [
      { kind: 'instalment_missed', read: false },
      { kind: 'grace_ended', read: false },
      { kind: 'instalment_missed', read: false },
      { kind: 'creditor_silent', read: false },
      { kind: 'creditor_silent', read: false },
    ];
    expect(signalsOf(facts(notifications), now)).toEqual(['missed', 'silent']);
  });

  it('signals a deadline when a waiting proposal must be answered within the near days', () => {
    expect(DEADLINE_NEAR_DAYS).toBe(3);
    expect(signalsOf(facts([], { answerBy: answerIn(1), outcome: 'WAITING' }), now)).toEqual(['deadline']);
    expect(signalsOf(facts([], { answerBy: answerIn(DEADLINE_NEAR_DAYS), outcome: 'WAITING' }), now)).toEqual(['deadline']);
    expect(signalsOf(facts([], { answerBy: answerIn(-1), outcome: 'WAITING' }), now)).toEqual(['deadline']);
  });

  it('gives no deadline when the answer date is further away', () => {
    expect(signalsOf(facts([], { answerBy: new Date(now.getTime() + DEADLINE_NEAR_DAYS * DAY + 60_000).toISOString(), outcome: 'WAITING' }), now)).toEqual([]);
    expect(signalsOf(facts([], { answerBy: answerIn(10), outcome: 'WAITING' }), now)).toEqual([]);
  });

  it('gives no deadline for a proposal that waits on a decision rather than an answer', () => {
    expect(signalsOf(facts([], { answerBy: answerIn(1), outcome: 'NEEDS_DECISION' }), now)).toEqual([]);
    expect(signalsOf(facts([], { answerBy: answerIn(1), outcome: 'ACCEPTED' }), now)).toEqual([]);
  });

  it('puts the deadline after the message signals', () => {
    expect(signalsOf(facts([{ kind: 'creditor_countered', read: false }], { answerBy: answerIn(2), outcome: 'WAITING' }), now)).toEqual(['countered', 'deadline']);
  });
});
