import type { ExplanationStep, StepCode } from './explanation-step.js';
import { formatDateText, formatMonthText } from './format-date.js';
import { formatMoney } from './format-money.js';
import { formatNumber, formatPercentage } from './format-number.js';
import type { Locale } from './locale.js';

/**
 * The text catalogue: one sentence or a few per step code, per locale. Typed as a full Record, so a
 * new step code or locale does not compile until every text is written.
 *
 * Dutch is written at B1 level (BRIEF.md requirement 6): short sentences, common words, "je", and a
 * friendly tone that assumes the resident wants to solve it. A term that must be used (bijstandsnorm,
 * beslagvrije voet, nul-aanbod, finale kwijting) is explained in plain words where it appears.
 * A step missing a figure still reads well: the text leaves the figure out rather than print
 * "undefined".
 */
export type StepText = (step: ExplanationStep) => string;

function amount(step: ExplanationStep, locale: Locale): string | undefined {
  return step.amountCents === undefined ? undefined : formatMoney({ cents: step.amountCents, locale });
}

function monthCount(step: ExplanationStep): number | undefined {
  const months = step.months;
  return months !== undefined && Number.isSafeInteger(months) && months >= 0 ? months : undefined;
}

function percentage(step: ExplanationStep, locale: Locale): string | undefined {
  return step.percentage === undefined || !Number.isFinite(step.percentage) ? undefined : formatPercentage({ value: step.percentage, locale });
}

const nlMonths = (n: number): string => `${n} ${n === 1 ? 'maand' : 'maanden'}`;
const enMonths = (n: number): string => `${n} ${n === 1 ? 'month' : 'months'}`;

const NL_HOUSEHOLD: Readonly<Record<string, string>> = {
  single: 'voor iemand die alleen woont',
  single_parent: 'voor een alleenstaande ouder',
  couple: 'voor een stel',
  couple_with_children: 'voor een stel met kinderen',
};
const EN_HOUSEHOLD: Readonly<Record<string, string>> = {
  single: 'for someone who lives alone',
  single_parent: 'for a single parent',
  couple: 'for a couple',
  couple_with_children: 'for a couple with children',
};

