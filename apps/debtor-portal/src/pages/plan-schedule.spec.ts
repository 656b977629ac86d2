import { describe, expect, it } from '@jest/globals';
import type { ProposalView } from '../gateway/operations.js';
import { scheduleOf } from './plan-schedule.js';

function proposal(changes: Partial<ProposalView>): ProposalView {
  return {
    id: '7d5c2a4e-1f3b-4c6d-8e9f-0a1b2c3d4e5f',
    status: 'PROPOSED',
    outcome: 'WAITING',
    mode: 'REPAYMENT',
    capacity: '10000',
    termMonths: 18,
    totalToPay: '35000',
    proposedAt: '2026-05-01T10:00:00Z',
    answerBy: '2026-05-29',
    amends: null,
    startedAt: null,
    instalments: [],
    payments: null,
    creditors: [],
    manualClaims: [],
    explanation: [],
    ...changes,
  };
}

describe('scheduleOf, while proposed', () => {
  it('pays the capacity each month and the remainder in the last', () => {
    expect(scheduleOf(proposal({ capacity: '10000', totalToPay: '35000', termMonths: 18 }), 'nl')).toEqual([
      { label: '1', amount: 10000n, dueDate: undefined },
      { label: '2', amount: 10000n, dueDate: undefined },
      { label: '3', amount: 10000n, dueDate: undefined },
      { label: '4', amount: 5000n, dueDate: undefined },
    ]);
  });

  it('ends exactly on the capacity when the total divides evenly', () => {
    expect(scheduleOf(proposal({ capacity: '2500', totalToPay: '7500', termMonths: 18 }), 'en').map((m) => m.amount)).toEqual([2500n, 2500n, 2500n]);
  });

  it('never has more months than the term, the last one taking what is left', () => {
    const months = scheduleOf(proposal({ mode: 'SETTLEMENT', capacity: '1000', totalToPay: '5500', termMonths: 3 }), 'nl');
    expect(months.map((m) => m.amount)).toEqual([1000n, 1000n, 3500n]);
    expect(months.map((m) => m.label)).toEqual(['1', '2', '3']);
  });

  it('adds up to the total to pay', () => {
    const months = scheduleOf(proposal({ capacity: '12345', totalToPay: '1000001', termMonths: 36 }), 'nl');
    expect(months).toHaveLength(36);
    expect(months.reduce((sum, m) => sum + m.amount, 0n)).toBe(1000001n);
    expect(months.slice(0, 35).every((m) => m.amount === 12345n)).toBe(true);
    expect(months[35]?.amount).toBe(1000001n - 35n * 12345n);
  });

  it('has no months when there is nothing to pay', () => {
    expect(scheduleOf(proposal({ totalToPay: '0' }), 'nl')).toEqual([]);
  });
});

describe('scheduleOf, once running', () => {
  it('uses the real instalments, labelled by month and with their due dates', () => {
    const running = proposal({
      status: 'RUNNING',
      outcome: 'ACCEPTED',
      startedAt: '2026-06-01T08:00:00Z',
      capacity: '10000',
      totalToPay: '35000',
      instalments: [
        { number: 1, month: '2026-06', dueDate: '2026-06-28', amount: '10000' },
        { number: 2, month: '2026-08', dueDate: '2026-08-28', amount: '12500' },
      ],
    });
    expect(scheduleOf(running, 'nl')).toEqual([
      { label: 'juni 2026', amount: 10000n, dueDate: '2026-06-28' },
      { label: 'augustus 2026', amount: 12500n, dueDate: '2026-08-28' },
    ]);
    expect(scheduleOf(running, 'en').map((m) => m.label)).toEqual(['June 2026', 'August 2026']);
  });
});
