/** The languages the explanations are written in. Adding one is a compile error until every text exists. */
export type Locale = 'nl' | 'en';

export const LOCALES: readonly Locale[] = ['nl', 'en'];