const NL: Record<StepCode, StepText> = {
  PARAMETER_SET: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'nl' });
    return month === undefined ? 'We rekenen met de bedragen die nu gelden.' : `We rekenen met de bedragen die gelden vanaf ${month}.`;
  },
  PARAMETERS_OUTDATED: () =>
    'Voor deze datum zijn nog geen nieuwe bedragen bekend. Daarom gebruiken we de nieuwste bedragen die we hebben. Je bedrag kan dus nog iets veranderen.',
  NORM: (s) => {
    const norm = amount(s, 'nl');
    const who = s.detail === undefined ? undefined : NL_HOUSEHOLD[s.detail];
    const lead = `De bijstandsnorm${who === undefined ? '' : ` ${who}`} is`;
    return `${norm === undefined ? `We kijken eerst naar de bijstandsnorm.` : `${lead} ${norm} per maand.`} Dat is het bedrag dat de overheid rekent als minimum om van te leven.`;
  },
  INCOME_GROUP_LOW: () => 'Je inkomen is niet hoger dan de bijstandsnorm.',
  INCOME_GROUP_MIDDLE: () => 'Je inkomen is hoger dan de bijstandsnorm. Daarom rekenen we met 95% van de norm, plus een extra bedrag.',
  INCOME_GROUP_HIGH: () => 'Je inkomen is hoog. Daarom geldt voor jou een vast hoogste bedrag.',
  NINETY_FIVE_PERCENT_OF_INCOME: (s) => {
    const part = percentage(s, 'nl') ?? '95%';
    const value = amount(s, 'nl');
    return `Je houdt ${part} van je inkomen.${value === undefined ? '' : ` Dat is ${value}.`}`;
  },
  NINETY_FIVE_PERCENT_OF_NORM: (s) => {
    const part = percentage(s, 'nl') ?? '95%';
    const value = amount(s, 'nl');
    return value === undefined ? `We rekenen met ${part} van de bijstandsnorm.` : `${part} van de bijstandsnorm is ${value}.`;
  },
  ALLOWANCE_COMPENSATION: (s) => {
    const value = amount(s, 'nl');
    return `Je verdient meer dan de norm. Daardoor krijg je minder toeslagen, zoals huurtoeslag en zorgtoeslag. Daarom houd je ${value === undefined ? 'een bedrag' : value} extra.`;
  },
  APPROXIMATION: () =>
    'Dit bedrag is een schatting. Kreeg je een officiële brief van een deurwaarder met een ander bedrag? Gebruik dan het bedrag uit die brief.',
  MAXIMUM_BVV: (s) => {
    const value = amount(s, 'nl');
    return value === undefined ? 'Er is een hoogste bedrag dat je kunt houden.' : `Het hoogste bedrag dat je kunt houden is ${value} per maand.`;
  },
  CAPPED_AT_MAXIMUM: (s) => {
    const value = amount(s, 'nl');
    return `Wat we uitrekenden is hoger dan dat hoogste bedrag. Daarom houd je ${value === undefined ? 'het hoogste bedrag' : value}.`;
  },
  NO_FIXED_ADDRESS: (s) => {
    const value = amount(s, 'nl');
    return `Je hebt geen vast woonadres. Dan houd je een vast bedrag${value === undefined ? '' : ` van ${value}`}. Zijn je kosten hoger? Dan kun je om meer vragen.`;
  },
  HOUSING_INCREASE: (s) => {
    const value = amount(s, 'nl');
    const months = monthCount(s);
    return `Je woonkosten zijn hoog. Daarom houd je ${value === undefined ? 'iets' : value} per maand extra.${months === undefined || months === 0 ? '' : ` Dat geldt ${nlMonths(months)}.`}`;
  },
  HOUSING_INCREASE_LIMITED: (s) => {
    const value = amount(s, 'nl');
    return `Het extra bedrag voor je woonkosten is kleiner${value === undefined ? '' : `: ${value}`}. Je schuldeisers krijgen namelijk altijd minstens 5% van je inkomen.`;
  },
  OFFICIAL_NOTICE: (s) => {
    const value = amount(s, 'nl');
    return `We gebruiken het bedrag uit je officiële brief${value === undefined ? '' : `: ${value}`}.`;
  },
  BVV: (s) => {
    const value = amount(s, 'nl');
    return `${value === undefined ? 'Nu weten we je beslagvrije voet.' : `Je beslagvrije voet is ${value} per maand.`} Dat is het bedrag dat je altijd houdt om van te leven.`;
  },
  NET_INCOME: (s) => {
    const value = amount(s, 'nl');
    return `${value === undefined ? 'We kijken naar je inkomen.' : `Je inkomen is ${value} per maand.`} Dat is wat je op je rekening krijgt, met je vakantiegeld erbij.`;
  },
  CAPACITY: (s) => {
    const value = amount(s, 'nl');
    return value === undefined ? 'We rekenen uit wat je elke maand kunt betalen voor je schulden.' : `Je kunt elke maand ${value} betalen voor je schulden.`;
  },
  COUNSELLOR_FLOOR: (s) => {
    const value = amount(s, 'nl');
    return `Je schuldhulpverlener rekende uit dat je meer nodig hebt om van te leven. Daarom houd je ${value === undefined ? 'meer' : value}.`;
  },
  ZERO_CAPACITY: () =>
    [
      'Je hebt nu geen geld over om schulden te betalen.',
      'Dat kan gebeuren.',
      'We sturen je schuldeisers een nul-aanbod.',
      'Dat betekent: je betaalt nu niets, omdat het niet kan.',
      'Ook dat is een echt en eerlijk aanbod.',
      'Wil je hulp bij je schulden? Die hulp is gratis.',
      'Vraag het aan je gemeente, of kijk op Geldfit.nl.',
    ].join(' '),
  PLAN_REPAYMENT: () => 'Je betaalt al je schulden terug, elke maand een deel. Elke schuldeiser krijgt een eerlijk deel.',
  PLAN_SETTLEMENT: (s) => {
    const months = monthCount(s);
    return `Je betaalt ${months === undefined ? 'een afgesproken tijd' : nlMonths(months)} lang wat je kunt missen. Daarna hoef je de rest niet meer te betalen.`;
  },
  TOTAL_OWED: (s) => {
    const value = amount(s, 'nl');
    return value === undefined ? 'We tellen al je schulden op.' : `Je schulden zijn samen ${value}.`;
  },
  WEIGHTED_TOTAL: (s) => {
    const value = amount(s, 'nl');
    return `We verdelen je betaling naar de grootte van elke schuld.${value === undefined ? '' : ` Daarvoor rekenen we met een totaal van ${value}.`}`;
  },
  PREFERENTIAL_WEIGHT: (s) => {
    const factor = s.percentage === undefined || !Number.isFinite(s.percentage) ? undefined : formatNumber({ value: s.percentage / 100, locale: 'nl' });
    return `Sommige schuldeisers hebben voorrang, zoals de Belastingdienst. Hun schuld telt ${factor === undefined ? 'zwaarder' : `${factor} keer zo zwaar`} mee.`;
  },
  PREFERENTIAL_PAID_OFF: (s) => {
    const months = monthCount(s);
    return `${months === undefined ? 'Eerst' : `Na ${nlMonths(months)}`} zijn de schulden met voorrang betaald. Daarna gaat je geld naar de andere schuldeisers.`;
  },
  SETTLEMENT_POT: (s) => {
    const value = amount(s, 'nl');
    const months = monthCount(s);
    return `${months === undefined ? 'In de hele regeling' : `In ${nlMonths(months)}`} betaal je samen ${value === undefined ? 'wat je kunt missen' : value}.`;
  },
  SETTLEMENT_PERCENTAGE: (s) => {
    const part = percentage(s, 'nl');
    return part === undefined ? 'Alle gewone schuldeisers krijgen hetzelfde deel van hun geld.' : `Gewone schuldeisers krijgen ${part} van wat je ze schuldig bent.`;
  },
  MINIMUM_INSTALMENT: (s) => {
    const value = amount(s, 'nl');
    return `Een betaling aan een schuldeiser is minstens ${value === undefined ? 'een vast bedrag' : value}. Kleinere bedragen sparen we eerst op. Zo gaat er geen geld verloren.`;
  },
  PLAN_MONTHS: (s) => {
    const months = monthCount(s);
    if (months === undefined) return 'We rekenen uit hoe lang de regeling duurt.';
    return months === 0 ? 'Je hoeft nu niets te betalen.' : `De regeling duurt ${nlMonths(months)}.`;
  },
  CLAIM_SHARE: (s) => {
    const part = percentage(s, 'nl');
    const value = amount(s, 'nl');
    const who = s.detail === undefined ? 'Deze schuldeiser' : `Schuldeiser ${s.detail}`;
    return `${who} krijgt ${part === undefined ? 'een deel' : part} van elke betaling.${value === undefined ? '' : ` In totaal krijgt deze schuldeiser ${value}.`}`;
  },
  FORGIVEN: (s) => {
    const value = amount(s, 'nl');
    return `Na de regeling hoef je ${value === undefined ? 'de rest' : value} niet meer te betalen. Dat heet finale kwijting.`;
  },
  PAUSE_GRANTED: (s) => {
    const months = monthCount(s);
    const from = formatMonthText({ month: s.detail, locale: 'nl' });
    return `Je pauze is geregeld. Je betaalt ${months === undefined ? 'even' : nlMonths(months)} niets${from === undefined ? '' : `, vanaf ${from}`}. Dat kost je niets extra. Daarna gaat je regeling gewoon verder.`;
  },
  PAUSE_TOO_LONG: (s) => {
    const months = monthCount(s);
    return months === undefined || months === 0
      ? 'Je kunt in deze periode geen pauze meer nemen. Neem gerust contact met ons op. Dan zoeken we samen een oplossing.'
      : `Zo'n lange pauze kan nu niet. Je kunt nu hoogstens ${nlMonths(months)} pauzeren.`;
  },
  PAUSE_IN_PAST: () =>
    'Een pauze kan alleen voor een betaling die nog moet komen. Lukte het betalen niet? Neem gerust contact met ons op. Dat kost niets.',
  PAUSE_OVERLAPS: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'nl' });
    return `${month === undefined ? 'In die tijd' : `In ${month}`} heb je al een pauze. Kies een andere maand.`;
  },
  PAUSE_NO_INSTALMENT: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'nl' });
    return `${month === undefined ? 'Dan' : `In ${month}`} hoef je niets te betalen. Een pauze is dus niet nodig.`;
  },
  INSTALMENT_REMINDER: (s) => {
    const value = amount(s, 'nl');
    const date = formatDateText({ date: s.detail, locale: 'nl' });
    return `${date === undefined ? 'Binnenkort' : `Op ${date}`} betaal je ${value === undefined ? 'weer' : value} voor je regeling. Wil je zorgen dat het geld op je rekening staat? Deze herinnering is gratis.`;
  },
  INSTALMENT_MISSED: (s) => {
    const value = amount(s, 'nl');
    const date = formatDateText({ date: s.detail, locale: 'nl' });
    return `We hebben je betaling${date === undefined ? '' : ` van ${date}`} nog niet gekregen.${value === undefined ? '' : ` Het gaat om ${value}.`} Dat kan gebeuren. Er komen geen extra kosten bij.`;
  },
  GRACE_PERIOD: (s) => {
    const date = formatDateText({ date: s.detail, locale: 'nl' });
    return `${date === undefined ? 'Je krijgt extra tijd om te betalen.' : `Je hebt tot en met ${date} de tijd om te betalen.`} Lukt dat niet? Neem contact met ons op. Dan zoeken we samen een oplossing. Je regeling stopt niet.`;
  },
};

