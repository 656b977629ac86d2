import { describe, expect, it } from '@jest/globals';
import { applyAcceptancePolicy } from './proposal-policy.js';

const ok = { ok: true } as const;
const mismatch = { ok: false, problems: [{ code: 'SHARE_MISMATCH', month: 3, message: 'month 3 pays 10 cents too little' }] } as const;

describe('the acceptance policy', () => {
  it('accepts a proposal whose share checks out when the policy is automatic', () => {
    expect(applyAcceptancePolicy({ policy: 'automatic', shareCheck: ok, unusableClaims: [] })).toEqual({
      kind: 'answer',
      answer: { decision: 'accept', decidedBy: 'policy' },
    });
  });

  it('waits for staff when the policy says so', () => {
    expect(applyAcceptancePolicy({ policy: 'staff', shareCheck: ok, unusableClaims: [] })).toEqual({ kind: 'await_staff' });
  });

  it.each(['automatic', 'staff'] as const)('rejects a share that does not check out with SHARE_MISMATCH (policy %s)', (policy) => {
    const outcome = applyAcceptancePolicy({ policy, shareCheck: mismatch, unusableClaims: [] });
    expect(outcome).toMatchObject({ kind: 'answer', answer: { decision: 'reject', reasonCode: 'SHARE_MISMATCH' } });
    expect(outcome.kind === 'answer' && outcome.answer.reasonText).toContain('month 3 pays 10 cents too little');
  });

  it('rejects a proposal naming a claim the node cannot put in a plan, before it looks at the share', () => {
    const outcome = applyAcceptancePolicy({ policy: 'automatic', shareCheck: mismatch, unusableClaims: ['A-1', 'B-2'] });
    expect(outcome).toMatchObject({ kind: 'answer', answer: { decision: 'reject', reasonCode: 'CLAIM_UNKNOWN', reasonText: 'Not open for a plan here: A-1, B-2.' } });
  });
});
