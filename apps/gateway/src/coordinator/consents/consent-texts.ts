import { ConsentPurpose, CoordinatorErrorCode } from '#contracts';
import { consentTextHash } from '#consent';
import { CoordinatorError } from '../common/coordinator-error.js';

/**
 * The exact texts a resident is shown before saying yes. Every version ever shown stays here,
 * unchanged: its hash is in the ledger, and a resident's receipt must keep matching it. A new
 * wording is a new version, never an edit.
 */
export interface ConsentTextVersion {
  readonly version: string;
  readonly nl: string;
  readonly en: string;
}

const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, readonly ConsentTextVersion[]>> = {
  [ConsentPurpose.DEBT_OVERVIEW]: [
    {
      version: 'debt-overview/2026-11/1',
      nl:
        'U geeft ons toestemming om uw schulden op te vragen bij de schuldeisers die u kiest. ' +
        'Wij laten u dan al uw schulden op één plek zien. ' +
        'Wij vragen alleen wat u hier aanvinkt. ' +
        'U kunt deze toestemming altijd intrekken. Dat is net zo makkelijk als geven. ' +
        'Daarna vragen wij niets meer op.',
      en:
        'You allow us to ask the creditors you choose for your debts. ' +
        'We then show all your debts in one place. ' +
        'We only ask for what you tick here. ' +
        'You can withdraw this consent at any time, as easily as you gave it. ' +
        'After that, we ask for nothing more.',
    },
  ],
  [ConsentPurpose.COLLECTIVE_ARRANGEMENT]: [
    {
      version: 'collective-arrangement/2026-11/1',
      nl:
        'U geeft ons toestemming om uw schulden op te vragen bij de schuldeisers die u kiest. ' +
        'Wij maken daarmee één betaalregeling voor al die schuldeisers samen. ' +
        'Zij krijgen het voorstel en zien alleen hun eigen deel. ' +
        'U kunt deze toestemming altijd intrekken. Dat is net zo makkelijk als geven.',
      en:
        'You allow us to ask the creditors you choose for your debts. ' +
        'We use them to make one payment arrangement for all those creditors together. ' +
        'They receive the proposal and only see their own part. ' +
        'You can withdraw this consent at any time, as easily as you gave it.',
    },
  ],
};

const MANDATE_TEXTS: readonly ConsentTextVersion[] = [
  {
    version: 'mandate/2026-11/1',
    nl:
      'U geeft deze schuldhulpverlener toestemming om namens u te handelen. ' +
      'De hulpverlener mag uw schulden bekijken en met uw schuldeisers een regeling maken. ' +
      'U kunt dit altijd stoppen. Dan mag de hulpverlener niets meer namens u doen.',
    en:
      'You allow this debt counsellor to act on your behalf. ' +
      'The counsellor may look at your debts and arrange a plan with your creditors. ' +
      'You can stop this at any time. Then the counsellor may no longer act for you.',
  },
];

export interface ShownText extends ConsentTextVersion {
  readonly hash: string;
}

/** The hash recorded for a version: over both languages, as shown side by side. */
function shown(text: ConsentTextVersion): ShownText {
  return { ...text, hash: consentTextHash(`${text.version}\n\n${text.nl}\n\n${text.en}`) };
}

function latest(versions: readonly ConsentTextVersion[]): ShownText {
  const text = versions[versions.length - 1];
  if (!text) throw new Error('unreachable: every purpose has a text');
  return shown(text);
}

export function currentConsentText(purpose: ConsentPurpose): ShownText {
  return latest(CONSENT_TEXTS[purpose]);
}

export function currentMandateText(): ShownText {
  return latest(MANDATE_TEXTS);
}

/** The text of a version that was shown, or a clear refusal: consent to an unknown text is no consent. */
export function consentTextOf(purpose: ConsentPurpose, version: string): ShownText {
  return known(CONSENT_TEXTS[purpose], version);
}

export function mandateTextOf(version: string): ShownText {
  return known(MANDATE_TEXTS, version);
}

function known(versions: readonly ConsentTextVersion[], version: string): ShownText {
  const text = versions.find((t) => t.version === version);
  if (!text) {
    throw new CoordinatorError(CoordinatorErrorCode.CONSENT_UNKNOWN_TEXT_VERSION, `Text version "${version}" is unknown for this request.`, [
      { code: CoordinatorErrorCode.CONSENT_UNKNOWN_TEXT_VERSION, field: 'textVersion', message: `Unknown text version "${version}".` },
    ]);
  }
  return shown(text);
}