const EN: Record<StepCode, StepText> = {
  PARAMETER_SET: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'en' });
    return month === undefined ? 'We use the amounts that apply now.' : `We use the amounts that apply from ${month}.`;
  },
  PARAMETERS_OUTDATED: () => 'The new amounts for this date are not known yet. So we use the newest amounts we have. Your amount may still change a little.',
  NORM: (s) => {
    const norm = amount(s, 'en');
    const who = s.detail === undefined ? undefined : EN_HOUSEHOLD[s.detail];
    const lead = `The social assistance standard${who === undefined ? '' : ` ${who}`} is`;
    return `${norm === undefined ? 'We start with the social assistance standard.' : `${lead} ${norm} a month.`} That is the amount the government sees as the minimum to live on.`;
  },
  INCOME_GROUP_LOW: () => 'Your income is not higher than the social assistance standard.',
  INCOME_GROUP_MIDDLE: () => 'Your income is higher than the social assistance standard. So we use 95% of the standard, plus an extra amount.',
  INCOME_GROUP_HIGH: () => 'Your income is high. So a fixed maximum amount applies to you.',
  NINETY_FIVE_PERCENT_OF_INCOME: (s) => {
    const part = percentage(s, 'en') ?? '95%';
    const value = amount(s, 'en');
    return `You keep ${part} of your income.${value === undefined ? '' : ` That is ${value}.`}`;
  },
  NINETY_FIVE_PERCENT_OF_NORM: (s) => {
    const part = percentage(s, 'en') ?? '95%';
    const value = amount(s, 'en');
    return value === undefined ? `We use ${part} of the social assistance standard.` : `${part} of the social assistance standard is ${value}.`;
  },
  ALLOWANCE_COMPENSATION: (s) => {
    const value = amount(s, 'en');
    return `You earn more than the standard. Because of that, you get less in benefits, like rent benefit and health care benefit. So you keep ${value === undefined ? 'an amount' : value} extra.`;
  },
  APPROXIMATION: () => 'This amount is an estimate. Did you get an official letter from a bailiff with a different amount? Then use the amount in that letter.',
  MAXIMUM_BVV: (s) => {
    const value = amount(s, 'en');
    return value === undefined ? 'There is a maximum amount you can keep.' : `The most you can keep is ${value} a month.`;
  },
  CAPPED_AT_MAXIMUM: (s) => {
    const value = amount(s, 'en');
    return `What we worked out is higher than that maximum. So you keep ${value === undefined ? 'the maximum' : value}.`;
  },
  NO_FIXED_ADDRESS: (s) => {
    const value = amount(s, 'en');
    return `You do not have a fixed home address. Then you keep a fixed amount${value === undefined ? '' : ` of ${value}`}. Are your costs higher? Then you can ask for more.`;
  },
  HOUSING_INCREASE: (s) => {
    const value = amount(s, 'en');
    const months = monthCount(s);
    return `Your housing costs are high. So you keep ${value === undefined ? 'a little' : value} extra each month.${months === undefined || months === 0 ? '' : ` This applies for ${enMonths(months)}.`}`;
  },
  HOUSING_INCREASE_LIMITED: (s) => {
    const value = amount(s, 'en');
    return `The extra amount for your housing costs is smaller${value === undefined ? '' : `: ${value}`}. This is because your creditors always get at least 5% of your income.`;
  },
  OFFICIAL_NOTICE: (s) => {
    const value = amount(s, 'en');
    return `We use the amount from your official letter${value === undefined ? '' : `: ${value}`}.`;
  },
  BVV: (s) => {
    const value = amount(s, 'en');
    return `${value === undefined ? 'Now we know your protected amount (beslagvrije voet).' : `Your protected amount (beslagvrije voet) is ${value} a month.`} That is the amount you always keep to live on.`;
  },
  NET_INCOME: (s) => {
    const value = amount(s, 'en');
    return `${value === undefined ? 'We look at your income.' : `Your income is ${value} a month.`} That is what you get in your bank account, with your holiday pay included.`;
  },
  CAPACITY: (s) => {
    const value = amount(s, 'en');
    return value === undefined ? 'We work out what you can pay towards your debts each month.' : `You can pay ${value} towards your debts each month.`;
  },
  COUNSELLOR_FLOOR: (s) => {
    const value = amount(s, 'en');
    return `Your debt counsellor worked out that you need more to live on. So you keep ${value === undefined ? 'more' : value}.`;
  },
  ZERO_CAPACITY: () =>
    [
      'Right now you have no money left to pay debts.',
      'That can happen.',
      'We send your creditors a zero offer (nul-aanbod).',
      'This means: you pay nothing now, because you cannot.',
      'That is a real and fair offer too.',
      'Would you like help with your debts? That help is free.',
      'Ask your municipality (je gemeente), or visit Geldfit.nl.',
    ].join(' '),
  PLAN_REPAYMENT: () => 'You pay back all your debts, a part each month. Every creditor gets a fair share.',
  PLAN_SETTLEMENT: (s) => {
    const months = monthCount(s);
    return `For ${months === undefined ? 'an agreed time' : enMonths(months)} you pay what you can spare. After that, you do not have to pay the rest.`;
  },
  TOTAL_OWED: (s) => {
    const value = amount(s, 'en');
    return value === undefined ? 'We add up all your debts.' : `Your debts add up to ${value}.`;
  },
  WEIGHTED_TOTAL: (s) => {
    const value = amount(s, 'en');
    return `We share out your payment by the size of each debt.${value === undefined ? '' : ` For this we use a total of ${value}.`}`;
  },
  PREFERENTIAL_WEIGHT: (s) => {
    const factor = s.percentage === undefined || !Number.isFinite(s.percentage) ? undefined : formatNumber({ value: s.percentage / 100, locale: 'en' });
    return `Some creditors come first, like the tax office. Their debt counts ${factor === undefined ? 'more' : `${factor} times as much`}.`;
  },
  PREFERENTIAL_PAID_OFF: (s) => {
    const months = monthCount(s);
    return `${months === undefined ? 'First, the' : `After ${enMonths(months)}, the`} debts that come first are paid. After that, your money goes to the other creditors.`;
  },
  SETTLEMENT_POT: (s) => {
    const value = amount(s, 'en');
    const months = monthCount(s);
    return `${months === undefined ? 'Over the whole arrangement' : `In ${enMonths(months)}`} you pay ${value === undefined ? 'what you can spare' : `${value} in total`}.`;
  },
  SETTLEMENT_PERCENTAGE: (s) => {
    const part = percentage(s, 'en');
    return part === undefined ? 'Every ordinary creditor gets the same share of their money.' : `Every ordinary creditor gets ${part} of what you owe them.`;
  },
  MINIMUM_INSTALMENT: (s) => {
    const value = amount(s, 'en');
    return `A payment to a creditor is at least ${value === undefined ? 'a fixed amount' : value}. We save up smaller amounts first. That way no money is lost.`;
  },
  PLAN_MONTHS: (s) => {
    const months = monthCount(s);
    if (months === undefined) return 'We work out how long the arrangement lasts.';
    return months === 0 ? 'You do not have to pay anything now.' : `The arrangement lasts ${enMonths(months)}.`;
  },
  CLAIM_SHARE: (s) => {
    const part = percentage(s, 'en');
    const value = amount(s, 'en');
    const who = s.detail === undefined ? 'This creditor' : `Creditor ${s.detail}`;
    return `${who} gets ${part === undefined ? 'a part' : part} of each payment.${value === undefined ? '' : ` In total this creditor gets ${value}.`}`;
  },
  FORGIVEN: (s) => {
    const value = amount(s, 'en');
    return `After the arrangement, you do not have to pay ${value === undefined ? 'the rest' : value} any more. This is called final discharge (finale kwijting).`;
  },
  PAUSE_GRANTED: (s) => {
    const months = monthCount(s);
    const from = formatMonthText({ month: s.detail, locale: 'en' });
    return `Your pause is arranged. You pay nothing for ${months === undefined ? 'a while' : enMonths(months)}${from === undefined ? '' : `, from ${from}`}. It costs nothing extra. After that, your arrangement simply goes on.`;
  },
  PAUSE_TOO_LONG: (s) => {
    const months = monthCount(s);
    return months === undefined || months === 0
      ? 'You cannot take another pause in this period. Please get in touch with us. Then we will find a solution together.'
      : `A pause that long is not possible now. You can pause for ${enMonths(months)} at most.`;
  },
  PAUSE_IN_PAST: () => 'A pause is only possible for a payment that is still to come. Did a payment not work out? Please get in touch with us. It costs nothing.',
  PAUSE_OVERLAPS: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'en' });
    return `You already have a pause ${month === undefined ? 'then' : `in ${month}`}. Please choose another month.`;
  },
  PAUSE_NO_INSTALMENT: (s) => {
    const month = formatMonthText({ month: s.detail, locale: 'en' });
    return `You do not have to pay anything ${month === undefined ? 'then' : `in ${month}`}. So you do not need a pause.`;
  },
  INSTALMENT_REMINDER: (s) => {
    const value = amount(s, 'en');
    const date = formatDateText({ date: s.detail, locale: 'en' });
    return `${date === undefined ? 'Soon' : `On ${date}`} you pay ${value === undefined ? 'again' : value} for your arrangement. Could you make sure the money is in your account? This reminder is free.`;
  },
  INSTALMENT_MISSED: (s) => {
    const value = amount(s, 'en');
    const date = formatDateText({ date: s.detail, locale: 'en' });
    return `We have not received your payment${date === undefined ? '' : ` of ${date}`} yet.${value === undefined ? '' : ` It is ${value}.`} That can happen. No extra costs are added.`;
  },
  GRACE_PERIOD: (s) => {
    const date = formatDateText({ date: s.detail, locale: 'en' });
    return `${date === undefined ? 'You get extra time to pay.' : `You have until ${date} to pay.`} Is that not possible? Please get in touch with us. Then we will find a solution together. Your arrangement does not stop.`;
  },
};

export const STEP_TEXTS: Record<Locale, Record<StepCode, StepText>> = { nl: NL, en: EN };

/** One text per step, in the steps' order, in the resident's language. */
export function explainSteps(params: { readonly steps: readonly ExplanationStep[]; readonly locale: Locale }): string[] {
  const texts = STEP_TEXTS[params.locale];
  return params.steps.map((step) => texts[step.code](step));
}
