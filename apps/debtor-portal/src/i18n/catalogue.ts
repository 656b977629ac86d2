import { ar } from './ar.js';
import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export type { Messages };

/**
 * The languages of the portal. Adding one: a catalogue typed `Messages` (the compiler names every
 * missing text), an entry here with its writing direction, and the `lang` attribute does the rest;
 * the layout already mirrors for right-to-left (logical CSS properties only).
 */
export const PORTAL_LOCALES = {
  nl: { messages: nl, dir: 'ltr', htmlLang: 'nl', platformLocale: 'nl' },
  en: { messages: en, dir: 'ltr', htmlLang: 'en', platformLocale: 'en' },
  // Arabic, right to left. The platform writes its own texts, amounts and dates in Dutch and English
  // only: here they come in Dutch, the language of the residents' letters and bank.
  ar: { messages: ar, dir: 'rtl', htmlLang: 'ar', platformLocale: 'nl' },
} as const satisfies Record<string, PortalLanguage>;

interface PortalLanguage {
  readonly messages: Messages;
  readonly dir: 'ltr' | 'rtl';
  readonly htmlLang: string;
  /**
   * The language of the texts the platform writes itself (explanations, messages) and of amounts and
   * dates: the platform speaks Dutch and English, so another language falls back to one of them.
   */
  readonly platformLocale: 'nl' | 'en';
}

export type PortalLocale = keyof typeof PORTAL_LOCALES;

export const DEFAULT_LOCALE: PortalLocale = 'nl';

export function isPortalLocale(value: unknown): value is PortalLocale {
  return typeof value === 'string' && Object.hasOwn(PORTAL_LOCALES, value);
}

/** The GraphQL Locale enum value for the texts the platform writes itself (explanations, messages). */
export function graphqlLocale(locale: PortalLocale): 'NL' | 'EN' {
  return PORTAL_LOCALES[locale].platformLocale === 'nl' ? 'NL' : 'EN';
}
