import { describe, expect, it } from '@jest/globals';
import { notificationText, type NotificationKind } from './notification-texts.js';

const KINDS: NotificationKind[] = [
  'plan_started',
  'creditor_rejected',
  'creditor_countered',
  'creditor_silent',
  'delivery_failed',
  'payment_reminder',
  'payment_paused',
  'payment_received',
  'instalment_missed',
  'grace_ended',
  'plan_completed',
  'plan_amended',
];
const ABOUT_THE_PLAN_ONLY = ['plan_started', 'payment_reminder', 'payment_paused', 'payment_received', 'instalment_missed', 'grace_ended', 'plan_completed', 'plan_amended'];

describe('notification texts', () => {
  it.each(KINDS)('%s has a Dutch and an English text, short sentences, naming the creditor where there is one', (kind) => {
    const text = notificationText(kind, { creditorName: 'Stroomwijzer Energie', reasonText: 'Te laag.', monthlyCents: 5_000, firstDueDate: '2027-01-26', amountCents: 7_500, dueDate: '2027-01-26', graceEndsOn: '2027-02-25' });
    for (const words of [text.nl, text.en]) {
      expect(words.length).toBeGreaterThan(20);
      // B1: no sentence runs on; the longest stays under 25 words.
      const longest = Math.max(...words.split(/[.!?]\s/).map((sentence) => sentence.split(/\s+/).length));
      expect(longest).toBeLessThan(25);
    }
    if (!ABOUT_THE_PLAN_ONLY.includes(kind)) expect(text.nl).toContain('Stroomwijzer Energie');
    // Dates as people say them, never a code.
    for (const words of [text.nl, text.en]) expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('says when the first payment is, and what a counter-proposal offers, in each language’s own notation', () => {
    expect(notificationText('plan_started', { firstDueDate: '2027-01-26' }).nl).toContain('26 januari 2027');
    expect(notificationText('plan_started', { firstDueDate: '2027-01-26' }).en).toContain('26 January 2027');
    expect(notificationText('creditor_countered', { creditorName: 'X', monthlyCents: 5_000 }).nl).toContain('€\u00a050,00');
    expect(notificationText('creditor_countered', { creditorName: 'X', monthlyCents: 5_000 }).en).toContain('€50.00');
  });

  it('reminds of the amount and the date, and says there are no costs', () => {
    const text = notificationText('payment_reminder', { amountCents: 73_943, dueDate: '2027-01-26' });
    expect(text.nl).toContain('zonder kosten');
    expect(text.nl).toContain('€\u00a0739,43');
    expect(text.en).toContain('26 January 2027');
  });

  it('meets a missed instalment with time and help, never with a penalty or an ending', () => {
    const text = notificationText('instalment_missed', { amountCents: 7_500, dueDate: '2027-01-26', graceEndsOn: '2027-02-25' });
    expect(text.nl).toContain('25 februari 2027');
    expect(text.nl).toContain('zonder extra kosten');
    expect(text.nl).toContain('betaalpauze');
    expect(text.en).toContain('keeps running');
    expect(notificationText('grace_ended', { amountCents: 7_500, dueDate: '2027-01-26' }).nl).toContain('Je plan stopt niet');
  });

  it("quotes the creditor's reason for a rejection, and leaves it out when there is none", () => {
    expect(notificationText('creditor_rejected', { creditorName: 'X', reasonText: 'Wij vragen meer.' }).nl).toContain('"Wij vragen meer."');
    expect(notificationText('creditor_rejected', { creditorName: 'X', reasonText: null }).nl).not.toContain('reden');
  });
});
