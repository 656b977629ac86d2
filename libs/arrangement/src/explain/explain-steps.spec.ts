import { describe, expect, it } from '@jest/globals';
import { computePlan } from '../plan/compute-plan.js';
import type { ExplanationStep, StepCode } from './explanation-step.js';
import { STEP_TEXTS, explainSteps } from './explain-steps.js';
import { LOCALES, type Locale } from './locale.js';

/** A realistic step for every code; typed as a full Record so a new code needs a sample here too. */
const SAMPLES: Record<StepCode, ExplanationStep> = {
  PARAMETER_SET: { code: 'PARAMETER_SET', detail: '2025-07' },
  PARAMETERS_OUTDATED: { code: 'PARAMETERS_OUTDATED' },
  NORM: { code: 'NORM', amountCents: 134_545, detail: 'single' },
  INCOME_GROUP_LOW: { code: 'INCOME_GROUP_LOW' },
  INCOME_GROUP_MIDDLE: { code: 'INCOME_GROUP_MIDDLE' },
  INCOME_GROUP_HIGH: { code: 'INCOME_GROUP_HIGH' },
  NINETY_FIVE_PERCENT_OF_INCOME: { code: 'NINETY_FIVE_PERCENT_OF_INCOME', amountCents: 127_818, percentage: 95 },
  NINETY_FIVE_PERCENT_OF_NORM: { code: 'NINETY_FIVE_PERCENT_OF_NORM', amountCents: 127_818, percentage: 95 },
  ALLOWANCE_COMPENSATION: { code: 'ALLOWANCE_COMPENSATION', amountCents: 31_250 },
  APPROXIMATION: { code: 'APPROXIMATION' },
  MAXIMUM_BVV: { code: 'MAXIMUM_BVV', amountCents: 209_367 },
  CAPPED_AT_MAXIMUM: { code: 'CAPPED_AT_MAXIMUM', amountCents: 209_367 },
  NO_FIXED_ADDRESS: { code: 'NO_FIXED_ADDRESS', amountCents: 72_976 },
  HOUSING_INCREASE: { code: 'HOUSING_INCREASE', amountCents: 15_000, months: 18 },
  HOUSING_INCREASE_LIMITED: { code: 'HOUSING_INCREASE_LIMITED', amountCents: 4_000 },
  OFFICIAL_NOTICE: { code: 'OFFICIAL_NOTICE', amountCents: 130_000 },
  BVV: { code: 'BVV', amountCents: 127_818 },
  NET_INCOME: { code: 'NET_INCOME', amountCents: 134_545 },
  CAPACITY: { code: 'CAPACITY', amountCents: 6_727 },
  COUNSELLOR_FLOOR: { code: 'COUNSELLOR_FLOOR', amountCents: 130_000 },
  ZERO_CAPACITY: { code: 'ZERO_CAPACITY' },
  PLAN_REPAYMENT: { code: 'PLAN_REPAYMENT' },
  PLAN_SETTLEMENT: { code: 'PLAN_SETTLEMENT', months: 18 },
  TOTAL_OWED: { code: 'TOTAL_OWED', amountCents: 400_000 },
  WEIGHTED_TOTAL: { code: 'WEIGHTED_TOTAL', amountCents: 500_000 },
  PREFERENTIAL_WEIGHT: { code: 'PREFERENTIAL_WEIGHT', percentage: 200 },
  PREFERENTIAL_PAID_OFF: { code: 'PREFERENTIAL_PAID_OFF', months: 7 },
  SETTLEMENT_POT: { code: 'SETTLEMENT_POT', amountCents: 180_000, months: 18 },
  SETTLEMENT_PERCENTAGE: { code: 'SETTLEMENT_PERCENTAGE', percentage: 30 },
  MINIMUM_INSTALMENT: { code: 'MINIMUM_INSTALMENT', amountCents: 500 },
  PLAN_MONTHS: { code: 'PLAN_MONTHS', months: 18 },
  FORGIVEN: { code: 'FORGIVEN', amountCents: 220_000 },
  CLAIM_SHARE: { code: 'CLAIM_SHARE', detail: 'gemeente-utrecht', percentage: 12.5, amountCents: 45_000 },
  PAUSE_GRANTED: { code: 'PAUSE_GRANTED', months: 2, detail: '2026-03' },
  PAUSE_TOO_LONG: { code: 'PAUSE_TOO_LONG', months: 2 },
  PAUSE_IN_PAST: { code: 'PAUSE_IN_PAST' },
  PAUSE_OVERLAPS: { code: 'PAUSE_OVERLAPS', detail: '2026-04' },
  PAUSE_NO_INSTALMENT: { code: 'PAUSE_NO_INSTALMENT', detail: '2028-01' },
  INSTALMENT_REMINDER: { code: 'INSTALMENT_REMINDER', amountCents: 6_727, detail: '2026-03-26' },
  INSTALMENT_MISSED: { code: 'INSTALMENT_MISSED', amountCents: 6_727, detail: '2026-03-26' },
  GRACE_PERIOD: { code: 'GRACE_PERIOD', detail: '2026-04-25' },
};
const CODES = Object.keys(SAMPLES) as StepCode[];

/** Variants of each sample: as produced, with no figures at all, and with the edge figures 0 and 1. */
function variants(sample: ExplanationStep): ExplanationStep[] {
  return [
    sample,
    { code: sample.code },
    { code: sample.code, amountCents: 0, months: 0, percentage: 0, detail: 'onbekend' },
    { code: sample.code, amountCents: 1, months: 1, percentage: 100 },
  ];
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
}

