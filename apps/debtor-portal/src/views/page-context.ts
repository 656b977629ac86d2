import type { Messages, PortalLocale } from '../i18n/catalogue.js';
import type { FormFields } from '../forms/form-input.js';
import type { ResidentScope } from '../resident/resident-scope.js';

/** What every view needs to know about the request it renders for. */
export interface PageContext {
  readonly locale: PortalLocale;
  readonly t: Messages;
  readonly path: string;
  readonly csrfToken: string | undefined;
  readonly stylesheetPath: string;
  readonly person: { readonly name: string | undefined; readonly counsellor: boolean } | undefined;
  /** A one-time message from the step before ("Gelukt: …"). */
  readonly flash: { readonly kind: 'success' | 'info' | 'warning'; readonly text: string } | undefined;
  /** What was typed before the session expired, for the form on this path. */
  readonly draft: FormFields | undefined;
  /** Whose pages: one's own, or a client's (for a counsellor); every link on the page starts with its base. */
  readonly scope: ResidentScope;
}
