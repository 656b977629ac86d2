import { formatMoney } from '#arrangement';

/** What a resident (and their counsellor) is told about, in plain words. */
export type NotificationKind = 'plan_started' | 'creditor_rejected' | 'creditor_countered' | 'creditor_silent' | 'delivery_failed' | 'payment_reminder' | 'payment_paused';

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
        nl: `Goed nieuws: alle schuldeisers zeggen ja tegen je betaalplan. Je eerste betaling is op ${params.firstDueDate ?? 'de dag na je volgende loon'}. Je krijgt een paar dagen vooraf een herinnering.`,
        en: `Good news: all creditors said yes to your payment plan. Your first payment is on ${params.firstDueDate ?? 'the day after your next pay day'}. You will get a reminder a few days before.`,
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
        nl: `Een herinnering, zonder kosten: op ${params.dueDate ?? ''} betaal je ${formatMoney({ cents: params.amountCents ?? 0, locale: 'nl' })} voor je betaalplan. Lukt dat niet? Laat het ons weten, dan zoeken we samen een oplossing.`,
        en: `A reminder, free of charge: on ${params.dueDate ?? ''} you pay ${formatMoney({ cents: params.amountCents ?? 0, locale: 'en' })} for your payment plan. Can you not pay it? Let us know, and we will find a solution together.`,
      };
    case 'payment_paused':
      return {
        nl: `Je betaalpauze is geregeld: ${params.months ?? 1} ${params.months === 1 ? 'maand' : 'maanden'} betaal je niets. Dit kost je niets extra. Daarna betaal je weer, de eerste keer op ${params.dueDate ?? ''}.`,
        en: `Your payment pause is arranged: you pay nothing for ${params.months ?? 1} ${params.months === 1 ? 'month' : 'months'}. It costs you nothing extra. After that you pay again, first on ${params.dueDate ?? ''}.`,
      };
    case 'delivery_failed':
      return {
        nl: `We konden het betaalplan niet bij ${creditor} krijgen. We hebben het vaak geprobeerd. Neem contact op met ${creditor} of met je schuldhulpverlener.`,
        en: `We could not get the payment plan to ${creditorEn}. We tried many times. Please contact ${creditorEn} or your debt counsellor.`,
      };
  }
}