function words(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => word.length > 0).length;
}

const ALL_TEXTS: { locale: Locale; code: StepCode; text: string }[] = LOCALES.flatMap((locale) =>
  CODES.flatMap((code) => variants(SAMPLES[code]).map((step) => ({ locale, code, text: explainSteps({ steps: [step], locale })[0] ?? '' }))),
);

describe('the text catalogue', () => {
  it('has a text for every code in every locale', () => {
    for (const locale of LOCALES) expect(Object.keys(STEP_TEXTS[locale]).sort()).toEqual([...CODES].sort());
  });

  it.each(LOCALES)('renders every code in %s without undefined, NaN or empty text', (locale) => {
    for (const { code, text } of ALL_TEXTS.filter((entry) => entry.locale === locale)) {
      expect({ code, text }).toEqual({ code, text: expect.stringMatching(/\S/) });
      expect({ code, text }).not.toEqual({ code, text: expect.stringMatching(/undefined|NaN|null|\[object|\$\{|\?%/) });
      expect({ code, text }).toEqual({ code, text: expect.stringMatching(/[.!?]$/) });
    }
  });

  it('keeps every sentence at 20 words or fewer, in both languages (B1)', () => {
    for (const { locale, code, text } of ALL_TEXTS) {
      for (const sentence of sentences(text)) expect({ locale, code, sentence, words: words(sentence) <= 20 }).toEqual({ locale, code, sentence, words: true });
    }
  });

  it('keeps the Dutch sentences short on average (B1 aims at 15 words or fewer)', () => {
    const all = ALL_TEXTS.filter((entry) => entry.locale === 'nl').flatMap((entry) => sentences(entry.text));
    const average = all.reduce((sum, sentence) => sum + words(sentence), 0) / all.length;
    expect(average).toBeLessThanOrEqual(10);
    expect(all.filter((sentence) => words(sentence) > 15)).toEqual([]);
  });

  it('speaks to the resident as "je", never the formal "u"', () => {
    for (const { code, text } of ALL_TEXTS.filter((entry) => entry.locale === 'nl')) {
      expect({ code, formal: /\b(u|uw|U|Uw)\b/.test(text) }).toEqual({ code, formal: false });
    }
  });

  it('formats money Dutch and English style', () => {
    expect(explainSteps({ steps: [SAMPLES.CAPACITY], locale: 'nl' })).toEqual(['Je kunt elke maand €\u00a067,27 betalen voor je schulden.']);
    expect(explainSteps({ steps: [SAMPLES.CAPACITY], locale: 'en' })).toEqual(['You can pay €67.27 towards your debts each month.']);
    expect(explainSteps({ steps: [SAMPLES.NORM], locale: 'nl' })[0]).toContain('€\u00a01.345,45');
    expect(explainSteps({ steps: [SAMPLES.NORM], locale: 'en' })[0]).toContain('€1,345.45');
  });

  it('explains the beslagvrije voet in plain words', () => {
    expect(explainSteps({ steps: [SAMPLES.BVV], locale: 'nl' })).toEqual([
      'Je beslagvrije voet is €\u00a01.278,18 per maand. Dat is het bedrag dat je altijd houdt om van te leven.',
    ]);
  });

  it('tells the resident kindly that a nul-aanbod is a valid offer, and where free help is', () => {
    const [nl] = explainSteps({ steps: [SAMPLES.ZERO_CAPACITY], locale: 'nl' });
    expect(nl).toContain('nul-aanbod');
    expect(nl).toContain('eerlijk aanbod');
    expect(nl).toContain('gratis');
    expect(nl).toContain('je gemeente');
    expect(nl).toContain('Geldfit.nl');
    const [en] = explainSteps({ steps: [SAMPLES.ZERO_CAPACITY], locale: 'en' });
    expect(en).toContain('fair offer');
    expect(en).toContain('free');
    expect(en).toContain('Geldfit.nl');
  });

  it('writes months, dates and factors as people say them', () => {
    expect(explainSteps({ steps: [SAMPLES.PAUSE_GRANTED, SAMPLES.GRACE_PERIOD, SAMPLES.PREFERENTIAL_WEIGHT], locale: 'nl' })).toEqual([
      'Je pauze is geregeld. Je betaalt 2 maanden niets, vanaf maart 2026. Dat kost je niets extra. Daarna gaat je regeling gewoon verder.',
      'Je hebt tot en met 25 april 2026 de tijd om te betalen. Lukt dat niet? Neem contact met ons op. Dan zoeken we samen een oplossing. Je regeling stopt niet.',
      'Sommige schuldeisers hebben voorrang, zoals de Belastingdienst. Hun schuld telt 2 keer zo zwaar mee.',
    ]);
    expect(explainSteps({ steps: [{ code: 'PLAN_MONTHS', months: 1 }], locale: 'en' })).toEqual(['The arrangement lasts 1 month.']);
  });

  it('explains the steps of a computed plan, in order', () => {
    const plan = computePlan({ mode: 'settlement', capacityCents: 0, claims: [{ id: 'a', creditorId: 'x', amountCents: 50_000, preferential: false }] });
    const texts = explainSteps({ steps: plan.steps, locale: 'nl' });
    expect(texts).toHaveLength(plan.steps.length);
    expect(texts.join(' ')).toContain('nul-aanbod');
    expect(explainSteps({ steps: [], locale: 'en' })).toEqual([]);
  });
});
