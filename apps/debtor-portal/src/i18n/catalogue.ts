import { en } from './en.js';
import { nl, type Messages } from './nl.js';

export type { Messages };

/**
 * The languages of the portal. Adding one: a catalogue typed `Messages` (the compiler names every
 * missing text), an entry here with its writing direction, and the `lang` attribute does the rest;
 * the layout already mirrors for right-to-left (logical CSS properties only).
 */
export const PORTAL_LOCALES = {
  nl: { messages: nl, dir: 'ltr', htmlLang: 'nl' },
  en: { messages: en, dir: 'ltr', htmlLang: 'en' },
} as const satisfies Record<string, { readonly messages: Messages; readonly dir: 'ltr' | 'rtl'; readonly htmlLang: string }>;

export type PortalLocale = keyof typeof PORTAL_LOCALES;

export const DEFAULT_LOCALE: PortalLocale = 'nl';

export function isPortalLocale(value: unknown): value is PortalLocale {
  return typeof value === 'string' && Object.hasOwn(PORTAL_LOCALES, value);
}

/** The GraphQL Locale enum value for the texts the platform writes itself (explanations, messages). */
export function graphqlLocale(locale: PortalLocale): 'NL' | 'EN' {
  return locale === 'nl' ? 'NL' : 'EN';
}
