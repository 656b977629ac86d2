import { formatDateText, formatMoney, type Locale } from '#arrangement';

const dateText = (date: string | null | undefined, locale: Locale): string | undefined => formatDateText({ date: date ?? undefined, locale });

/** What a resident (and their counsellor) is told about, in plain words. */
export type NotificationKind =
  | 'plan_started'
  | 'creditor_rejected'
  | 'creditor_countered'
  | 'creditor_silent'
  | 'delivery_failed'
  | 'payment_reminder'
  | 'payment_paused'
  | 'payment_received'
  | 'instalment_missed'
  | 'grace_ended'
  | 'plan_completed'
  | 'plan_amended';

export interface NotificationParams {
  readonly creditorName?: string;
  readonly reasonText?: string | null;
  readonly monthlyCents?: number;
  readonly firstDueDate?: string | null;
  /** payment_reminder: the instalment's amount and due date. */
  readonly amountCents?: number;
  readonly dueDate?: string;
  /** payment_paused: how many months, and when payments start again. */
  readonly months?: number;
  /** instalment_missed: the last day of the grace period. */
  readonly graceEndsOn?: string;
}

export interface NotificationText {
  readonly nl: string;
  readonly en: string;
}

/**
 * The texts, Dutch at B1 level (short sentences, everyday words, "je") with English beside them. Each
 * says what happened and what the reader can do next; none blames the resident.
 */
export function notificationText(kind: NotificationKind, params: NotificationParams): NotificationText {
  const creditor = params.creditorName ?? 'Een schuldeiser';
  const creditorEn = params.creditorName ?? 'A creditor';
  switch (kind) {
    case 'plan_started':
      return {
        nl: `Goed nieuws: alle schuldeisers zeggen ja tegen je betaalplan. Je eerste betaling is op ${dateText(params.firstDueDate, 'nl') ?? 'de dag na je volgende loon'}. Je krijgt een paar dagen vooraf een herinnering.`,
        en: `Good news: all creditors said yes to your payment plan. Your first payment is on ${dateText(params.firstDueDate, 'en') ?? 'the day after your next pay day'}. You will get a reminder a few days before.`,
      };
    case 'creditor_rejected':
      return {
        nl: `${creditor} zegt nee tegen het betaalplan.${params.reasonText ? ` De reden: "${params.reasonText}"` : ''} Je kunt een nieuw plan maken met de schuldeisers die ja zeiden. Of bespreek met je schuldhulpverlener wat de volgende stap is.`,
        en: `${creditorEn} said no to the payment plan.${params.reasonText ? ` The reason: "${params.reasonText}"` : ''} You can make a new plan with the creditors who said yes. Or talk with your debt counsellor about the next step.`,
      };
    case 'creditor_countered':
      return {
        nl: `${creditor} doet een tegenvoorstel: ${formatMoney({ cents: params.monthlyCents ?? 0, locale: 'nl' })} per maand. Bekijk het voorstel en kies wat je wilt doen. Je schuldhulpverlener kan je helpen.`,
        en: `${creditorEn} made a counter-proposal: ${formatMoney({ cents: params.monthlyCents ?? 0, locale: 'en' })} a month. Look at the offer and choose what you want to do. Your debt counsellor can help.`,
      };
    case 'creditor_silent':
      return {
        nl: `${creditor} heeft niet op tijd geantwoord op het betaalplan. Je kunt een nieuw plan maken met de schuldeisers die ja zeiden. Of vraag je schuldhulpverlener om hulp.`,
        en: `${creditorEn} did not answer the payment plan in time. You can make a new plan with the creditors who said yes. Or ask your debt counsellor for help.`,
      };
    case 'payment_reminder':
      return {
        nl: `Een herinnering, zonder kosten: op ${dateText(params.dueDate, 'nl') ?? ''} betaal je ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} voor je betaalplan. Lukt dat niet? Laat het ons weten, dan zoeken we samen een oplossing.`,
        en: `A reminder, free of charge: on ${dateText(params.dueDate, 'en') ?? ''} you pay ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} for your payment plan. Can you not pay it? Let us know, and we will find a solution together.`,
      };
    case 'payment_paused':
      return {
        nl: `Je betaalpauze is geregeld: ${params.months ?? 1} ${params.months === 1 ? 'maand' : 'maanden'} betaal je niets. Dit kost je niets extra. Daarna betaal je weer, de eerste keer op ${dateText(params.dueDate, 'nl') ?? ''}.`,
        en: `Your payment pause is arranged: you pay nothing for ${params.months ?? 1} ${params.months === 1 ? 'month' : 'months'}. It costs you nothing extra. After that you pay again, first on ${dateText(params.dueDate, 'en') ?? ''}.`,
      };
    case 'payment_received':
      return {
        nl: `We hebben ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} van je ontvangen voor je betaalplan. Dank je wel!`,
        en: `We received ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} from you for your payment plan. Thank you!`,
      };
    case 'instalment_missed':
      return {
        nl: `We hebben je betaling van ${dateText(params.dueDate, 'nl') ?? ''} nog niet ontvangen. Er staat nog ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} open. Dat kan gebeuren. Je hebt tot ${dateText(params.graceEndsOn, 'nl') ?? ''} de tijd, zonder extra kosten. Je plan blijft gewoon doorlopen. Lukt het niet? Vraag een betaalpauze aan, of neem contact op met je schuldhulpverlener. Samen zoeken we een oplossing.`,
        en: `We have not received your payment of ${dateText(params.dueDate, 'en') ?? ''} yet. ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} is still open. That can happen. You have until ${dateText(params.graceEndsOn, 'en') ?? ''}, at no extra cost. Your plan simply keeps running. Is it not possible? Ask for a payment pause, or contact your debt counsellor. We will find a solution together.`,
      };
    case 'grace_ended':
      return {
        nl: `De extra tijd voor de betaling van ${dateText(params.dueDate, 'nl') ?? ''} is voorbij. Er staat nog ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} open. Je plan stopt niet. Je schuldhulpverlener neemt contact met je op om samen te kijken wat er nodig is.`,
        en: `The extra time for the payment of ${dateText(params.dueDate, 'en') ?? ''} has ended. ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} is still open. Your plan does not stop. Your debt counsellor will contact you to look together at what is needed.`,
      };
    case 'plan_completed':
      return {
        nl: 'Gefeliciteerd! Je hebt alle betalingen van je betaalplan gedaan. De schuldeisers in het plan krijgen het laatste geld. Je bent klaar met dit plan.',
        en: 'Congratulations! You have made all the payments of your payment plan. The creditors in the plan get the last money. You are done with this plan.',
      };
    case 'plan_amended':
      return {
        nl: `Je aangepaste betaalplan gaat in. Alle schuldeisers zeggen ja. Je betaalt voortaan ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} per maand, de eerste keer op ${dateText(params.firstDueDate, 'nl') ?? 'de dag na je volgende loon'}. Je betaalt met hetzelfde betalingskenmerk.`,
        en: `Your amended payment plan starts. All creditors said yes. From now on you pay ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} a month, first on ${dateText(params.firstDueDate, 'en') ?? 'the day after your next pay day'}. You pay with the same payment reference.`,
      };
    case 'delivery_failed':
      return {
        nl: `We konden het betaalplan niet bij ${creditor} krijgen. We hebben het vaak geprobeerd. Neem contact op met ${creditor} of met je schuldhulpverlener.`,
        en: `We could not get the payment plan to ${creditorEn}. We tried many times. Please contact ${creditorEn} or your debt counsellor.`,
      };
  }
}
